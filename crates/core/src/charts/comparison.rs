//! The comparison chart: one horizontal bar per district (or province, or commune) for the
//! selected step, sorted best first, with the selected unit's row highlighted. Areas show the
//! shares of their communes at model, advanced and standard, stacked; communes show the
//! criteria they meet, in their tier's colour.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    ChartOptions, DataTable, DrawResult, LegendItem, LegendMark, Painter, SMALL_SIZE, TEXT_SIZE,
    axis_percent, fit_text, layout_legend, text_width,
};
use crate::chart_data::{ComparisonKind, ComparisonModel, ComparisonRow, count_for};
use crate::format;
use crate::i18n::{Lang, Msg, fill};
use crate::index::Status;
use crate::palette::status_paint;

const ROW: f64 = 26.0;
const BAR: f64 = 14.0;
const AXIS: f64 = 20.0;

/// The largest number of criteria among rows (the axis maximum for communes).
fn set_size(model: &ComparisonModel) -> usize {
    model
        .rows
        .iter()
        .filter_map(|r| r.criteria.map(|c| c.1))
        .max()
        .unwrap_or(0)
}

/// The value shown at the end of a row.
fn value_text(model: &ComparisonModel, row: &ComparisonRow, lang: Lang) -> String {
    match model.kind {
        ComparisonKind::Areas => row
            .standard_share()
            .map_or_else(|| "–".to_owned(), |s| format::percent(lang, s)),
        ComparisonKind::Communes => row
            .criteria
            .map_or_else(|| "–".to_owned(), |(m, n)| format!("{m}/{n}")),
    }
}

struct Layout {
    width: f64,
    label_w: f64,
    bar_x0: f64,
    bar_x1: f64,
    names: Vec<String>,
    values: Vec<String>,
    top: f64,
    legend: Vec<LegendItem>,
    height: f64,
}

fn legend_entries(model: &ComparisonModel, lang: Lang) -> Vec<(LegendMark, String)> {
    let statuses: Vec<Status> = match model.kind {
        ComparisonKind::Areas => vec![Status::Model, Status::Advanced, Status::Standard],
        ComparisonKind::Communes => super::STACK
            .into_iter()
            .filter(|&s| model.rows.iter().any(|r| r.status == s))
            .collect(),
    };
    statuses
        .into_iter()
        .map(|s| (LegendMark::Status(s), s.msg().text(lang).to_owned()))
        .collect()
}

fn layout(model: &ComparisonModel, width: f64, lang: Lang) -> Layout {
    let longest = model
        .rows
        .iter()
        .map(|r| text_width(&r.label(lang), TEXT_SIZE * super::BOLD))
        .fold(0.0, f64::max);
    let label_w = longest.min((width * 0.38).max(60.0));
    let values: Vec<String> = model
        .rows
        .iter()
        .map(|r| value_text(model, r, lang))
        .collect();
    let value_w = values
        .iter()
        .map(|v| text_width(v, TEXT_SIZE))
        .fold(text_width("100,0 %", TEXT_SIZE), f64::max);
    let bar_x0 = label_w + 8.0;
    let bar_x1 = (width - value_w - 8.0).max(bar_x0 + 10.0);
    let names = model
        .rows
        .iter()
        .map(|r| fit_text(&r.label(lang), TEXT_SIZE * super::BOLD, label_w))
        .collect();
    let top = AXIS;
    let legend_top = top + model.rows.len() as f64 * ROW + 10.0;
    let (legend, legend_h) = layout_legend(legend_entries(model, lang), width, legend_top);
    Layout {
        width,
        label_w,
        bar_x0,
        bar_x1,
        names,
        values,
        top,
        legend,
        height: (legend_top + legend_h + 4.0).ceil(),
    }
}

