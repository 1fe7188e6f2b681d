//! Boundary geometry: the file format (TopoJSON-style shared arcs, quantized and
//! delta-encoded), its decoder, and the derived borders the map draws.
//!
//! Each border between two communes is stored once, as an arc; a commune's rings list the arcs
//! around it (a negative reference `-i - 1`, i.e. `!i`, walks arc `i` backwards). Coordinates
//! are integers on a grid (`transform`), each arc's first point absolute and the rest as deltas,
//! which brotli compresses well. Only communes have shapes: district and province borders are
//! the arcs whose two sides lie in different districts or provinces, so they need no data.

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use crate::model::Era;
use crate::validate::{GeoFault, Issue, List, Report};

/// The geometry format version.
pub const GEOMETRY_SCHEMA: u32 = 1;

/// The quantization grid: `lon = x * scale[0] + translate[0]`, `lat = y * scale[1] + translate[1]`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Transform {
    /// Degrees per grid step, `[lon, lat]`.
    pub scale: [f64; 2],
    /// Degrees of grid origin, `[lon, lat]`.
    pub translate: [f64; 2],
}

/// One commune's shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    /// The unit id.
    pub unit: String,
    /// Polygons; each is a list of rings (the first outer, the rest holes); each ring a list of
    /// arc references.
    pub polygons: Vec<Vec<Vec<i32>>>,
    /// True when the boundary is approximate (derived from centroids), not surveyed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approx: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// A geometry file of one era, as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeometryDoc {
    /// Format version ([`GEOMETRY_SCHEMA`]).
    pub schema: u32,
    /// The era the shapes belong to.
    pub era: Era,
    /// Quantization grid.
    pub transform: Transform,
    /// Arcs: flat `[x0, y0, dx1, dy1, …]` integer lists.
    pub arcs: Vec<Vec<i64>>,
    /// Commune shapes.
    pub shapes: Vec<Shape>,
}

/// A decoded arc: points in degrees, `[lon, lat]`.
pub type Arc = Vec<[f64; 2]>;

/// Geometry decoded to degrees, with arc usage worked out.
#[derive(Clone, Debug, Default)]
pub struct Geometry {
    /// Arcs in degrees.
    pub arcs: Vec<Arc>,
    /// Shapes as stored.
    pub shapes: Vec<Shape>,
    /// For each arc, the shapes on its two sides (`None` for the outside).
    pub arc_sides: Vec<[Option<usize>; 2]>,
}

/// Why a geometry file cannot be used at all.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum GeometryError {
    /// Malformed JSON.
    #[error("invalid geometry JSON at line {line}, column {column}: {message}")]
    Json {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// Parser message.
        message: String,
    },
    /// A newer format than this app reads.
    #[error("geometry format {found} is newer than {supported}")]
    Newer {
        /// Version found.
        found: u32,
        /// Version supported.
        supported: u32,
    },
    /// A transform that is not finite or has a zero scale.
    #[error("invalid transform")]
    Transform,
}

impl GeometryError {
    /// The message for a reader, in their language (the same wording as the dataset's).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Msg;
        use crate::load::{json_error_message, newer_schema_message};
        match self {
            GeometryError::Json {
                line,
                column,
                message,
            } => json_error_message(*line, *column, message, lang),
            GeometryError::Newer { found, supported } => {
                newer_schema_message(*found, *supported, lang)
            }
            GeometryError::Transform => Msg::ErrGeometryTransform.text(lang).to_owned(),
        }
    }
}

/// Largest number of arcs, points or shapes accepted (a national file has about 20,000 arcs);
/// beyond this a file is refused rather than freezing a phone.
pub const MAX_ITEMS: usize = 4_000_000;

/// Parses a geometry file.
pub fn parse(text: &str) -> Result<GeometryDoc, GeometryError> {
    let doc: GeometryDoc =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
            GeometryError::Json {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }
        })?;
    if doc.schema > GEOMETRY_SCHEMA {
        return Err(GeometryError::Newer {
            found: doc.schema,
            supported: GEOMETRY_SCHEMA,
        });
    }
    let t = doc.transform;
    if !t.scale.iter().chain(&t.translate).all(|v| v.is_finite()) || t.scale.contains(&0.0) {
        return Err(GeometryError::Transform);
    }
    Ok(doc)
}

