//! Voronoi cells of centroids (spade's Delaunay triangulation) and exact clipping on the
//! integer grid (`i_overlay`'s integer API).
//!
//! Cells are computed in a locally equidistant plane: x (longitude) is scaled by the cosine of
//! the mean latitude, so a cell's border lies halfway between two centroids on the ground, not
//! in degrees. Cell corners are circumcentres of Delaunay triangles; two neighbouring cells take
//! the same circumcentre from the same triangle, so their shared edge has identical grid
//! points. Clipping runs in integers, so the same segment crossing the same outline gives the
//! same point in every cell that has it.

use i_overlay::core::fill_rule::FillRule;
use i_overlay::core::overlay::{IntOverlayOptions, Overlay, ShapeType};
use i_overlay::core::overlay_rule::OverlayRule;
use i_overlay::core::solver::Solver;
use i_overlay::i_float::int::point::IntPoint;
use spade::{DelaunayTriangulation, Point2, Triangulation};

use super::topology::{MultiPolygon, Pt, Ring, area2, clean_ring};

/// Voronoi cells of distinct sites (grid steps, `[x, y]`), one ring per site, counter-clockwise.
/// `kx` scales x before the cells are computed; `bounds` (`[min x, min y, max x, max y]`) is the
/// region the cells will be clipped to: every cell reaches beyond it where it is unbounded.
pub fn voronoi(sites: &[[f64; 2]], kx: f64, bounds: [f64; 4]) -> Result<Vec<Ring>, String> {
    let mut lo = [bounds[0] * kx, bounds[1]];
    let mut hi = [bounds[2] * kx, bounds[3]];
    for s in sites {
        lo = [lo[0].min(s[0] * kx), lo[1].min(s[1])];
        hi = [hi[0].max(s[0] * kx), hi[1].max(s[1])];
    }
    let diag = ((hi[0] - lo[0]).powi(2) + (hi[1] - lo[1]).powi(2))
        .sqrt()
        .max(100.0);
    let c = [f64::midpoint(lo[0], hi[0]), f64::midpoint(lo[1], hi[1])];
    let back = |p: [f64; 2]| -> Pt { [(p[0] / kx).round() as i32, p[1].round() as i32] };
    if sites.len() == 1 {
        let r = diag * 2.0;
        let ring = vec![
            back([c[0] - r, c[1] - r]),
            back([c[0] + r, c[1] - r]),
            back([c[0] + r, c[1] + r]),
            back([c[0] - r, c[1] + r]),
        ];
        return Ok(vec![ring]);
    }
    let mut tri: DelaunayTriangulation<Point2<f64>> = DelaunayTriangulation::new();
    let mut handles = Vec::with_capacity(sites.len());
    for (i, s) in sites.iter().enumerate() {
        let before = tri.num_vertices();
        let h = tri
            .insert(Point2::new(s[0] * kx, s[1]))
            .map_err(|e| format!("site {i} ({}, {}): {e:?}", s[0], s[1]))?;
        if tri.num_vertices() == before {
            return Err(format!("site {i} coincides with another site"));
        }
        handles.push(h);
    }
    // A ring of far points closes every real cell; their bisectors lie beyond `bounds`.
    let r = diag * 10.0;
    for k in 0..12 {
        let a = f64::from(k) * std::f64::consts::TAU / 12.0;
        tri.insert(Point2::new(c[0] + r * a.cos(), c[1] + r * a.sin()))
            .map_err(|e| format!("bounding point: {e:?}"))?;
    }
    let mut cells = Vec::with_capacity(sites.len());
    for (i, h) in handles.into_iter().enumerate() {
        let mut ring: Ring = Vec::new();
        for e in tri.vertex(h).out_edges() {
            let Some(face) = e.face().as_inner() else {
                return Err(format!("site {i}: unbounded cell"));
            };
            let cc = face.circumcenter();
            ring.push(back([cc.x, cc.y]));
        }
        clean_ring(&mut ring);
        if area2(&ring) < 0 {
            ring.reverse();
        }
        cells.push(ring);
    }
    Ok(cells)
}

fn to_int(ring: &[Pt]) -> Vec<IntPoint> {
    ring.iter().map(|p| IntPoint::new(p[0], p[1])).collect()
}

