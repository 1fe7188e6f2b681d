//! `lite`: the data-saver variant of the geometry: each era's shapes split per province and
//! coarsened (a coarser grid and stronger simplification), so a phone on a metered connection
//! loads only the province it looks at, at a resolution a small screen can show.
//!
//! Works on the files `geometry` wrote. Every arc is coarsened on its own with its endpoints
//! kept, so borders shared by two communes (or two provinces) stay identical in every file.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use geo::{LineString, Simplify};
use ntm_core::format::{bytes, count};
use ntm_core::geometry::{GeometryDoc, Shape, Transform, arc_ref};
use ntm_core::i18n::{Lang, Msg};
use ntm_core::model::{Dataset, Level};

use crate::build::LangArg;
use crate::geo::{read_error, say, write_error};

/// Arguments of `lite`.
#[derive(clap::Args)]
pub struct LiteArgs {
    /// The dataset (statistics file); its `geometry` files are read from the same folder.
    #[arg(long, default_value = "public/data/ntm.json")]
    pub dataset: PathBuf,
    /// Output folder for `<era>-<province id>.json`.
    #[arg(long, default_value = "public/data/lite/")]
    pub out: PathBuf,
    /// How many grid steps of the full files make one step of the lite files.
    #[arg(long, default_value_t = 5)]
    pub factor: i64,
    /// Simplification tolerance, in lite grid steps.
    #[arg(long, default_value_t = 1.0)]
    pub simplify: f64,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub lang: LangArg,
}

/// Decodes one arc's delta-encoded integers into absolute grid points.
fn absolute(flat: &[i64]) -> Vec<[i64; 2]> {
    let mut out = Vec::with_capacity(flat.len() / 2);
    let (mut x, mut y) = (0i64, 0i64);
    for (k, p) in flat.chunks_exact(2).enumerate() {
        if k == 0 {
            (x, y) = (p[0], p[1]);
        } else {
            x += p[0];
            y += p[1];
        }
        out.push([x, y]);
    }
    out
}

fn delta(points: &[[i64; 2]]) -> Vec<i64> {
    let mut out = Vec::with_capacity(points.len() * 2);
    let mut prev = [0i64, 0i64];
    for (k, p) in points.iter().enumerate() {
        if k == 0 {
            out.extend_from_slice(p);
        } else {
            out.push(p[0] - prev[0]);
            out.push(p[1] - prev[1]);
        }
        prev = *p;
    }
    out
}

/// A coarser copy of a geometry file: grid `factor` times coarser, each arc simplified with
/// its endpoints kept. Arcs that collapse to a point keep their two endpoints.
pub fn coarsen(doc: &GeometryDoc, factor: i64, tolerance: f64) -> GeometryDoc {
    let factor = factor.max(1);
    let arcs = doc
        .arcs
        .iter()
        .map(|flat| {
            let pts: Vec<[i64; 2]> = absolute(flat)
                .into_iter()
                .map(|[x, y]| {
                    [
                        (x as f64 / factor as f64).round() as i64,
                        (y as f64 / factor as f64).round() as i64,
                    ]
                })
                .collect();
            let line: LineString<f64> = pts.iter().map(|p| (p[0] as f64, p[1] as f64)).collect();
            let simple = line.simplify(tolerance);
            let mut out: Vec<[i64; 2]> =
                simple.0.iter().map(|c| [c.x as i64, c.y as i64]).collect();
            out.dedup();
            if out.len() < 2 {
                out = vec![pts[0], *pts.last().unwrap_or(&pts[0])];
            }
            delta(&out)
        })
        .collect();
    let t = doc.transform;
    GeometryDoc {
        schema: doc.schema,
        era: doc.era,
        transform: Transform {
            scale: [t.scale[0] * factor as f64, t.scale[1] * factor as f64],
            translate: t.translate,
        },
        arcs,
        shapes: doc.shapes.clone(),
    }
}

/// Splits a geometry file by a key of each shape's unit (its province): each part keeps only
/// the arcs its shapes use, renumbered.
pub fn split(
    doc: &GeometryDoc,
    key: impl Fn(&str) -> Option<String>,
) -> BTreeMap<String, GeometryDoc> {
    let mut groups: BTreeMap<String, Vec<&Shape>> = BTreeMap::new();
    for s in &doc.shapes {
        if let Some(k) = key(&s.unit) {
            groups.entry(k).or_default().push(s);
        }
    }
    groups
        .into_iter()
        .map(|(k, shapes)| {
            let mut renumber: HashMap<usize, i32> = HashMap::new();
            let mut arcs = Vec::new();
            let shapes = shapes
                .into_iter()
                .map(|s| Shape {
                    unit: s.unit.clone(),
                    approx: s.approx,
                    polygons: s
                        .polygons
                        .iter()
                        .map(|poly| {
                            poly.iter()
                                .map(|ring| {
                                    ring.iter()
                                        .map(|&r| {
                                            let (a, rev) = arc_ref(r);
                                            let n = *renumber.entry(a).or_insert_with(|| {
                                                arcs.push(doc.arcs[a].clone());
                                                (arcs.len() - 1) as i32
                                            });
                                            if rev { !n } else { n }
                                        })
                                        .collect()
                                })
                                .collect()
                        })
                        .collect(),
                })
                .collect();
            (
                k,
                GeometryDoc {
                    schema: doc.schema,
                    era: doc.era,
                    transform: doc.transform,
                    arcs,
                    shapes,
                },
            )
        })
        .collect()
}

