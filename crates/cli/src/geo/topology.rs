//! From a partition of the plane into polygons ("atoms") to shared arcs: noding, junction
//! detection, arc extraction, simplification, and the shapes of one era as unions of atoms.
//!
//! This is the part no crate does. Everything here works on integer grid points ([`Pt`]), so
//! "the same border" means "the same point sequence" and can be compared exactly. The steps
//! follow TopoJSON: a point is a junction where the rings passing through it do not all share
//! the same two neighbours; rings are cut at junctions; each cut piece is an arc, stored once
//! whichever direction a ring walks it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use geo::{LineString, SimplifyIdx};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

/// A point on the quantization grid: `[x (longitude), y (latitude)]` in grid steps.
pub type Pt = [i32; 2];
/// A ring: points in order, the first not repeated at the end.
pub type Ring = Vec<Pt>;
/// A polygon: the outer ring (counter-clockwise) first, then holes (clockwise).
pub type Polygon = Vec<Ring>;
/// Several polygons.
pub type MultiPolygon = Vec<Polygon>;

/// Twice the signed area of a ring (positive when counter-clockwise, y up).
pub fn area2(ring: &[Pt]) -> i128 {
    let n = ring.len();
    let mut s: i128 = 0;
    for i in 0..n {
        let [x0, y0] = ring[i];
        let [x1, y1] = ring[(i + 1) % n];
        s += i128::from(x0) * i128::from(y1) - i128::from(x1) * i128::from(y0);
    }
    s
}

/// Removes repeated points and spikes (`a b a`) from a ring, in place; the ring may end up
/// with fewer than three points, which callers drop.
pub fn clean_ring(ring: &mut Ring) {
    let mut out: Ring = Vec::with_capacity(ring.len());
    for &p in ring.iter() {
        if out.last() == Some(&p) {
            continue;
        }
        if out.len() >= 2 && out[out.len() - 2] == p {
            out.pop();
            continue;
        }
        out.push(p);
    }
    // The same across the seam between the last point and the first.
    loop {
        let n = out.len();
        if (n >= 2 && out[0] == out[n - 1]) || (n >= 3 && out[n - 2] == out[0]) {
            out.pop();
        } else if n >= 3 && out[n - 1] == out[1] {
            out.remove(0);
        } else {
            break;
        }
    }
    *ring = out;
}

type SegEntry = GeomWithData<Rectangle<[f64; 2]>, (u32, u32)>;
/// Insertions into the segments of one ring: (segment, [(position along it, point)]).
type RingInserts = Vec<(u32, Vec<(f64, Pt)>)>;

/// Noding: wherever a vertex of one ring lies on (within `tol` grid steps of) a segment of
/// another ring, inserts it into that segment. Borders of two cells clipped separately then
/// carry the same points, so they become one arc. Returns the number of insertions.
pub fn node(rings: &mut [Ring], tol: f64) -> usize {
    let mut total = 0;
    for _pass in 0..4 {
        let inserted = node_pass(rings, tol);
        total += inserted;
        if inserted == 0 {
            break;
        }
    }
    for r in rings.iter_mut() {
        clean_ring(r);
    }
    total
}

