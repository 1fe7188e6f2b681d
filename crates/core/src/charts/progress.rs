//! The progress chart: for every step of the timeline, the communes of the scope per tier as a
//! 100 % stacked bar, the published targets as dashed marks on the bars of their years, and a
//! marker at the 2025 reform (after which the merged communes are counted afresh).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    ChartOptions, DataTable, DrawResult, LegendItem, LegendMark, Painter, SMALL_SIZE, STACK,
    axis_percent, fit_text, layout_legend, place_labels, text_width,
};
use crate::chart_data::{ProgressModel, ProgressPoint, TargetMark};
use crate::format;
use crate::i18n::{Lang, Msg, fill};
use crate::index::Status;

/// A target's mark laid out: a dashed line across the bar of its year.
#[derive(Clone, Debug, PartialEq)]
struct TargetLayout {
    y: f64,
    x0: f64,
    x1: f64,
}

/// The chart laid out for a width, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
struct Layout {
    width: f64,
    left: f64,
    plot_top: f64,
    plot_bottom: f64,
    slot: f64,
    /// Each step's label: where, what, and on which row under the axis (none: no room).
    labels: Vec<(f64, String, Option<u8>)>,
    reform: Option<(f64, String, bool)>,
    targets: Vec<TargetLayout>,
    legend: Vec<LegendItem>,
    height: f64,
}

/// The statuses drawn: those that occur in the model, in stacking order. Communes with no
/// data are not part of the bars (the shares are of communes with data, as on the cards).
fn present(model: &ProgressModel) -> Vec<Status> {
    STACK
        .into_iter()
        .filter(|&s| s != Status::NoData)
        .filter(|&s| model.points.iter().any(|p| p.counts.get(s) > 0))
        .collect()
}

/// "60 % đạt chuẩn NTM": a target's value as a share with its tier.
fn target_value(t: &TargetMark, lang: Lang) -> String {
    format!(
        "{} {}",
        format::percent_published(lang, t.share),
        super::tier_phrase(t.status).text(lang)
    )
}

/// The height of a second row of step labels under the axis.
const LABEL_ROW: f64 = 14.0;

