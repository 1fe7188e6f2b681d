//! The content part of the catalogue of broken inputs (issue 8): every fixture of
//! `tests/fixtures/broken/` (shared with the end-to-end tests, which serve them to the app)
//! gives exactly the message listed in `tests/fixtures/broken/README.md`, in Vietnamese by
//! default, and what is still sound keeps working: a dataset with bad records still indexes
//! and summarises; a geometry file with a bad shape still draws the others.

#![allow(clippy::unwrap_used, clippy::float_cmp)]
// A native test: the clock is there (clippy.toml forbids Instant::now for the wasm app).
#![allow(clippy::disallowed_methods)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ntm_core::date::Date;
use ntm_core::geometry::{self, GeometryError};
use ntm_core::i18n::Lang;
use ntm_core::index::{DatasetIndex, Status, Step};
use ntm_core::load::{LoadError, MAX_DATASET_BYTES, json_detail, parse_dataset};
use ntm_core::map::{Camera, MapModel, rasterize};
use ntm_core::markup;
use ntm_core::model::Era;
use ntm_core::summary::summarize;
use ntm_core::validate::{Issue, Report, Severity, validate};

const URL: &str = "data/ntm.json";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/broken")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap()
}

/// The reader's message for a file the app refuses.
fn refused(name: &str) -> (LoadError, String) {
    let err = parse_dataset(&fixture(name)).unwrap_err();
    let vi = err.message(Lang::Vi, URL);
    (err, vi)
}

/// `path: message` (severity first for warnings) of every problem of a dataset that loads.
fn problems(name: &str) -> Vec<String> {
    let data = parse_dataset(&fixture(name)).unwrap();
    validate(&data)
        .problems
        .iter()
        .map(|p| {
            let w = if p.severity == Severity::Warning {
                "cảnh báo: "
            } else {
                ""
            };
            format!("{}: {w}{}", p.path(), p.message(Lang::Vi))
        })
        .collect()
}

fn index(name: &str) -> DatasetIndex {
    DatasetIndex::new(parse_dataset(&fixture(name)).unwrap())
}

fn end_of(year: u16) -> Date {
    Date::new(year, 12, 31).unwrap()
}

/// The sound parts of the tiny dataset are all there: 06463 and 06469 are at the standard
/// at the end of 2020, 06469 advanced in 2021, the whole district is summarised.
fn still_works(ix: &DatasetIndex) {
    let status = |id: &str, y: u16| ix.status(ix.find(id).unwrap(), end_of(y));
    assert_eq!(status("06463", 2020), Status::Standard);
    assert_eq!(status("06469", 2021), Status::Advanced);
    let s = summarize(ix, ix.find("181"), ix.last_step());
    assert!(s.standard() >= 2, "{s:?}");
}

// ---- Refused files: one precise message, nothing half-loaded ------------------------------

#[test]
fn invalid_json_is_located() {
    let (err, vi) = refused("invalid-json.json");
    assert!(matches!(
        err,
        LoadError::Json {
            line: 5,
            column: 3,
            ..
        }
    ));
    assert_eq!(
        vi,
        "Tệp dữ liệu bị hỏng hoặc không đầy đủ ở dòng 5, cột 3: cần `,` hoặc `}` ở đây"
    );
    assert_eq!(
        err.message(Lang::En, URL),
        "The data file is damaged or incomplete at line 5, column 3: expected `,` or `}` here"
    );
}

#[test]
fn truncated_json_says_the_file_ends_early() {
    let (_, vi) = refused("truncated.json");
    assert_eq!(
        vi,
        "Tệp dữ liệu bị hỏng hoặc không đầy đủ ở dòng 15, cột 11: tệp kết thúc giữa chừng (có thể chưa tải lên hết)"
    );
}

#[test]
fn a_newer_schema_needs_a_newer_app() {
    let (err, vi) = refused("schema-newer.json");
    assert_eq!(
        vi,
        "Bộ dữ liệu này dùng định dạng phiên bản 2, cần phiên bản ứng dụng mới hơn (ứng dụng đọc được đến phiên bản 1)."
    );
    assert!(err.message(Lang::En, URL).contains("needs a newer app"));
}

#[test]
fn an_older_schema_is_refused_precisely() {
    // Version 1 is the first published format: nothing older can be migrated.
    let (_, vi) = refused("schema-older.json");
    assert_eq!(
        vi,
        "Bộ dữ liệu dùng định dạng cũ phiên bản 0, không còn được hỗ trợ (ứng dụng đọc từ phiên bản 1); hãy tạo lại tệp bằng lệnh ntm-data build."
    );
}

