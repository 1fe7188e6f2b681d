//! The criteria chart: for the scope and step, how many of the assessed communes meet each
//! criterion of the set in force, grouped by the set's groups. Only one set is ever shown (the
//! model counts only assessments in the set in force). On narrow screens each criterion's name
//! gets its own line above the bar, so long Vietnamese names stay readable.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    ChartOptions, DataTable, DrawResult, LegendItem, LegendMark, Painter, SMALL_SIZE, TEXT_SIZE,
    fit_text, layout_legend, text_width, wrap_text,
};
use crate::chart_data::{CriteriaModel, CriterionCount};
use crate::format;
use crate::i18n::{Lang, Msg, fill};
use crate::index::Status;
use crate::palette::status_paint;

/// Below this width, names go on their own line.
const NARROW: f64 = 520.0;
const GROUP_ROW: f64 = 24.0;
const WIDE_ROW: f64 = 24.0;
const LABEL_LINE: f64 = 17.0;
const BAR_LINE: f64 = 20.0;
const BAR: f64 = 12.0;

/// A row of the chart.
enum Row<'a> {
    Group(String),
    /// A criterion and its label's lines (one or two: a long name wraps rather than being cut).
    Criterion(&'a CriterionCount, Vec<String>),
}

struct Layout<'a> {
    width: f64,
    narrow: bool,
    label_w: f64,
    bar_x0: f64,
    bar_x1: f64,
    rows: Vec<(f64, Row<'a>)>,
    message: Vec<String>,
    legend: Vec<LegendItem>,
    height: f64,
}

fn met_colour() -> crate::palette::Rgb {
    status_paint(Status::Standard).fill
}

fn not_met_colour() -> crate::palette::Rgb {
    status_paint(Status::NotYet).fill
}

fn unknown_colour() -> crate::palette::Rgb {
    status_paint(Status::NoData).fill
}

/// The message drawn when no commune was assessed in the set.
fn empty_message(model: &CriteriaModel, lang: Lang) -> String {
    fill(
        Msg::ChartNoAssessments.text(lang),
        &[
            ("document", &model.document),
            ("year", &model.step.in_text(lang)),
        ],
    )
}

/// A criterion's label in at most two lines of `max` pixels; only a name too long even for two
/// is cut (with an ellipsis).
fn label_lines(text: &str, max: f64) -> Vec<String> {
    let mut lines = wrap_text(text, TEXT_SIZE, max);
    if lines.len() > 2 {
        let rest = lines.split_off(1).join(" ");
        lines.push(fit_text(&rest, TEXT_SIZE, max));
    }
    lines
}

fn layout(model: &CriteriaModel, width: f64, lang: Lang) -> Layout<'_> {
    let narrow = width < NARROW;
    let value_w = text_width(&format!("{0}/{0}", model.assessed.max(10)), TEXT_SIZE) + 4.0;
    let label_w = if narrow {
        width
    } else {
        (width * 0.42).min(340.0)
    };
    let bar_x0 = if narrow { 0.0 } else { label_w + 8.0 };
    let bar_x1 = (width - value_w - 8.0).max(bar_x0 + 10.0);
    let mut rows = Vec::new();
    let mut y = 0.0;
    let mut message = Vec::new();
    if model.assessed == 0 {
        message = wrap_text(&empty_message(model, lang), TEXT_SIZE, width - 8.0);
        y = message.len() as f64 * 18.0 + 8.0;
    } else {
        for g in &model.groups {
            let title = fit_text(
                &format!("{}. {}", g.group.id, g.group.name.get(lang)),
                TEXT_SIZE * super::BOLD,
                width,
            );
            rows.push((y, Row::Group(title)));
            y += GROUP_ROW;
            for c in &g.criteria {
                let label = label_lines(&format!("{}. {}", c.n, c.name.get(lang)), label_w - 4.0);
                let extra = (label.len() as f64 - 1.0) * LABEL_LINE;
                rows.push((y, Row::Criterion(c, label)));
                y += if narrow {
                    LABEL_LINE + BAR_LINE + 2.0 + extra
                } else {
                    WIDE_ROW + extra
                };
            }
        }
        y += 8.0;
    }
    let mut entries = Vec::new();
    if model.assessed > 0 {
        entries.push((
            LegendMark::Fill(met_colour()),
            Msg::ChartMet.text(lang).to_owned(),
        ));
        entries.push((
            LegendMark::Fill(not_met_colour()),
            Msg::ChartNotMet.text(lang).to_owned(),
        ));
        if model.criteria().any(|c| c.unknown > 0) {
            entries.push((
                LegendMark::Fill(unknown_colour()),
                Msg::ChartUnknown.text(lang).to_owned(),
            ));
        }
    }
    let (legend, legend_h) = layout_legend(entries, width, y);
    Layout {
        width,
        narrow,
        label_w,
        bar_x0,
        bar_x1,
        rows,
        message,
        legend,
        height: (y + legend_h + 4.0).ceil(),
    }
}

