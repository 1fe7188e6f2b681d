//! Tests of the whole geometry pipeline on a small made-up area: two square provinces side by
//! side, eleven old communes, four new ones (one of them across the old provincial border, two
//! sharing an old commune that was split).

use ntm_core::geometry::{Geometry, GeometryDoc, arc_ref, decode};
use ntm_core::i18n::Lang;
use ntm_core::model::Dataset;
use ntm_core::validate::Report;
use serde_json::{Value, json};

use super::provinces::{Feature, parse_features};
use super::{GeoOptions, GeoOutput, build_geometry, build_geometry_in};
use crate::geo::partition::Params;

/// An old commune: id, province, [lat, lon], successors (id, part).
type Old = (
    &'static str,
    &'static str,
    [f64; 2],
    &'static [(&'static str, bool)],
);

/// Old communes.
const OLD: [Old; 11] = [
    ("90001", "90", [21.05, 105.05], &[("90001-2025", false)]),
    ("90002", "90", [21.05, 105.15], &[("90002-2025", false)]),
    ("90003", "90", [21.15, 105.05], &[("90001-2025", false)]),
    ("90004", "90", [21.15, 105.15], &[("90002-2025", false)]),
    ("90005", "90", [21.10, 105.10], &[("90001-2025", false)]),
    (
        "90006",
        "90",
        [21.10, 105.19],
        &[("90002-2025", true), ("91007-2025", true)],
    ),
    ("91007", "91", [21.05, 105.25], &[("91007-2025", false)]),
    ("91008", "91", [21.05, 105.35], &[("91008-2025", false)]),
    ("91009", "91", [21.15, 105.25], &[("91007-2025", false)]),
    ("91010", "91", [21.15, 105.35], &[("91008-2025", false)]),
    ("91011", "91", [21.10, 105.30], &[("91008-2025", false)]),
];

/// New communes: id, [lat, lon].
const NEW: [(&str, [f64; 2]); 4] = [
    ("90001-2025", [21.10, 105.06]),
    ("90002-2025", [21.10, 105.16]),
    ("91007-2025", [21.10, 105.24]),
    ("91008-2025", [21.10, 105.34]),
];

/// Province squares: code, name, [min lon, max lon]; all span latitudes 21.0–21.2.
const PROVINCES: [(&str, &str, [f64; 2]); 2] = [
    ("90", "Tỉnh Một", [105.0, 105.2]),
    ("91", "Tỉnh Hai", [105.2, 105.4]),
];

pub(crate) fn dataset_json() -> Value {
    let mut units = Vec::new();
    for (code, name, _) in PROVINCES {
        units.push(
            json!({ "id": code, "code": code, "name": name, "kind": "tinh", "to": "2025-06-30",
            "became": [{ "unit": "95-2025" }] }),
        );
        units.push(json!({ "id": format!("{code}0"), "code": format!("{code}0"), "name": format!("Huyện {code}"),
            "kind": "huyen", "parent": code, "to": "2025-06-30" }));
    }
    units.push(json!({ "id": "95-2025", "code": "95", "name": "Tỉnh Mới", "kind": "tinh", "from": "2025-07-01" }));
    for (id, province, at, became) in OLD {
        let became: Vec<Value> = became
            .iter()
            .map(|(u, part)| {
                if *part {
                    json!({ "unit": u, "part": true })
                } else {
                    json!({ "unit": u })
                }
            })
            .collect();
        units.push(
            json!({ "id": id, "code": id, "name": format!("Xã {id}"), "kind": "xa",
            "parent": format!("{province}0"), "to": "2025-06-30", "at": at, "became": became }),
        );
    }
    for (id, at) in NEW {
        units.push(
            json!({ "id": id, "code": &id[..5], "name": format!("Xã mới {id}"), "kind": "xa",
            "parent": "95-2025", "from": "2025-07-01", "at": at }),
        );
    }
    json!({
        "schema": 1, "id": "test", "version": "t", "title": { "vi": "Thử" }, "as_of": "2025-12-31",
        "first_year": 2020, "last_year": 2025, "units": units, "criteria_sets": [], "sources": [],
    })
}

