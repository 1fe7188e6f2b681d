//! The finest partition ("atoms") of the map: Voronoi cells of the pre-reform communes of each
//! province, clipped to the province outline, and each cell divided among the post-reform
//! communes it became part of. Every atom belongs to one old commune and (at most) one new
//! commune, so the shapes of both eras are unions of atoms and share their borders exactly.

use std::collections::BTreeMap;

use ntm_core::format::{count, decimal};
use ntm_core::geometry::Transform;
use ntm_core::i18n::{Lang, Msg};

use super::cells::{area2_multi, bbox, disc, distance_to, intersect, snap_inside, voronoi};
use super::topology::{MultiPolygon, Polygon, Pt};
use super::{number, say};

/// The quantization grid all geometry is computed on (degrees per step, origin).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    /// Degrees per grid step, for both longitude and latitude.
    pub step: f64,
    /// Longitude and latitude of grid point `[0, 0]`.
    pub origin: [f64; 2],
}

impl Grid {
    /// A grid of `step` degrees whose origin is at or below-left of `(min_lon, min_lat)`.
    pub fn new(step: f64, min_lon: f64, min_lat: f64) -> Self {
        let snap = |v: f64| (((v / step).floor() * step) * 1e9).round() / 1e9;
        Self {
            step,
            origin: [snap(min_lon), snap(min_lat)],
        }
    }

    /// A position in grid steps (not rounded).
    pub fn to_grid(self, lon: f64, lat: f64) -> [f64; 2] {
        [
            (lon - self.origin[0]) / self.step,
            (lat - self.origin[1]) / self.step,
        ]
    }

    /// The nearest grid point.
    pub fn pt(self, lon: f64, lat: f64) -> Pt {
        let g = self.to_grid(lon, lat);
        [g[0].round() as i32, g[1].round() as i32]
    }

    /// Longitude and latitude of a grid position.
    pub fn degrees(self, p: [f64; 2]) -> [f64; 2] {
        [
            p[0] * self.step + self.origin[0],
            p[1] * self.step + self.origin[1],
        ]
    }

    /// Grid steps per kilometre on the ground (north–south).
    pub fn per_km(self) -> f64 {
        1.0 / 111.2 / self.step
    }

    /// The transform stored in geometry files.
    pub fn transform(self) -> Transform {
        Transform {
            scale: [self.step, self.step],
            translate: self.origin,
        }
    }
}

/// A pre-reform province with its outline.
#[derive(Clone, Debug)]
pub struct Province {
    /// Label for messages, e.g. `province 20 (Lạng Sơn)`.
    pub label: String,
    /// Outline on the grid.
    pub outline: MultiPolygon,
}

/// A pre-reform commune.
#[derive(Clone, Debug)]
pub struct OldCommune {
    /// Label for messages, e.g. `unit 06079 (Xã Hồng Phong)`.
    pub label: String,
    /// Index into the provinces.
    pub province: usize,
    /// Centroid in grid steps.
    pub at: [f64; 2],
    /// Indices of the post-reform communes it became (part of).
    pub successors: Vec<usize>,
}

/// A post-reform commune.
#[derive(Clone, Debug)]
pub struct NewCommune {
    /// Label for messages.
    pub label: String,
    /// Centroid in grid steps, where known.
    pub at: Option<[f64; 2]>,
}

/// Distances (km) that decide how odd centroids are treated.
#[derive(Clone, Copy, Debug)]
#[allow(clippy::struct_field_names)] // every field is a distance in km
pub struct Params {
    /// A centroid farther than this outside its province outline is drawn as a small disc.
    pub offshore_km: f64,
    /// A piece of a clipped cell farther than this from its centroid (an island with no
    /// commune of its own) is left out.
    pub island_km: f64,
    /// Radius of the discs drawn for offshore communes.
    pub disc_km: f64,
    /// Communes sharing one centroid are spread on a circle of this radius.
    pub spread_km: f64,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            offshore_km: 12.0,
            island_km: 30.0,
            disc_km: 1.5,
            spread_km: 0.8,
        }
    }
}

/// One piece of the partition.
#[derive(Clone, Debug)]
pub struct Atom {
    /// The pre-reform commune it belongs to (none for a post-reform commune with no
    /// pre-reform commune, such as a special zone made from a district without communes).
    pub old: Option<usize>,
    /// The post-reform commune it belongs to (none when the old commune has no successor).
    pub new: Option<usize>,
    /// Its shape.
    pub shape: MultiPolygon,
}

