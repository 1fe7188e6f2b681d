//! From atoms to the geometry files of both eras: one topology for all atoms (noded, cut into
//! shared arcs, simplified once), then per era the union of each unit's atoms, cut again into
//! that era's arcs and written as a [`GeometryDoc`].
//!
//! Because both eras are built from the same simplified atom arcs, a border that did not move
//! in the reform has the very same points in both files.

use std::collections::{BTreeMap, HashMap};

use ntm_core::geometry::{GEOMETRY_SCHEMA, GeometryDoc, Shape, arc_ref};
use ntm_core::model::Era;

use super::partition::{Atom, Grid};
use super::topology::{
    MultiPolygon, Pt, Ring, area2, clean_ring, extract_arcs, group_polygons, node, simplify_arcs,
    union_rings,
};

/// Atoms cut into shared, simplified arcs.
#[derive(Debug)]
pub struct AtomTopology {
    /// Arcs (grid points).
    pub arcs: Vec<Vec<Pt>>,
    /// For each atom, its rings as arc references.
    pub rings: Vec<Vec<Vec<i32>>>,
    /// Vertices inserted by noding.
    pub noded: usize,
}

/// Nodes, cuts and simplifies the atoms (`tol` in grid steps).
pub fn atom_topology(atoms: &[Atom], tol: f64) -> AtomTopology {
    let mut rings: Vec<Ring> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (a, atom) in atoms.iter().enumerate() {
        for ring in atom.shape.iter().flatten() {
            rings.push(ring.clone());
            owner.push(a);
        }
    }
    let noded = node(&mut rings, 1.5);
    let topo = extract_arcs(&rings);
    let mut arcs = topo.arcs;
    simplify_arcs(&mut arcs, tol);
    let mut per_atom = vec![Vec::new(); atoms.len()];
    for (refs, a) in topo.rings.into_iter().zip(owner) {
        if !refs.is_empty() {
            per_atom[a].push(refs);
        }
    }
    AtomTopology {
        arcs,
        rings: per_atom,
        noded,
    }
}

/// The shape of each unit of an era: the union of its atoms. `unit_of` gives an atom's unit.
pub fn era_shapes(
    atoms: &[Atom],
    topo: &AtomTopology,
    unit_of: impl Fn(&Atom) -> Option<usize>,
) -> BTreeMap<usize, MultiPolygon> {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (a, atom) in atoms.iter().enumerate() {
        if let Some(u) = unit_of(atom) {
            members.entry(u).or_default().push(a);
        }
    }
    members
        .into_iter()
        .map(|(u, list)| {
            let rings = union_rings(
                list.iter()
                    .flat_map(|&a| topo.rings[a].iter().map(Vec::as_slice)),
                &topo.arcs,
            );
            (u, group_polygons(rings))
        })
        .filter(|(_, shape)| !shape.is_empty())
        .collect()
}

/// Moves shapes from the fine computation grid to the output grid, `k` fine steps per output
/// step. A border shared by two shapes has the same points, so it stays shared; rings that
/// collapse are dropped.
pub fn coarsen(shape: &MultiPolygon, k: i32) -> MultiPolygon {
    if k == 1 {
        return shape.clone();
    }
    let kf = f64::from(k);
    let q = |p: &Pt| -> Pt {
        [
            (f64::from(p[0]) / kf).round() as i32,
            (f64::from(p[1]) / kf).round() as i32,
        ]
    };
    let mut out = MultiPolygon::new();
    for poly in shape {
        let mut rings = Vec::new();
        for (i, ring) in poly.iter().enumerate() {
            let mut r: Ring = ring.iter().map(q).collect();
            clean_ring(&mut r);
            let a = area2(&r);
            if r.len() < 3 || (i == 0 && a <= 0) || (i > 0 && a >= 0) {
                if i == 0 {
                    break;
                }
                continue;
            }
            rings.push(r);
        }
        if !rings.is_empty() {
            out.push(rings);
        }
    }
    out
}

/// One unit's shape, ready to encode.
#[derive(Debug, Clone)]
pub struct EraShape {
    /// Unit id.
    pub unit: String,
    /// The shape on the grid.
    pub shape: MultiPolygon,
    /// Whether the boundary is approximate.
    pub approx: bool,
}

