//! The locator inset `vietnam.json`: the 63 pre-2025 provinces (shapes keyed by GSO province
//! code, e.g. `20`) from Natural Earth, heavily simplified, in the same geometry format as the
//! commune files, plus the Hoàng Sa (Paracel) and Trường Sa (Spratly) archipelagos, which
//! Natural Earth's Vietnamese provinces lack and official Vietnamese maps always show.
//!
//! The archipelagos are **schematic**: a few tiny diamond-shaped islands at approximate positions
//! of their main features, keyed `hoang-sa` and `truong-sa` and flagged `approx`. They mark
//! where the archipelagos are; they are not surveyed shapes.

use ntm_core::geometry::GeometryDoc;
use ntm_core::i18n::{Lang, Msg};
use ntm_core::model::Era;

use super::encode::{EraShape, atom_topology, coarsen, encode, era_shapes};
use super::partition::{Atom, Grid};
use super::provinces::{Feature, PRE2025_PROVINCES, match_features};
use super::topology::{MultiPolygon, Ring};
use super::{outline_on_grid, province_label, say};

/// Grid step of the inset, degrees.
pub const INSET_GRID: f64 = 0.01;
/// Simplification tolerance of the inset, grid steps.
pub const INSET_SIMPLIFY: f64 = 2.5;
/// Half-diagonal of a schematic island, degrees.
const ISLAND_RADIUS: f64 = 0.07;

/// Approximate positions `[lat, lon]` of main features of the Hoàng Sa archipelago (Hoàng Sa,
/// Phú Lâm, Linh Côn, Tri Tôn, Quang Ảnh, Bông Bay islands).
pub const HOANG_SA: [[f64; 2]; 6] = [
    [16.53, 111.61],
    [16.83, 112.34],
    [16.67, 112.73],
    [15.78, 111.20],
    [16.45, 111.51],
    [16.05, 112.52],
];

/// Approximate positions `[lat, lon]` of main features of the Trường Sa archipelago (Song Tử
/// Tây, Sơn Ca, Nam Yết, Sinh Tồn, Trường Sa Lớn, Phan Vinh, An Bang, Đá Tây).
pub const TRUONG_SA: [[f64; 2]; 8] = [
    [11.43, 114.33],
    [10.38, 114.48],
    [10.18, 114.36],
    [9.88, 114.33],
    [8.64, 111.92],
    [8.97, 113.68],
    [7.89, 112.91],
    [8.85, 112.23],
];

fn islands(grid: &Grid, at: &[[f64; 2]]) -> MultiPolygon {
    at.iter()
        .map(|&[lat, lon]| {
            let r = ISLAND_RADIUS;
            let ring: Ring = vec![
                grid.pt(lon, lat - r),
                grid.pt(lon + r, lat),
                grid.pt(lon, lat + r),
                grid.pt(lon - r, lat),
            ];
            vec![ring]
        })
        .collect()
}

/// Builds the inset from a GeoJSON of all 63 pre-2025 provinces; problems in the language
/// `lang`.
pub fn build_inset(
    features: &[Feature],
    source: &str,
    lang: Lang,
) -> Result<GeometryDoc, Vec<String>> {
    let pairs: Vec<(String, String)> = PRE2025_PROVINCES
        .iter()
        .map(|(c, n)| ((*c).to_owned(), (*n).to_owned()))
        .collect();
    let m = match_features(features, &pairs, lang)?;
    let missing: Vec<String> = PRE2025_PROVINCES
        .iter()
        .filter(|(c, _)| !m.by_code.contains_key(*c))
        .map(|(c, n)| {
            say(
                lang,
                Msg::CliGeoNoOutline,
                &[
                    ("province", &province_label(c, n, lang)),
                    ("source", source),
                ],
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut min = [f64::INFINITY, f64::INFINITY];
    for p in features
        .iter()
        .flat_map(|f| f.polygons.iter().flatten().flatten())
    {
        min = [min[0].min(p[0]), min[1].min(p[1])];
    }
    for p in HOANG_SA.iter().chain(&TRUONG_SA) {
        min = [min[0].min(p[1] - 1.0), min[1].min(p[0] - 1.0)];
    }
    let out_grid = Grid::new(INSET_GRID, min[0], min[1]);
    let k = super::fine_factor(INSET_GRID);
    let grid = Grid {
        step: INSET_GRID / f64::from(k),
        origin: out_grid.origin,
    };
    let mut atoms: Vec<Atom> = PRE2025_PROVINCES
        .iter()
        .enumerate()
        .map(|(i, (code, _))| Atom {
            old: Some(i),
            new: None,
            shape: outline_on_grid(&grid, m.by_code[*code].iter().map(|&k| &features[k])),
        })
        .collect();
    let n = PRE2025_PROVINCES.len();
    atoms.push(Atom {
        old: Some(n),
        new: None,
        shape: islands(&grid, &HOANG_SA),
    });
    atoms.push(Atom {
        old: Some(n + 1),
        new: None,
        shape: islands(&grid, &TRUONG_SA),
    });
    let topo = atom_topology(&atoms, INSET_SIMPLIFY * f64::from(k));
    let shapes = era_shapes(&atoms, &topo, |a| a.old);
    let list: Vec<EraShape> = shapes
        .into_iter()
        .map(|(i, shape)| (i, coarsen(&shape, k)))
        .map(|(i, shape)| match PRE2025_PROVINCES.get(i) {
            Some((code, _)) => EraShape {
                unit: (*code).to_owned(),
                shape,
                approx: false,
            },
            None => {
                let key = if i == n { "hoang-sa" } else { "truong-sa" };
                EraShape {
                    unit: key.to_owned(),
                    shape,
                    approx: true,
                }
            }
        })
        .collect();
    Ok(encode(Era::Pre2025, &out_grid, &list, 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archipelagos_lie_in_the_south_china_sea_east_of_the_coast() {
        for [lat, lon] in HOANG_SA {
            assert!((15.5..17.5).contains(&lat) && (111.0..113.0).contains(&lon));
        }
        for [lat, lon] in TRUONG_SA {
            assert!((7.5..12.0).contains(&lat) && (111.5..115.0).contains(&lon));
        }
    }
}