fn node_pass(rings: &mut [Ring], tol: f64) -> usize {
    let mut entries: Vec<SegEntry> = Vec::new();
    for (ri, ring) in rings.iter().enumerate() {
        let n = ring.len();
        for si in 0..n {
            let a = ring[si];
            let b = ring[(si + 1) % n];
            let lo = [f64::from(a[0].min(b[0])), f64::from(a[1].min(b[1]))];
            let hi = [f64::from(a[0].max(b[0])), f64::from(a[1].max(b[1]))];
            entries.push(GeomWithData::new(
                Rectangle::from_corners(lo, hi),
                (ri as u32, si as u32),
            ));
        }
    }
    let tree = RTree::bulk_load(entries);
    let points: BTreeSet<Pt> = rings.iter().flatten().copied().collect();
    // (ring, segment) -> [(t, point)]
    let mut inserts: BTreeMap<(u32, u32), Vec<(f64, Pt)>> = BTreeMap::new();
    let tol2 = tol * tol;
    for &v in &points {
        let (vx, vy) = (f64::from(v[0]), f64::from(v[1]));
        let env = AABB::from_corners([vx - tol, vy - tol], [vx + tol, vy + tol]);
        // Nearest candidate segment per ring.
        let mut best: BTreeMap<u32, (f64, u32, f64)> = BTreeMap::new();
        for e in tree.locate_in_envelope_intersecting(&env) {
            let (ri, si) = e.data;
            let ring = &rings[ri as usize];
            let n = ring.len();
            let a = ring[si as usize];
            let b = ring[(si as usize + 1) % n];
            if a == v || b == v {
                continue;
            }
            let (ax, ay) = (f64::from(a[0]), f64::from(a[1]));
            let (dx, dy) = (f64::from(b[0]) - ax, f64::from(b[1]) - ay);
            let len2 = dx * dx + dy * dy;
            if len2 == 0.0 {
                continue;
            }
            let t = ((vx - ax) * dx + (vy - ay) * dy) / len2;
            if t <= 0.0 || t >= 1.0 {
                continue;
            }
            let (px, py) = (ax + t * dx - vx, ay + t * dy - vy);
            let d2 = px * px + py * py;
            if d2 > tol2 {
                continue;
            }
            match best.get(&ri) {
                Some(&(bd, _, _)) if bd <= d2 => {}
                _ => {
                    best.insert(ri, (d2, si, t));
                }
            }
        }
        for (ri, (_, si, t)) in best {
            if rings[ri as usize].contains(&v) {
                continue;
            }
            inserts.entry((ri, si)).or_default().push((t, v));
        }
    }
    let mut count = 0;
    let mut by_ring: BTreeMap<u32, RingInserts> = BTreeMap::new();
    for ((ri, si), mut list) in inserts {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        count += list.len();
        by_ring.entry(ri).or_default().push((si, list));
    }
    for (ri, segs) in by_ring {
        let ring = &mut rings[ri as usize];
        let mut out =
            Vec::with_capacity(ring.len() + segs.iter().map(|s| s.1.len()).sum::<usize>());
        let mut it = segs.into_iter().peekable();
        for (si, &p) in ring.iter().enumerate() {
            out.push(p);
            if let Some((s, _)) = it.peek()
                && *s as usize == si
            {
                let (_, list) = it.next().unwrap_or_default();
                out.extend(list.into_iter().map(|(_, q)| q));
            }
        }
        *ring = out;
    }
    count
}

/// Shared arcs and, for each input ring, the arcs around it.
#[derive(Debug, Default, Clone)]
pub struct Topology {
    /// Arcs as point lists (at least two points; a closed arc starts and ends at one point).
    pub arcs: Vec<Vec<Pt>>,
    /// For each input ring, its arc references (`!i` walks arc `i` backwards).
    pub rings: Vec<Vec<i32>>,
}

/// Cuts rings at junctions and stores each piece once.
pub fn extract_arcs(rings: &[Ring]) -> Topology {
    // Neighbour pair of each point's first occurrence; `None` once the point is a junction.
    let mut seen: HashMap<Pt, Option<(Pt, Pt)>> = HashMap::new();
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let p = ring[i];
            let a = ring[(i + n - 1) % n];
            let b = ring[(i + 1) % n];
            let key = if a <= b { (a, b) } else { (b, a) };
            seen.entry(p)
                .and_modify(|e| {
                    if *e != Some(key) {
                        *e = None;
                    }
                })
                .or_insert(Some(key));
        }
    }
    // A point met twice with the same neighbours in the same ring is not a border; a point met
    // three times is a junction even if the pairs agree.
    let mut count: HashMap<Pt, u32> = HashMap::new();
    for p in rings.iter().flatten() {
        *count.entry(*p).or_default() += 1;
    }
    let is_junction =
        |p: &Pt| seen.get(p).is_some_and(Option::is_none) || count.get(p).is_some_and(|&c| c > 2);

    let mut topo = Topology::default();
    let mut index: HashMap<Vec<Pt>, usize> = HashMap::new();
    let mut add = |pts: Vec<Pt>, topo: &mut Topology| -> i32 {
        if let Some(&i) = index.get(&pts) {
            return i as i32;
        }
        let rev: Vec<Pt> = pts.iter().rev().copied().collect();
        if let Some(&i) = index.get(&rev) {
            return !(i as i32);
        }
        let i = topo.arcs.len();
        index.insert(pts.clone(), i);
        topo.arcs.push(pts);
        i as i32
    };
    for ring in rings {
        let n = ring.len();
        let mut refs = Vec::new();
        if n < 3 {
            topo.rings.push(refs);
            continue;
        }
        let cuts: Vec<usize> = (0..n).filter(|&i| is_junction(&ring[i])).collect();
        if cuts.is_empty() {
            // No junction: start at the smallest point, which a ring tracing the same loop the
            // other way also starts at.
            let start = (0..n).min_by_key(|&i| ring[i]).unwrap_or(0);
            let mut pts: Vec<Pt> = (0..=n).map(|k| ring[(start + k) % n]).collect();
            pts.dedup();
            refs.push(add(pts, &mut topo));
        } else {
            for (k, &c) in cuts.iter().enumerate() {
                let next = if k + 1 < cuts.len() {
                    cuts[k + 1]
                } else {
                    cuts[0] + n
                };
                let pts: Vec<Pt> = (c..=next).map(|i| ring[i % n]).collect();
                refs.push(add(pts, &mut topo));
            }
        }
        topo.rings.push(refs);
    }
    topo
}

