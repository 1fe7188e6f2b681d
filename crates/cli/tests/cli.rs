//! The `ntm-data` binary on real files: the CSV fixtures (each a tiny valid folder with one
//! thing broken or encoded differently), the committed demo folder, and the built dataset.

#![allow(clippy::unwrap_used, clippy::float_cmp)] // test helpers outside #[test] functions

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ntm_core::date::Date;
use ntm_core::index::{DatasetIndex, Step};
use ntm_core::summary::summarize;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csv")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ntm-data"))
        .args(args)
        .output()
        .expect("runs")
}

/// `good/` with a case's files laid over it, in a temporary folder.
fn case_folder(case: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for layer in [Some("good"), case.map(|c| format!("cases/{c}")).as_deref()]
        .into_iter()
        .flatten()
    {
        for entry in std::fs::read_dir(fixtures().join(layer)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

struct Build {
    code: i32,
    stdout: String,
    stderr: String,
    json: Option<Vec<u8>>,
}

fn build(case: Option<&str>, lang: &str) -> Build {
    let input = case_folder(case);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("ntm.json");
    let o = run(&[
        "build",
        "--input",
        input.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--lang",
        lang,
    ]);
    let leftovers: Vec<_> = std::fs::read_dir(out_dir.path()).unwrap().collect();
    let json = std::fs::read(&out).ok();
    if json.is_none() {
        assert!(
            leftovers.is_empty(),
            "no file may be written on failure: {leftovers:?}"
        );
    }
    Build {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8(o.stdout).unwrap(),
        stderr: String::from_utf8(o.stderr).unwrap(),
        json,
    }
}

/// Builds a broken case: fails, writes nothing, and prints a line with the exact prefix.
fn fails_with(case: &str, prefix: &str, words: &str) {
    let b = build(Some(case), "vi");
    assert_eq!(b.code, 1, "{case}: {}\n{}", b.stdout, b.stderr);
    assert!(b.json.is_none(), "{case}: output written despite errors");
    let line = b.stdout.lines().find(|l| l.starts_with(prefix));
    let line =
        line.unwrap_or_else(|| panic!("{case}: no line starting {prefix:?} in\n{}", b.stdout));
    assert!(line.contains(words), "{case}: {line:?} lacks {words:?}");
    assert!(b.stderr.contains("không ghi"), "{}", b.stderr);
}

fn good_json() -> Vec<u8> {
    let b = build(None, "vi");
    assert_eq!(b.code, 0, "{}\n{}", b.stdout, b.stderr);
    assert_eq!(b.stdout, "", "the good folder has no problems");
    b.json.unwrap()
}

#[test]
fn good_folder_builds_compact_deterministic_json() {
    let a = good_json();
    let b = good_json();
    assert_eq!(a, b);
    let text = String::from_utf8(a).unwrap();
    assert!(text.starts_with("{\"schema\":1,"));
    assert_eq!(text.lines().count(), 1, "compact JSON on one line");
    assert!(text.contains(r#"{"era":"pre2025","file":"geo-pre2025.json"}"#));
    assert!(
        text.contains(r#""id":"qd51-2025""#),
        "built-in criteria sets are added"
    );
    assert!(text.contains(r#""flags_illustrative":true"#));
}

#[test]
fn tolerated_encodings_and_separators_give_the_same_dataset() {
    let want = good_json();
    for (case, warning) in [
        (
            "semicolon",
            "units.csv:1: -: cảnh báo: các cột được phân cách bằng “;”",
        ),
        (
            "utf16",
            "recognitions.csv:1: -: cảnh báo: tệp mã hóa UTF-16",
        ),
        (
            "windows1258",
            "units.csv:1: -: cảnh báo: tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258",
        ),
        (
            "decimal_comma",
            "units.csv:1: -: cảnh báo: các cột được phân cách bằng “;”",
        ),
    ] {
        let b = build(Some(case), "vi");
        assert_eq!(b.code, 0, "{case}: {}\n{}", b.stdout, b.stderr);
        assert!(
            b.stdout.lines().any(|l| l.starts_with(warning)),
            "{case}: {}",
            b.stdout
        );
        assert_eq!(
            b.json.as_deref(),
            Some(want.as_slice()),
            "{case} differs from good/"
        );
    }
    // Excel's "Unicode text" is tab-separated as well.
    let b = build(Some("utf16"), "en");
    assert!(
        b.stdout
            .contains("recognitions.csv:1: -: warning: columns are separated by tab")
    );
    // A byte-order mark on every file is simply accepted.
    let b = build(Some("bom"), "vi");
    assert_eq!((b.code, b.stdout.as_str()), (0, ""));
    assert_eq!(b.json.as_deref(), Some(want.as_slice()));
}

#[test]
fn vietnamese_headers_name_the_same_columns() {
    let want = good_json();
    let b = build(Some("vietnamese_headers"), "vi");
    assert_eq!((b.code, b.stdout.as_str()), (0, ""), "{}", b.stderr);
    assert_eq!(b.json.as_deref(), Some(want.as_slice()));
}

#[test]
fn merged_cell_blanks_are_named() {
    fails_with(
        "merged_cells",
        "recognitions.csv:3: code: ",
        "ô trống — có thể do ô gộp (merged cell) trong Excel: dòng trên có “06565”",
    );
}

#[test]
fn a_row_of_the_wrong_length_is_named_not_blamed_on_merged_cells() {
    fails_with(
        "short_row",
        "recognitions.csv:5: -: ",
        "dòng có 3 ô nhưng dòng tiêu đề có 10 cột",
    );
    // "QĐ 12, 13/QĐ-UBND" unquoted: 11 cells, not a shifted row read as if valid.
    fails_with(
        "comma_in_unquoted_cell",
        "recognitions.csv:5: -: ",
        "dòng có 11 ô nhưng dòng tiêu đề có 10 cột",
    );
}

#[test]
fn a_two_digit_year_is_refused_not_read_as_the_year_20() {
    fails_with(
        "two_digit_year",
        "recognitions.csv:5: date: ",
        "“05/11/20” không hợp lệ",
    );
}

#[test]
fn a_deleted_criterion_column_is_warned_once() {
    let b = build(Some("missing_criterion_column"), "vi");
    assert_eq!(b.code, 0, "{}\n{}", b.stdout, b.stderr);
    assert_eq!(
        b.stdout.lines().collect::<Vec<_>>(),
        [
            "assessments.csv:1: tc19: cảnh báo: không có cột tc19: tiêu chí 19 của bộ \
             qd1980-2016 được ghi là “chưa rõ” ở 2 dòng; thêm cột này nếu có số liệu"
        ]
    );
}

#[test]
fn a_count_of_criteria_met_without_the_criteria_is_kept_as_a_count() {
    // "Số tiêu chí đạt" 17, no criterion named: the dataset says 17 and marks none met.
    let b = build(Some("count_only"), "vi");
    assert_eq!((b.code, b.stdout.as_str()), (0, ""), "{}", b.stderr);
    let json = String::from_utf8(b.json.unwrap()).unwrap();
    assert!(
        json.contains(r#""unit":"06565","year":2019,"set":"qd1980-2016","met":"-------------------","count":17"#),
        "{json}"
    );
}

#[test]
fn a_count_of_criteria_met_that_the_marks_contradict_is_located() {
    let b = build(Some("count_against_marks"), "vi");
    assert_eq!(b.code, 1, "{}\n{}", b.stdout, b.stderr);
    let lines: Vec<_> = b.stdout.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("assessments.csv:3: met_count: ")
                && l.contains("“17/19”")
                && l.contains("không quá số tiêu chí của bộ")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("assessments.csv:2: met_count: ")
                && l.contains(
                    "số tiêu chí đạt 17 không khớp với các ô tiêu chí: các ô cho phép từ 0 đến 16"
                )),
        "{lines:#?}"
    );
}

#[test]
fn one_legacy_encoded_word_in_a_utf8_file_is_located() {
    let b = build(Some("damaged_utf8"), "vi");
    assert_eq!(b.code, 1, "{}", b.stdout);
    let first = b.stdout.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("units.csv:6: -: dòng này có byte không phải UTF-8"),
        "{}",
        b.stdout
    );
    // The other names are read as UTF-8, not as Windows-1258 mojibake.
    assert!(!b.stdout.contains("Ã"), "{}", b.stdout);
}

#[test]
fn an_undated_recognition_in_the_merger_year_is_kept_until_the_merger() {
    let b = build(Some("undated_in_merger_year"), "vi");
    assert_eq!((b.code, b.stdout.as_str()), (0, ""), "{}", b.stderr);
    let data = ntm_core::load::parse_dataset(&String::from_utf8(b.json.unwrap()).unwrap()).unwrap();
    let index = DatasetIndex::new(data);
    let ix = index.find("06565").unwrap();
    // Before, it counted from 31/12/2025, after the commune had ended: never shown.
    assert_eq!(
        index.tier_at(ix, Date::new(2025, 6, 30).unwrap()),
        Some(ntm_core::model::Tier::Model)
    );
}

#[test]
fn an_undated_recognition_with_a_code_of_two_units_that_year_is_warned() {
    let b = build(Some("undated_two_units"), "vi");
    assert_eq!(b.code, 0, "{}", b.stdout);
    assert!(
        b.stdout.starts_with(
            "recognitions.csv:5: date: cảnh báo: năm 2025 có hai đơn vị mang mã “06547”: \
             Xã Tú Mịch (–2025-06-30); Xã Tú Mịch (2025-07-01–); dòng không có ngày nên được \
             tính cho đơn vị có hiệu lực ngày 2025-12-31 (Xã Tú Mịch)"
        ),
        "{}",
        b.stdout
    );
}

#[test]
fn a_missing_recognitions_file_is_said() {
    let dir = case_folder(None);
    std::fs::remove_file(dir.path().join("recognitions.csv")).unwrap();
    let o = run(&["validate", dir.path().to_str().unwrap(), "--lang", "en"]);
    let stdout = String::from_utf8(o.stdout).unwrap();
    assert!(
        stdout.starts_with("recognitions.csv: -: warning: there is no recognitions.csv in "),
        "{stdout}"
    );
}

#[test]
fn output_to_a_closed_pipe_is_not_a_panic() {
    // `ntm-data validate … 2>&1 | head -1`: the reader leaves after one line.
    let dir = case_folder(Some("bad_values"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_ntm-data"))
        .args(["validate", dir.path().to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "errors found, no panic (101)");
}

#[test]
fn duplicate_codes() {
    fails_with(
        "duplicate_codes",
        "units.csv:9: code: ",
        "mã “06565” đã có ở dòng 6",
    );
}

#[test]
fn unknown_parent() {
    fails_with(
        "unknown_parent",
        "units.csv:5: parent_code: ",
        "không có đơn vị nào mã “999”",
    );
}

#[test]
fn inverted_validity() {
    fails_with(
        "inverted_validity",
        "units.csv:6: valid_to: ",
        "ngày bắt đầu 1/7/2025 sau ngày kết thúc 30/6/2025",
    );
}

#[test]
fn advanced_before_standard() {
    fails_with(
        "advanced_before_standard",
        "recognitions.csv:5: tier: ",
        "công nhận “NTM nâng cao” khi chưa có công nhận “Đạt chuẩn NTM” trước đó",
    );
}

#[test]
fn inherited_tier() {
    fails_with(
        "inherited_tier",
        "recognitions.csv:5: year: ",
        "xã mới (từ 1/7/2025) không được mang công nhận năm 2023",
    );
}

#[test]
fn criteria_out_of_set() {
    fails_with(
        "criteria_out_of_set",
        "assessments.csv:4: tc12: ",
        "tiêu chí 12 không có trong bộ qd51-2025 (10 tiêu chí), nhưng ô có “1”",
    );
}

#[test]
fn year_out_of_range() {
    fails_with(
        "year_out_of_range",
        "recognitions.csv:5: year: ",
        "năm 2009 nằm ngoài khoảng 2010–2026",
    );
}

#[test]
fn percentage_over_100() {
    fails_with(
        "percentage_over_100",
        "indicators.csv:4: value: ",
        "tỷ lệ 104 % nằm ngoài khoảng 0–100",
    );
}

#[test]
fn missing_columns_are_named() {
    fails_with(
        "missing_columns",
        "recognitions.csv:1: tier: ",
        "thiếu cột bắt buộc: tier",
    );
}

#[test]
fn a_recognition_by_the_end_of_a_year_is_read_shown_and_exported_so() {
    let b = build(Some("by_year"), "vi");
    assert_eq!((b.code, b.stdout.as_str()), (0, ""), "{}", b.stderr);
    let data = ntm_core::load::parse_dataset(&String::from_utf8(b.json.unwrap()).unwrap()).unwrap();
    let index = DatasetIndex::new(data);
    let ix = index.find("06565").unwrap();
    let at = Date::new(2021, 12, 31).unwrap();
    let reached = index
        .first_reached(ix, ntm_core::model::Tier::Standard, at)
        .unwrap();
    assert_eq!((reached.year, reached.by_year), (2020, true));
    assert_eq!(reached.display(), "≤ 2020");
    let status = index.status(ix, at);
    assert_eq!(
        ntm_core::names::status_phrase(&index, ix, status, at, ntm_core::i18n::Lang::Vi),
        "đạt chuẩn NTM năm 2020 hoặc trước đó"
    );
    assert_eq!(
        ntm_core::names::status_phrase(&index, ix, status, at, ntm_core::i18n::Lang::En),
        "NTM standard since 2020 or earlier"
    );
}

#[test]
fn a_by_year_cell_that_is_not_yes_or_blank_is_located() {
    let b = build(Some("bad_by_year"), "en");
    assert_eq!(b.code, 1, "{}", b.stdout);
    assert!(b.json.is_none());
    assert!(
        b.stdout.lines().any(|l| l.starts_with(
            "recognitions.csv:2: by_year: “trước 2020” is not valid; expected “yes” where the \
             source says only that the tier was reached by the end of that year (not which \
             year), or blank"
        )),
        "{}",
        b.stdout
    );
}

#[test]
fn every_bad_value_is_reported_with_what_was_expected() {
    let b = build(Some("bad_values"), "en");
    assert_eq!(b.code, 1);
    assert!(b.json.is_none());
    for want in [
        "recognitions.csv:5: tier: “vàng” is not valid; expected standard, advanced, model or model_village",
        "recognitions.csv:5: year: “20l9” is not valid; expected a four-digit year, e.g. 2019",
        "recognitions.csv:5: date: “31/02/2019” is not valid; expected a date such as 2025-06-30 or 30/06/2025",
    ] {
        assert!(
            b.stdout.lines().any(|l| l.starts_with(want)),
            "missing {want:?} in\n{}",
            b.stdout
        );
    }
}

#[test]
fn validate_reports_csv_problems_without_writing() {
    let dir = case_folder(Some("advanced_before_standard"));
    let o = run(&["validate", dir.path().to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with(
        "recognitions.csv:5: tier: recognised “Advanced NTM” without an earlier “NTM standard” recognition"
    ), "{out}");
}

#[test]
fn validate_locates_problems_in_a_built_dataset() {
    let json = good_json();
    let mut value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    // Make the first recognition an advanced one with no standard before it.
    let recs = value["recognitions"].as_array_mut().unwrap();
    let k = recs
        .iter()
        .position(|r| r["tier"] == "model_village")
        .unwrap();
    recs[k]["tier"] = "advanced".into();
    recs[k].as_object_mut().unwrap().remove("village");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ntm.json");
    std::fs::write(&path, serde_json::to_string(&value).unwrap()).unwrap();
    let o = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.starts_with(&format!(
            "ntm.json: recognitions[{k}].tier: công nhận “NTM nâng cao”"
        )),
        "{out}"
    );
    // A truncated file: located by line.
    std::fs::write(&path, "{\"schema\": 1,\n \"units\": [").unwrap();
    let o = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .starts_with("ntm.json:2: json: ")
    );
}

#[test]
fn validate_says_when_a_geometry_file_the_dataset_names_is_missing() {
    let mut value: serde_json::Value = serde_json::from_slice(&good_json()).unwrap();
    value["geometry"] = serde_json::json!([{"era": "pre2025", "file": "geo-pre2025.json"}]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ntm.json");
    std::fs::write(&path, serde_json::to_string(&value).unwrap()).unwrap();
    let o = run(&["validate", path.to_str().unwrap()]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.starts_with(
            "ntm.json: geometry: cảnh báo: bộ dữ liệu ghi tệp hình học geo-pre2025.json \
             (thời kỳ pre2025) nhưng không có tệp này cạnh nó"
        ),
        "{out}"
    );
}

#[test]
fn a_missing_folder_is_a_usage_error() {
    let o = run(&[
        "build",
        "--input",
        "/nonexistent/ntm",
        "--out",
        "/tmp/never.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!Path::new("/tmp/never.json").exists());
}

#[test]
fn build_reproduces_the_committed_demo_byte_for_byte() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("ntm.json");
    let o = run(&[
        "build",
        "--input",
        repo().join("data").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "",
        "the demo has no problems, not even warnings"
    );
    let built = std::fs::read(&out).unwrap();
    let committed = std::fs::read(repo().join("public/data/ntm.json")).unwrap();
    assert!(
        built == committed,
        "public/data/ntm.json is stale: run `ntm-data build`"
    );
}

#[test]
fn export_writes_excel_csv_and_geojson() {
    let json = good_json();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("ntm.json");
    std::fs::write(&data, &json).unwrap();
    // A geometry file for the pre-reform era: two squares.
    std::fs::write(
        dir.path().join("geo-pre2025.json"),
        r#"{"schema":1,"era":"pre2025","transform":{"scale":[0.01,0.01],"translate":[106.9,21.7]},
        "arcs":[[1,0,0,1],[1,1,-1,0,0,-1,1,0],[1,0,1,0,0,1,-1,0]],
        "shapes":[{"unit":"06547","polygons":[[[0,1]]],"approx":true},
                  {"unit":"06565","polygons":[[[-1,2]]],"approx":true}]}"#,
    )
    .unwrap();
    let out = dir.path().join("export");
    let o = run(&[
        "export",
        "--dataset",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let units = std::fs::read(out.join("units.csv")).unwrap();
    assert!(units.starts_with(b"\xEF\xBB\xBFid,code,name,kind,parent_code"));
    let units = String::from_utf8(units).unwrap();
    assert!(units.contains("status_2025-06"));
    assert!(units.contains("06565,06565,Xã Khuất Xá,xa,188,"));
    assert!(units.contains("NTM nâng cao"));
    let header: Vec<&str> = units.lines().next().unwrap().split(',').collect();
    let khuat = units.lines().find(|l| l.starts_with("06565,")).unwrap();
    let cells: Vec<&str> = khuat.split(',').collect();
    let cell = |name: &str| cells[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!(
        (cell("source_2023"), cell("source_2020")),
        ("bao", "minh họa")
    );
    let recs = String::from_utf8(std::fs::read(out.join("recognitions.csv")).unwrap()).unwrap();
    assert!(
        recs.contains(
            "06565,Xã Khuất Xá,06565,NTM nâng cao,advanced,2023,,2023-11-20,QĐ 1/QĐ-UBND"
        )
    );
    assert!(
        recs.lines()
            .nth(1)
            .is_some_and(|l| l.ends_with(",sourced") || l.ends_with(",illustrative")),
        "{recs}"
    );
    let geo: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("communes-pre2025.geojson")).unwrap())
            .unwrap();
    let features = geo["features"].as_array().unwrap();
    assert_eq!(features.len(), 2);
    let khuat_xa = features
        .iter()
        .find(|f| f["properties"]["code"] == "06565")
        .unwrap();
    assert_eq!(khuat_xa["properties"]["status"], "advanced");
    // Where the status comes from goes with it (the export carried tiers with no provenance).
    assert_eq!(khuat_xa["properties"]["status_source"], "bao");
    // … and in words a reader without Vietnamese can use.
    assert_eq!(khuat_xa["properties"]["status_provenance"], "sourced");
    assert_eq!(khuat_xa["properties"]["status_label_en"], "Advanced NTM");
    assert_eq!(khuat_xa["properties"]["parent"], "188");
    // The ids the source columns give are looked up in sources.csv.
    let sources = String::from_utf8(std::fs::read(out.join("sources.csv")).unwrap()).unwrap();
    assert!(
        sources.starts_with("\u{feff}id,title,title_en,publisher,date,url,file"),
        "{sources}"
    );
    assert!(sources.lines().any(|l| l.starts_with("bao,")), "{sources}");
    let ring = &khuat_xa["geometry"]["coordinates"][0][0];
    assert_eq!(ring.as_array().unwrap().len(), 5, "closed square ring");
    assert!(
        !out.join("communes-post2025.geojson").exists(),
        "no post-reform geometry given"
    );
}

// ---- The demo's headline numbers against the published totals --------------------------------

fn demo() -> DatasetIndex {
    let text = std::fs::read_to_string(repo().join("public/data/ntm.json")).unwrap();
    DatasetIndex::new(ntm_core::load::parse_dataset(&text).unwrap())
}

fn at(y: u16, m: u8, d: u8) -> Step {
    Step {
        date: Date::new(y, m, d).unwrap(),
    }
}

#[test]
fn lang_son_30_june_2025_matches_the_published_totals() {
    let index = demo();
    let ls = index.find("20").unwrap();
    let s = summarize(&index, Some(ls), at(2025, 6, 30));
    assert_eq!((s.standard(), s.total()), (106, 175));
    assert_eq!(s.advanced(), 28);
    assert_eq!(s.model(), 10);
    let (avg, of) = s.avg_criteria.unwrap();
    assert_eq!(of, 19);
    assert_eq!(format!("{avg:.2}"), "15.21");
    assert!(index.steps().contains(&at(2025, 6, 30)));
}

#[test]
fn bac_giang_end_2023_matches_the_published_shares() {
    let index = demo();
    let bg = index.find("24").unwrap();
    let s = summarize(&index, Some(bg), at(2023, 12, 31));
    let share = |n: usize| (n as f64 / s.total() as f64 * 1000.0).round() / 10.0;
    assert_eq!(s.total(), 143);
    assert_eq!(share(s.standard()), 84.6); // published 154/182
    assert!((share(s.advanced()) - 58.0 / 182.0 * 100.0).abs() < 0.5); // 58/182
    assert!((share(s.model()) - 12.0 / 182.0 * 100.0).abs() < 0.5); // 12/182
    assert_eq!(format!("{:.1}", s.avg_criteria.unwrap().0), "17.4");
}

#[test]
fn luc_nam_matches_the_published_figures() {
    let index = demo();
    let ln = index.find("218").unwrap();
    let s2019 = summarize(&index, Some(ln), at(2019, 12, 31));
    // 11/25 published; Tiên Hưng and Phương Sơn are no longer separate xã in the registry.
    assert_eq!((s2019.standard(), s2019.total()), (9, 22));
    let s2023 = summarize(&index, Some(ln), at(2023, 12, 31));
    assert_eq!((s2023.standard(), s2023.total()), (22, 22));
    assert_eq!(s2023.advanced(), 3);
    assert_eq!(s2023.model_villages, 14);
    let district = index.recognitions_of(ln);
    assert!(
        district
            .iter()
            .any(|r| r.decision.as_deref() == Some("QĐ 37/QĐ-TTg"))
    );
}

#[test]
fn after_the_reform_only_re_assessed_communes_have_a_status() {
    let index = demo();
    let chau_son = index.find("06637-2025").unwrap();
    let end_2025 = Date::new(2025, 12, 31).unwrap();
    let a = index.assessment_at(chau_son, end_2025).unwrap();
    assert_eq!(a.met_count(), 17);
    assert!(a.source.is_some());
    // Formed only from communes at the standard or above (same source).
    let june = Date::new(2025, 6, 30).unwrap();
    let preds = index.predecessors(chau_son);
    assert_eq!(preds.len(), 5);
    for &(p, _) in preds {
        assert!(
            index.status(p, june).at_least_standard(),
            "{}",
            index.unit(p).name
        );
    }
    for ix in index.communes_of_era(ntm_core::model::Era::Post2025) {
        assert_eq!(index.tier_at(ix, end_2025), None, "{}", index.unit(ix).id);
    }
}

#[test]
fn regeneration_reproduces_the_data_files() {
    // Needs the registry packages (downloaded once by scripts/fetch-registry.sh); skipped
    // where they are not cached, e.g. on a machine without network access.
    let cache = std::env::var("NTM_REGISTRY_CACHE").map_or_else(
        |_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default())
                .join(".cache/ntm-atlas/registry")
        },
        PathBuf::from,
    );
    if !cache.join("vietnamadminunits-1.0.4").exists() {
        eprintln!(
            "skipped: registry packages not cached in {}",
            cache.display()
        );
        return;
    }
    let mut cmd = Command::new("python3");
    cmd.arg(repo().join("data/regen.py"))
        .arg("--check")
        .current_dir(repo());
    // The reference old → new mappings, where the shared folder is present.
    let reference = repo().join("../shared/data");
    if reference.join("langson_pre2025_to_2025.csv").exists() {
        cmd.arg("--crosscheck").arg(reference);
    }
    let o = cmd.output().expect("python3 runs");
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}