/// Resolves an arc reference to (arc index, reversed).
pub fn arc_ref(r: i32) -> (usize, bool) {
    if r >= 0 {
        (r as usize, false)
    } else {
        ((!r) as usize, true)
    }
}

/// The points of a ring made of arc references, in order, closed: each arc after the first
/// starts where the previous one ended, so its first point is left out. Works on any points,
/// so the map can join arcs it has already projected.
pub fn join_ring<P: Copy>(arcs: &[Vec<P>], ring: &[i32]) -> Vec<P> {
    let len: usize = ring
        .iter()
        .filter_map(|&r| arcs.get(arc_ref(r).0))
        .map(Vec::len)
        .sum();
    let mut out: Vec<P> = Vec::with_capacity(len);
    for &r in ring {
        let (a, rev) = arc_ref(r);
        let Some(arc) = arcs.get(a) else {
            continue;
        };
        let skip = usize::from(!out.is_empty());
        if rev {
            out.extend(arc.iter().rev().skip(skip));
        } else {
            out.extend(arc.iter().skip(skip));
        }
    }
    out
}

/// Whether a decoded point is a longitude and latitude (finite, within ±180° and ±90°).
fn is_lon_lat(p: [f64; 2]) -> bool {
    (-180.0..=180.0).contains(&p[0]) && (-90.0..=90.0).contains(&p[1])
}

/// Decodes a parsed file to degrees. Bad arcs and shapes are reported and skipped, so one
/// broken commune does not hide the rest: an arc of the wrong length or with a point that is
/// not a finite longitude and latitude is refused (empty), and a shape using a refused or
/// missing arc is dropped. At most [`MAX_ITEMS`] points in all are kept, counting a shared
/// arc once per ring that uses it, so no file can make the map draw without end.
pub fn decode(doc: GeometryDoc, report: &mut Report) -> Geometry {
    let t = doc.transform;
    let mut arcs = Vec::with_capacity(doc.arcs.len());
    let mut total_points = 0usize;
    for (i, flat) in doc.arcs.iter().enumerate() {
        let mut pts = Vec::with_capacity(flat.len() / 2);
        let (mut x, mut y) = (0i64, 0i64);
        let fault = if total_points >= MAX_ITEMS {
            Some(GeoFault::TooManyPoints { limit: MAX_ITEMS })
        } else if flat.len() < 4 || !flat.len().is_multiple_of(2) {
            Some(GeoFault::ArcLength {
                arc: i,
                numbers: flat.len(),
            })
        } else {
            let mut fault = None;
            for (k, pair) in flat.chunks_exact(2).enumerate() {
                if k == 0 {
                    (x, y) = (pair[0], pair[1]);
                } else {
                    x = x.saturating_add(pair[0]);
                    y = y.saturating_add(pair[1]);
                }
                let p = [
                    x as f64 * t.scale[0] + t.translate[0],
                    y as f64 * t.scale[1] + t.translate[1],
                ];
                if !is_lon_lat(p) {
                    fault = Some(GeoFault::NotLonLat {
                        arc: i,
                        lon: p[0],
                        lat: p[1],
                    });
                    break;
                }
                pts.push(p);
            }
            fault
        };
        if let Some(detail) = fault {
            pts.clear();
            report.error(
                List::Arcs,
                i,
                &format!("arc {i}"),
                "points",
                Issue::BadCoordinate { detail },
            );
        }
        total_points += pts.len();
        arcs.push(pts);
    }
    let mut shapes = Vec::with_capacity(doc.shapes.len());
    let mut arc_sides: Vec<[Option<usize>; 2]> = vec![[None, None]; arcs.len()];
    let mut drawn_points = 0usize;
    for (si, shape) in doc.shapes.into_iter().enumerate() {
        let mut bad: Option<GeoFault> = None;
        let mut points = 0usize;
        for ring in shape.polygons.iter().flatten() {
            for &r in ring {
                let (a, _) = arc_ref(r);
                match arcs.get(a) {
                    None => bad = Some(GeoFault::ArcReference { reference: r }),
                    Some(arc) if arc.is_empty() => bad = Some(GeoFault::BrokenArc { arc: a }),
                    Some(arc) => points = points.saturating_add(arc.len() - 1),
                }
            }
        }
        if bad.is_none() && drawn_points.saturating_add(points) > MAX_ITEMS {
            bad = Some(GeoFault::TooManyPoints { limit: MAX_ITEMS });
        }
        if let Some(detail) = bad {
            report.error(
                List::Shapes,
                si,
                &shape.unit,
                "polygons",
                Issue::BadCoordinate { detail },
            );
            continue;
        }
        if shape.polygons.is_empty() || points < 3 {
            report.error(
                List::Shapes,
                si,
                &shape.unit,
                "polygons",
                Issue::EmptyGeometry,
            );
            continue;
        }
        drawn_points += points;
        let index = shapes.len();
        for ring in shape.polygons.iter().flatten() {
            for &r in ring {
                let (a, rev) = arc_ref(r);
                let side = &mut arc_sides[a][usize::from(rev)];
                if side.is_none() {
                    *side = Some(index);
                } else if arc_sides[a][usize::from(!rev)].is_none() {
                    arc_sides[a][usize::from(!rev)] = Some(index);
                }
            }
        }
        shapes.push(shape);
    }
    Geometry {
        arcs,
        shapes,
        arc_sides,
    }
}