#[test]
fn a_missing_or_invalid_schema_is_named() {
    let (_, vi) = refused("schema-missing.json");
    assert_eq!(
        vi,
        "Tệp không có số phiên bản định dạng (trường \"schema\"); đây có thể không phải tệp dữ liệu NTM Atlas."
    );
    let (_, vi) = refused("schema-not-a-number.json");
    assert_eq!(
        vi,
        "Trường \"schema\" phải là số phiên bản (một số nguyên), không phải \"1.0\"."
    );
}

#[test]
fn a_missing_required_field_is_named() {
    let (_, vi) = refused("missing-field.json");
    assert_eq!(
        vi,
        "Tệp dữ liệu bị hỏng hoặc không đầy đủ ở dòng 118, cột 1: thiếu trường bắt buộc “criteria_sets”"
    );
}

/// A generated 50 MB dataset (not committed): refused on its size before any parsing, at
/// once, with both sizes in the message. The app also refuses it from `Content-Length`
/// before downloading it whole.
#[test]
fn a_50_mb_dataset_is_refused_before_parsing() {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("broken-50mb.json");
    write_large_dataset(&path, 50_000_000);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.len(), 50_000_000);
    assert!(serde_json::from_str::<serde_json::Value>(&text[..2_000]).is_err());
    let t = Instant::now();
    let err = parse_dataset(&text).unwrap_err();
    let took = t.elapsed();
    std::fs::remove_file(&path).unwrap();
    assert!(took < Duration::from_millis(50), "took {took:?}");
    assert_eq!(
        err,
        LoadError::TooLarge {
            size: 50_000_000,
            limit: MAX_DATASET_BYTES
        }
    );
    assert_eq!(
        err.message(Lang::Vi, URL),
        "Tệp dữ liệu quá lớn (50,0\u{a0}MB); giới hạn là 25,2\u{a0}MB."
    );
}

/// Writes a valid dataset of exactly `size` bytes: the tiny dataset with generated communes
/// (`make-large.mjs` beside the fixtures does the same for the end-to-end tests).
fn write_large_dataset(path: &Path, size: usize) {
    let tiny = std::fs::read_to_string(dir().join("../tiny.json")).unwrap();
    let head_end = tiny.find("\"units\": [").unwrap() + "\"units\": [".len();
    let mut out = String::with_capacity(size);
    out.push_str(&tiny[..head_end]);
    let rest = &tiny[head_end..];
    let mut k = 0u32;
    while out.len() + rest.len() + 120 < size {
        write!(
            out,
            "\n    {{\"id\": \"9{k:07}\", \"code\": \"9{k:07}\", \"name\": \"Xã {k}\", \"kind\": \"xa\", \"parent\": \"181\", \"source\": \"reg\"}},"
        )
        .unwrap();
        k += 1;
    }
    // Pad inside the first name to reach the size exactly.
    let pad = size - out.len() - rest.len();
    let pos = out.find("\"Xã 0\"").unwrap() + "\"Xã 0".len();
    out.insert_str(pos, &" ".repeat(pad));
    out.push_str(rest);
    std::fs::write(path, &out).unwrap();
    assert_eq!(out.len(), size);
    assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
}

// ---- Datasets with bad records: located problems, the rest still shown ---------------------

#[test]
fn unknown_unit_references() {
    assert_eq!(
        problems("unknown-parent.json"),
        [
            "units[6].parent: không có đơn vị hành chính mã “999” trong danh sách đơn vị",
            "recognitions[3].unit: không có đơn vị hành chính mã “06499” trong danh sách đơn vị",
        ]
    );
    let ix = index("unknown-parent.json");
    still_works(&ix);
    // The orphan is still a unit; the recognition of a unit that does not exist is ignored.
    assert!(ix.find("06475").is_some());
    assert!(ix.find("06499").is_none());
}

#[test]
fn duplicate_codes() {
    assert_eq!(
        problems("duplicate-codes.json"),
        [
            "units[7].id: mã “06469” bị trùng (đã dùng ở bản ghi số 4)",
            "units[7].code: trùng mã và trùng thời gian hiệu lực với đơn vị “06469”",
            "units[8].code: trùng mã và trùng thời gian hiệu lực với đơn vị “06472”",
        ]
    );
    let ix = index("duplicate-codes.json");
    // The first record with an id wins; its recognitions stay with it.
    assert_eq!(ix.unit(ix.find("06469").unwrap()).name, "Khuất Xá");
    still_works(&ix);
}

#[test]
fn tiers_out_of_order() {
    assert_eq!(
        problems("tier-order.json"),
        [
            "recognitions[3].tier: công nhận “NTM nâng cao” khi chưa có công nhận “Đạt chuẩn NTM” trước đó"
        ]
    );
    still_works(&index("tier-order.json"));
}