/// Encodes shapes (in the order given) as a geometry file: arcs cut at this era's junctions,
/// numbered in order of first use and stored in the direction first walked.
///
/// `era_tol` (grid steps) simplifies this era's arcs once more. With 0 every border keeps the
/// points of the atom arcs, so both eras' files draw an unchanged border identically; above 0
/// a border made of several pre-reform borders may drop their corners (an arc that is the same
/// in both eras is still simplified the same way in both).
pub fn encode(era: Era, grid: &Grid, shapes: &[EraShape], era_tol: f64) -> GeometryDoc {
    let rings: Vec<Ring> = shapes
        .iter()
        .flat_map(|s| s.shape.iter().flatten().cloned())
        .collect();
    let mut topo = extract_arcs(&rings);
    simplify_arcs(&mut topo.arcs, era_tol);
    let mut new_index: HashMap<usize, (usize, bool)> = HashMap::new();
    let mut arcs_out: Vec<Vec<i64>> = Vec::new();
    let mut remap = |r: i32| -> i32 {
        let (i, rev) = arc_ref(r);
        let (j, stored_rev) = *new_index.entry(i).or_insert_with(|| {
            let pts: Vec<Pt> = if rev {
                topo.arcs[i].iter().rev().copied().collect()
            } else {
                topo.arcs[i].clone()
            };
            arcs_out.push(delta(&pts));
            (arcs_out.len() - 1, rev)
        });
        let walk_rev = rev != stored_rev;
        if walk_rev { !(j as i32) } else { j as i32 }
    };
    let mut ring_refs = topo.rings.into_iter();
    let mut out_shapes = Vec::with_capacity(shapes.len());
    for s in shapes {
        let mut polygons = Vec::new();
        for poly in &s.shape {
            let mut rings_out = Vec::new();
            for _ in poly {
                let refs = ring_refs.next().unwrap_or_default();
                if !refs.is_empty() {
                    rings_out.push(refs.into_iter().map(&mut remap).collect());
                }
            }
            if !rings_out.is_empty() {
                polygons.push(rings_out);
            }
        }
        out_shapes.push(Shape {
            unit: s.unit.clone(),
            polygons,
            approx: s.approx,
        });
    }
    GeometryDoc {
        schema: GEOMETRY_SCHEMA,
        era,
        transform: grid.transform(),
        arcs: arcs_out,
        shapes: out_shapes,
    }
}

fn delta(pts: &[Pt]) -> Vec<i64> {
    let mut out = Vec::with_capacity(pts.len() * 2);
    let mut prev = [0i64, 0i64];
    for (k, p) in pts.iter().enumerate() {
        let q = [i64::from(p[0]), i64::from(p[1])];
        if k == 0 {
            out.extend(q);
        } else {
            out.extend([q[0] - prev[0], q[1] - prev[1]]);
        }
        prev = q;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ntm_core::validate::Report;

    fn sq(x: i32, y: i32, w: i32, h: i32) -> MultiPolygon {
        vec![vec![vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h]]]]
    }

    /// Two old communes (left, right); the right one was split: its lower half joined the
    /// left one in a new commune, its upper half became a new commune of its own.
    #[test]
    fn eras_share_arcs_and_decode_cleanly() {
        let atoms = vec![
            Atom {
                old: Some(0),
                new: Some(0),
                shape: sq(0, 0, 10, 10),
            },
            Atom {
                old: Some(1),
                new: Some(0),
                shape: sq(10, 0, 10, 5),
            },
            Atom {
                old: Some(1),
                new: Some(1),
                shape: sq(10, 5, 10, 5),
            },
        ];
        let topo = atom_topology(&atoms, 0.5);
        let grid = Grid::new(0.01, 100.0, 20.0);
        for (era, key) in [(Era::Pre2025, 0), (Era::Post2025, 1)] {
            let shapes = era_shapes(&atoms, &topo, |a| if key == 0 { a.old } else { a.new });
            assert_eq!(shapes.len(), 2);
            let list: Vec<EraShape> = shapes
                .into_iter()
                .map(|(u, shape)| EraShape {
                    unit: u.to_string(),
                    shape,
                    approx: true,
                })
                .collect();
            let doc = encode(era, &grid, &list, 0.0);
            let mut report = Report::default();
            let g = ntm_core::geometry::decode(doc, &mut report);
            assert!(report.problems.is_empty(), "{:?}", report.problems);
            // Every arc with a shape on one side only lies on the outer edge of the block.
            for (i, sides) in g.arc_sides.iter().enumerate() {
                if sides.iter().any(Option::is_none) {
                    assert!(
                        g.arcs[i].iter().all(|p| {
                            let (x, y) = (p[0] - 100.0, p[1] - 20.0);
                            x.abs() < 1e-9
                                || y.abs() < 1e-9
                                || (x - 0.2).abs() < 1e-9
                                || (y - 0.1).abs() < 1e-9
                        }),
                        "{era:?} arc {i} has one side but is inside: {:?}",
                        g.arcs[i]
                    );
                }
            }
        }
    }
}