fn layout(model: &ProgressModel, width: f64, lang: Lang) -> Layout {
    let left = text_width(&axis_percent(lang, 100.0), SMALL_SIZE) + 8.0;
    let right = 8.0;
    let plot_w = (width - left - right).max(10.0);
    let plot_top = if model.reform_at.is_some() { 22.0 } else { 8.0 };
    let plot_h = (width * 0.45).clamp(150.0, 260.0);
    let plot_bottom = plot_top + plot_h;
    let n = model.points.len().max(1);
    let slot = plot_w / n as f64;
    let centres: Vec<f64> = (0..model.points.len())
        .map(|i| left + (i as f64 + 0.5) * slot)
        .collect();
    let texts: Vec<String> = model.points.iter().map(|p| p.step.label()).collect();
    let widths: Vec<f64> = texts
        .iter()
        .map(|t| text_width(t, SMALL_SIZE) * super::BOLD)
        .collect();
    let mut priority: Vec<usize> = model.current.into_iter().collect();
    priority.push(model.points.len().saturating_sub(1));
    priority.push(0);
    let shown = place_labels(&centres, &widths, &priority, 0.0, width);
    let mut labels: Vec<(f64, String, Option<u8>)> = texts
        .into_iter()
        .zip(shown)
        .map(|(t, s)| (s.unwrap_or(0.0), t, s.map(|_| 0)))
        .collect();
    // The last step is always named: where the selected step's bold label takes its room (a
    // phone at 6/2025 had the two bars after the reform unnamed), on a second row.
    if let Some(last) = labels.last_mut()
        && last.2.is_none()
        && let Some(&centre) = centres.last()
    {
        let half = widths.last().copied().unwrap_or(0.0) / 2.0 + 3.0;
        last.0 = centre.clamp(half, width - half);
        last.2 = Some(1);
    }
    let label_rows = if labels.iter().any(|l| l.2 == Some(1)) {
        LABEL_ROW
    } else {
        0.0
    };
    let reform = model.reform_at.map(|i| {
        let x = left + i as f64 * slot;
        let text = Msg::ChartReform.text(lang);
        let right_side = x < width / 2.0;
        let room = if right_side { width - x - 4.0 } else { x - 4.0 };
        (x, fit_text(text, SMALL_SIZE, room), right_side)
    });
    // A target is a mark on the bar of its year (the year it was set for), not a line over
    // the years before it was set; what it says is in the legend, so no label hides a bar.
    let mut targets: Vec<TargetLayout> = Vec::new();
    let mut target_entries: Vec<(LegendMark, String)> = Vec::new();
    for t in &model.targets {
        let Some(row) = target_row(model, t) else {
            continue;
        };
        let x0 = left + row as f64 * slot + slot * 0.15 - 4.0;
        let x1 = left + row as f64 * slot + slot * 0.85 + 4.0;
        let y = plot_bottom - t.share / 100.0 * plot_h;
        let text = fill(
            Msg::ChartTarget.text(lang),
            &[
                ("year", &t.year.to_string()),
                ("value", &target_value(t, lang)),
            ],
        );
        // Where the whole of it does not fit (a narrow phone), the share alone, never cut off
        // mid-word: the summary and the table say which tier it counts.
        let text = if text_width(&text, super::TEXT_SIZE) <= width - super::LEGEND_MARK_W {
            text
        } else {
            fill(
                Msg::ChartTarget.text(lang),
                &[
                    ("year", &t.year.to_string()),
                    ("value", &format::percent_published(lang, t.share)),
                ],
            )
        };
        targets.push(TargetLayout { y, x0, x1 });
        target_entries.push((
            LegendMark::Dashed(crate::palette::Rgb(0xa4, 0x26, 0x2c)),
            text,
        ));
    }
    let mut entries: Vec<(LegendMark, String)> = present(model)
        .into_iter()
        .map(|s| (LegendMark::Status(s), s.msg().text(lang).to_owned()))
        .collect();
    entries.extend(target_entries);
    let legend_top = plot_bottom + 24.0 + label_rows;
    let (legend, legend_h) = layout_legend(entries, width, legend_top);
    Layout {
        width,
        left,
        plot_top,
        plot_bottom,
        slot,
        labels,
        reform,
        targets,
        legend,
        height: (legend_top + legend_h + 4.0).ceil(),
    }
}

/// The height the chart needs at a width, in CSS pixels.
pub fn height(model: &ProgressModel, width: f64, lang: Lang) -> f64 {
    layout(model, width, lang).height
}

