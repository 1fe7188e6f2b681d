//! The headline numbers on the demo dataset (`public/data/ntm.json`) across the 2025 reform.

use ntm_core::chart_data;
use ntm_core::charts::comparison;
use ntm_core::i18n::Lang;
use ntm_core::index::DatasetIndex;
use ntm_core::markup::summary;

fn demo() -> DatasetIndex {
    let text = include_str!("../../../public/data/ntm.json");
    DatasetIndex::new(ntm_core::load::parse_dataset(text).expect("the demo dataset loads"))
}

#[test]
fn after_the_reform_the_summary_says_why_it_starts_from_zero_and_what_came_before() {
    let index = demo();
    let province = index.find("20");
    let step = |key| index.step_by_key(key).expect("step");
    let before = summary(&index, province, step("2025-06"), Lang::Vi);
    assert!(!before.contains("summary-reform"), "{before}");
    // Every old commune of Lạng Sơn went into a new one: the figure of 30/6/2025, as published.
    assert!(before.contains("106/175 · 60,6\u{a0}%"), "{before}");
    let after = summary(&index, province, step("2026"), Lang::Vi);
    assert!(after.contains("chỉ tính các xã đã được xét lại"), "{after}");
    assert!(
        after.contains(
            "Trước sắp xếp (30/6/2025), các xã cũ ở đây: 106/175 đạt chuẩn NTM (60,6\u{a0}%)."
        ),
        "{after}"
    );
    // The average is counted against the set of the year: 19 criteria, then 10 from 2026.
    assert!(
        before.contains("trên 19</span><span class=\"figure-share\">theo QĐ <span class=\"nowrap\">318/QĐ-TTg</span></span>"),
        "{before}"
    );
    assert!(
        after.contains("trên 10</span><span class=\"figure-share\">theo QĐ <span class=\"nowrap\">51/2025/QĐ-TTg</span> · 48/61 xã có đánh giá</span>"),
        "{after}"
    );
    let en = summary(&index, province, step("2026"), Lang::En);
    assert!(
        en.contains(
            "Before the reform (30 June 2025), the old communes here: 106/175 at the NTM standard (60.6%)."
        ),
        "{en}"
    );
}

#[test]
fn figures_from_one_source_name_it_once_and_all_areas_say_where_the_targets_are() {
    let index = demo();
    let step = index.step_by_key("2025-06").expect("step");
    let province = summary(&index, index.find("20"), step, Lang::Vi);
    // The five figures of the June 2025 article: one source line, after the last of them.
    assert_eq!(
        province.matches("class=\"published-source\"").count(),
        1,
        "{province}"
    );
    assert!(
        province.contains("Nguồn của 5 số liệu trên: "),
        "{province}"
    );
    assert!(!province.contains("summary-hint"), "{province}");
    let all = summary(&index, None, step, Lang::Vi);
    assert!(all.contains("chọn một tỉnh ở ô “Phạm vi”"), "{all}");
}

#[test]
fn units_without_data_are_named_under_the_chart_not_drawn_as_empty_rows() {
    let index = demo();
    // Old Bắc Ninh: the demo has none of its communes' records.
    let step = index.step_by_key("2022").expect("step");
    let m = chart_data::comparison(&index, index.find("27"), step, None);
    assert!(m.rows.is_empty());
    assert_eq!(m.without_data.len(), 8);
    assert_eq!(
        comparison::summary(&m, Lang::Vi),
        "Không có số liệu để vẽ biểu đồ."
    );
    let text = comparison::note(&m, Lang::Vi).expect("note");
    assert!(
        text.starts_with("Không có trong biểu đồ — chưa có dữ liệu (8): "),
        "{text}"
    );
    assert!(text.contains("TP Bắc Ninh"), "{text}");
    assert_eq!(
        comparison::table(&m, Lang::Vi).rows.len(),
        8,
        "the table still lists them"
    );
    // New Bắc Ninh in 2026: the communes not yet reassessed are named, the others drawn.
    let step = index.step_by_key("2026").expect("step");
    let m = chart_data::comparison(&index, index.find("24-2025"), step, None);
    assert!(!m.rows.is_empty());
    assert!(m.rows.iter().all(|r| r.criteria.is_some()));
    let text = comparison::note(&m, Lang::En).expect("note");
    // Those formed only from communes the data knows nothing of (old Bắc Ninh's) are "no
    // data", not "not re-assessed".
    assert!(
        text.starts_with("Not in the chart — not re-assessed since the reform (18): "),
        "{text}"
    );
    assert!(text.contains("; no data (16): "), "{text}");
    assert_eq!(m.without_data.len(), 34);
    assert_eq!(
        comparison::table(&m, Lang::Vi).rows.len(),
        m.rows.len() + m.without_data.len()
    );
    // Every unit drawn: no note.
    let step = index.step_by_key("2022").expect("step");
    assert_eq!(
        comparison::note(
            &chart_data::comparison(&index, index.find("20"), step, None),
            Lang::Vi
        ),
        None
    );
}