/// The most pairs of edges [`check_rings`] compares in one file: enough for a national file,
/// a bound for a crafted one (whose remaining rings then go unchecked).
pub const MAX_EDGE_PAIRS: usize = 20_000_000;

/// The crossing point of segments `p0`–`p1` and `q0`–`q1` when they cross properly (each
/// passes through the inside of the other); touching ends and collinear overlaps are not
/// crossings.
fn crossing(p0: [f64; 2], p1: [f64; 2], q0: [f64; 2], q1: [f64; 2]) -> Option<[f64; 2]> {
    let orient = |from: [f64; 2], to: [f64; 2], pt: [f64; 2]| {
        (to[0] - from[0]) * (pt[1] - from[1]) - (to[1] - from[1]) * (pt[0] - from[0])
    };
    let (q0_side, q1_side) = (orient(p0, p1, q0), orient(p0, p1, q1));
    let (p0_side, p1_side) = (orient(q0, q1, p0), orient(q0, q1, p1));
    let opposite = |u: f64, v: f64| (u > 0.0 && v < 0.0) || (u < 0.0 && v > 0.0);
    if !(opposite(q0_side, q1_side) && opposite(p0_side, p1_side)) {
        return None;
    }
    let along = p0_side / (p0_side - p1_side);
    Some([
        p0[0] + along * (p1[0] - p0[0]),
        p0[1] + along * (p1[1] - p0[1]),
    ])
}

/// Checks that no ring of a decoded file crosses itself (a "bow tie"), reporting the first
/// crossing of each ring with where it is. Not run by the app: it is for `ntm-data validate`
/// and the tests. A sweep over the edges sorted by their left end compares only edges whose
/// extents overlap, so a real file takes about as long as decoding it.
pub fn check_rings(geometry: &Geometry, report: &mut Report) {
    let mut budget = MAX_EDGE_PAIRS;
    let mut edges: Vec<([f64; 2], [f64; 2])> = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    let left = |e: &([f64; 2], [f64; 2])| e.0[0].min(e.1[0]);
    let right = |e: &([f64; 2], [f64; 2])| e.0[0].max(e.1[0]);
    for (si, shape) in geometry.shapes.iter().enumerate() {
        for ring in shape.polygons.iter().flatten() {
            let pts = geometry.ring_points(ring);
            edges.clear();
            // Repeated points (exactly equal) make no edge.
            edges.extend(
                pts.windows(2)
                    .filter(|w| w[0].map(f64::to_bits) != w[1].map(f64::to_bits))
                    .map(|w| (w[0], w[1])),
            );
            let count = edges.len();
            if count < 4 {
                continue;
            }
            let mut order: Vec<usize> = (0..count).collect();
            crate::order::sort_by(&mut order, |&e1, &e2| {
                left(&edges[e1]).total_cmp(&left(&edges[e2]))
            });
            active.clear();
            let mut found = None;
            'sweep: for &cur in &order {
                let x = left(&edges[cur]);
                active.retain(|&other| right(&edges[other]) >= x);
                for &other in &active {
                    // Neighbours along the ring share an end; they cannot cross properly.
                    if (cur + 1) % count == other || (other + 1) % count == cur {
                        continue;
                    }
                    if budget == 0 {
                        return;
                    }
                    budget -= 1;
                    let ((p0, p1), (q0, q1)) = (edges[cur], edges[other]);
                    if let Some(at) = crossing(p0, p1, q0, q1) {
                        found = Some(at);
                        break 'sweep;
                    }
                }
                active.push(cur);
            }
            if let Some([lon, lat]) = found {
                report.error(
                    List::Shapes,
                    si,
                    &shape.unit,
                    "polygons",
                    Issue::SelfIntersection { lon, lat },
                );
            }
        }
    }
}