/// The height the chart needs at a width, in CSS pixels.
pub fn height(model: &ComparisonModel, width: f64, lang: Lang) -> f64 {
    layout(model, width, lang).height
}

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &ComparisonModel,
    opts: &ChartOptions,
) -> DrawResult<DB> {
    let p = Painter::new(area, *opts);
    let lang = opts.lang;
    let th = opts.theme;
    let lay = layout(model, p.width(), lang);
    p.clear()?;
    let span = lay.bar_x1 - lay.bar_x0;
    let bottom = lay.top + model.rows.len() as f64 * ROW;
    // Axis ticks along the top.
    let size = set_size(model);
    let ticks: Vec<(f64, String)> = match model.kind {
        ComparisonKind::Areas => [0.0, 50.0, 100.0]
            .iter()
            .map(|&v| (v / 100.0, axis_percent(lang, v)))
            .collect(),
        ComparisonKind::Communes if size > 0 => [0, size / 2, size]
            .iter()
            .map(|&v| (v as f64 / size as f64, v.to_string()))
            .collect(),
        ComparisonKind::Communes => Vec::new(),
    };
    for (i, (f, label)) in ticks.iter().enumerate() {
        let x = lay.bar_x0 + f * span;
        p.line(&[(x, lay.top - 2.0), (x, bottom)], th.grid, 1.0)?;
        let anchor = if i == 0 {
            HPos::Left
        } else if i + 1 == ticks.len() {
            HPos::Right
        } else {
            HPos::Center
        };
        p.text(
            label,
            x,
            lay.top - 10.0,
            SMALL_SIZE,
            th.muted,
            (anchor, VPos::Center),
            false,
        )?;
    }
    for (i, row) in model.rows.iter().enumerate() {
        let y = lay.top + i as f64 * ROW;
        let cy = y + ROW / 2.0;
        let selected = model.selected == Some(i);
        if selected {
            p.fill_rect(0.0, y + 1.0, lay.width, y + ROW - 1.0, th.highlight)?;
        }
        p.text(
            &lay.names[i],
            lay.label_w,
            cy,
            TEXT_SIZE,
            th.text,
            (HPos::Right, VPos::Center),
            selected,
        )?;
        let (b0, b1) = (cy - BAR / 2.0, cy + BAR / 2.0);
        p.fill_rect(lay.bar_x0, cy - 1.0, lay.bar_x1, cy + 1.0, th.grid)?;
        match model.kind {
            ComparisonKind::Areas => {
                let total = row.basis();
                if total > 0 {
                    let mut x = lay.bar_x0;
                    let model_n = count_for(&row.counts, Status::Model);
                    let advanced_only = row.counts.at_least(Status::Advanced) - model_n;
                    let standard_only = row.counts.at_least(Status::Standard)
                        - row.counts.at_least(Status::Advanced);
                    for (s, n) in [
                        (Status::Model, model_n),
                        (Status::Advanced, advanced_only),
                        (Status::Standard, standard_only),
                    ] {
                        let w = n as f64 / total as f64 * span;
                        p.fill_rect(x, b0, x + w, b1, status_paint(s).fill)?;
                        if let (Some(edge), true) = (th.segment_edge, n > 0) {
                            p.stroke_rect(x, b0, x + w, b1, edge, 1.0)?;
                        }
                        x += w;
                    }
                }
            }
            ComparisonKind::Communes => {
                if let Some((met, of)) = row.criteria.filter(|c| c.1 > 0) {
                    let w = met as f64 / of as f64 * span;
                    p.fill_rect(
                        lay.bar_x0,
                        b0,
                        lay.bar_x0 + w,
                        b1,
                        status_paint(row.status).fill,
                    )?;
                    p.stroke_rect(lay.bar_x0, b0, lay.bar_x0 + w, b1, th.muted, 1.0)?;
                } else {
                    p.fill_rect(
                        lay.bar_x0,
                        b0,
                        lay.bar_x0 + BAR,
                        b1,
                        status_paint(row.status).fill,
                    )?;
                    p.stroke_rect(lay.bar_x0, b0, lay.bar_x0 + BAR, b1, th.muted, 1.0)?;
                }
            }
        }
        if selected {
            p.stroke_rect(
                lay.bar_x0 - 1.0,
                b0 - 2.0,
                lay.bar_x1 + 1.0,
                b1 + 2.0,
                th.text,
                1.5,
            )?;
        }
        p.text(
            &lay.values[i],
            lay.width - 2.0,
            cy,
            TEXT_SIZE,
            th.text,
            (HPos::Right, VPos::Center),
            selected,
        )?;
    }
    p.legend(&lay.legend)
}