/// Draws the chart on an area whose size is `height(model, width) × width` CSS pixels times
/// the scale.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &ProgressModel,
    opts: &ChartOptions,
) -> DrawResult<DB> {
    let p = Painter::new(area, *opts);
    let lang = opts.lang;
    let th = opts.theme;
    let lay = layout(model, p.width(), lang);
    p.clear()?;
    let plot_h = lay.plot_bottom - lay.plot_top;
    let right = lay.width - 8.0;
    for k in 0..=4 {
        let pct = f64::from(k) * 25.0;
        let y = lay.plot_bottom - pct / 100.0 * plot_h;
        p.line(&[(lay.left, y), (right, y)], th.grid, 1.0)?;
        p.text(
            &axis_percent(lang, pct),
            lay.left - 4.0,
            y,
            SMALL_SIZE,
            th.muted,
            (HPos::Right, VPos::Center),
            false,
        )?;
    }
    for (i, point) in model.points.iter().enumerate() {
        let total = point.total();
        let x0 = lay.left + i as f64 * lay.slot + lay.slot * 0.15;
        let x1 = x0 + lay.slot * 0.7;
        if total > 0 {
            let mut y = lay.plot_bottom;
            for s in STACK.into_iter().filter(|&s| s != Status::NoData) {
                let n = point.counts.get(s);
                if n == 0 {
                    continue;
                }
                let h = n as f64 / total as f64 * plot_h;
                p.fill_rect(x0, y - h, x1, y, crate::palette::status_paint(s).fill)?;
                if let Some(edge) = th.segment_edge {
                    p.stroke_rect(x0, y - h, x1, y, edge, 1.0)?;
                }
                y -= h;
            }
        }
        if model.current == Some(i) {
            p.stroke_rect(
                x0 - 1.0,
                lay.plot_top - 1.0,
                x1 + 1.0,
                lay.plot_bottom + 1.0,
                th.text,
                2.0,
            )?;
        }
    }
    p.line(
        &[(lay.left, lay.plot_bottom), (right, lay.plot_bottom)],
        th.muted,
        1.0,
    )?;
    for (i, (x, text, row)) in lay.labels.iter().enumerate() {
        if let Some(row) = row {
            let bold = model.current == Some(i);
            p.text(
                text,
                *x,
                lay.plot_bottom + 5.0 + f64::from(*row) * LABEL_ROW,
                SMALL_SIZE,
                th.text,
                (HPos::Center, VPos::Top),
                bold,
            )?;
        }
    }
    if let Some((x, text, right_side)) = &lay.reform {
        p.dashed((*x, 2.0), (*x, lay.plot_bottom), th.text, 1.5)?;
        let (tx, anchor) = if *right_side {
            (x + 4.0, HPos::Left)
        } else {
            (x - 4.0, HPos::Right)
        };
        p.text(
            text,
            tx,
            8.0,
            SMALL_SIZE,
            th.text,
            (anchor, VPos::Center),
            false,
        )?;
    }
    for tl in &lay.targets {
        p.dashed((tl.x0, tl.y), (tl.x1, tl.y), th.target, 2.5)?;
    }
    p.legend(&lay.legend)
}

/// Under the chart, when the area after the reform is another one: "Từ 1/7/2025, các cột là
/// của tỉnh Bắc Ninh (mới), hợp nhất từ tỉnh Bắc Giang và tỉnh Bắc Ninh."
pub fn note(model: &ProgressModel, lang: Lang) -> Option<String> {
    if let Some((district, n)) = &model.successor_communes {
        return Some(fill(
            Msg::ChartAfterReformSuccessors.counted(*n).text(lang),
            &[
                ("n", &format::count(lang, *n)),
                ("area", &crate::names::name_in_sentence(district, lang)),
            ],
        ));
    }
    let (after, from) = model.after_reform.as_ref()?;
    let names: Vec<String> = from
        .iter()
        .map(|u| crate::names::name_in_sentence(u, lang))
        .collect();
    let from = format::list(&names, lang);
    Some(fill(
        if from.is_empty() {
            Msg::ChartAfterReformArea
        } else {
            Msg::ChartAfterReformMerged
        }
        .text(lang),
        &[
            ("area", &crate::names::name_in_sentence(after, lang)),
            ("from", &from),
        ],
    ))
}