impl Geometry {
    /// Joins geometries loaded separately (the data-saver's per-province files) into one.
    /// Arcs shared by two files appear twice, each with one side: drawn as the outer borders
    /// they are.
    pub fn merge(parts: Vec<Geometry>) -> Geometry {
        let mut out = Geometry::default();
        for part in parts {
            let arc_off = out.arcs.len() as i32;
            let shape_off = out.shapes.len();
            out.arcs.extend(part.arcs);
            out.arc_sides.extend(
                part.arc_sides
                    .into_iter()
                    .map(|sides| sides.map(|s| s.map(|i| i + shape_off))),
            );
            out.shapes.extend(part.shapes.into_iter().map(|mut s| {
                for r in s.polygons.iter_mut().flatten().flatten() {
                    *r = if *r >= 0 {
                        *r + arc_off
                    } else {
                        !((!*r) + arc_off)
                    };
                }
                s
            }));
        }
        out
    }

    /// The points of a ring, in order, closed (first point repeated at the end).
    pub fn ring_points(&self, ring: &[i32]) -> Vec<[f64; 2]> {
        join_ring(&self.arcs, ring)
    }

    /// Shape index per unit id.
    pub fn by_unit(&self) -> HashMap<&str, usize> {
        self.shapes
            .iter()
            .enumerate()
            .map(|(i, s)| (s.unit.as_str(), i))
            .collect()
    }

    /// The bounding box `[min lon, min lat, max lon, max lat]` of some shapes.
    pub fn bbox(&self, shapes: impl IntoIterator<Item = usize>) -> Option<[f64; 4]> {
        let mut b = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut any = false;
        for s in shapes {
            for ring in self.shapes[s].polygons.iter().filter_map(|p| p.first()) {
                for &r in ring {
                    let (a, _) = arc_ref(r);
                    for p in &self.arcs[a] {
                        b = [
                            b[0].min(p[0]),
                            b[1].min(p[1]),
                            b[2].max(p[0]),
                            b[3].max(p[1]),
                        ];
                        any = true;
                    }
                }
            }
        }
        any.then_some(b)
    }

