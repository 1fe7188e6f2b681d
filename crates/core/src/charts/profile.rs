//! The commune profile chart: the criteria of the latest assessment as numbered cells (filled
//! when met, outlined in red when not met, grey when not known), and the commune's tier on every
//! step of the timeline as a coloured strip, with a mark on each recognition.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    ChartOptions, DataTable, DrawResult, LegendItem, LegendMark, Painter, SMALL_SIZE, STACK,
    TEXT_SIZE, layout_legend, place_labels, text_width, wrap_text,
};
use crate::chart_data::ProfileModel;
use crate::i18n::{Lang, Msg, fill};
use crate::index::Status;
use crate::palette::status_paint;

const CELL: f64 = 30.0;
const GAP: f64 = 4.0;
const LINE: f64 = 18.0;
const STRIP: f64 = 20.0;

struct Layout {
    caption: Vec<(f64, String)>,
    cells: Vec<(f64, f64, u8, Option<bool>)>,
    criteria_legend: Vec<LegendItem>,
    timeline_caption: (f64, String),
    strip_y: f64,
    slot: f64,
    labels: Vec<(f64, String, bool)>,
    legend: Vec<LegendItem>,
    height: f64,
}

/// The caption over the criteria cells.
fn criteria_caption(model: &ProfileModel, lang: Lang) -> String {
    match &model.criteria {
        Some(c) => fill(
            Msg::ChartProfileCriteria.text(lang),
            &[
                ("document", &c.document),
                ("year", &c.year.to_string()),
                ("met", &c.met().to_string()),
                ("of", &c.marks.len().to_string()),
            ],
        ),
        None => Msg::ChartProfileNoCriteria.text(lang).to_owned(),
    }
}

fn layout(model: &ProfileModel, width: f64, lang: Lang) -> Layout {
    let mut y = 0.0;
    let caption: Vec<(f64, String)> = wrap_text(
        &criteria_caption(model, lang),
        TEXT_SIZE * super::BOLD,
        width,
    )
    .into_iter()
    .map(|l| {
        let at = y + LINE / 2.0;
        y += LINE;
        (at, l)
    })
    .collect();
    y += 4.0;
    let mut cells = Vec::new();
    let mut criteria_legend = Vec::new();
    if let Some(c) = &model.criteria {
        let cols = (((width + GAP) / (CELL + GAP)).floor() as usize).clamp(1, c.marks.len().max(1));
        for (i, m) in c.marks.iter().enumerate() {
            let (row, col) = (i / cols, i % cols);
            cells.push((
                col as f64 * (CELL + GAP),
                y + row as f64 * (CELL + GAP),
                m.n,
                m.met,
            ));
        }
        let rows = c.marks.len().div_ceil(cols);
        y += rows as f64 * (CELL + GAP) + 2.0;
        let mut entries = vec![
            (
                LegendMark::Fill(status_paint(Status::Standard).fill),
                Msg::ChartMet.text(lang).to_owned(),
            ),
            (
                LegendMark::Hollow(crate::palette::Rgb(0xa4, 0x26, 0x2c)),
                Msg::ChartNotMet.text(lang).to_owned(),
            ),
        ];
        if c.marks.iter().any(|m| m.met.is_none()) {
            entries.push((
                LegendMark::Fill(status_paint(Status::NoData).fill),
                Msg::ChartUnknown.text(lang).to_owned(),
            ));
        }
        let (items, h) = layout_legend(entries, width, y);
        criteria_legend = items;
        y += h + 10.0;
    }
    let timeline_caption = (
        y + LINE / 2.0,
        Msg::ChartProfileTimeline.text(lang).to_owned(),
    );
    y += LINE + 6.0;
    let strip_y = y;
    let n = model.timeline.len().max(1);
    let slot = width / n as f64;
    let centres: Vec<f64> = (0..model.timeline.len())
        .map(|i| (i as f64 + 0.5) * slot)
        .collect();
    let texts: Vec<String> = model.timeline.iter().map(|c| c.step.label()).collect();
    let widths: Vec<f64> = texts
        .iter()
        .map(|t| text_width(t, SMALL_SIZE) * super::BOLD)
        .collect();
    let mut priority: Vec<usize> = model.current.into_iter().collect();
    priority.push(model.timeline.len().saturating_sub(1));
    priority.push(0);
    let shown = place_labels(&centres, &widths, &priority, 0.0, width);
    let labels = texts
        .into_iter()
        .zip(shown)
        .map(|(t, s)| (s.unwrap_or(0.0), t, s.is_some()))
        .collect();
    y += STRIP + 4.0 + LINE + 6.0;
    let mut entries: Vec<(LegendMark, String)> = STACK
        .into_iter()
        .filter(|&s| model.timeline.iter().any(|c| c.status == Some(s)))
        .map(|s| (LegendMark::Status(s), s.msg().text(lang).to_owned()))
        .collect();
    if model.timeline.iter().any(|c| c.status.is_none()) {
        entries.push((
            LegendMark::Hollow(crate::palette::Rgb(0x8a, 0x93, 0x8f)),
            Msg::ChartNotInForce.text(lang).to_owned(),
        ));
    }
    let (legend, h) = layout_legend(entries, width, y);
    Layout {
        caption,
        cells,
        criteria_legend,
        timeline_caption,
        strip_y,
        slot,
        labels,
        legend,
        height: (y + h + 4.0).ceil(),
    }
}