/// The atoms and what was worth telling about them.
#[derive(Debug, Default)]
pub struct Partition {
    /// All atoms.
    pub atoms: Vec<Atom>,
    /// Notes on repaired input (spread centroids, offshore discs, dropped islands).
    pub warnings: Vec<String>,
}

/// A cell of an old commune: its pieces, and which piece holds the centroid.
struct Cell {
    pieces: Vec<Polygon>,
    home: usize,
}

/// Spreads groups of identical sites on a small circle, deterministically (the first of a
/// group in input order at angle 0). Returns the labels of each spread group.
fn spread(sites: &mut [[f64; 2]], radius: f64, kx: f64) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<(u64, u64), Vec<usize>> = BTreeMap::new();
    for (i, s) in sites.iter().enumerate() {
        groups
            .entry((s[0].to_bits(), s[1].to_bits()))
            .or_default()
            .push(i);
    }
    let mut spread = Vec::new();
    for members in groups.into_values().filter(|m| m.len() > 1) {
        let m = members.len() as f64;
        for (k, &i) in members.iter().enumerate() {
            let a = k as f64 * std::f64::consts::TAU / m;
            sites[i] = [
                sites[i][0] + radius * a.cos() / kx,
                sites[i][1] + radius * a.sin(),
            ];
        }
        spread.push(members);
    }
    spread
}

fn kx_for(grid: &Grid, ys: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut n) = (0.0, 0.0);
    for y in ys {
        sum += grid.degrees([0.0, y])[1];
        n += 1.0;
    }
    if n == 0.0 {
        1.0
    } else {
        (sum / n).to_radians().cos()
    }
}