    /// Arcs separating shapes whose keys differ (or on the outside edge): with the district of
    /// each commune as key, the district borders; with the province, the province borders.
    pub fn borders_between<K: PartialEq>(&self, key: impl Fn(usize) -> Option<K>) -> Vec<usize> {
        self.arc_sides
            .iter()
            .enumerate()
            .filter(|(_, [a, b])| match (a, b) {
                (Some(a), Some(b)) => key(*a) != key(*b),
                (None, None) => false,
                _ => true,
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// Validates geometry against the dataset's units: shapes for unknown units, and communes of
/// the era without a shape.
pub fn check_units(
    geometry: &Geometry,
    era: Era,
    index: &crate::index::DatasetIndex,
    report: &mut Report,
) {
    let mut seen = rustc_hash::FxHashSet::default();
    for (i, s) in geometry.shapes.iter().enumerate() {
        if index.find(&s.unit).is_none() {
            report.error(
                List::Shapes,
                i,
                &s.unit,
                "unit",
                Issue::GeometryUnknownUnit { id: s.unit.clone() },
            );
        }
        seen.insert(s.unit.as_str());
    }
    for c in index.communes_of_era(era) {
        let id = &index.unit(c).id;
        if !seen.contains(id.as_str()) {
            report.push(
                crate::validate::Severity::Warning,
                List::Units,
                c,
                id,
                "geometry",
                Issue::MissingGeometry { id: id.clone() },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side sharing the arc x = 1.
    fn two_squares() -> &'static str {
        r#"{"schema":1,"era":"pre2025","transform":{"scale":[1,1],"translate":[100,20]},
            "arcs":[[1,0,0,1],[1,1,-1,0,0,-1,1,0],[1,0,1,0,0,1,-1,0]],
            "shapes":[{"unit":"a","polygons":[[[0,1]]],"approx":true},
                      {"unit":"b","polygons":[[[-1,2]]]}]}"#
    }

    #[test]
    fn decodes_shared_arcs_and_their_sides() {
        let mut report = Report::default();
        let g = decode(parse(two_squares()).unwrap(), &mut report);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(g.arcs[0], vec![[101.0, 20.0], [101.0, 21.0]]);
        let ring = g.ring_points(&g.shapes[0].polygons[0][0]);
        assert_eq!(ring.first(), ring.last());
        assert_eq!(ring.len(), 5);
        assert_eq!(g.arc_sides[0], [Some(0), Some(1)]);
        assert_eq!(g.bbox([0, 1]), Some([100.0, 20.0, 102.0, 21.0]));
        // With different keys the shared arc is a border; with the same key it is not.
        assert_eq!(g.borders_between(Some), vec![0, 1, 2]);
        assert_eq!(g.borders_between(|_| Some(0)), vec![1, 2]);
    }

    #[test]
    fn merges_files_keeping_references_right() {
        let mut report = Report::default();
        let a = decode(parse(two_squares()).unwrap(), &mut report);
        let b = decode(
            parse(
                &two_squares()
                    .replace("\"a\"", "\"c\"")
                    .replace("\"b\"", "\"d\""),
            )
            .unwrap(),
            &mut report,
        );
        let m = Geometry::merge(vec![a.clone(), b]);
        assert_eq!(m.shapes.len(), 4);
        assert_eq!(m.arcs.len(), 6);
        assert_eq!(m.shapes[3].polygons[0][0], vec![!3, 5]);
        assert_eq!(
            m.ring_points(&m.shapes[3].polygons[0][0]),
            a.ring_points(&a.shapes[1].polygons[0][0])
        );
        assert_eq!(m.arc_sides[3], [Some(2), Some(3)]);
    }

    #[test]
    fn reports_broken_references_and_keeps_the_rest() {
        let text = two_squares().replace("[[[-1,2]]]", "[[[-1,7]]]");
        let mut report = Report::default();
        let g = decode(parse(&text).unwrap(), &mut report);
        assert_eq!(g.shapes.len(), 1);
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.problems[0].record, "b");
    }

    #[test]
    fn reports_empty_shapes_and_odd_arcs() {
        let text = two_squares()
            .replace("[[[0,1]]]", "[]")
            .replace("[1,0,0,1]", "[1,0,0]");
        let mut report = Report::default();
        let g = decode(parse(&text).unwrap(), &mut report);
        assert!(g.shapes.is_empty());
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.issue == Issue::EmptyGeometry)
        );
        assert!(
            report
                .problems
                .iter()
                .any(|p| matches!(p.issue, Issue::BadCoordinate { .. }))
        );
    }

    #[test]
    fn refuses_bad_transforms_and_newer_formats() {
        let zero = two_squares().replace("\"scale\":[1,1]", "\"scale\":[0,1]");
        assert_eq!(parse(&zero).unwrap_err(), GeometryError::Transform);
        let newer = two_squares().replace("\"schema\":1", "\"schema\":2");
        assert!(matches!(
            parse(&newer),
            Err(GeometryError::Newer { found: 2, .. })
        ));
    }
}