/// One sentence for screen readers: where the scope started and where it is now, and the
/// nearest target.
pub fn summary(model: &ProgressModel, lang: Lang) -> String {
    let known: Vec<_> = model.points.iter().filter(|p| p.total() > 0).collect();
    let (Some(first), Some(last)) = (known.first(), known.last()) else {
        return Msg::ChartNoData.text(lang).to_owned();
    };
    let share = |n: usize, of: usize| {
        format::share(n, of)
            .map(|s| format::percent(lang, s))
            .unwrap_or_default()
    };
    // "From … to …" stays within one era: the new communes of 1/7/2025 start afresh, and a
    // sentence from 2016 to 2026 would read as a collapse. The later era gets its own line.
    let era = first.step.era();
    let last_same = known
        .iter()
        .rev()
        .find(|p| p.step.era() == era)
        .copied()
        .unwrap_or(*first);
    let a = first.counts.at_least(Status::Standard);
    let b = last_same.counts.at_least(Status::Standard);
    // Records only after the reform (old Bắc Ninh, with no data before it): no "from 0 of 50
    // to 0 of 50", the last step said as the steps after the reform are.
    let after_only = era == crate::model::Era::Post2025;
    let mut out = if !after_only {
        fill(
            Msg::SumProgress.text(lang),
            &[
                ("first", &first.step.in_text(lang)),
                ("last", &last_same.step.in_text(lang)),
                ("a", &format::count(lang, a)),
                ("at", &format::count(lang, first.total())),
                ("ap", &share(a, first.total())),
                ("b", &format::count(lang, b)),
                ("bt", &format::count(lang, last_same.total())),
                ("bp", &share(b, last_same.total())),
            ],
        )
    } else if model.reform_at.is_some() {
        format!(
            "{} {}",
            Msg::SumProgressNoneBefore.text(lang),
            Msg::SumProgressReform.text(lang)
        )
    } else {
        Msg::SumProgressReform.text(lang).to_owned()
    };
    // After the reform, the communes still awaiting re-assessment are said beside the count,
    // and none recognised is not "0 of 61 (0,0 %)".
    let point_line = |p: &ProgressPoint| {
        let n = p.counts.at_least(Status::Standard);
        let pending = p.counts.get(Status::NotReassessed);
        let msg = match (pending, n) {
            (0, _) => Msg::SumProgressCurrent,
            (_, 0) => Msg::SumProgressNoneYet,
            _ => Msg::SumProgressNotReassessed,
        };
        fill(
            msg.text(lang),
            &[
                ("year", &p.step.in_text(lang)),
                ("n", &format::count(lang, n)),
                ("of", &format::count(lang, p.total())),
                ("pct", &share(n, p.total())),
                ("pending", &format::count(lang, pending)),
            ],
        )
    };
    // The selected step, when it is neither end of the sentence above.
    if let Some(current) = model.current.and_then(|i| model.points.get(i))
        && current.total() > 0
        && (after_only || (current.step != first.step && current.step != last_same.step))
        && current.step != last.step
    {
        out.push(' ');
        out.push_str(&point_line(current));
    }
    if model.reform_at.is_some() && !after_only {
        out.push(' ');
        out.push_str(Msg::SumProgressReform.text(lang));
    }
    if last.step != last_same.step || after_only {
        out.push(' ');
        out.push_str(&point_line(last));
    }
    for target in &model.targets {
        out.push(' ');
        out.push_str(&fill(
            Msg::SumTarget.text(lang),
            &[
                ("year", &target.year.to_string()),
                ("value", &target_value(target, lang)),
            ],
        ));
    }
    out
}

/// The row a target belongs on: the last step of its year among the steps of its era (a 2025
/// target of a pre-reform province on 30/6/2025), else the last step of its era.
fn target_row(model: &ProgressModel, t: &TargetMark) -> Option<usize> {
    let in_era = |k: &usize| model.points[*k].step.era() == t.era;
    (0..model.points.len())
        .filter(in_era)
        .rfind(|&k| model.points[k].step.date.year == t.year)
        .or_else(|| (0..model.points.len()).rfind(|k| in_era(k)))
}