/// The height the chart needs at a width, in CSS pixels.
pub fn height(model: &CriteriaModel, width: f64, lang: Lang) -> f64 {
    layout(model, width, lang).height
}

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &CriteriaModel,
    opts: &ChartOptions,
) -> DrawResult<DB> {
    let p = Painter::new(area, *opts);
    let lang = opts.lang;
    let th = opts.theme;
    let lay = layout(model, p.width(), lang);
    p.clear()?;
    for (i, line) in lay.message.iter().enumerate() {
        p.text(
            line,
            0.0,
            12.0 + i as f64 * 18.0,
            TEXT_SIZE,
            th.muted,
            (HPos::Left, VPos::Center),
            false,
        )?;
    }
    let span = lay.bar_x1 - lay.bar_x0;
    let assessed = model.assessed.max(1) as f64;
    for (y, row) in &lay.rows {
        match row {
            Row::Group(title) => {
                p.text(
                    title,
                    0.0,
                    y + GROUP_ROW / 2.0 + 1.0,
                    TEXT_SIZE,
                    th.text,
                    (HPos::Left, VPos::Center),
                    true,
                )?;
            }
            Row::Criterion(c, label) => {
                let extra = (label.len() as f64 - 1.0) * LABEL_LINE;
                let (label_y, bar_y) = if lay.narrow {
                    (
                        y + LABEL_LINE / 2.0,
                        y + LABEL_LINE + extra + BAR_LINE / 2.0,
                    )
                } else {
                    // Beside the bar, a two-line label is centred on it.
                    (
                        y + (WIDE_ROW - LABEL_LINE) / 2.0 + LABEL_LINE / 2.0,
                        y + f64::midpoint(WIDE_ROW, extra),
                    )
                };
                for (i, line) in label.iter().enumerate() {
                    p.text(
                        line,
                        0.0,
                        label_y + i as f64 * LABEL_LINE,
                        TEXT_SIZE,
                        th.text,
                        (HPos::Left, VPos::Center),
                        false,
                    )?;
                }
                let (b0, b1) = (bar_y - BAR / 2.0, bar_y + BAR / 2.0);
                let mut x = lay.bar_x0;
                for (n, colour) in [
                    (c.met, met_colour()),
                    (c.not_met, not_met_colour()),
                    (c.unknown, unknown_colour()),
                ] {
                    let w = n as f64 / assessed * span;
                    p.fill_rect(x, b0, x + w, b1, colour)?;
                    x += w;
                }
                p.stroke_rect(lay.bar_x0, b0, lay.bar_x1, b1, th.muted, 1.0)?;
                // Nothing known of this criterion (an assessment that gives only a count):
                // "?" rather than "0/1", which read as "met by none".
                let value = if c.known() == 0 {
                    format!("?/{}", model.assessed)
                } else {
                    format!("{}/{}", c.met, model.assessed)
                };
                p.text(
                    &value,
                    lay.width - 2.0,
                    bar_y,
                    TEXT_SIZE,
                    th.text,
                    (HPos::Right, VPos::Center),
                    false,
                )?;
            }
        }
    }
    let _ = (SMALL_SIZE, lay.label_w);
    p.legend(&lay.legend)
}