#[test]
fn years_out_of_range() {
    assert_eq!(
        problems("bad-years.json"),
        [
            "recognitions[3].year: năm 2009 nằm ngoài khoảng 2010–2021",
            "assessments[1].year: năm 2099 nằm ngoài khoảng 2010–2021",
            "assessments[1].set: cảnh báo: bộ tiêu chí “qd1980-2016” không áp dụng cho năm 2099",
            "last_year: năm 20210 nằm ngoài khoảng 1990–2035",
            "first_year: năm 1990 nằm ngoài khoảng 2010–20210",
        ]
    );
    // The timeline keeps to the programme's years (2010–2021 here, as of 31/12/2021), not
    // 1990–20210; the rest is sound.
    let ix = index("bad-years.json");
    let steps = ix.steps();
    assert_eq!(steps.first().unwrap().date.year, 2010);
    assert_eq!(steps.last().unwrap().date, end_of(2021));
    still_works(&ix);
}

#[test]
fn hostile_names_are_text() {
    assert_eq!(
        problems("hostile-names.json"),
        [
            "units[2].name: cảnh báo: tên dài 300 ký tự, quá 100 ký tự: có thể dán nhầm nội dung",
            "units[4].name: tên có ký tự điều khiển hoặc ký tự đổi chiều văn bản",
            "units[5].name: tên có ký tự điều khiển hoặc ký tự đổi chiều văn bản",
        ]
    );
    let ix = index("hostile-names.json");
    still_works(&ix);
    // Markup in a name is kept as the exact text (not stripped, not run) …
    let script = "<script>alert('xã')</script><img src=x onerror=alert(1)>";
    let tu_mich = ix.find("06463").unwrap();
    assert_eq!(ix.unit(tu_mich).name, script);
    // … and escaped wherever core writes HTML. Right-to-left letters are text too.
    let step = Step { date: end_of(2021) };
    for ix_unit in [tu_mich, ix.find("06475").unwrap()] {
        let html = markup::profile_head(&ix, ix_unit, step, Lang::Vi)
            + &markup::profile_body(&ix, ix_unit, step, Lang::Vi);
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
    }
    let html = markup::profile_head(&ix, tu_mich, step, Lang::Vi);
    assert!(html.contains(&markup::escape(script)), "{html}");
    let html = markup::profile_head(&ix, ix.find("06475").unwrap(), step, Lang::Vi);
    assert!(html.contains("שלום Yên Khoái"), "{html}");
}

// ---- Geometry: the broken shape is reported, the others are drawn --------------------------

fn decoded(name: &str) -> (geometry::Geometry, Vec<String>) {
    let mut report = Report::default();
    let g = geometry::decode(geometry::parse(&fixture(name)).unwrap(), &mut report);
    geometry::check_rings(&g, &mut report);
    let lines = report
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.path(), p.message(Lang::Vi)))
        .collect();
    (g, lines)
}

/// The units drawn, and that each appears in a small raster.
fn drawn(g: &geometry::Geometry) -> Vec<String> {
    let ix = DatasetIndex::new(parse_dataset(&fixture("../tiny.json")).unwrap());
    let model = MapModel::new(g, &ix, Era::Pre2025);
    let camera = Camera::fit(model.bbox, 200.0, 100.0, 4.0);
    let raster = rasterize(&model, &camera, 200, 100, 1.0);
    let mut units = Vec::new();
    for (i, s) in model.shapes.iter().enumerate() {
        assert!(
            raster.ids.contains(&(i as u32 + 1)),
            "shape {i} not in the raster"
        );
        units.push(ix.unit(s.unit).id.clone());
    }
    units
}

#[test]
fn empty_geometry() {
    let (g, lines) = decoded("geo-empty.json");
    assert_eq!(
        lines,
        [
            "shapes[0].polygons: hình ranh giới rỗng hoặc có ít hơn 3 điểm",
            "shapes[2].polygons: hình ranh giới rỗng hoặc có ít hơn 3 điểm",
        ]
    );
    assert_eq!(drawn(&g), ["06469"]);
}

#[test]
fn self_intersecting_geometry() {
    let (g, lines) = decoded("geo-self-intersecting.json");
    assert_eq!(
        lines,
        ["shapes[2].polygons: đường ranh giới tự cắt nhau gần điểm (107.35, 21.75)"]
    );
    // Reported, still drawn (even-odd fill): nothing is hidden by a bow tie.
    assert_eq!(drawn(&g), ["06463", "06469", "06472"]);
}

#[test]
fn coordinates_that_are_not_degrees() {
    let (g, lines) = decoded("geo-out-of-range.json");
    assert_eq!(
        lines,
        [
            "arcs[2].points: tọa độ không hợp lệ: cung 2 có điểm (6606.9, 24021.7) không phải kinh độ, vĩ độ hợp lệ",
            "shapes[2].polygons: tọa độ không hợp lệ: dùng cung 2 bị lỗi",
        ]
    );
    assert_eq!(drawn(&g), ["06463", "06469"]);
}