fn from_shapes(shapes: Vec<Vec<Vec<IntPoint>>>) -> MultiPolygon {
    let mut out = MultiPolygon::new();
    for shape in shapes {
        let mut poly = Vec::new();
        for (k, contour) in shape.into_iter().enumerate() {
            let mut ring: Ring = contour.into_iter().map(|p| [p.x, p.y]).collect();
            clean_ring(&mut ring);
            if ring.len() < 3 || area2(&ring) == 0 {
                continue;
            }
            // Outer rings counter-clockwise, holes clockwise, whatever the library's convention.
            let want_ccw = k == 0;
            if (area2(&ring) > 0) != want_ccw {
                ring.reverse();
            }
            if k > 0 && poly.is_empty() {
                continue;
            }
            poly.push(ring);
        }
        if !poly.is_empty() {
            out.push(poly);
        }
    }
    out
}

fn run(subject: &[&Ring], clip: &[&Ring], rule: OverlayRule) -> MultiPolygon {
    let cap = subject.iter().chain(clip).map(|r| r.len()).sum();
    let mut ov = Overlay::new_custom(cap, IntOverlayOptions::keep_all_points(), Solver::default());
    for r in subject {
        ov.add_contour(&to_int(r), ShapeType::Subject);
    }
    for r in clip {
        ov.add_contour(&to_int(r), ShapeType::Clip);
    }
    from_shapes(ov.overlay(rule, FillRule::EvenOdd))
}

/// The part of a multipolygon inside another, exactly on the grid.
pub fn intersect(a: &MultiPolygon, b: &MultiPolygon) -> MultiPolygon {
    let sa: Vec<&Ring> = a.iter().flatten().collect();
    let sb: Vec<&Ring> = b.iter().flatten().collect();
    run(&sa, &sb, OverlayRule::Intersect)
}

/// A regular polygon of `n` corners approximating a disc (grid steps; `kx` makes it round on
/// the ground).
pub fn disc(center: [f64; 2], radius: f64, kx: f64, n: u32) -> Ring {
    let mut ring: Ring = (0..n)
        .map(|k| {
            let a = f64::from(k) * std::f64::consts::TAU / f64::from(n);
            [
                (center[0] + radius * a.cos() / kx).round() as i32,
                (center[1] + radius * a.sin()).round() as i32,
            ]
        })
        .collect();
    clean_ring(&mut ring);
    ring
}

/// Distance (in ground-scaled grid steps) from a point to a multipolygon: zero inside.
#[allow(clippy::many_single_char_names)] // the usual names of geometry
pub fn distance_to(p: [f64; 2], shape: &MultiPolygon, kx: f64) -> f64 {
    let mut inside = false;
    let mut best = f64::INFINITY;
    for poly in shape {
        for ring in poly {
            let n = ring.len();
            let mut crossings = false;
            for i in 0..n {
                let a = [f64::from(ring[i][0]), f64::from(ring[i][1])];
                let b = [
                    f64::from(ring[(i + 1) % n][0]),
                    f64::from(ring[(i + 1) % n][1]),
                ];
                if (a[1] > p[1]) != (b[1] > p[1]) {
                    let x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
                    if p[0] < x {
                        crossings = !crossings;
                    }
                }
                best = best.min(seg_dist(
                    [p[0] * kx, p[1]],
                    [a[0] * kx, a[1]],
                    [b[0] * kx, b[1]],
                ));
            }
            // Even–odd over all rings: inside an outer and outside its holes.
            if crossings {
                inside = !inside;
            }
        }
    }
    if inside { 0.0 } else { best }
}