/// One sentence for screen readers.
pub fn summary(model: &CriteriaModel, lang: Lang) -> String {
    let Some(weakest) = model.weakest() else {
        if model.assessed == 0 {
            return empty_message(model, lang);
        }
        // Assessed, but every source gives only the number met (Châu Sơn: "17/19").
        return fill(
            Msg::SumCriteriaCountsOnly
                .counted(model.communes)
                .text(lang),
            &[
                ("year", &model.step.in_text(lang)),
                ("assessed", &format::count(lang, model.assessed)),
                ("communes", &format::count(lang, model.communes)),
                ("document", &model.document),
            ],
        );
    };
    // Every criterion met wherever it is known: no "weakest" to name ("Quy hoạch, met in 22
    // of 22" read as a shortfall).
    let msg = if weakest.met == weakest.known() {
        Msg::SumCriteriaAllMet
    } else {
        Msg::SumCriteria
    };
    fill(
        msg.counted(model.communes).text(lang),
        &[
            ("year", &model.step.in_text(lang)),
            ("assessed", &format::count(lang, model.assessed)),
            ("communes", &format::count(lang, model.communes)),
            ("document", &model.document),
            ("name", weakest.name.get(lang)),
            ("met", &format::count(lang, weakest.met)),
            ("known", &format::count(lang, weakest.known())),
        ],
    )
}

/// The chart's numbers as a table.
pub fn table(model: &CriteriaModel, lang: Lang) -> DataTable {
    let rows = model
        .groups
        .iter()
        .flat_map(|g| {
            g.criteria.iter().map(move |c| {
                vec![
                    format!("{}. {}", g.group.id, g.group.name.get(lang)),
                    format!("{}. {}", c.n, c.name.get(lang)),
                    format::count(lang, c.met),
                    format::count(lang, c.not_met),
                    format::count(lang, c.unknown),
                ]
            })
        })
        .collect();
    DataTable {
        caption: criteria_title(model, lang),
        headers: vec![
            Msg::ColGroup.text(lang).to_owned(),
            Msg::ColCriterion.text(lang).to_owned(),
            Msg::ColMet.text(lang).to_owned(),
            Msg::ColNotMet.text(lang).to_owned(),
            Msg::ColUnknown.text(lang).to_owned(),
        ],
        rows,
        numeric: vec![false, false, true, true, true],
        note: None,
        grouped: true,
    }
}