#[test]
fn non_finite_numbers_are_refused_with_their_place() {
    // NaN and Infinity, as Python's json module writes them, are not JSON: the file is
    // refused where they are (the app then says the map is unavailable; tables still work).
    let err = geometry::parse(&fixture("geo-nonfinite.json")).unwrap_err();
    let GeometryError::Json {
        line,
        column,
        message,
    } = err
    else {
        panic!("{err:?}")
    };
    assert_eq!((line, column), (1, 125));
    assert_eq!(
        json_detail(&message, Lang::Vi),
        "thiếu giá trị hoặc giá trị không phải JSON (NaN, Infinity, dấu phẩy thừa…)"
    );
    // A transform that sends coordinates to infinity is caught when decoding: the arc is
    // refused, and the shape using it.
    let text = fixture("geo-empty.json")
        .replace("\"scale\":[0.01,0.01]", "\"scale\":[1e300,1e300]")
        .replace("[0,0,10,0,", "[0,0,1000000000,0,");
    let mut report = Report::default();
    let g = geometry::decode(geometry::parse(&text).unwrap(), &mut report);
    assert!(g.shapes.is_empty());
    let lines: Vec<String> = report
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.path(), p.message(Lang::Vi)))
        .collect();
    assert_eq!(
        lines[..2],
        [
            "arcs[0].points: tọa độ không hợp lệ: cung 0 có điểm (inf, 21.7) không phải kinh độ, vĩ độ hợp lệ",
            "arcs[1].points: tọa độ không hợp lệ: cung 1 có điểm (2e301, 21.7) không phải kinh độ, vĩ độ hợp lệ",
        ]
    );
    assert!(
        report
            .problems
            .iter()
            .all(|p| matches!(p.issue, Issue::BadCoordinate { .. } | Issue::EmptyGeometry))
    );
}

/// The committed demo geometry has no ring crossing itself.
#[test]
fn the_demo_geometry_is_simple() {
    for file in ["geo-pre2025.json", "geo-post2025.json"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../public/data")
            .join(file);
        let mut report = Report::default();
        let g = geometry::decode(
            geometry::parse(&std::fs::read_to_string(path).unwrap()).unwrap(),
            &mut report,
        );
        geometry::check_rings(&g, &mut report);
        let lines: Vec<String> = report
            .problems
            .iter()
            .map(|p| format!("{} ({}): {}", p.path(), p.record, p.message(Lang::En)))
            .collect();
        assert!(lines.is_empty(), "{file}: {lines:#?}");
    }
}

/// Thousands of units with one code (a column filled down by mistake) are one problem each,
/// found at once: never millions of pairs.
#[test]
fn many_units_with_one_code_validate_quickly() {
    let tiny = fixture("../tiny.json");
    let mut data = parse_dataset(&tiny).unwrap();
    let template = data.units[3].clone();
    for k in 0..20_000 {
        let mut u = template.clone();
        u.id = format!("dup-{k}");
        data.units.push(u);
    }
    let t = Instant::now();
    let report = validate(&data);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    let overlaps = report
        .problems
        .iter()
        .filter(|p| matches!(p.issue, Issue::OverlappingPeriod { .. }))
        .count();
    assert_eq!(overlaps, 20_000);
}

/// A recognition row filled down 20,000 times is checked in linear time.
#[test]
fn many_records_of_one_unit_validate_quickly() {
    let mut data = parse_dataset(&fixture("../tiny.json")).unwrap();
    let advanced = data.recognitions[2].clone();
    data.recognitions
        .extend(std::iter::repeat_n(advanced, 20_000));
    let t = Instant::now();
    let report = validate(&data);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    // Each copy is one repeated-tier warning.
    assert_eq!(report.problems.len(), 20_000, "{:?}", &report.problems[..1]);
    assert!(
        report
            .problems
            .iter()
            .all(|p| p.severity == Severity::Warning
                && matches!(p.issue, Issue::RepeatedTier { .. }))
    );
}

/// A commune that is its own parent, or two that are each other's, used to loop for ever
/// when the map asked for their status (found while writing the fuzz targets; the input is
/// in `fuzz/corpus/dataset/parent-cycle.json`).
#[test]
fn a_parent_cycle_does_not_hang() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/dataset/parent-cycle.json"),
    )
    .unwrap();
    let ix = DatasetIndex::new(parse_dataset(&text).unwrap());
    let status = |id: &str| ix.status(ix.find(id).unwrap(), end_of(2021));
    assert_eq!(status("06475"), Status::NoData);
    assert_eq!(status("06472"), Status::NotYet);
    assert_eq!(status("06469"), Status::Advanced);
    let s = summarize(&ix, None, ix.last_step());
    // The five commune-level units are all counted.
    let counted: usize = Status::LEGEND.iter().map(|&st| s.counts.get(st)).sum();
    assert_eq!(counted, 5, "{s:?}");
}