/// The height the chart needs at a width, in CSS pixels.
pub fn height(model: &ProfileModel, width: f64, lang: Lang) -> f64 {
    layout(model, width, lang).height
}

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &ProfileModel,
    opts: &ChartOptions,
) -> DrawResult<DB> {
    let p = Painter::new(area, *opts);
    let lang = opts.lang;
    let th = opts.theme;
    let lay = layout(model, p.width(), lang);
    p.clear()?;
    for (y, line) in &lay.caption {
        p.text(
            line,
            0.0,
            *y,
            TEXT_SIZE,
            th.text,
            (HPos::Left, VPos::Center),
            true,
        )?;
    }
    for &(x, y, n, met) in &lay.cells {
        let (x1, y1) = (x + CELL, y + CELL);
        match met {
            Some(true) => {
                p.fill_rect(x, y, x1, y1, status_paint(Status::Standard).fill)?;
                p.stroke_rect(x, y, x1, y1, th.muted, 1.0)?;
            }
            Some(false) => p.stroke_rect(x + 1.0, y + 1.0, x1 - 1.0, y1 - 1.0, th.danger, 2.0)?,
            None => p.fill_rect(x, y, x1, y1, status_paint(Status::NoData).fill)?,
        }
        let ink = if met == Some(true) {
            status_paint(Status::Standard).fill.text_on()
        } else {
            th.text
        };
        p.text(
            &n.to_string(),
            x + CELL / 2.0,
            y + CELL / 2.0,
            TEXT_SIZE,
            ink,
            (HPos::Center, VPos::Center),
            met == Some(true),
        )?;
    }
    p.legend(&lay.criteria_legend)?;
    let (cy, caption) = &lay.timeline_caption;
    p.text(
        caption,
        0.0,
        *cy,
        TEXT_SIZE,
        th.text,
        (HPos::Left, VPos::Center),
        true,
    )?;
    let (s0, s1) = (lay.strip_y, lay.strip_y + STRIP);
    for (i, cell) in model.timeline.iter().enumerate() {
        let x0 = i as f64 * lay.slot + 1.0;
        let x1 = (i + 1) as f64 * lay.slot - 1.0;
        match cell.status {
            Some(s) => p.fill_rect(x0, s0, x1, s1, status_paint(s).fill)?,
            None => p.stroke_rect(x0, s0 + 4.0, x1, s1 - 4.0, th.grid, 1.0)?,
        }
        let recognised = model.events.iter().any(|&(reached, _)| {
            let year = reached.year;
            year == cell.step.date.year
                && model.timeline.iter().position(|c| c.step.date.year == year) == Some(i)
        });
        if recognised {
            // A small triangle over the strip marks a recognition decision.
            let cx = f64::midpoint(x0, x1);
            p.polygon(
                &[(cx - 4.0, s0 - 6.0), (cx + 4.0, s0 - 6.0), (cx, s0 - 1.0)],
                th.text,
            )?;
        }
        if model.current == Some(i) {
            p.stroke_rect(x0 - 1.0, s0 - 1.0, x1 + 1.0, s1 + 1.0, th.text, 2.0)?;
        }
    }
    for (i, (x, text, shown)) in lay.labels.iter().enumerate() {
        if *shown {
            p.text(
                text,
                *x,
                s1 + 5.0,
                SMALL_SIZE,
                th.text,
                (HPos::Center, VPos::Top),
                model.current == Some(i),
            )?;
        }
    }
    p.legend(&lay.legend)
}