#[allow(clippy::many_single_char_names)]
/// Moves a point lying outside a multipolygon to just inside it: across the nearest point of
/// its boundary by `depth` (ground-scaled grid steps). `None` if no such point is inside.
pub fn snap_inside(p: [f64; 2], shape: &MultiPolygon, kx: f64, depth: f64) -> Option<[f64; 2]> {
    let mut best: Option<(f64, [f64; 2])> = None;
    for ring in shape.iter().flatten() {
        let n = ring.len();
        for i in 0..n {
            let a = [f64::from(ring[i][0]) * kx, f64::from(ring[i][1])];
            let b = [
                f64::from(ring[(i + 1) % n][0]) * kx,
                f64::from(ring[(i + 1) % n][1]),
            ];
            let q = nearest_on_segment([p[0] * kx, p[1]], a, b);
            let d = (q[0] - p[0] * kx).hypot(q[1] - p[1]);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, q));
            }
        }
    }
    let (d, q) = best?;
    let dir = if d > 0.0 {
        [(q[0] - p[0] * kx) / d, (q[1] - p[1]) / d]
    } else {
        [0.0, 0.0]
    };
    for k in [1.0, 0.5, 2.0, 0.25, 4.0] {
        let c = [(q[0] + dir[0] * depth * k) / kx, q[1] + dir[1] * depth * k];
        if distance_to(c, shape, kx) == 0.0 {
            return Some(c);
        }
    }
    // A narrow or pointed part of the outline: look around the nearest boundary point.
    for k in [1.0, 0.5, 0.25, 2.0] {
        for a in 0..16 {
            let t = f64::from(a) * std::f64::consts::TAU / 16.0;
            let c = [
                (q[0] + t.cos() * depth * k) / kx,
                q[1] + t.sin() * depth * k,
            ];
            if distance_to(c, shape, kx) == 0.0 {
                return Some(c);
            }
        }
    }
    // Last resort: a point inside the nearest polygon.
    let nearest = shape.iter().min_by(|a, b| {
        distance_to(p, &vec![(*a).clone()], kx).total_cmp(&distance_to(p, &vec![(*b).clone()], kx))
    })?;
    let poly = geo::Polygon::new(
        nearest[0]
            .iter()
            .map(|v| (f64::from(v[0]), f64::from(v[1])))
            .collect(),
        nearest[1..]
            .iter()
            .map(|r| {
                r.iter()
                    .map(|v| (f64::from(v[0]), f64::from(v[1])))
                    .collect()
            })
            .collect(),
    );
    let ip = geo::InteriorPoint::interior_point(&poly)?;
    Some([ip.x(), ip.y()])
}

fn nearest_on_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    };
    [a[0] + t * dx, a[1] + t * dy]
}

#[allow(clippy::many_single_char_names)]
fn seg_dist(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    };
    let (x, y) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    (x * x + y * y).sqrt()
}

/// The bounding box `[min x, min y, max x, max y]` of a multipolygon.
pub fn bbox(shape: &MultiPolygon) -> [f64; 4] {
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for p in shape.iter().flatten().flatten() {
        let (x, y) = (f64::from(p[0]), f64::from(p[1]));
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    b
}

/// Twice the area of a multipolygon, in square grid steps.
pub fn area2_multi(shape: &MultiPolygon) -> i128 {
    shape.iter().flatten().map(|r| area2(r)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::topology::point_in_ring;

    #[test]
    fn voronoi_cells_tile_the_clip_region() {
        let sites = [
            [10.0, 10.0],
            [30.0, 12.0],
            [20.0, 30.0],
            [35.0, 35.0],
            [5.0, 38.0],
        ];
        let clip: MultiPolygon = vec![vec![vec![[0, 0], [40, 0], [40, 40], [0, 40]]]];
        let cells = voronoi(&sites, 0.9, bbox(&clip)).unwrap();
        let mut total = 0;
        for (s, cell) in sites.iter().zip(&cells) {
            let clipped = intersect(&vec![vec![cell.clone()]], &clip);
            let b = bbox(&clipped);
            assert!(
                b[0] >= 0.0 && b[1] >= 0.0 && b[2] <= 40.0 && b[3] <= 40.0,
                "stays inside"
            );
            assert!(
                point_in_ring([s[0] as i32, s[1] as i32], &clipped[0][0]),
                "contains its site"
            );
            total += area2_multi(&clipped);
        }
        // Rounding of corners moves borders by at most a step; the tiling stays within 3%.
        let full = area2_multi(&clip);
        assert!((total - full).abs() * 100 < full * 3, "{total} vs {full}");
    }

    #[test]
    fn duplicate_sites_are_refused() {
        let e = voronoi(&[[1.0, 1.0], [1.0, 1.0]], 1.0, [0.0, 0.0, 2.0, 2.0]).unwrap_err();
        assert!(e.contains("coincides"));
    }

    #[test]
    fn distance_is_zero_inside_and_positive_outside() {
        let sq: MultiPolygon = vec![vec![vec![[0, 0], [10, 0], [10, 10], [0, 10]]]];
        let moved = snap_inside([13.0, 5.0], &sq, 1.0, 1.0).unwrap();
        assert!(
            (moved[0] - 9.0).abs() < 1e-9 && (moved[1] - 5.0).abs() < 1e-9,
            "{moved:?}"
        );
        assert!(distance_to([5.0, 5.0], &sq, 1.0).abs() < f64::EPSILON);
        assert!((distance_to([13.0, 5.0], &sq, 1.0) - 3.0).abs() < 1e-9);
    }
}