/// One sentence for screen readers.
pub fn summary(model: &ComparisonModel, lang: Lang) -> String {
    // Areas without data are not the lowest: they have no share at all.
    let with_data = |r: &&ComparisonRow| model.kind == ComparisonKind::Communes || r.basis() > 0;
    let (Some(best), Some(worst)) = (
        model.rows.iter().find(with_data),
        model.rows.iter().rev().find(with_data),
    ) else {
        return Msg::ChartNoData.text(lang).to_owned();
    };
    let year = model.step.in_text(lang);
    match model.kind {
        ComparisonKind::Areas => {
            let n = model.rows.iter().filter(with_data).count();
            let (best_pct, worst_pct) = (
                value_text(model, best, lang),
                value_text(model, worst, lang),
            );
            // Not "highest X, lowest Y" for one area, or when all are the same (all 0 % after
            // the reform, before any new commune is recognised).
            let msg = if n == 1 {
                Msg::SumComparisonOneArea
            } else if best_pct == worst_pct {
                Msg::SumComparisonAreasEqual
            } else {
                Msg::SumComparisonAreas.counted(n)
            };
            // The first of several at the same share (as shown) is named with how many more
            // share it: "highest TP Lạng Sơn and 10 other areas (100 %)".
            let named = |row: &ComparisonRow, pct: &str| {
                let others = model
                    .rows
                    .iter()
                    .filter(with_data)
                    .filter(|r| value_text(model, r, lang) == pct)
                    .count()
                    .saturating_sub(1);
                if others == 0 {
                    row.label(lang)
                } else {
                    fill(
                        Msg::SumTied.counted(others).text(lang),
                        &[
                            ("name", &row.label(lang)),
                            ("others", &format::count(lang, others)),
                        ],
                    )
                }
            };
            fill(
                msg.text(lang),
                &[
                    ("year", &year),
                    ("n", &format::count(lang, n)),
                    ("best", &named(best, &best_pct)),
                    ("best_pct", &best_pct),
                    ("worst", &named(worst, &worst_pct)),
                    ("worst_pct", &worst_pct),
                ],
            )
        }
        ComparisonKind::Communes => {
            let standard = model
                .rows
                .iter()
                .filter(|r| r.status.at_least_standard())
                .count();
            fill(
                Msg::SumComparisonCommunes
                    .counted(model.rows.len())
                    .text(lang),
                &[
                    ("year", &year),
                    ("n", &format::count(lang, model.rows.len())),
                    ("standard", &format::count(lang, standard)),
                ],
            )
        }
    }
}

/// The units left out of the chart because they have nothing to draw, named by status:
/// "Không có trong biểu đồ — chưa xét lại sau sắp xếp (34): Biển Động, Bố Hạ, …". `None` when
/// every unit is drawn.
pub fn note(model: &ComparisonModel, lang: Lang) -> Option<String> {
    let other = (!model.other_set.is_empty()).then(|| {
        let names: Vec<String> = model
            .other_set
            .iter()
            .map(|o| {
                format!(
                    "{} ({}/{}, {})",
                    o.name,
                    format::count(lang, o.met),
                    format::count(lang, o.of),
                    o.document
                )
            })
            .collect();
        fill(
            Msg::ChartOtherSet.text(lang),
            &[("units", &names.join(", "))],
        )
    });
    if model.without_data.is_empty() {
        return other;
    }
    let groups: Vec<String> = [Status::NotReassessed, Status::NoData]
        .into_iter()
        .filter_map(|status| {
            let names: Vec<String> = model
                .without_data
                .iter()
                .filter(|r| match model.kind {
                    // An area's rows have no status of their own: all of them lack data.
                    ComparisonKind::Areas => status == Status::NoData,
                    ComparisonKind::Communes => r.status == status,
                })
                .map(|r| r.label(lang))
                .collect();
            (!names.is_empty()).then(|| {
                format!(
                    "{} ({}): {}",
                    crate::text::lower_first(status.msg().text(lang)),
                    format::count(lang, names.len()),
                    names.join(", ")
                )
            })
        })
        .collect();
    let not_drawn = fill(
        Msg::ChartNotDrawn.text(lang),
        &[("units", &groups.join("; "))],
    );
    Some(match other {
        Some(other) => format!("{not_drawn} {other}"),
        None => not_drawn,
    })
}

