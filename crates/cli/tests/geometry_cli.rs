//! `ntm-data geometry` and `ntm-data lite` as a user runs them: files in, files out, messages on
//! bad input, in Vietnamese by default and in English with `--lang en`.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

fn dataset() -> Value {
    let old = [
        ("90001", [21.05, 105.05]),
        ("90002", [21.05, 105.15]),
        ("90003", [21.15, 105.05]),
        ("90004", [21.15, 105.15]),
    ];
    let mut units = vec![
        json!({ "id": "90", "code": "90", "name": "Một", "kind": "tinh", "to": "2025-06-30", "became": [{ "unit": "95-2025" }] }),
        json!({ "id": "900", "code": "900", "name": "Một", "kind": "huyen", "parent": "90", "to": "2025-06-30" }),
        json!({ "id": "95-2025", "code": "95", "name": "Mới", "kind": "tinh", "from": "2025-07-01" }),
        json!({ "id": "90001-2025", "code": "90001", "name": "Mới A", "kind": "xa", "parent": "95-2025", "from": "2025-07-01", "at": [21.1, 105.05] }),
        json!({ "id": "90004-2025", "code": "90004", "name": "Mới B", "kind": "xa", "parent": "95-2025", "from": "2025-07-01", "at": [21.1, 105.15] }),
    ];
    for (i, (id, at)) in old.iter().enumerate() {
        let became = if i % 2 == 0 {
            "90001-2025"
        } else {
            "90004-2025"
        };
        units.push(
            json!({ "id": id, "code": id, "name": format!("Xã {id}"), "kind": "xa", "parent": "900",
            "to": "2025-06-30", "at": at, "became": [{ "unit": became }] }),
        );
    }
    json!({ "schema": 1, "id": "t", "version": "t", "title": { "vi": "Thử" }, "as_of": "2025-12-31",
        "first_year": 2020, "last_year": 2025, "units": units, "criteria_sets": [], "sources": [] })
}

fn outlines() -> Value {
    json!({ "type": "FeatureCollection", "features": [{ "type": "Feature", "properties": { "name": "Tỉnh Một" },
        "geometry": { "type": "Polygon", "coordinates": [[[105.0, 21.0], [105.2, 21.0], [105.2, 21.2], [105.0, 21.2], [105.0, 21.0]]] } }] })
}

fn run(dir: &Path, data: &Value, out: &str) -> std::process::Output {
    run_with(dir, data, &outlines(), out, &[])
}

/// Runs `geometry` on a dataset and outlines written into `dir`, with more arguments.
fn run_with(
    dir: &Path,
    data: &Value,
    outlines: &Value,
    out: &str,
    more: &[&str],
) -> std::process::Output {
    std::fs::write(dir.join("ntm.json"), data.to_string()).unwrap();
    std::fs::write(dir.join("provinces.geojson"), outlines.to_string()).unwrap();
    Command::new(env!("CARGO_BIN_EXE_ntm-data"))
        .args(["geometry", "--dataset"])
        .arg(dir.join("ntm.json"))
        .arg("--provinces")
        .arg(dir.join("provinces.geojson"))
        .arg("--out")
        .arg(dir.join(out))
        .args(more)
        .output()
        .unwrap()
}

fn lite(dataset: &Path, out: &Path, more: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ntm-data"))
        .arg("lite")
        .arg("--dataset")
        .arg(dataset)
        .arg("--out")
        .arg(out)
        .args(more)
        .output()
        .unwrap()
}

#[test]
fn writes_both_eras_identically_twice() {
    let dir = tempfile::tempdir().unwrap();
    let a = run(dir.path(), &dataset(), "a");
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    let b = run(dir.path(), &dataset(), "b");
    assert!(b.status.success());
    for f in ["geo-pre2025.json", "geo-post2025.json"] {
        let x = std::fs::read(dir.path().join("a").join(f)).unwrap();
        let y = std::fs::read(dir.path().join("b").join(f)).unwrap();
        assert_eq!(x, y, "{f} differs between runs");
        let doc: Value = serde_json::from_slice(&x).unwrap();
        assert!(
            doc["shapes"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["approx"] == true)
        );
    }
    // The size report and the progress lines, in Vietnamese by default.
    let stderr = String::from_utf8_lossy(&a.stderr);
    assert!(
        stderr.contains("kích thước (gốc / nén brotli -q 11):") && stderr.contains(" gốc "),
        "size report: {stderr}"
    );
    assert!(
        stderr.contains("4 xã trước 1/7/2025 thuộc 1 tỉnh"),
        "{stderr}"
    );
    assert!(!stderr.contains("raw"), "{stderr}");
    let c = run_with(dir.path(), &dataset(), &outlines(), "c", &["--lang", "en"]);
    assert!(c.status.success());
    let stderr = String::from_utf8_lossy(&c.stderr);
    assert!(
        stderr.contains("sizes (raw / brotli -q 11):") && stderr.contains(" raw "),
        "size report: {stderr}"
    );
}