/// Under the chart: what the numbered cells stand for ("1. Quy hoạch · 2. Giao thông · …"),
/// as a canvas has no hover to tell it on a phone.
pub fn note(model: &ProfileModel, lang: Lang) -> Option<String> {
    let c = model.criteria.as_ref()?;
    let key: Vec<String> = c
        .marks
        .iter()
        .map(|m| format!("{}. {}", m.n, m.name.get(lang)))
        .collect();
    Some(fill(
        Msg::ChartCriteriaKey.text(lang),
        &[("list", &key.join(" · "))],
    ))
}

/// One sentence for screen readers: criteria met and which are missing, and the tier history.
pub fn summary(model: &ProfileModel, lang: Lang) -> String {
    let mut out = match &model.criteria {
        Some(c) => {
            let missing: Vec<String> = c.not_met().map(|m| m.name.get(lang).to_owned()).collect();
            let msg = if !missing.is_empty() {
                Msg::SumProfile
            } else if c.unnamed_met() {
                Msg::SumProfileCountOnly
            } else {
                Msg::SumProfileAll
            };
            fill(
                msg.text(lang),
                &[
                    ("met", &c.met().to_string()),
                    ("of", &c.marks.len().to_string()),
                    ("document", &c.document),
                    ("year", &c.year.to_string()),
                    ("missing", &missing.join("; ")),
                ],
            )
        }
        None => Msg::ChartProfileNoCriteria.text(lang).to_owned(),
    };
    let events: Vec<String> = model
        .events
        .iter()
        .map(|(reached, s)| format!("{} {}", s.msg().text(lang), reached.display()))
        .collect();
    if !events.is_empty() {
        out.push(' ');
        out.push_str(&fill(
            Msg::SumProfileEvents.text(lang),
            &[("events", &events.join(", "))],
        ));
    }
    out
}