/// Simplifies each arc with Douglas–Peucker (`tol` in grid steps), keeping its endpoints, so
/// arcs meeting at a junction still meet. An arc that shares both endpoints with another arc,
/// or is closed, keeps enough points not to collapse onto it.
pub fn simplify_arcs(arcs: &mut [Vec<Pt>], tol: f64) {
    if tol <= 0.0 {
        return;
    }
    let mut pairs: HashMap<(Pt, Pt), u32> = HashMap::new();
    for a in arcs.iter() {
        let (s, e) = (a[0], a[a.len() - 1]);
        *pairs
            .entry(if s <= e { (s, e) } else { (e, s) })
            .or_default() += 1;
    }
    for arc in arcs.iter_mut() {
        let n = arc.len();
        if n <= 2 {
            continue;
        }
        let (s, e) = (arc[0], arc[n - 1]);
        let closed = s == e;
        let shared = pairs
            .get(&if s <= e { (s, e) } else { (e, s) })
            .copied()
            .unwrap_or(0)
            > 1;
        let mut keep: BTreeSet<usize> = if closed {
            // Split a loop at its point farthest from the start and simplify both halves.
            let far = (1..n - 1)
                .max_by_key(|&i| dist2(arc[i], s))
                .unwrap_or(n / 2);
            let mut k = dp_indices(&arc[..=far], tol);
            k.extend(dp_indices(&arc[far..], tol).into_iter().map(|i| i + far));
            if k.len() < 4 {
                k.extend([n / 3, (2 * n) / 3, far]);
            }
            k
        } else {
            dp_indices(arc, tol)
        };
        if (shared || closed) && keep.len() < 3 {
            let far = farthest_from_chord(arc);
            keep.insert(far);
        }
        keep.insert(0);
        keep.insert(n - 1);
        let simplified: Vec<Pt> = keep.into_iter().map(|i| arc[i]).collect();
        *arc = simplified;
    }
}

fn dist2(a: Pt, b: Pt) -> i64 {
    let dx = i64::from(a[0]) - i64::from(b[0]);
    let dy = i64::from(a[1]) - i64::from(b[1]);
    dx * dx + dy * dy
}

fn dp_indices(pts: &[Pt], tol: f64) -> BTreeSet<usize> {
    let ls: LineString<f64> = pts
        .iter()
        .map(|p| (f64::from(p[0]), f64::from(p[1])))
        .collect();
    ls.simplify_idx(tol).into_iter().collect()
}