#[test]
fn bad_input_is_reported_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = dataset();
    let units = data["units"].as_array_mut().unwrap();
    let u = units.iter_mut().find(|u| u["id"] == "90002").unwrap();
    u.as_object_mut().unwrap().remove("at");
    let out = run_with(dir.path(), &data, &outlines(), "out", &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ntm.json: unit 90002 (Xã Xã 90002): no centroid"),
        "{stderr}"
    );
    assert!(stderr.contains("errors: 1; nothing written"), "{stderr}");
    assert!(!dir.path().join("out").exists());
    let out = run(dir.path(), &data, "out");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "ntm.json: đơn vị 90002 (Xã Xã 90002): không có tọa độ tâm; hãy điền cột lat và lon"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("ntm-data geometry: 1 lỗi; không ghi tệp nào"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_self_crossing_outline_is_refused_with_cause_and_fix() {
    let dir = tempfile::tempdir().unwrap();
    let bowtie = json!({ "type": "FeatureCollection", "features": [{ "type": "Feature", "properties": { "name": "Tỉnh Một" },
        "geometry": { "type": "Polygon", "coordinates": [[[105.0, 21.0], [105.2, 21.2], [105.2, 21.0], [105.0, 21.2], [105.0, 21.0]]] } }] });
    let out = run_with(dir.path(), &dataset(), &bowtie, "out", &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "provinces.geojson: đối tượng thứ 1 (“Tỉnh Một”): ranh giới không phải đa giác hợp lệ: \
             ở đa giác thứ 1, vòng ngoài tự cắt — đường ranh giới vắt chéo qua chính nó"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("Fix Geometries"), "{stderr}");
    assert!(!dir.path().join("out").exists());
    let out = run_with(dir.path(), &dataset(), &bowtie, "out", &["--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "provinces.geojson: feature 1 (\"Tỉnh Một\"): the outline is not a valid polygon: \
             in polygon 1, the exterior ring has a self-intersection"
        ),
        "{stderr}"
    );
}

#[test]
fn lite_splits_what_geometry_wrote_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = dataset();
    data["geometry"] = json!([
        { "era": "pre2025", "file": "geo-pre2025.json" },
        { "era": "post2025", "file": "geo-post2025.json" }
    ]);
    // Before `geometry`: the missing file, and the command that makes it.
    std::fs::write(dir.path().join("ntm.json"), data.to_string()).unwrap();
    let out = lite(&dir.path().join("ntm.json"), &dir.path().join("lite"), &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("geo-pre2025.json: không có tệp này, dù bộ dữ liệu có nêu tên; hãy tạo nó trước bằng `ntm-data geometry --dataset"),
        "{stderr}"
    );
    let out = lite(
        &dir.path().join("ntm.json"),
        &dir.path().join("lite"),
        &["--lang", "en"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("geo-pre2025.json: not found; the dataset names this geometry file: make it first with `ntm-data geometry --dataset"),
        "{stderr}"
    );
    // After it: one file per era and province, and a summary.
    let g = run_with(dir.path(), &data, &outlines(), ".", &[]);
    assert!(g.status.success(), "{}", String::from_utf8_lossy(&g.stderr));
    let out = lite(&dir.path().join("ntm.json"), &dir.path().join("lite"), &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("pre2025-90.json (4 hình, "), "{stderr}");
    assert!(stderr.contains("đã ghi 2 tệp vào "), "{stderr}");
    let out = lite(
        &dir.path().join("ntm.json"),
        &dir.path().join("lite"),
        &["--lang", "en"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("pre2025-90.json (shapes: 4, "), "{stderr}");
    assert!(stderr.contains("files written to "), "{stderr}");
}

#[test]
fn a_missing_outline_file_is_a_message_not_a_panic() {
    let out = Command::new(env!("CARGO_BIN_EXE_ntm-data"))
        .args([
            "geometry",
            "--dataset",
            "/nonexistent/ntm.json",
            "--provinces",
            "/nonexistent/p.geojson",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/nonexistent/ntm.json: không đọc được tệp: không có tệp hoặc thư mục này"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}