/// The chart's numbers as a table: the criteria, then the tier on each step.
pub fn table(model: &ProfileModel, lang: Lang) -> DataTable {
    // The chart's two parts, each row saying which it belongs to (the criteria of one
    // assessment, with its set and year; the tier on each step): one column of "criterion or
    // year" mixed them up.
    let mut rows: Vec<Vec<String>> = Vec::new();
    if let Some(c) = &model.criteria {
        let part = criteria_caption(model, lang);
        for m in &c.marks {
            let result = match m.met {
                Some(true) => Msg::ChartMet,
                Some(false) => Msg::ChartNotMet,
                None => Msg::ChartUnknown,
            };
            rows.push(vec![
                part.clone(),
                format!("{}. {}", m.n, m.name.get(lang)),
                result.text(lang).to_owned(),
            ]);
        }
    }
    let part = Msg::ChartProfileTimeline.text(lang).to_owned();
    // Not in force: before it was formed, or after it ended, said which ("Chưa/không còn"
    // left the reader to guess); each step as the year control says it (30/6/2025 and 2025
    // read as the same year).
    let first = model.timeline.iter().position(|c| c.status.is_some());
    for (k, cell) in model.timeline.iter().enumerate() {
        let status = match cell.status {
            Some(s) => s.msg(),
            None if first.is_some_and(|f| k < f) => Msg::ChartNotYetFormed,
            None if first.is_some() => Msg::ChartEnded,
            None => Msg::ChartNotInForce,
        };
        rows.push(vec![
            part.clone(),
            cell.step.display(lang),
            status.text(lang).to_owned(),
        ]);
    }
    // A count given without the criteria (Châu Sơn's "17/19") is said, not left to 19 "not
    // known" rows.
    let note = model
        .criteria
        .as_ref()
        .filter(|c| c.unnamed_met())
        .map(|c| {
            fill(
                Msg::SumProfileCountOnly.text(lang),
                &[
                    ("met", &c.met().to_string()),
                    ("of", &c.marks.len().to_string()),
                    ("document", &c.document),
                    ("year", &c.year.to_string()),
                ],
            )
        });
    DataTable {
        caption: Msg::ChartProfileTitle.text(lang).to_owned(),
        headers: vec![
            Msg::ColPart.text(lang).to_owned(),
            Msg::ColCriterionOrYear.text(lang).to_owned(),
            Msg::ColResult.text(lang).to_owned(),
        ],
        rows,
        numeric: vec![false, false, false],
        note,
        grouped: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data::profile;
    use crate::chart_data::tests::demo;
    use crate::charts::tests::{assert_no_text_overlap, rects, svg, texts};

    fn model(unit: &str, key: &str) -> ProfileModel {
        let index = demo();
        let step = index.step_by_key(key).expect("step");
        profile(&index, index.find(unit).expect("unit"), step)
    }

    fn drawn(model: &ProfileModel, width: u32, lang: Lang) -> String {
        let h = height(model, f64::from(width), lang).ceil() as u32;
        svg(width, h, 1.0, |area| {
            draw(area, model, &ChartOptions::new(lang)).expect("draw");
        })
    }

    #[test]
    fn the_table_says_when_the_unit_ended_and_names_steps_as_the_year_control_does() {
        let t = table(&model("06472", "2022"), Lang::Vi);
        let years: Vec<(&str, &str)> = t
            .rows
            .iter()
            .filter(|r| r[0] == Msg::ChartProfileTimeline.text(Lang::Vi))
            .map(|r| (r[1].as_str(), r[2].as_str()))
            .collect();
        assert!(
            years.contains(&("30/6/2025 (trước sắp xếp)", "Chưa đạt chuẩn")),
            "{years:?}"
        );
        assert!(
            years
                .iter()
                .any(|&(y, s)| y.starts_with("31/12/2025") && s == "Không còn (đã sắp xếp)"),
            "{years:?}"
        );
        assert!(
            !years.iter().any(|&(_, s)| s == "Chưa/không còn tồn tại"),
            "{years:?}"
        );
    }

    #[test]
    fn draws_criteria_cells_and_the_tier_strip() {
        let m = model("06472", "2022");
        let svg = drawn(&m, 328, Lang::Vi);
        let t = texts(&svg);
        assert!(t.iter().any(|s| s.contains("đạt 2/3")), "{t:?}");
        for n in ["1", "2", "3"] {
            assert!(t.iter().any(|s| s == n), "cell {n}: {t:?}");
        }
        // Two met cells (plus the legend swatch) in the standard colour.
        let met = status_paint(Status::Standard).fill.hex().to_uppercase();
        let cells = rects(&svg)
            .into_iter()
            .filter(|r| r.4.to_uppercase() == met && (r.2 - CELL).abs() < 0.5)
            .count();
        assert_eq!(cells, 2);
        // The strip: one not-yet cell per pre-reform step, none after the reform.
        let not_yet = status_paint(Status::NotYet).fill.hex().to_uppercase();
        let strip = rects(&svg)
            .into_iter()
            .filter(|r| r.4.to_uppercase() == not_yet && (r.3 - STRIP).abs() < 0.5)
            .count();
        assert_eq!(strip, 7);
        assert_no_text_overlap(&svg, 328.0);
    }

    #[test]
    fn marks_recognitions_and_handles_no_assessment() {
        let m = model("06469", "2024");
        let svg = drawn(&m, 640, Lang::En);
        assert_eq!(svg.matches("<polygon").count(), 3, "three recognitions");
        let t = texts(&svg);
        assert!(
            t.iter()
                .any(|s| s == Msg::ChartProfileNoCriteria.text(Lang::En)),
            "{t:?}"
        );
        assert!(t.iter().any(|s| s == "Not in existence then"), "{t:?}");
        assert_no_text_overlap(&svg, 640.0);
    }

    #[test]
    fn summarises_missing_criteria() {
        let m = model("06472", "2022");
        let s = summary(&m, Lang::Vi);
        assert!(s.contains("Đạt 2 trên 3 tiêu chí"), "{s}");
        assert!(s.contains("Thủy lợi và phòng, chống thiên tai"), "{s}");
        let s = summary(&model("06469", "2024"), Lang::En);
        assert!(s.contains("Advanced NTM 2022"), "{s}");
        let t = table(&m, Lang::Vi);
        assert_eq!(
            t.rows[2],
            [
                "Tiêu chí (QĐ 318/QĐ-TTg, đánh giá năm 2022): đạt 2/3",
                "3. Thủy lợi và phòng, chống thiên tai",
                "Chưa đạt"
            ]
        );
        // The timeline's rows say they are the tier over the years.
        let last = t.rows.last().expect("rows");
        assert_eq!(last[0], "Mức đạt qua các năm");
    }

    #[test]
    fn the_note_says_what_the_numbered_cells_stand_for() {
        let m = model("06472", "2022");
        let note = note(&m, Lang::Vi).expect("note");
        assert!(note.starts_with("Số trong ô: 1. "), "{note}");
        assert!(note.contains(" · 2. "), "{note}");
    }
}