/// The chart's numbers as a table, the units without data last.
pub fn table(model: &ComparisonModel, lang: Lang) -> DataTable {
    let caption = comparison_title(model, lang);
    match model.kind {
        ComparisonKind::Areas => {
            let pct = |r: &ComparisonRow, s: Status| {
                let n = count_for(&r.counts, s);
                format::share(n, r.basis()).map_or_else(
                    || "–".to_owned(),
                    |v| format!("{} ({})", format::count(lang, n), format::percent(lang, v)),
                )
            };
            DataTable {
                caption,
                headers: vec![
                    Msg::ColName.text(lang).to_owned(),
                    Msg::ColTotal.text(lang).to_owned(),
                    // Each column counts its tier and those above it (the chart's bars stack
                    // so), which the progress table's columns do not: said in the heading.
                    Msg::FilterStandardUp.text(lang).to_owned(),
                    Msg::FilterAdvancedUp.text(lang).to_owned(),
                    Status::Model.msg().text(lang).to_owned(),
                ],
                rows: model
                    .rows
                    .iter()
                    .chain(&model.without_data)
                    .map(|r| {
                        vec![
                            r.label(lang),
                            format::count(lang, r.basis()),
                            pct(r, Status::Standard),
                            pct(r, Status::Advanced),
                            pct(r, Status::Model),
                        ]
                    })
                    .collect(),
                numeric: vec![false, true, true, true, true],
                note: None,
                grouped: false,
            }
        }
        ComparisonKind::Communes => DataTable {
            caption,
            headers: vec![
                Msg::ColName.text(lang).to_owned(),
                Msg::ColTier.text(lang).to_owned(),
                Msg::ColCriteria.text(lang).to_owned(),
            ],
            rows: model
                .rows
                .iter()
                .chain(&model.without_data)
                .map(|r| {
                    vec![
                        r.label(lang),
                        r.status.msg().text(lang).to_owned(),
                        value_text(model, r, lang),
                    ]
                })
                .collect(),
            numeric: vec![false, false, true],
            note: None,
            grouped: false,
        },
    }
}