pub(crate) fn provinces_geojson() -> String {
    let features: Vec<Value> = PROVINCES
        .iter()
        .map(|(code, name, [w, e])| {
            json!({ "type": "Feature", "properties": { "name": name, "code": code },
                "geometry": { "type": "Polygon",
                    "coordinates": [[[w, 21.0], [e, 21.0], [e, 21.2], [w, 21.2], [w, 21.0]]] } })
        })
        .collect();
    json!({ "type": "FeatureCollection", "features": features }).to_string()
}

fn dataset(v: Value) -> Dataset {
    serde_json::from_value(v).expect("test dataset")
}

fn features() -> Vec<Feature> {
    parse_features(&provinces_geojson(), Lang::En).unwrap()
}

fn opts() -> GeoOptions {
    GeoOptions {
        grid: 1e-4,
        simplify: 2.0,
        era_simplify: 0.0,
        params: Params::default(),
    }
}

/// Builds with messages in English.
fn build(v: Value) -> Result<GeoOutput, Vec<String>> {
    build_geometry(
        &dataset(v),
        &features(),
        "test.geojson",
        opts(),
        &mut |_| {},
    )
}

/// Builds with messages in a language, also returning the progress lines.
fn build_in(v: Value, lang: Lang) -> (Result<GeoOutput, Vec<String>>, Vec<String>) {
    let mut lines = Vec::new();
    let out = build_geometry_in(
        &dataset(v),
        &features(),
        "test.geojson",
        opts(),
        lang,
        &mut |l: &str| lines.push(l.to_owned()),
    );
    (out, lines)
}

fn decoded(doc: &GeometryDoc) -> Geometry {
    let mut report = Report::default();
    let g = decode(doc.clone(), &mut report);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    g
}

fn ring_area(pts: &[[f64; 2]]) -> f64 {
    pts.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum::<f64>()
        / 2.0
}

fn total_area(g: &Geometry) -> f64 {
    g.shapes
        .iter()
        .flat_map(|s| s.polygons.iter().flatten())
        .map(|r| ring_area(&g.ring_points(r)))
        .sum()
}

fn on_outer_edge(p: [f64; 2]) -> bool {
    let near = |a: f64, b: f64| (a - b).abs() < 2e-4;
    near(p[0], 105.0) || near(p[0], 105.4) || near(p[1], 21.0) || near(p[1], 21.2)
}

#[test]
fn both_eras_decode_with_shared_borders_stored_once() {
    let out = build(dataset_json()).unwrap();
    for (doc, n) in [(&out.pre, 11), (&out.post, 4)] {
        let g = decoded(doc);
        assert_eq!(g.shapes.len(), n);
        assert!(g.shapes.iter().all(|s| s.approx));
        // Every arc is used by one shape forward and at most one shape backward.
        let mut uses = vec![(0, 0); g.arcs.len()];
        for s in &g.shapes {
            for &r in s.polygons.iter().flatten().flatten() {
                let (i, rev) = arc_ref(r);
                assert!(i < g.arcs.len(), "arc reference out of range");
                if rev {
                    uses[i].1 += 1;
                } else {
                    uses[i].0 += 1;
                }
            }
        }
        assert!(
            uses.iter().all(|&(f, b)| f <= 1 && b <= 1 && f + b >= 1),
            "{uses:?}"
        );
        // Interior arcs have two different shapes; arcs with one side lie on the outer edge,
        // including along the border between the two provinces, clipped separately.
        for (i, [a, b]) in g.arc_sides.iter().enumerate() {
            match (a, b) {
                (Some(a), Some(b)) => assert_ne!(a, b, "arc {i} has one shape on both sides"),
                _ => assert!(
                    g.arcs[i].iter().all(|p| on_outer_edge(*p)),
                    "arc {i} is inside: {:?}",
                    g.arcs[i]
                ),
            }
        }
    }
}

#[test]
fn post_reform_shapes_cover_the_pre_reform_area() {
    let out = build(dataset_json()).unwrap();
    let pre = total_area(&decoded(&out.pre));
    let post = total_area(&decoded(&out.post));
    let full = 0.4 * 0.2;
    assert!((pre - full).abs() / full < 0.002, "pre {pre} vs {full}");
    assert!((post - pre).abs() / pre < 0.002, "post {post} vs pre {pre}");
}