fn farthest_from_chord(pts: &[Pt]) -> usize {
    let a = pts[0];
    let b = pts[pts.len() - 1];
    let (ax, ay) = (f64::from(a[0]), f64::from(a[1]));
    let (dx, dy) = (f64::from(b[0]) - ax, f64::from(b[1]) - ay);
    let len = (dx * dx + dy * dy).sqrt();
    (1..pts.len() - 1)
        .max_by(|&i, &j| {
            let d = |p: Pt| {
                let (px, py) = (f64::from(p[0]) - ax, f64::from(p[1]) - ay);
                if len == 0.0 {
                    (px * px + py * py).sqrt()
                } else {
                    (px * dy - py * dx).abs() / len
                }
            };
            d(pts[i]).total_cmp(&d(pts[j])).then(j.cmp(&i))
        })
        .unwrap_or(pts.len() / 2)
}

/// The points of an arc reference, in walking order.
fn ref_points(arcs: &[Vec<Pt>], r: i32) -> impl Iterator<Item = Pt> + '_ {
    let (i, rev) = ntm_core::geometry::arc_ref(r);
    let arc = &arcs[i];
    let fwd = (!rev).then(|| arc.iter().copied());
    let bwd = rev.then(|| arc.iter().rev().copied());
    fwd.into_iter().flatten().chain(bwd.into_iter().flatten())
}

/// The rings bounding the union of some atoms, given the arc references of the atoms' rings:
/// arcs walked both ways (borders between two of the atoms) cancel, the rest chain into rings.
pub fn union_rings<'a>(
    atom_rings: impl IntoIterator<Item = &'a [i32]>,
    arcs: &[Vec<Pt>],
) -> Vec<Ring> {
    let mut uses: BTreeMap<usize, (u32, u32)> = BTreeMap::new();
    for ring in atom_rings {
        for &r in ring {
            let (i, rev) = ntm_core::geometry::arc_ref(r);
            let e = uses.entry(i).or_default();
            if rev {
                e.1 += 1;
            } else {
                e.0 += 1;
            }
        }
    }
    // Remaining directed references, by start point.
    let mut out_of: BTreeMap<Pt, Vec<i32>> = BTreeMap::new();
    for (&i, &(f, b)) in &uses {
        let c = f.min(b);
        let (f, b) = (f - c, b - c);
        let arc = &arcs[i];
        for _ in 0..f {
            out_of.entry(arc[0]).or_default().push(i as i32);
        }
        for _ in 0..b {
            out_of
                .entry(arc[arc.len() - 1])
                .or_default()
                .push(!(i as i32));
        }
    }
    for v in out_of.values_mut() {
        v.reverse(); // pop() then yields the smallest reference first
    }
    let mut rings = Vec::new();
    while let Some(start) = out_of.iter().find(|(_, v)| !v.is_empty()).map(|(k, _)| *k) {
        let mut pts: Ring = Vec::new();
        let mut at = start;
        let mut guard = 0usize;
        while let Some(r) = out_of.get_mut(&at).and_then(Vec::pop) {
            let mut it = ref_points(arcs, r);
            let first = it.next();
            if pts.is_empty() {
                pts.extend(first);
            }
            pts.extend(it);
            at = *pts.last().unwrap_or(&start);
            guard += 1;
            if at == start || guard > arcs.len() * 2 + 4 {
                break;
            }
        }
        if pts.last() == pts.first() {
            pts.pop();
        }
        clean_ring(&mut pts);
        if pts.len() >= 3 {
            rings.push(pts);
        }
    }
    rings
}

/// Groups rings into polygons: counter-clockwise rings are outers, clockwise rings holes of
/// the smallest outer that contains them. Degenerate rings are dropped. Outers come largest
/// first.
pub fn group_polygons(rings: Vec<Ring>) -> MultiPolygon {
    let mut outers: Vec<(i128, Ring)> = Vec::new();
    let mut holes: Vec<Ring> = Vec::new();
    for r in rings {
        let a = area2(&r);
        match a.cmp(&0) {
            std::cmp::Ordering::Greater => outers.push((a, r)),
            std::cmp::Ordering::Less => holes.push(r),
            std::cmp::Ordering::Equal => {}
        }
    }
    outers.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut polys: MultiPolygon = outers.iter().map(|(_, r)| vec![r.clone()]).collect();
    for h in holes {
        // The smallest outer containing a point of the hole that is not on the outer itself.
        let host = (0..outers.len()).rev().find(|&k| {
            let o = &outers[k].1;
            h.iter()
                .find(|p| !o.contains(p))
                .is_some_and(|p| point_in_ring(*p, o))
        });
        if let Some(k) = host {
            polys[k].push(h);
        }
    }
    polys
}