#[test]
fn a_scope_with_no_commune_on_record_shows_dashes_not_zero_of_zero() {
    let index = demo();
    let step = index.step_by_key("2022").expect("step");
    let html = summary(&index, index.find("27"), step, Lang::Vi);
    assert!(!html.contains("0/0"), "{html}");
    assert!(
        html.contains("<span class=\"figure-value\" aria-hidden=\"true\">–</span><span class=\"figure-share\">chưa có số liệu xã nào</span>"),
        "{html}"
    );
    assert!(!html.contains("so với"), "no change from nothing: {html}");
}

#[test]
fn a_target_says_what_is_missing_in_points_and_where_it_was_set() {
    let index = demo();
    let step = index.step_by_key("2020").expect("step");
    let html = summary(&index, index.find("20"), step, Lang::Vi);
    assert!(
        html.contains("Mục tiêu 2025: 60\u{a0}% đạt chuẩn NTM"),
        "{html}"
    );
    assert!(html.contains("còn thiếu 14,3 điểm phần trăm"), "{html}");
    assert!(
        html.contains("<span class=\"target-source\">Mục tiêu vùng trung du và miền núi phía Bắc (cả nước ≥ 80 %) · Nguồn: <span>Quyết định 263/QĐ-TTg"),
        "{html}"
    );
    let en = summary(&index, index.find("20"), step, Lang::En);
    assert!(en.contains("14.3 percentage points to go"), "{en}");
}

#[test]
fn the_about_page_names_an_archived_copy_only_for_a_source_with_no_address() {
    let html = ntm_core::markup::about(&demo(), Lang::Vi);
    // VietNamNet's article has an address: its archived copy is the project's business.
    assert!(!html.contains("seeds/004_"), "{html}");
    assert!(
        html.contains("không có địa chỉ web; bản lưu của nhóm phát triển (không kèm trong kho mã nguồn): seeds/000_"),
        "{html}"
    );
}

#[test]
fn the_headline_numbers_say_how_many_of_them_are_illustrative() {
    let index = demo();
    let step = index.step_by_key("2020").expect("step");
    let html = summary(&index, index.find("20"), step, Lang::Vi);
    let note = html
        .split("<p class=\"summary-provenance\">")
        .nth(1)
        .expect("a provenance note")
        .split("</p>")
        .next()
        .expect("note");
    assert!(
        note.starts_with("<span class=\"badge illustrative\">Minh họa</span> Ở đây, mức đạt của "),
        "{note}"
    );
    assert!(note.contains("/80 xã đạt chuẩn trở lên"), "{note}");
    assert!(note.contains("/175 xã được đánh giá"), "{note}");
}