/// Runs `lite`.
pub fn run(args: &LiteArgs) -> Result<ExitCode, String> {
    let lang = Lang::from(args.lang);
    let text = crate::geo::read_text(&args.dataset, lang)?;
    let data: Dataset = ntm_core::load::parse_dataset(&text).map_err(|e| {
        let name = args.dataset.display().to_string();
        format!("{name}: {}", e.message(lang, &name))
    })?;
    let folder = args.dataset.parent().unwrap_or(Path::new("."));
    let units: HashMap<&str, &ntm_core::model::Unit> =
        data.units.iter().map(|u| (u.id.as_str(), u)).collect();
    let province = |id: &str| {
        let mut cur = *units.get(id)?;
        for _ in 0..4 {
            if cur.kind.level() == Level::Province {
                return Some(cur.id.clone());
            }
            cur = units.get(cur.parent.as_deref()?)?;
        }
        None
    };
    std::fs::create_dir_all(&args.out).map_err(|e| write_error(&args.out, &e, lang))?;
    let mut written = 0;
    for g in &data.geometry {
        let path = folder.join(&g.file);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                say(
                    lang,
                    Msg::CliLiteGeometryMissing,
                    &[
                        ("path", &path.display().to_string()),
                        ("dataset", &args.dataset.display().to_string()),
                        ("folder", &folder.display().to_string()),
                    ],
                )
            } else {
                read_error(&path, &e, lang)
            }
        })?;
        let doc = ntm_core::geometry::parse(&text)
            .map_err(|e| format!("{}: {}", path.display(), e.message(lang)))?;
        let coarse = coarsen(&doc, args.factor, args.simplify);
        for (prov, part) in split(&coarse, province) {
            let name = g.era.lite_file(&prov);
            let name = name.trim_start_matches("lite/");
            let out = args.out.join(name);
            let json = serde_json::to_string(&part).map_err(|e| e.to_string())?;
            std::fs::write(&out, &json).map_err(|e| write_error(&out, &e, lang))?;
            written += 1;
            note!(
                "{}",
                say(
                    lang,
                    Msg::CliLiteWrote,
                    &[
                        ("path", &out.display().to_string()),
                        ("shapes", &count(lang, part.shapes.len())),
                        ("size", &bytes(lang, json.len() as u64)),
                    ],
                )
            );
        }
    }
    note!(
        "{}",
        say(
            lang,
            Msg::CliLiteDone,
            &[
                ("files", &count(lang, written)),
                ("folder", &args.out.display().to_string()),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ntm_core::validate::Report;

    fn doc() -> GeometryDoc {
        // Two squares side by side, 100 grid steps wide, sharing arc 0; the right one with a
        // wiggly outer arc that simplification removes.
        let text = r#"{"schema":1,"era":"pre2025","transform":{"scale":[0.0001,0.0001],"translate":[106,21]},
            "arcs":[[100,0,0,100],[100,100,-100,0,0,-100,100,0],[100,0,50,1,50,-1,0,100,-100,0]],
            "shapes":[{"unit":"a","polygons":[[[0,1]]]},{"unit":"b","polygons":[[[-1,2]]]}]}"#;
        ntm_core::geometry::parse(text).unwrap()
    }

    #[test]
    fn coarsening_keeps_shared_arcs_shared_and_drops_wiggles() {
        let c = coarsen(&doc(), 5, 1.0);
        assert!(
            (c.transform.scale[0] - 0.0005).abs() < 1e-12
                && (c.transform.scale[1] - 0.0005).abs() < 1e-12
        );
        assert_eq!(c.arcs[0], vec![20, 0, 0, 20]);
        // The wiggle of one grid step vanishes.
        assert_eq!(absolute(&c.arcs[2]).len(), 4);
        let mut report = Report::default();
        let g = ntm_core::geometry::decode(c, &mut report);
        assert!(report.problems.is_empty());
        assert_eq!(g.arc_sides[0], [Some(0), Some(1)]);
    }

    #[test]
    fn splitting_keeps_only_the_arcs_each_part_uses() {
        let parts = split(&doc(), |u| {
            Some(if u == "a" { "p1".into() } else { "p2".into() })
        });
        assert_eq!(parts.len(), 2);
        assert_eq!(parts["p1"].arcs.len(), 2);
        assert_eq!(parts["p2"].arcs.len(), 2);
        // The shared arc is copied into both parts, renumbered.
        assert_eq!(parts["p2"].shapes[0].polygons[0][0], vec![!0, 1]);
        for part in parts.values() {
            let mut report = Report::default();
            ntm_core::geometry::decode(part.clone(), &mut report);
            assert!(report.problems.is_empty());
        }
    }
}