/// The chart's numbers as a table. The tier columns count each commune once, at its highest
/// tier (as the bars stack); "đạt chuẩn trở lên" adds them up, since that is the figure
/// reports quote (Lạng Sơn's 106 on 30/6/2025 is 78 + 18 + 10), and the caption says so.
/// Targets are in a column of their own, on the rows of their year's end.
pub fn table(model: &ProgressModel, lang: Lang) -> DataTable {
    let statuses = present(model);
    let with_targets = !model.targets.is_empty();
    // The figures reports quote first (in sight on a phone), then the tiers they add up.
    let mut headers = vec![
        Msg::ColYear.text(lang).to_owned(),
        Msg::ColStandardUp.text(lang).to_owned(),
        Msg::ColTotal.text(lang).to_owned(),
        Msg::ColShareStandard.text(lang).to_owned(),
    ];
    let mut numeric = vec![false, true, true, true];
    if with_targets {
        headers.push(Msg::ColTarget.text(lang).to_owned());
        numeric.push(false);
    }
    headers.extend(statuses.iter().map(|s| s.msg().text(lang).to_owned()));
    numeric.extend(statuses.iter().map(|_| true));
    let rows = model
        .points
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let standard = p.counts.at_least(Status::Standard);
            // After the reform, none recognised again while communes await re-assessment is a
            // dash, as on the cards, not "0,0 %" (which reads as a finding when quoted).
            let pending = p.counts.get(Status::NotReassessed) > 0 && standard == 0;
            let mut row = vec![
                p.step.display(lang),
                format::count(lang, standard),
                format::count(lang, p.total()),
                format::share(standard, p.total())
                    .filter(|_| !pending)
                    .map_or_else(|| "–".to_owned(), |s| format::percent(lang, s)),
            ];
            if with_targets {
                let cell = model
                    .targets
                    .iter()
                    .filter(|t| target_row(model, t) == Some(k))
                    .map(|t| {
                        // With its year: a 2030 target sits on the last year shown.
                        fill(
                            Msg::ChartTarget.text(lang),
                            &[
                                ("year", &t.year.to_string()),
                                ("value", &target_value(t, lang)),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                row.push(cell);
            }
            row.extend(
                statuses
                    .iter()
                    .map(|&s| format::count(lang, p.counts.get(s))),
            );
            row
        })
        .collect();
    DataTable {
        caption: Msg::ChartProgressTitle.text(lang).to_owned(),
        headers,
        rows,
        numeric,
        // With what the bars after the reform count: the table travels as a CSV on its own.
        note: Some(match note(model, lang) {
            Some(after) => format!("{} {after}", Msg::ProgressTableNote.text(lang)),
            None => Msg::ProgressTableNote.text(lang).to_owned(),
        }),
        grouped: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data::progress;
    use crate::chart_data::tests::demo;
    use crate::charts::ChartTheme;
    use crate::charts::tests::{assert_no_text_overlap, bars, rects, svg, text_elements, texts};
    use crate::palette::status_paint;

    fn model() -> ProgressModel {
        let index = demo();
        let current = index.step_by_key("2022");
        progress(&index, index.find("20"), current)
    }

    fn drawn(width: u32, lang: Lang, scale: f64) -> String {
        drawn_model(&model(), width, lang, scale)
    }

    fn drawn_model(m: &ProgressModel, width: u32, lang: Lang, scale: f64) -> String {
        let h = height(m, f64::from(width), lang).ceil() as u32;
        let opts = ChartOptions {
            scale,
            ..ChartOptions::new(lang)
        };
        svg(width, h, scale, |area| draw(area, m, &opts).expect("draw"))
    }

    #[test]
    fn the_last_step_is_named_beside_a_selected_step_next_to_it() {
        // A phone at 30/6/2025: the bold "6/2025" took the room of the steps after it, and the
        // two bars after the reform had no label.
        let index = crate::index::DatasetIndex::new(
            crate::load::parse_dataset(include_str!("../../../../public/data/ntm.json"))
                .expect("demo dataset"),
        );
        let m = progress(&index, index.find("20"), index.step_by_key("2025-06"));
        let last = m.points.last().expect("steps").step.label();
        for width in [280, 304, 328] {
            let svg = drawn_model(&m, width, Lang::Vi, 1.0);
            assert_no_text_overlap(&svg, f64::from(width));
            let t = texts(&svg);
            assert!(t.contains(&last), "{width}: {last} in {t:?}");
            assert!(t.iter().any(|s| s == "6/2025"), "{width}: {t:?}");
        }
    }

    #[test]
    fn the_table_adds_the_tiers_up_and_puts_the_target_on_its_year() {
        let t = table(&model(), Lang::Vi);
        let col = |name: &str| {
            t.headers
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("no column {name} in {:?}", t.headers))
        };
        let row = t
            .rows
            .iter()
            .find(|r| r[0] == "30/6/2025 (trước sắp xếp)")
            .expect("the row of 30/6/2025");
        // The published figure: 106 communes at the standard or above (60,6 %).
        // 1 model + 0 advanced + 2 standard: 3 communes at the standard or above, of 5.
        assert_eq!(row[col("Đạt chuẩn NTM")], "2");
        assert_eq!(row[col("Đạt chuẩn trở lên")], "3");
        assert_eq!(row[col("Tỷ lệ đạt chuẩn trở lên")], "60,0\u{a0}%");
        assert_eq!(
            row[col("Mục tiêu")],
            "Mục tiêu 2025: 60\u{a0}% đạt chuẩn NTM; Mục tiêu 2025: 40\u{a0}% NTM nâng cao"
        );
        let note = t.note.as_deref().unwrap_or_default();
        assert!(note.contains("ở mức cao nhất"), "{note}");
        let targets: Vec<&str> = t
            .rows
            .iter()
            .filter(|r| !r[col("Mục tiêu")].is_empty())
            .map(|r| r[0].as_str())
            .collect();
        assert_eq!(targets, ["30/6/2025 (trước sắp xếp)", "2026"]);
        let last = t.rows.last().expect("rows");
        assert_eq!(
            last[col("Mục tiêu")],
            "Mục tiêu 2030: 65\u{a0}% đạt chuẩn NTM"
        );
    }

    #[test]
    fn draws_stacked_bars_in_the_map_colours() {
        let svg = drawn(640, Lang::Vi, 1.0);
        let rects = rects(&svg);
        let of = |s: Status| {
            let hex = status_paint(s).fill.hex().to_uppercase();
            rects.iter().filter(|r| r.4.to_uppercase() == hex).count()
        };
        // Legend swatches count once each; the rest are bar segments.
        assert_eq!(of(Status::Model) - 1, 2, "model in 2024 and 6/2025");
        assert_eq!(of(Status::Advanced) - 1, 2, "advanced in 2022 and 2023");
        assert!(of(Status::NotYet) > 1);
        // 2019 bar: one standard commune of five → a fifth of the plot height.
        let plot_h = (640.0_f64 * 0.45).clamp(150.0, 260.0);
        let hex = status_paint(Status::Standard).fill.hex().to_uppercase();
        let first = bars(&svg)
            .iter()
            .filter(|r| r.4.to_uppercase() == hex)
            .map(|r| r.3)
            .fold(f64::MAX, f64::min);
        assert!(
            (first - plot_h / 5.0).abs() <= 1.0,
            "{first} vs {}",
            plot_h / 5.0
        );
    }

    #[test]
    fn the_dark_theme_edges_each_tier_segment() {
        let m = model();
        let h = height(&m, 640.0, Lang::Vi).ceil() as u32;
        let edged = |theme: ChartTheme| {
            let opts = ChartOptions {
                theme,
                ..ChartOptions::new(Lang::Vi)
            };
            let svg = svg(640, h, 1.0, |area| draw(area, &m, &opts).expect("draw"));
            svg.matches("stroke=\"#B4BDB8\"").count()
        };
        // The model tier's dark blue is 1.6:1 on the dark surface: each segment gets a light
        // edge there, none on the light theme.
        assert_eq!(edged(ChartTheme::LIGHT), 0);
        assert!(edged(ChartTheme::DARK) >= 8, "{}", edged(ChartTheme::DARK));
    }

    #[test]
    fn draws_targets_reform_marker_labels_and_legend() {
        let svg = drawn(640, Lang::Vi, 1.0);
        let t = texts(&svg);
        assert!(
            t.iter()
                .any(|s| s == "Mục tiêu 2025: 60\u{a0}% đạt chuẩn NTM"),
            "{t:?}"
        );
        assert!(t.iter().any(|s| s.starts_with("Mục tiêu 2030")), "{t:?}");
        assert!(t.iter().any(|s| s == Msg::ChartReform.text(Lang::Vi)));
        for label in [
            "2019",
            "2022",
            "6/2025",
            "2026",
            "Đạt chuẩn NTM",
            "NTM kiểu mẫu",
            "100\u{a0}%",
        ] {
            assert!(t.iter().any(|s| s == label), "{label} missing in {t:?}");
        }
        let en = texts(&drawn(640, Lang::En, 1.0));
        assert!(
            en.iter()
                .any(|s| s == "2025 target: 60% at the NTM standard"),
            "{en:?}"
        );
        // Where the legend is too narrow for the whole of it, the share alone, never cut off
        // mid-word.
        let phone = texts(&drawn(200, Lang::En, 1.0));
        assert!(phone.iter().any(|s| s == "2025 target: 60%"), "{phone:?}");
        assert!(
            !phone
                .iter()
                .any(|s| s.starts_with("2025 target") && s.ends_with('…')),
            "{phone:?}"
        );
    }

    #[test]
    fn a_target_is_marked_on_its_year_not_over_the_years_before_it_was_set() {
        let m = model();
        let lay = layout(&m, 640.0, Lang::Vi);
        assert_eq!(lay.targets.len(), m.targets.len());
        for (t, tl) in m.targets.iter().zip(&lay.targets) {
            let row = target_row(&m, t).unwrap();
            let bar = lay.left + row as f64 * lay.slot;
            assert!(
                tl.x0 >= bar - 4.0 && tl.x1 <= bar + lay.slot + 4.0,
                "{t:?} drawn from {} to {}, its bar is {bar}..{}",
                tl.x0,
                tl.x1,
                bar + lay.slot
            );
        }
        // No label in the plot: what each mark is, the legend says.
        let svg = drawn(640, Lang::Vi, 1.0);
        let legend_top = lay.plot_bottom + 24.0;
        assert!(
            text_elements(&svg)
                .iter()
                .filter(|t| t.3.starts_with("Mục tiêu"))
                .all(|t| t.1 > legend_top),
            "{svg}"
        );
    }

    #[test]
    fn labels_fit_without_overlap_on_a_phone() {
        for lang in Lang::ALL {
            let svg = drawn(328, lang, 1.0);
            assert_no_text_overlap(&svg, 328.0);
            let t = texts(&svg);
            // The selected year and the last year are always labelled.
            assert!(
                t.iter().any(|s| s == "2022") && t.iter().any(|s| s == "2026"),
                "{t:?}"
            );
        }
    }

    #[test]
    fn scales_for_high_density_screens() {
        let one = drawn(400, Lang::Vi, 1.0);
        let two = drawn(400, Lang::Vi, 2.0);
        assert!(one.contains("width=\"400\""));
        assert!(two.contains("width=\"800\""));
        assert_eq!(texts(&one), texts(&two));
        let small = format!("font-size=\"{}\"", 22.0 / 1.24);
        assert!(two.contains(&small), "small text at 2× is 22 device pixels");
    }

    #[test]
    fn summarises_and_tabulates() {
        let m = model();
        let s = summary(&m, Lang::Vi);
        // One era per "from … to …"; the post-reform year has its own sentence after the
        // reform note.
        // The step before the reform is written as a date in a sentence, not the axis's "6/2025".
        assert!(s.starts_with("Từ 2019 đến 30/6/2025,"), "{s}");
        assert!(
            s.contains("lại từ đầu. Tính đến 2026: 1 trên 2 xã (50,0\u{a0}%)."),
            "{s}"
        );
        assert!(s.contains("1 trên 5 xã (20,0\u{a0}%)"), "{s}");
        assert!(s.contains("Mục tiêu 2025"), "{s}");
        assert!(
            s.contains("Tính đến 2022: 3 trên 5 xã (60,0\u{a0}%)."),
            "{s}"
        );
        let table = table(&m, Lang::En);
        assert_eq!(table.rows.len(), m.points.len());
        assert_eq!(table.headers.first().map(String::as_str), Some("Year"));
        let share = 3;
        assert_eq!(table.headers[share], "Share at the standard or above");
        assert_eq!(table.rows[3][share], "60.0%");
        assert!(
            table
                .rows
                .iter()
                .any(|r| r[0] == "30 June 2025 (before the reform)")
                && table
                    .rows
                    .iter()
                    .any(|r| r[0] == "31 December 2025 (after the reform)"),
            "{:?}",
            table.rows
        );
    }
}