#[test]
fn a_profile_claims_a_commune_is_not_disadvantaged_only_where_the_data_lists_them() {
    use ntm_core::markup::profile_body;
    let index = demo();
    let step = index.step_by_key("2026").expect("step");
    // A new commune: the data has no list for after the reform.
    let new = index.find("07519-2025").expect("new commune");
    let html = profile_body(&index, new, step, Lang::Vi);
    assert!(
        html.contains("Dữ liệu chưa có danh sách xã đặc biệt khó khăn cho thời kỳ này"),
        "{html}"
    );
    assert!(!html.contains("Không thuộc diện"), "{html}");
    // An old commune not on the (illustrative) list of its era.
    let step = index.step_by_key("2022").expect("step");
    let old = index.find("06004").expect("Quốc Khánh");
    let html = profile_body(&index, old, step, Lang::Vi);
    assert!(
        html.contains("Không thuộc diện xã đặc biệt khó khăn <span class=\"badge illustrative\">Minh họa</span>"),
        "{html}"
    );
}

#[test]
fn a_target_of_the_old_communes_is_measured_on_their_last_day_after_the_reform() {
    let index = demo();
    let step = index
        .step_by_key("2025")
        .expect("the step after the reform");
    let html = summary(&index, index.find("20"), step, Lang::Vi);
    assert!(
        html.contains("ngày 30/6/2025 (các xã cũ): 60,6\u{a0}% · đã đạt"),
        "{html}"
    );
    assert!(!html.contains("hiện 0,0"), "{html}");
}

#[test]
fn areas_without_any_record_in_an_era_are_known_before_they_are_picked() {
    use ntm_core::model::Era;
    let index = demo();
    let pre = index.areas_with_records(Era::Pre2025);
    let at = |id: &str| index.find(id).expect(id);
    assert!(
        !pre[at("27")],
        "old Bắc Ninh: its units, none of its records"
    );
    assert!(!pre[at("258")], "Yên Phong, in old Bắc Ninh");
    assert!(pre[at("20")] && pre[at("218")] && pre[at("24")]);
    let post = index.areas_with_records(Era::Post2025);
    assert!(post[at("24-2025")] && post[at("20")]);
}

#[test]
fn a_commune_assessed_against_the_old_set_is_named_under_the_comparison_with_its_own_count() {
    let index = demo();
    let lang_son = index.find("20");
    let step = index.step_by_key("2026").expect("step");
    let m = chart_data::comparison(&index, lang_son, step, None);
    assert_eq!(m.kind, chart_data::ComparisonKind::Communes);
    let chau_son: Vec<&chart_data::OtherSetAssessment> = m
        .other_set
        .iter()
        .filter(|o| o.name == "Châu Sơn")
        .collect();
    assert_eq!(chau_son.len(), 1, "{:?}", m.other_set);
    assert_eq!((chau_son[0].met, chau_son[0].of), (17, 19));
    let note = comparison::note(&m, Lang::Vi).expect("a note");
    assert!(
        note.contains("đánh giá theo bộ tiêu chí khác: Châu Sơn (17/19, QĐ 318/QĐ-TTg)"),
        "{note}"
    );
    // Drawn by its tier all the same.
    assert!(
        m.rows
            .iter()
            .any(|r| r.name == "Châu Sơn" && r.criteria.is_none())
    );
}

#[test]
fn a_province_merged_at_the_reform_says_whose_bars_follow_it() {
    let index = demo();
    let bac_giang = index.find("24");
    let m = chart_data::progress(&index, bac_giang, None);
    let note = ntm_core::charts::progress::note(&m, Lang::Vi).expect("a note");
    assert_eq!(
        note,
        "Từ 1/7/2025, các cột là của tỉnh Bắc Ninh (mới), hợp nhất từ tỉnh Bắc Giang và tỉnh Bắc Ninh."
    );
    // Lạng Sơn stays Lạng Sơn: nothing to say.
    let lang_son = chart_data::progress(&index, index.find("20"), None);
    assert_eq!(ntm_core::charts::progress::note(&lang_son, Lang::Vi), None);
}

/// New Bắc Ninh before the reform: the old communes with no data are said, not left out.
#[test]
fn the_before_reform_line_says_how_many_old_communes_have_no_data() {
    let index = demo();
    let step = index.step_by_key("2026").expect("2026");
    let html = summary(&index, index.find("24-2025"), step, Lang::Vi);
    assert!(
        html.contains("129/143 đạt chuẩn NTM (90,2\u{a0}%), chưa kể 66 xã cũ chưa có dữ liệu."),
        "{html}"
    );
}