/// Builds the atoms. Errors name the unit or province; warnings describe repairs; both, and
/// the progress lines, in the language `lang`.
#[allow(clippy::too_many_lines)]
pub fn build(
    grid: &Grid,
    provinces: &[Province],
    olds: &[OldCommune],
    news: &[NewCommune],
    params: Params,
    lang: Lang,
    progress: &mut dyn FnMut(&str),
) -> Result<Partition, Vec<String>> {
    let km = grid.per_km();
    let mut errors = Vec::new();
    let mut out = Partition::default();
    let mut cells: Vec<Option<Cell>> = (0..olds.len()).map(|_| None).collect();
    let mut orphans: Vec<Polygon> = Vec::new();
    let mut by_province: Vec<Vec<usize>> = vec![Vec::new(); provinces.len()];
    for (i, o) in olds.iter().enumerate() {
        by_province[o.province].push(i);
    }
    let mut kxs = vec![1.0; provinces.len()];
    for (p, members) in by_province.iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let prov = &provinces[p];
        if p % 8 == 0 || members.len() > 300 {
            progress(&say(
                lang,
                Msg::CliGeoProgressCells,
                &[
                    ("province", &prov.label),
                    ("n", &count(lang, members.len())),
                ],
            ));
        }
        let kx = kx_for(grid, members.iter().map(|&i| olds[i].at[1]));
        kxs[p] = kx;
        let mut inland = Vec::new();
        for &i in members {
            let d = distance_to(olds[i].at, &prov.outline, kx);
            if d > params.offshore_km * km {
                out.warnings.push(say(
                    lang,
                    Msg::CliGeoCentroidFarOutside,
                    &[
                        ("unit", &olds[i].label),
                        ("km", &decimal(lang, d / km, 0)),
                        ("province", &prov.label),
                    ],
                ));
                let ring = disc(olds[i].at, params.disc_km * km, kx, 12);
                cells[i] = Some(Cell {
                    pieces: vec![vec![ring]],
                    home: 0,
                });
            } else {
                inland.push(i);
            }
        }
        if inland.is_empty() {
            continue;
        }
        // Centroids outside the (coarse) outline are mirrored across its nearest edge, keeping
        // their spacing, or their cells could miss the province altogether.
        let mut sites: Vec<[f64; 2]> = Vec::with_capacity(inland.len());
        for &i in &inland {
            let at = olds[i].at;
            let d = distance_to(at, &prov.outline, kx);
            if d == 0.0 {
                sites.push(at);
            } else if let Some(moved) = snap_inside(at, &prov.outline, kx, d.max(0.3 * km)) {
                out.warnings.push(say(
                    lang,
                    Msg::CliGeoCentroidMirrored,
                    &[
                        ("unit", &olds[i].label),
                        ("km", &decimal(lang, d / km, 1)),
                        ("province", &prov.label),
                    ],
                ));
                sites.push(moved);
            } else {
                sites.push(at);
            }
        }
        for group in spread(&mut sites, params.spread_km * km, kx) {
            let names: Vec<&str> = group
                .iter()
                .map(|&k| olds[inland[k]].label.as_str())
                .collect();
            out.warnings.push(say(
                lang,
                Msg::CliGeoSharedCentroid,
                &[
                    ("units", &names.join(", ")),
                    ("km", &number(lang, params.spread_km)),
                ],
            ));
        }
        let vor = match voronoi(&sites, kx, bbox(&prov.outline)) {
            Ok(v) => v,
            Err(e) => {
                errors.push(say(
                    lang,
                    Msg::CliGeoVoronoiFailed,
                    &[("province", &prov.label), ("detail", &e)],
                ));
                continue;
            }
        };
        for ((&i, ring), site) in inland.iter().zip(vor).zip(&sites) {
            let clipped = intersect(&vec![vec![ring]], &prov.outline);
            if clipped.is_empty() {
                errors.push(say(
                    lang,
                    Msg::CliGeoEmptyCell,
                    &[("unit", &olds[i].label), ("province", &prov.label)],
                ));
                continue;
            }
            let dist: Vec<f64> = clipped
                .iter()
                .map(|poly| distance_to(*site, &vec![poly.clone()], kx))
                .collect();
            let home = (0..clipped.len())
                .min_by(|&a, &b| dist[a].total_cmp(&dist[b]))
                .unwrap_or(0);
            let mut pieces = Vec::new();
            let mut new_home = 0;
            for (k, poly) in clipped.into_iter().enumerate() {
                if k == home {
                    new_home = pieces.len();
                    pieces.push(poly);
                } else if dist[k] <= params.island_km * km {
                    pieces.push(poly);
                } else {
                    orphans.push(poly);
                }
            }
            cells[i] = Some(Cell {
                pieces,
                home: new_home,
            });
        }
    }

    // Post-reform communes with no pre-reform commune (special zones made from districts
    // without communes): an island piece under their centroid, else a small disc.
    let mut has_pred = vec![false; news.len()];
    for o in olds {
        for &s in &o.successors {
            has_pred[s] = true;
        }
    }
    for (n, new) in news.iter().enumerate().filter(|(n, _)| !has_pred[*n]) {
        let Some(at) = new.at else {
            errors.push(say(
                lang,
                Msg::CliGeoNoCentroidNoPredecessor,
                &[("unit", &new.label)],
            ));
            continue;
        };
        let kx = kx_for(grid, std::iter::once(at[1]));
        let inside = |poly: &Polygon| distance_to(at, &vec![poly.clone()], kx) == 0.0;
        if let Some(k) = orphans.iter().position(inside) {
            let poly = orphans.swap_remove(k);
            out.atoms.push(Atom {
                old: None,
                new: Some(n),
                shape: vec![poly],
            });
            continue;
        }
        // An island piece of an old commune's cell, other than the piece holding its centroid.
        let mut taken = false;
        for cell in cells.iter_mut().flatten() {
            if let Some(k) =
                (0..cell.pieces.len()).find(|&k| k != cell.home && inside(&cell.pieces[k]))
            {
                let poly = cell.pieces.remove(k);
                if k < cell.home {
                    cell.home -= 1;
                }
                out.atoms.push(Atom {
                    old: None,
                    new: Some(n),
                    shape: vec![poly],
                });
                taken = true;
                break;
            }
        }
        if taken {
            continue;
        }
        let covered = cells.iter().flatten().any(|c| c.pieces.iter().any(inside));
        if covered {
            out.warnings.push(say(
                lang,
                Msg::CliGeoNoPredecessorCovered,
                &[("unit", &new.label)],
            ));
        } else {
            out.warnings.push(say(
                lang,
                Msg::CliGeoNoPredecessorDisc,
                &[("unit", &new.label)],
            ));
            out.atoms.push(Atom {
                old: None,
                new: Some(n),
                shape: vec![vec![disc(at, params.disc_km * km, kx, 12)]],
            });
        }
    }
    if !orphans.is_empty() {
        out.warnings.push(say(
            lang,
            Msg::CliGeoIslandsDropped,
            &[
                ("n", &count(lang, orphans.len())),
                ("km", &number(lang, params.island_km)),
            ],
        ));
    }

    // Divide each old cell among its successors. A successor whose centroid lies so far away
    // that it gets nothing at all is given its share from the old commune's own centroid.
    progress(Msg::CliGeoProgressDividing.text(lang));
    let shapes: Vec<Option<MultiPolygon>> =
        cells.into_iter().map(|c| c.map(|c| c.pieces)).collect();
    let mut overrides: BTreeMap<(usize, usize), [f64; 2]> = BTreeMap::new();
    let mut divided: Vec<Vec<Atom>> = vec![Vec::new(); olds.len()];
    let mut todo: Vec<usize> = (0..olds.len()).collect();
    for round in 0..2 {
        for &i in &todo {
            let Some(shape) = &shapes[i] else { continue };
            match divide(
                i,
                &olds[i],
                shape,
                news,
                &overrides,
                kxs[olds[i].province],
                params.spread_km * km / 4.0,
            ) {
                Ok(atoms) => divided[i] = atoms,
                Err(e) => errors.push(e.message(&olds[i], news, lang)),
            }
        }
        let mut got = vec![false; news.len()];
        for a in divided.iter().flatten().chain(&out.atoms) {
            if let Some(n) = a.new {
                got[n] = true;
            }
        }
        todo.clear();
        for (n, new) in news
            .iter()
            .enumerate()
            .filter(|(n, _)| has_pred[*n] && !got[*n])
        {
            let pred =
                (0..olds.len()).find(|&i| olds[i].successors.contains(&n) && shapes[i].is_some());
            match (round, pred) {
                (0, Some(i)) => {
                    overrides.insert((i, n), olds[i].at);
                    todo.push(i);
                }
                _ => errors.push(say(
                    lang,
                    Msg::CliGeoEmptySuccessor,
                    &[("unit", &new.label)],
                )),
            }
        }
        todo.sort_unstable();
        todo.dedup();
        if todo.is_empty() {
            break;
        }
    }
    for (i, o) in olds.iter().enumerate() {
        if o.successors.is_empty() && shapes[i].is_some() {
            out.warnings
                .push(say(lang, Msg::CliGeoNoSuccessor, &[("unit", &o.label)]));
        }
    }
    out.atoms.extend(divided.into_iter().flatten());
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Why an old commune could not be divided among its successors.
enum DivideError {
    /// The successor (an index into the new communes) has no centroid.
    NoCentroid(usize),
    /// The Voronoi cells of the successors failed.
    Voronoi(String),
}