#[test]
fn post_reform_borders_reuse_pre_reform_points() {
    let out = build(dataset_json()).unwrap();
    let pre = decoded(&out.pre);
    let post = decoded(&out.post);
    let key = |p: &[f64; 2]| ((p[0] * 1e4).round() as i64, (p[1] * 1e4).round() as i64);
    let pre_points: std::collections::HashSet<_> = pre.arcs.iter().flatten().map(key).collect();
    // Every point of the post-reform file is a point of the pre-reform file, except along the
    // divided commune 90006, whose dividing line is new.
    let new_points = post
        .arcs
        .iter()
        .flatten()
        .filter(|p| !pre_points.contains(&key(p)))
        .count();
    assert!(new_points <= 4, "{new_points} new points");
}

#[test]
fn cells_stay_inside_their_province() {
    let out = build(dataset_json()).unwrap();
    let g = decoded(&out.pre);
    for s in &g.shapes {
        let [w, e] = if s.unit.starts_with("90") {
            [105.0, 105.2]
        } else {
            [105.2, 105.4]
        };
        for p in s.polygons.iter().flatten().flat_map(|r| g.ring_points(r)) {
            assert!(
                p[0] >= w - 1e-9 && p[0] <= e + 1e-9 && (21.0 - 1e-9..=21.2 + 1e-9).contains(&p[1]),
                "{} {p:?}",
                s.unit
            );
        }
    }
}

#[test]
fn output_is_deterministic() {
    let a = build(dataset_json()).unwrap();
    let b = build(dataset_json()).unwrap();
    assert_eq!(
        serde_json::to_string(&a.pre).unwrap(),
        serde_json::to_string(&b.pre).unwrap()
    );
    assert_eq!(
        serde_json::to_string(&a.post).unwrap(),
        serde_json::to_string(&b.post).unwrap()
    );
}

fn unit_mut<'a>(v: &'a mut Value, id: &str) -> &'a mut Value {
    v["units"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|u| u["id"] == id)
        .unwrap()
}

#[test]
fn bad_input_gets_specific_messages() {
    let mut v = dataset_json();
    unit_mut(&mut v, "90003")
        .as_object_mut()
        .unwrap()
        .remove("at");
    unit_mut(&mut v, "90004")["at"] = json!([210.0, 105.1]);
    unit_mut(&mut v, "91009")["parent"] = json!("999");
    let errors = build(v).unwrap_err();
    let all = errors.join("\n");
    assert!(
        all.contains("unit 90003 (Xã Xã 90003): no centroid"),
        "{all}"
    );
    assert!(
        all.contains("unit 90004 (Xã Xã 90004): bad centroid [210, 105.1]"),
        "{all}"
    );
    assert!(
        all.contains("unit 91009 (Xã Xã 91009): unknown province"),
        "{all}"
    );
}

#[test]
fn bad_input_gets_specific_messages_in_vietnamese() {
    let mut v = dataset_json();
    unit_mut(&mut v, "90003")
        .as_object_mut()
        .unwrap()
        .remove("at");
    unit_mut(&mut v, "90004")["at"] = json!([210.0, 105.1]);
    // Written [lon, lat] in the lat and lon columns.
    unit_mut(&mut v, "90005")["at"] = json!([105.1, 21.1]);
    unit_mut(&mut v, "91009")["parent"] = json!("999");
    let all = build_in(v, Lang::Vi).0.unwrap_err().join("\n");
    assert!(
        all.contains(
            "đơn vị 90003 (Xã Xã 90003): không có tọa độ tâm; hãy điền cột lat và lon trong units.csv"
        ),
        "{all}"
    );
    assert!(
        all.contains(
            "đơn vị 90004 (Xã Xã 90004): tọa độ tâm không hợp lệ (vĩ độ 210, kinh độ 105,1)"
        ),
        "{all}"
    );
    assert!(
        all.contains(
            "đơn vị 90005 (Xã Xã 90005): tọa độ tâm có vẻ bị đảo (vĩ độ 105,1, kinh độ 21,1)"
        ),
        "{all}"
    );
    assert!(
        all.contains("đơn vị 91009 (Xã Xã 91009): không rõ thuộc tỉnh nào"),
        "{all}"
    );
    assert!(!all.contains("centroid") && !all.contains("unit "), "{all}");
    let mut v = dataset_json();
    unit_mut(&mut v, "91")["code"] = json!("92");
    unit_mut(&mut v, "91")["name"] = json!("Tỉnh Ba");
    let all = build_in(v, Lang::Vi).0.unwrap_err().join("\n");
    assert!(
        all.contains("tỉnh 92 (Tỉnh Ba): không có ranh giới trong test.geojson"),
        "{all}"
    );
}