/// The chart's title, naming the set and the year.
pub fn criteria_title(model: &CriteriaModel, lang: Lang) -> String {
    fill(
        Msg::ChartCriteriaTitle.text(lang),
        &[
            ("year", &model.step.in_text(lang)),
            ("document", &model.document),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data::criteria;
    use crate::chart_data::tests::demo;
    use crate::charts::tests::{assert_no_text_overlap, bars, rects, svg, texts};

    fn model(key: &str, scope: &str) -> CriteriaModel {
        let index = demo();
        let step = index.step_by_key(key).expect("step");
        criteria(&index, index.find(scope), step).expect("set")
    }

    fn drawn(model: &CriteriaModel, width: u32, lang: Lang) -> String {
        let h = height(model, f64::from(width), lang).ceil() as u32;
        svg(width, h, 1.0, |area| {
            draw(area, model, &ChartOptions::new(lang)).expect("draw");
        })
    }

    #[test]
    fn long_criterion_names_wrap_instead_of_being_cut() {
        let name = "13. Tổ chức sản xuất và phát triển kinh tế nông thôn";
        let lines = label_lines(name, 300.0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines.join(" "), name, "nothing cut");
        assert!(lines.iter().all(|l| text_width(l, TEXT_SIZE) <= 300.0));
        assert_eq!(label_lines("4. Điện", 300.0), vec!["4. Điện".to_owned()]);
        // Too long even for two lines: the second line ends in an ellipsis.
        let lines = label_lines(&name.repeat(3), 200.0);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        // The drawn chart shows the whole name at a phone's width.
        let m = model("2022", "20");
        let t = texts(&drawn(&m, 360, Lang::Vi));
        assert!(
            !t.iter().any(|s| s.ends_with('…') && s.starts_with("13.")),
            "{t:?}"
        );
    }

    #[test]
    fn draws_groups_criteria_and_counts() {
        let m = model("2022", "20");
        for (width, lang) in [(360, Lang::Vi), (900, Lang::En)] {
            let svg = drawn(&m, width, lang);
            let t = texts(&svg);
            let group = if lang == Lang::Vi {
                "II. Hạ tầng"
            } else {
                "II. Infrastructure"
            };
            assert!(t.iter().any(|s| s == group), "{t:?}");
            assert!(
                t.iter().any(|s| s == "3/3"),
                "criterion 1 met by all: {t:?}"
            );
            assert!(
                t.iter().any(|s| s == "1/3"),
                "criterion 3 met by one: {t:?}"
            );
            assert_no_text_overlap(&svg, f64::from(width));
        }
        let narrow = texts(&drawn(&m, 360, Lang::Vi));
        assert!(
            narrow
                .iter()
                .any(|s| s == "3. Thủy lợi và phòng, chống thiên tai"),
            "{narrow:?}"
        );
        // Criterion 3: one met, two not met → a third and two thirds of the bar.
        let svg = drawn(&m, 900, Lang::Vi);
        let r = bars(&svg);
        let not_met = not_met_colour().hex().to_uppercase();
        let widths: Vec<f64> = r
            .iter()
            .filter(|x| x.4.to_uppercase() == not_met && x.3 > 10.0)
            .map(|x| x.2)
            .collect();
        assert_eq!(widths.len(), 1, "{widths:?}");
        let met = met_colour().hex().to_uppercase();
        let full = r
            .iter()
            .filter(|x| x.4.to_uppercase() == met && x.3 > 10.0)
            .map(|x| x.2)
            .fold(0.0, f64::max);
        assert!((widths[0] / full - 2.0 / 3.0).abs() < 0.02);
    }

    #[test]
    fn never_mixes_sets() {
        let m = model("2026", "20-2025");
        let t = texts(&drawn(&m, 360, Lang::Vi));
        assert!(
            t.iter().any(|s| s.starts_with("2. Hạ tầng kinh tế")),
            "{t:?}"
        );
        assert!(!t.iter().any(|s| s.starts_with("3.")), "{t:?}");
    }

    #[test]
    fn says_when_nothing_was_assessed() {
        let m = model("2021", "20");
        let svg = drawn(&m, 360, Lang::Vi);
        let joined = texts(&svg).join(" ");
        assert!(joined.contains("QĐ 318/QĐ-TTg"), "{joined}");
        assert_eq!(summary(&m, Lang::Vi), empty_message(&m, Lang::Vi));
        assert!(rects(&svg).len() <= 1, "only the background");
    }

    #[test]
    fn summarises_and_tabulates() {
        let m = model("2022", "20");
        let s = summary(&m, Lang::En);
        assert!(s.contains("3 of 5 communes"), "{s}");
        assert!(
            s.contains("“Irrigation and disaster prevention” (met in 1 of 3 with a result)"),
            "{s}"
        );
        let t = table(&m, Lang::Vi);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[2][2..], ["1", "2", "0"]);
        // One commune in the scope: "1 of 1 commune".
        let tu_mich = model("2022", "06463");
        assert_eq!(tu_mich.communes, 1);
        let s = summary(&tu_mich, Lang::En);
        assert!(s.contains("1 of 1 commune assessed"), "{s}");
    }
}
