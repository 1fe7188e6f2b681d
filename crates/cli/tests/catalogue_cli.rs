//! The CLI part of the catalogue of broken inputs (issue 8): content problems in CSV form and
//! broken CSV files, each reported as exactly `file:line: field: message` (Vietnamese by
//! default), all in one run, with nothing written on failure; and `ntm-data validate` on the
//! broken JSON fixtures the app is tested with (`tests/fixtures/broken/`).
//!
//! The encodings, delimiters, BOM, merged cells and decimal comma are in `cli.rs`.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn csv_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csv")
}

fn broken() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/broken")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ntm-data"))
        .args(args)
        .output()
        .expect("runs")
}

/// `good/` with a case's files laid over it, in a temporary folder.
fn case_folder(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for layer in ["good".to_owned(), format!("cases/{case}")] {
        for entry in std::fs::read_dir(csv_fixtures().join(layer)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

struct Build {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// The output file after the run (`None`: absent).
    json: Option<String>,
    /// Every file in the output folder after the run.
    files: Vec<String>,
}

/// Builds a case into a folder that already holds an older `ntm.json`, when `old` is given.
fn build_over(case: &str, old: Option<&str>) -> Build {
    let input = case_folder(case);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("ntm.json");
    if let Some(old) = old {
        std::fs::write(&out, old).unwrap();
    }
    let o = run(&[
        "build",
        "--input",
        input.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let mut files: Vec<String> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    Build {
        code: o.status.code(),
        stdout: String::from_utf8(o.stdout).unwrap(),
        stderr: String::from_utf8(o.stderr).unwrap(),
        json: std::fs::read_to_string(&out).ok(),
        files,
    }
}

/// A broken case: exit 1, exactly these lines on stdout, and no file written.
fn fails_exactly(case: &str, lines: &[&str]) {
    let b = build_over(case, None);
    assert_eq!(b.code, Some(1), "{case}: {}\n{}", b.stdout, b.stderr);
    assert_eq!(b.stdout.lines().collect::<Vec<_>>(), lines, "{case}");
    assert!(b.files.is_empty(), "{case}: wrote {:?}", b.files);
    assert!(b.stderr.contains("không ghi"), "{case}: {}", b.stderr);
}

#[test]
fn control_and_direction_characters_in_names() {
    fails_exactly(
        "hostile_names",
        &[
            "units.csv:4: name: tên có ký tự điều khiển hoặc ký tự đổi chiều văn bản",
            "units.csv:7: name: tên có ký tự điều khiển hoặc ký tự đổi chiều văn bản",
        ],
    );
}

#[test]
fn markup_and_long_names_are_text() {
    let b = build_over("html_names", None);
    assert_eq!(b.code, Some(0), "{}\n{}", b.stdout, b.stderr);
    assert_eq!(
        b.stdout,
        "units.csv:7: name: cảnh báo: tên dài 301 ký tự, quá 100 ký tự: có thể dán nhầm nội dung\n"
    );
    // Written as the text it is (the kind, “Thị trấn”, goes to its own field): the app
    // escapes it wherever it shows it.
    let json = b.json.unwrap();
    assert!(json.contains(r#""name":"<script>alert('x')</script>","kind":"thi_tran""#));
    assert!(json.contains("Lộc Bình שלום"));
}

#[test]
fn unknown_unit_in_a_record() {
    fails_exactly(
        "unknown_unit",
        &["recognitions.csv:5: code: không có đơn vị nào mã “99999” trong units.csv"],
    );
}

#[test]
fn a_quote_never_closed() {
    fails_exactly(
        "unclosed_quote",
        &[
            "recognitions.csv:3: name: dấu ngoặc kép (\") mở trong ô này không được đóng, nên 2 dòng sau bị đọc thành một ô; hãy đóng hoặc xóa dấu ngoặc kép",
        ],
    );
}

#[test]
fn a_blank_required_cell() {
    fails_exactly(
        "blank_first_row",
        &[
            "recognitions.csv:2: tier: ô trống; cần đạt chuẩn, nâng cao, kiểu mẫu hoặc thôn kiểu mẫu (standard, advanced, model, model_village)",
            // The advanced recognition below it has no standard before it any more.
            "recognitions.csv:3: tier: công nhận “NTM nâng cao” khi chưa có công nhận “Đạt chuẩn NTM” trước đó",
        ],
    );
}

/// A delimiter that is not `,`, `;` or tab leaves one column: the header is shown as read.
#[test]
fn wrong_delimiter() {
    let b = build_over("pipe_delimiter", None);
    assert_eq!(b.code, Some(1));
    assert!(b.files.is_empty());
    let header =
        "code|name|parent_code|valid_from|valid_to|lat|lon|flags|flags_source|aliases|source";
    assert!(
        b.stdout.lines().any(|l| l
            == format!(
                "units.csv:1: code, name: thiếu cột bắt buộc: code, name (dòng tiêu đề có: {header})"
            )),
        "{}",
        b.stdout
    );
    // Every record referring to the units is reported in the same run.
    assert!(
        b.stdout
            .contains("recognitions.csv:2: code: không có đơn vị nào mã “06565” trong units.csv")
    );
}

#[test]
fn an_empty_file() {
    let b = build_over("empty_file", None);
    assert_eq!(b.code, Some(1));
    assert!(b.files.is_empty());
    assert_eq!(
        b.stdout.lines().next(),
        Some("units.csv:1: -: thiếu cột bắt buộc: code, name (dòng tiêu đề có: —)")
    );
}

/// A failed build leaves the previous dataset exactly as it was, with no temporary file.
#[test]
fn a_failed_build_keeps_the_previous_output() {
    let old = "{\"schema\":1,\"previous\":true}\n";
    let b = build_over("unknown_unit", Some(old));
    assert_eq!(b.code, Some(1));
    assert_eq!(b.json.as_deref(), Some(old));
    assert_eq!(b.files, ["ntm.json"]);
}

// ---- validate on the broken JSON fixtures ---------------------------------------------------

fn validate_json(path: &Path) -> (Option<i32>, Vec<String>) {
    let o = run(&["validate", path.to_str().unwrap()]);
    let out = String::from_utf8(o.stdout).unwrap();
    (o.status.code(), out.lines().map(str::to_owned).collect())
}

#[test]
fn validate_reports_each_broken_dataset_precisely() {
    let cases: &[(&str, &[&str])] = &[
        (
            "invalid-json.json",
            &[
                "invalid-json.json:5: json: không đọc được tệp: Tệp dữ liệu bị hỏng hoặc không đầy đủ ở dòng 5, cột 3: cần `,` hoặc `}` ở đây",
            ],
        ),
        (
            "truncated.json",
            &[
                "truncated.json:15: json: không đọc được tệp: Tệp dữ liệu bị hỏng hoặc không đầy đủ ở dòng 15, cột 11: tệp kết thúc giữa chừng (có thể chưa tải lên hết)",
            ],
        ),
        (
            "schema-newer.json",
            &[
                "schema-newer.json: json: không đọc được tệp: Bộ dữ liệu này dùng định dạng phiên bản 2, cần phiên bản ứng dụng mới hơn (ứng dụng đọc được đến phiên bản 1).",
            ],
        ),
        (
            "schema-older.json",
            &[
                "schema-older.json: json: không đọc được tệp: Bộ dữ liệu dùng định dạng cũ phiên bản 0, không còn được hỗ trợ (ứng dụng đọc từ phiên bản 1); hãy tạo lại tệp bằng lệnh ntm-data build.",
            ],
        ),
        (
            "missing-field.json",
            &[
                "missing-field.json:118: json: không đọc được tệp: Tệp dữ liệu bị hỏng hoặc không đầy đủ ở dòng 118, cột 1: thiếu trường bắt buộc “criteria_sets”",
            ],
        ),
        (
            "unknown-parent.json",
            &[
                "unknown-parent.json: units[6].parent: không có đơn vị hành chính mã “999” trong danh sách đơn vị",
                "unknown-parent.json: recognitions[3].unit: không có đơn vị hành chính mã “06499” trong danh sách đơn vị",
            ],
        ),
        (
            "tier-order.json",
            &[
                "tier-order.json: recognitions[3].tier: công nhận “NTM nâng cao” khi chưa có công nhận “Đạt chuẩn NTM” trước đó",
            ],
        ),
        (
            "hostile-names.json",
            &[
                "hostile-names.json: units[2].name: cảnh báo: tên dài 300 ký tự, quá 100 ký tự: có thể dán nhầm nội dung",
                "hostile-names.json: units[4].name: tên có ký tự điều khiển hoặc ký tự đổi chiều văn bản",
                "hostile-names.json: units[5].name: tên có ký tự điều khiển hoặc ký tự đổi chiều văn bản",
            ],
        ),
    ];
    for (file, want) in cases {
        let (code, lines) = validate_json(&broken().join(file));
        assert_eq!(code, Some(1), "{file}");
        assert_eq!(lines, *want, "{file}");
    }
}

/// `validate` reads the geometry files a dataset lists: a ring crossing itself and a file
/// that is not JSON are both located; the dataset's own problems are still reported.
#[test]
fn validate_checks_the_geometry_files() {
    let dir = tempfile::tempdir().unwrap();
    let tiny = std::fs::read_to_string(broken().join("../tiny.json")).unwrap();
    let listed = tiny.replace(
        "\"sources\": [",
        "\"geometry\": [{\"era\": \"pre2025\", \"file\": \"geo-pre2025.json\"}, {\"era\": \"post2025\", \"file\": \"geo-post2025.json\"}],\n  \"sources\": [",
    );
    std::fs::write(dir.path().join("ntm.json"), listed).unwrap();
    std::fs::copy(
        broken().join("geo-self-intersecting.json"),
        dir.path().join("geo-pre2025.json"),
    )
    .unwrap();
    std::fs::copy(
        broken().join("geo-nonfinite.json"),
        dir.path().join("geo-post2025.json"),
    )
    .unwrap();
    let (code, lines) = validate_json(&dir.path().join("ntm.json"));
    assert_eq!(code, Some(1));
    for want in [
        "geo-pre2025.json: shapes[2].polygons: đường ranh giới tự cắt nhau gần điểm (107.35, 21.75)",
        "geo-pre2025.json: units[6].geometry: cảnh báo: đơn vị “06475” không có hình ranh giới",
        "geo-post2025.json: json: không đọc được tệp: Tệp dữ liệu bị hỏng hoặc không đầy đủ ở dòng 1, cột 125: thiếu giá trị hoặc giá trị không phải JSON (NaN, Infinity, dấu phẩy thừa…)",
    ] {
        assert!(
            lines.iter().any(|l| l == want),
            "missing {want:?} in {lines:#?}"
        );
    }
}