#[test]
fn progress_and_warnings_follow_the_language() {
    let mut v = dataset_json();
    unit_mut(&mut v, "90003")["at"] = json!([21.21, 105.05]);
    let (out, lines) = build_in(v.clone(), Lang::Vi);
    let w = out.unwrap().warnings.join("\n");
    assert!(
        w.contains(
            "đơn vị 90003 (Xã Xã 90003): tâm nằm ngoài ranh giới tỉnh 90 (Tỉnh Một), cách 1,1 km; \
             đã lấy đối xứng vào trong"
        ),
        "{w}"
    );
    let lines = lines.join("\n");
    assert!(
        lines.contains("11 xã trước 1/7/2025 thuộc 2 tỉnh, 4 xã sau 1/7/2025; lưới 0,0001°"),
        "{lines}"
    );
    assert!(lines.contains("pre2025: 11 hình"), "{lines}");
    let (out, lines) = build_in(v, Lang::En);
    let w = out.unwrap().warnings.join("\n");
    assert!(
        w.contains("unit 90003 (Xã Xã 90003): centroid 1.1 km outside the outline of province 90"),
        "{w}"
    );
    assert!(lines.join("\n").contains("grid 0.0001°"), "{lines:?}");
}

#[test]
fn a_province_without_outline_and_an_unknown_successor_are_errors() {
    let mut v = dataset_json();
    unit_mut(&mut v, "91")["code"] = json!("92");
    unit_mut(&mut v, "91")["name"] = json!("Tỉnh Ba");
    let errors = build(v).unwrap_err();
    let all = errors.join("\n");
    assert!(
        all.contains("province 92 (Tỉnh Ba): no outline in test.geojson"),
        "{all}"
    );
    let mut v = dataset_json();
    unit_mut(&mut v, "90001")["became"] = json!([{ "unit": "99999-2025" }]);
    let all = build(v).unwrap_err().join("\n");
    assert!(
        all.contains("unit 90001 (Xã Xã 90001): successor 99999-2025 is not a post-2025 commune"),
        "{all}"
    );
}

#[test]
fn a_new_commune_without_predecessor_or_centroid_is_an_empty_cell_error() {
    let mut v = dataset_json();
    v["units"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "95999-2025", "code": "95999", "name": "Lẻ",
        "kind": "xa", "parent": "95-2025", "from": "2025-07-01" }));
    let all = build(v).unwrap_err().join("\n");
    assert!(
        all.contains("unit 95999-2025 (Xã Lẻ): no centroid, and no pre-reform commune"),
        "{all}"
    );
}

#[test]
fn odd_centroids_are_repaired_with_warnings() {
    let mut v = dataset_json();
    // Two communes on one point; one just outside its province; one far out at sea.
    unit_mut(&mut v, "91010")["at"] = json!([21.10, 105.30]);
    unit_mut(&mut v, "90003")["at"] = json!([21.21, 105.05]);
    unit_mut(&mut v, "91008")["at"] = json!([20.5, 106.5]);
    let out = build(v).unwrap();
    let w = out.warnings.join("\n");
    assert!(
        w.contains("unit 91010 (Xã Xã 91010), unit 91011 (Xã Xã 91011) share one centroid"),
        "{w}"
    );
    assert!(
        w.contains("unit 90003 (Xã Xã 90003): centroid 1.1 km outside"),
        "{w}"
    );
    assert!(w.contains("unit 91008 (Xã Xã 91008): centroid"), "{w}");
    assert!(w.contains("drawn as a small disc"), "{w}");
    let g = decoded(&out.pre);
    assert_eq!(g.shapes.len(), 11);
}