/// Even–odd point-in-ring test.
pub fn point_in_ring(p: Pt, ring: &[Pt]) -> bool {
    let (px, py) = (i64::from(p[0]), i64::from(p[1]));
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let [ax, ay] = ring[i].map(i64::from);
        let [bx, by] = ring[(i + 1) % n].map(i64::from);
        if (ay > py) != (by > py) {
            // x of the edge at y = py, compared without division.
            let lhs = (px - ax) * (by - ay);
            let rhs = (bx - ax) * (py - ay);
            if (by > ay && lhs < rhs) || (by < ay && lhs > rhs) {
                inside = !inside;
            }
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: i32, y: i32, s: i32) -> Ring {
        vec![[x, y], [x + s, y], [x + s, y + s], [x, y + s]]
    }

    #[test]
    fn shared_borders_become_one_arc() {
        let rings = vec![square(0, 0, 10), square(10, 0, 10)];
        let t = extract_arcs(&rings);
        // The shared edge x = 10 is one arc, used forward by one ring and backward by the other.
        let mut uses: HashMap<usize, Vec<bool>> = HashMap::new();
        for r in t.rings.iter().flatten() {
            let (i, rev) = ntm_core::geometry::arc_ref(*r);
            uses.entry(i).or_default().push(rev);
        }
        let shared: Vec<_> = uses.values().filter(|v| v.len() == 2).collect();
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].iter().filter(|r| **r).count(), 1);
        assert_eq!(t.arcs.len(), 3);
    }

    #[test]
    fn noding_inserts_t_junction_vertices() {
        // The left square's right edge has a vertex at (10, 4) the right square lacks.
        let mut rings = vec![
            vec![[0, 0], [10, 0], [10, 4], [10, 10], [0, 10]],
            vec![[10, 0], [20, 0], [20, 10], [10, 10]],
        ];
        // A vertex one step off the line (rounding of a clipped crossing) is inserted too.
        rings[0][2] = [11, 4];
        assert_eq!(node(&mut rings, 1.5), 1);
        assert!(rings[1].contains(&[11, 4]));
        let t = extract_arcs(&rings);
        let u = union_rings(t.rings.iter().map(Vec::as_slice), &t.arcs);
        assert_eq!(u.len(), 1);
        assert_eq!(area2(&u[0]), 2 * 200);
    }

    #[test]
    fn union_cancels_inner_borders_and_keeps_holes() {
        // A 3x3 block of squares; the union of the outer eight has the middle as a hole.
        let mut rings = Vec::new();
        for y in 0..3 {
            for x in 0..3 {
                rings.push(square(x * 10, y * 10, 10));
            }
        }
        let t = extract_arcs(&rings);
        let ring_refs: Vec<&[i32]> = t
            .rings
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 4)
            .map(|(_, r)| r.as_slice())
            .collect();
        let polys = group_polygons(union_rings(ring_refs, &t.arcs));
        let area: i128 = polys.iter().flatten().map(|r| area2(r)).sum();
        assert_eq!(area, 2 * 800);
    }

    #[test]
    fn simplification_keeps_endpoints_and_loops() {
        let mut arcs = vec![
            vec![[0, 0], [5, 1], [10, 0]],
            vec![[0, 0], [5, -1], [10, 0]],
            vec![[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]],
        ];
        simplify_arcs(&mut arcs, 5.0);
        assert_eq!(
            arcs[0].len(),
            3,
            "an arc sharing both ends with another keeps a point"
        );
        assert_eq!(arcs[0][0], [0, 0]);
        assert!(arcs[2].len() >= 4, "a loop keeps at least a triangle");
    }

    #[test]
    fn cleaning_removes_spikes_and_repeats() {
        let mut r = vec![
            [0, 0],
            [5, 0],
            [5, 0],
            [10, 0],
            [5, 0],
            [10, 0],
            [10, 10],
            [0, 0],
        ];
        clean_ring(&mut r);
        assert_eq!(area2(&r), 100);
        assert!(point_in_ring([4, 2], &r));
        assert!(!point_in_ring([2, 4], &r));
    }
}