impl DivideError {
    fn message(&self, o: &OldCommune, news: &[NewCommune], lang: Lang) -> String {
        match self {
            DivideError::NoCentroid(s) => say(
                lang,
                Msg::CliGeoNoCentroidToDivide,
                &[("unit", &news[*s].label), ("old", &o.label)],
            ),
            DivideError::Voronoi(e) => say(
                lang,
                Msg::CliGeoDivideFailed,
                &[("unit", &o.label), ("detail", e)],
            ),
        }
    }
}

/// The atoms of one old commune: its whole cell for one successor, else the cell divided by
/// the Voronoi cells of the successors' centroids.
fn divide(
    i: usize,
    o: &OldCommune,
    shape: &MultiPolygon,
    news: &[NewCommune],
    overrides: &BTreeMap<(usize, usize), [f64; 2]>,
    kx: f64,
    spread_radius: f64,
) -> Result<Vec<Atom>, DivideError> {
    match o.successors.as_slice() {
        [] => Ok(vec![Atom {
            old: Some(i),
            new: None,
            shape: shape.clone(),
        }]),
        [s] => Ok(vec![Atom {
            old: Some(i),
            new: Some(*s),
            shape: shape.clone(),
        }]),
        many => {
            let mut sites = Vec::new();
            for &s in many {
                match overrides.get(&(i, s)).copied().or(news[s].at) {
                    Some(at) => sites.push(at),
                    None => return Err(DivideError::NoCentroid(s)),
                }
            }
            spread(&mut sites, spread_radius, kx);
            let vor = voronoi(&sites, kx, bbox(shape)).map_err(DivideError::Voronoi)?;
            let mut atoms = Vec::new();
            for (&s, ring) in many.iter().zip(vor) {
                let part = intersect(&vec![vec![ring]], shape);
                if area2_multi(&part) > 0 {
                    atoms.push(Atom {
                        old: Some(i),
                        new: Some(s),
                        shape: part,
                    });
                }
            }
            Ok(atoms)
        }
    }
}