/// The chart's title: areas or communes compared in a year.
pub fn comparison_title(model: &ComparisonModel, lang: Lang) -> String {
    let msg = match model.kind {
        ComparisonKind::Areas => Msg::ChartComparisonAreas,
        ComparisonKind::Communes => Msg::ChartComparisonCommunes,
    };
    fill(msg.text(lang), &[("year", &model.step.in_text(lang))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data::comparison;
    use crate::chart_data::tests::demo;
    use crate::charts::tests::{assert_no_text_overlap, rects, svg, texts};

    fn drawn(model: &ComparisonModel, width: u32, lang: Lang) -> String {
        let h = height(model, f64::from(width), lang).ceil() as u32;
        svg(width, h, 1.0, |area| {
            draw(area, model, &ChartOptions::new(lang)).expect("draw");
        })
    }

    #[test]
    fn draws_sorted_areas_with_the_selection_highlighted() {
        let index = demo();
        let step = index.step_by_key("2022").expect("step");
        let m = comparison(&index, index.find("20"), step, index.find("06472"));
        let svg = drawn(&m, 360, Lang::Vi);
        let t = texts(&svg);
        let loc_binh = t.iter().position(|s| s == "Lộc Bình").expect("row");
        let dinh_lap = t.iter().position(|s| s == "Đình Lập").expect("row");
        assert!(loc_binh < dinh_lap, "sorted best first: {t:?}");
        assert!(t.iter().any(|s| s == "66,7\u{a0}%"), "{t:?}");
        assert!(t.iter().any(|s| s == "50,0\u{a0}%"), "{t:?}");
        // The highlight band spans the whole first row.
        let highlight = crate::charts::ChartTheme::LIGHT
            .highlight
            .hex()
            .to_uppercase();
        let bands: Vec<_> = rects(&svg)
            .into_iter()
            .filter(|r| r.4.to_uppercase() == highlight)
            .collect();
        assert_eq!(bands.len(), 1);
        assert!((bands[0].2 - 360.0).abs() < 1.0);
        assert!(bands[0].1 < 20.0 + ROW);
        assert_no_text_overlap(&svg, 360.0);
    }

    #[test]
    fn draws_communes_with_criteria_met() {
        let index = demo();
        let step = index.step_by_key("2022").expect("step");
        let m = comparison(&index, index.find("181"), step, None);
        let svg = drawn(&m, 360, Lang::En);
        let t = texts(&svg);
        assert!(t.iter().any(|s| s == "2/3"), "{t:?}");
        assert!(t.iter().any(|s| s == "3/3"), "{t:?}");
        assert!(t.iter().any(|s| s == "Advanced NTM"), "legend: {t:?}");
        // Đông Quan's bar is two thirds of Tú Mịch's.
        let fill = status_paint(Status::NotYet).fill.hex().to_uppercase();
        let bar = rects(&svg)
            .into_iter()
            .find(|r| r.4.to_uppercase() == fill && r.3 > 10.0)
            .expect("bar");
        let full = rects(&svg)
            .into_iter()
            .find(|r| {
                r.4.to_uppercase() == status_paint(Status::Standard).fill.hex().to_uppercase()
                    && r.3 > 10.0
            })
            .expect("bar");
        assert!(
            (bar.2 / full.2 - 2.0 / 3.0).abs() < 0.02,
            "{} / {}",
            bar.2,
            full.2
        );
        assert_no_text_overlap(&svg, 360.0);
    }

    #[test]
    fn long_names_are_cut_to_fit_a_phone() {
        let index = demo();
        let step = index.step_by_key("2022").expect("step");
        let mut m = comparison(&index, index.find("20"), step, None);
        m.rows[0].name = "Thành phố Lạng Sơn có một cái tên rất dài".to_owned();
        let svg = drawn(&m, 320, Lang::Vi);
        assert!(
            texts(&svg)
                .iter()
                .any(|s| s.starts_with("Thành phố") && s.ends_with('…'))
        );
        assert_no_text_overlap(&svg, 320.0);
    }

    #[test]
    fn summarises_and_tabulates() {
        let index = demo();
        let step = index.step_by_key("2022").expect("step");
        let m = comparison(&index, index.find("20"), step, None);
        let s = summary(&m, Lang::Vi);
        assert!(s.contains("Lộc Bình (66,7\u{a0}%"), "{s}");
        assert!(s.contains("Đình Lập (50,0\u{a0}%)"), "{s}");
        let t = table(&m, Lang::Vi);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0][2], "2 (66,7\u{a0}%)");
        // The columns count a tier and those above it, and say so.
        assert_eq!(t.headers[2], "Đạt chuẩn NTM trở lên");
        assert_eq!(t.headers[3], "NTM nâng cao trở lên");
        // English counts: plural, and singular for one.
        assert!(summary(&m, Lang::En).contains("2022: 2 areas compared"));
        let mut one_area = m.clone();
        one_area.rows.truncate(1);
        let s = summary(&one_area, Lang::En);
        assert_eq!(s, "2022: Lộc Bình, 66.7% of communes at the NTM standard.");
        let mut equal = m.clone();
        equal.rows[1] = equal.rows[0].clone();
        let s = summary(&equal, Lang::Vi);
        assert_eq!(
            s,
            "2022: cả 2 địa phương được so sánh đều có 66,7\u{a0}% số xã đạt chuẩn NTM."
        );
        // Ties: the first named, with how many more share the share.
        let mut tied = m.clone();
        tied.rows.insert(1, m.rows[0].clone());
        tied.rows.insert(1, m.rows[0].clone());
        assert_eq!(
            summary(&tied, Lang::Vi),
            "2022: so sánh 4 địa phương; cao nhất là Lộc Bình và 2 địa phương khác (66,7\u{a0}% \
             số xã đạt chuẩn NTM), thấp nhất là Đình Lập (50,0\u{a0}%)."
        );
        tied.rows.truncate(3);
        tied.rows.push(m.rows[1].clone());
        tied.rows.push(m.rows[1].clone());
        tied.rows.remove(0);
        assert_eq!(
            summary(&tied, Lang::En),
            "2022: 4 areas compared; highest Lộc Bình and 1 other area (66.7% of communes at \
             the NTM standard), lowest Đình Lập and 1 other area (50.0%)."
        );
        let communes = comparison(&index, index.find("181"), step, None);
        let s = summary(&communes, Lang::En);
        assert!(s.contains("3 communes compared, 2 of them"), "{s}");
        let mut one_commune = communes.clone();
        one_commune.rows.retain(|r| r.status.at_least_standard());
        one_commune.rows.truncate(1);
        let s = summary(&one_commune, Lang::En);
        assert_eq!(
            s,
            "2022: 1 commune compared; at the NTM standard or above: 1."
        );
    }
}
