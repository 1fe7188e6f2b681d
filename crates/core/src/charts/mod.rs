//! Chart drawing, generic over the plotters backend: the same code draws on a canvas in the browser
//! and into an SVG string in native tests.
//!
//! Last stage of the chart pipeline: [`crate::chart_data`] computes a model, each chart module here
//! lays it out for a width and draws it. Layout is done here, in CSS pixels, with a deterministic
//! estimate of text widths: plotters cannot measure text without its `ttf` feature (and in the
//! browser it measures through a styled element, which a strict content security policy forbids),
//! so labels are truncated, thinned or moved to their own line by this module before they are
//! drawn. [`Painter`](crate::charts::Painter) multiplies every coordinate by the device pixel
//! ratio, which the canvas backend ignores, so charts are sharp on phones.
//!
//! Each chart module offers `height` (for a width), `draw`, `summary` (one sentence for screen
//! readers) and `table` (the "show as table" alternative).

pub mod comparison;
pub mod criteria;
pub mod profile;
pub mod progress;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::i18n::Lang;
use crate::index::Status;
use crate::palette::{Rgb, status_paint};

/// How much wider bold text is than regular text, for width estimates.
pub const BOLD: f64 = 1.12;

/// The font of every chart: the system font, which has Vietnamese glyphs on every phone.
pub const FONT: &str = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif";

/// Size of ordinary chart text, in CSS pixels.
pub const TEXT_SIZE: f64 = 12.0;

/// Size of small chart text (axis ticks), in CSS pixels.
pub const SMALL_SIZE: f64 = 11.0;

/// Colours of the chart chrome, matching the page's light or dark theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartTheme {
    /// Background.
    pub background: Rgb,
    /// Text.
    pub text: Rgb,
    /// Secondary text, axes.
    pub muted: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// Highlight band behind the selected row.
    pub highlight: Rgb,
    /// Target lines.
    pub target: Rgb,
    /// Marks for criteria not met.
    pub danger: Rgb,
    /// An edge drawn round each tier's segment of a bar, where the tiers' colours alone do
    /// not stand out from the background: the model tier's dark blue on the dark theme's
    /// surface is 1.6:1 (a thin model segment all but vanished).
    pub segment_edge: Option<Rgb>,
}

impl ChartTheme {
    /// The light theme (the page's `--surface`, `--text`, `--muted`…).
    pub const LIGHT: ChartTheme = ChartTheme {
        background: Rgb(0xff, 0xff, 0xff),
        text: Rgb(0x1b, 0x1f, 0x1d),
        muted: Rgb(0x4d, 0x56, 0x52),
        grid: Rgb(0xdd, 0xe1, 0xde),
        highlight: Rgb(0xe8, 0xf1, 0xfb),
        target: Rgb(0xa4, 0x26, 0x2c),
        danger: Rgb(0xa4, 0x26, 0x2c),
        segment_edge: None,
    };

    /// The dark theme.
    pub const DARK: ChartTheme = ChartTheme {
        background: Rgb(0x1c, 0x22, 0x20),
        text: Rgb(0xe8, 0xec, 0xe9),
        muted: Rgb(0xb4, 0xbd, 0xb8),
        grid: Rgb(0x3c, 0x47, 0x43),
        highlight: Rgb(0x15, 0x26, 0x3a),
        target: Rgb(0xff, 0x8a, 0x80),
        danger: Rgb(0xff, 0x8a, 0x80),
        segment_edge: Some(Rgb(0xb4, 0xbd, 0xb8)),
    };
}

/// How to draw: language, theme and the device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartOptions {
    /// Language of labels.
    pub lang: Lang,
    /// Colours.
    pub theme: ChartTheme,
    /// Device pixels per CSS pixel (the backend's size is in device pixels).
    pub scale: f64,
}

impl ChartOptions {
    /// Light theme at 1× in a language.
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            theme: ChartTheme::LIGHT,
            scale: 1.0,
        }
    }
}

/// The error of drawing on a backend.
pub type DrawError<DB> = DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>;

/// The result of drawing on a backend.
pub type DrawResult<DB> = Result<(), DrawError<DB>>;

/// Width of one character in ems, for a typical sans-serif system font. Deliberately a little
/// generous, so that an estimate too small (and overlapping text) is rare.
fn char_em(c: char) -> f64 {
    let base = crate::text::fold(c.encode_utf8(&mut [0u8; 4]))
        .chars()
        .next()
        .unwrap_or(' ');
    let upper = c.is_uppercase();
    match base {
        ' ' => 0.3,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')' | '/' => {
            if upper && base == 'i' { 0.32 } else { 0.28 }
        }
        'f' | 't' | 'r' => {
            if upper {
                0.64
            } else {
                0.37
            }
        }
        'm' | 'w' => {
            if upper {
                0.92
            } else {
                0.86
            }
        }
        '0'..='9' => 0.58,
        '%' => 0.9,
        '…' => 1.0,
        '–' | '-' => 0.5,
        _ if upper => 0.7,
        _ if base.is_ascii_alphabetic() => 0.58,
        _ => 0.62,
    }
}

/// The estimated width of a text in CSS pixels at a font size.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size * 1.04
}

/// The text, cut with an ellipsis so that it fits `max` pixels (empty if not even "…" fits).
pub fn fit_text(text: &str, size: f64, max: f64) -> String {
    if text_width(text, size) <= max {
        return text.to_owned();
    }
    let ellipsis = text_width("…", size);
    let mut out = String::new();
    let mut w = 0.0;
    for c in text.chars() {
        let cw = char_em(c) * size * 1.04;
        if w + cw + ellipsis > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if w + ellipsis > max {
        return String::new();
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

/// Splits a text into lines of at most `max` pixels, at spaces; a word too long for a line is
/// cut with an ellipsis.
pub fn wrap_text(text: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) <= max || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            word.clone_into(&mut line);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(|l| fit_text(&l, size, max)).collect()
}

/// Chooses which labels to show along an axis so that none overlap: `centres` are the label
/// positions, `widths` their text widths, `priority` the indices to place first (the current
/// step, the last one). A label that would leave `min..max` is moved inwards. Returns the
/// centre of each label shown.
pub fn place_labels(
    centres: &[f64],
    widths: &[f64],
    priority: &[usize],
    min: f64,
    max: f64,
) -> Vec<Option<f64>> {
    let n = centres.len();
    let mut shown: Vec<Option<f64>> = vec![None; n];
    let mut taken: Vec<(f64, f64)> = Vec::new();
    let mut order: Vec<usize> = priority.iter().copied().filter(|&i| i < n).collect();
    // Then every label from the last backwards, so the latest years are kept.
    order.extend((0..n).rev());
    for i in order {
        if shown[i].is_some() {
            continue;
        }
        let half = widths[i] / 2.0 + 3.0;
        if 2.0 * half > max - min {
            continue;
        }
        let centre = centres[i].clamp(min + half, max - half);
        let (a, b) = (centre - half, centre + half);
        if taken.iter().all(|&(x, y)| b <= x || a >= y) {
            taken.push((a, b));
            shown[i] = Some(centre);
        }
    }
    shown
}

/// A whole percentage for axes: "50 %" in Vietnamese, "50%" in English.
pub fn axis_percent(lang: Lang, pct: f64) -> String {
    let n = crate::format::decimal(lang, pct, 0);
    match lang {
        Lang::Vi => format!("{n}{}%", crate::format::NBSP),
        Lang::En => format!("{n}%"),
    }
}

/// One entry of a chart legend.
#[derive(Clone, Debug, PartialEq)]
pub enum LegendMark {
    /// A filled swatch of a status colour.
    Status(Status),
    /// A filled swatch of any colour.
    Fill(Rgb),
    /// A hollow square outlined in a colour.
    Hollow(Rgb),
    /// A dashed line in a colour.
    Dashed(Rgb),
}

/// A legend entry laid out at a position.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    /// The mark.
    pub mark: LegendMark,
    /// The label.
    pub label: String,
    /// Left edge.
    pub x: f64,
    /// Vertical centre.
    pub y: f64,
}

const LEGEND_ROW: f64 = 20.0;
const SWATCH: f64 = 12.0;
/// The width a legend entry's mark and gap take before its label.
pub(crate) const LEGEND_MARK_W: f64 = SWATCH + 6.0;

/// Lays out legend entries in rows that wrap at `width`, starting at `top`. Returns the
/// entries and the height used.
pub fn layout_legend(
    entries: Vec<(LegendMark, String)>,
    width: f64,
    top: f64,
) -> (Vec<LegendItem>, f64) {
    let mut items = Vec::new();
    let (mut x, mut row) = (0.0, 0usize);
    for (mark, label) in entries {
        let label = fit_text(&label, TEXT_SIZE, width - LEGEND_MARK_W);
        let w = SWATCH + 5.0 + text_width(&label, TEXT_SIZE);
        if x > 0.0 && x + w > width {
            x = 0.0;
            row += 1;
        }
        items.push(LegendItem {
            mark,
            label,
            x,
            y: top + row as f64 * LEGEND_ROW + LEGEND_ROW / 2.0,
        });
        x += w + 14.0;
    }
    let height = if items.is_empty() {
        0.0
    } else {
        (row + 1) as f64 * LEGEND_ROW
    };
    (items, height)
}

/// A chart's data as a table, for the "show as table" alternative.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    /// The caption.
    pub caption: String,
    /// Column headings.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
    /// Whether each column holds numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// How to read the table, shown above it (kept out of the caption, which spans the
    /// table's whole width and would scroll out of sight with it).
    pub note: Option<String>,
    /// Whether the first column names groups of rows (a profile's "criteria of the 2021
    /// assessment" and "tier by year"): on the page each group is headed once, not repeated
    /// on every row (a screen reader read the whole of it as each row's header); the CSV
    /// keeps it on every row.
    pub grouped: bool,
}

impl DataTable {
    /// The table as CSV, as the units table is downloaded (UTF-8 with a byte-order mark so
    /// that Excel reads the diacritics, CRLF line ends, formula-safe fields): the caption,
    /// then the headings and the rows.
    pub fn to_csv(&self) -> String {
        use crate::table::csv_field;
        let line = |cells: &[String]| {
            let mut l = cells
                .iter()
                .map(|c| csv_field(&c.replace('\u{a0}', " ")))
                .collect::<Vec<_>>()
                .join(",");
            l.push_str("\r\n");
            l
        };
        let mut out = String::from(crate::table::BOM);
        out.push_str(&line(std::slice::from_ref(&self.caption)));
        if let Some(note) = &self.note {
            out.push_str(&line(std::slice::from_ref(note)));
        }
        out.push_str(&line(&self.headers));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }
}

/// A file name's stem from a place's name: "Tỉnh Lạng Sơn" → "tinh-lang-son".
pub fn file_stem(name: &str) -> String {
    let folded = crate::text::fold(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Draws in CSS pixels on a backend measured in device pixels.
pub struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    k: f64,
    /// The chart options.
    pub opts: ChartOptions,
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    /// A painter over a drawing area.
    pub fn new(area: &'a DrawingArea<DB, Shift>, opts: ChartOptions) -> Self {
        Self {
            area,
            k: if opts.scale > 0.0 { opts.scale } else { 1.0 },
            opts,
        }
    }

    /// The area's width in CSS pixels.
    pub fn width(&self) -> f64 {
        f64::from(self.area.dim_in_pixel().0) / self.k
    }

    fn px(&self, v: f64) -> i32 {
        (v * self.k).round() as i32
    }

    /// Fills the whole area with the background.
    pub fn clear(&self) -> DrawResult<DB> {
        self.area.fill(&colour(self.opts.theme.background))
    }

    /// A filled rectangle.
    pub fn fill_rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, c: Rgb) -> DrawResult<DB> {
        if x1 - x0 <= 0.0 || y1 - y0 <= 0.0 {
            return Ok(());
        }
        self.area.draw(&Rectangle::new(
            [(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))],
            colour(c).filled(),
        ))
    }

    /// An outlined rectangle.
    pub fn stroke_rect(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        c: Rgb,
        width: f64,
    ) -> DrawResult<DB> {
        self.area.draw(&Rectangle::new(
            [(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))],
            colour(c).stroke_width(self.px(width).max(1) as u32),
        ))
    }

    /// A polyline.
    pub fn line(&self, points: &[(f64, f64)], c: Rgb, width: f64) -> DrawResult<DB> {
        let pts: Vec<(i32, i32)> = points
            .iter()
            .map(|&(x, y)| (self.px(x), self.px(y)))
            .collect();
        self.area.draw(&PathElement::new(
            pts,
            colour(c).stroke_width(self.px(width).max(1) as u32),
        ))
    }

    /// A dashed straight line.
    pub fn dashed(&self, from: (f64, f64), to: (f64, f64), c: Rgb, width: f64) -> DrawResult<DB> {
        let len = (to.0 - from.0).hypot(to.1 - from.1);
        let (dash, gap) = (6.0, 4.0);
        let mut t = 0.0;
        while t < len {
            let t1 = (t + dash).min(len);
            let p = |s: f64| {
                (
                    from.0 + (to.0 - from.0) * s / len,
                    from.1 + (to.1 - from.1) * s / len,
                )
            };
            self.line(&[p(t), p(t1)], c, width)?;
            t += dash + gap;
        }
        Ok(())
    }

    /// A filled polygon.
    pub fn polygon(&self, points: &[(f64, f64)], c: Rgb) -> DrawResult<DB> {
        let pts: Vec<(i32, i32)> = points
            .iter()
            .map(|&(x, y)| (self.px(x), self.px(y)))
            .collect();
        self.area.draw(&Polygon::new(pts, colour(c).filled()))
    }

    /// Text anchored at a point.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &self,
        text: &str,
        x: f64,
        y: f64,
        size: f64,
        c: Rgb,
        anchor: (HPos, VPos),
        bold: bool,
    ) -> DrawResult<DB> {
        if text.is_empty() {
            return Ok(());
        }
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font = FontDesc::new(FontFamily::Name(FONT), size * self.k, style);
        let ink = colour(c);
        let style = TextStyle::from(font)
            .color(&ink)
            .pos(Pos::new(anchor.0, anchor.1));
        self.area
            .draw(&Text::new(text.to_owned(), (self.px(x), self.px(y)), style))
    }

    /// A legend laid out by [`layout_legend`].
    pub fn legend(&self, items: &[LegendItem]) -> DrawResult<DB> {
        let t = self.opts.theme;
        for item in items {
            let (x, y) = (item.x, item.y);
            let (y0, y1) = (y - SWATCH / 2.0, y + SWATCH / 2.0);
            match item.mark {
                LegendMark::Status(s) => {
                    self.fill_rect(x, y0, x + SWATCH, y1, status_paint(s).fill)?;
                    self.stroke_rect(x, y0, x + SWATCH, y1, t.muted, 1.0)?;
                }
                LegendMark::Fill(c) => {
                    self.fill_rect(x, y0, x + SWATCH, y1, c)?;
                    self.stroke_rect(x, y0, x + SWATCH, y1, t.muted, 1.0)?;
                }
                LegendMark::Hollow(c) => self.stroke_rect(x, y0, x + SWATCH, y1, c, 1.5)?,
                LegendMark::Dashed(c) => {
                    self.dashed((x - 2.0, y), (x + SWATCH + 2.0, y), c, 2.0)?;
                }
            }
            self.text(
                &item.label,
                x + SWATCH + 5.0,
                y,
                TEXT_SIZE,
                t.text,
                (HPos::Left, VPos::Center),
                false,
            )?;
        }
        Ok(())
    }
}

/// A tier as it follows a number ("60 % đạt chuẩn NTM", "40% advanced").
pub fn tier_phrase(status: Status) -> crate::i18n::Msg {
    use crate::i18n::Msg;
    match status {
        Status::Advanced => Msg::PhraseTierAdvanced,
        Status::Model => Msg::PhraseTierModel,
        _ => Msg::PhraseTierStandard,
    }
}

/// The status order of stacked bars, bottom (or left) first.
pub const STACK: [Status; 6] = [
    Status::Model,
    Status::Advanced,
    Status::Standard,
    Status::NotYet,
    Status::NotReassessed,
    Status::NoData,
];

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_chart_table_downloads_as_csv_excel_reads() {
        let t = DataTable {
            caption: "Tiến độ".into(),
            headers: vec!["Năm".into(), "Tỷ lệ".into()],
            rows: vec![vec!["2019".into(), "60,6\u{a0}%".into()]],
            numeric: vec![false, true],
            note: None,
            grouped: false,
        };
        assert_eq!(
            t.to_csv(),
            "\u{feff}Tiến độ\r\nNăm,Tỷ lệ\r\n2019,\"60,6 %\"\r\n"
        );
        assert_eq!(file_stem("Tỉnh Lạng Sơn"), "tinh-lang-son");
        assert_eq!(file_stem("Xã Đình Lập (cũ)"), "xa-dinh-lap-cu");
    }

    /// Draws into an SVG string at a size in CSS pixels and returns the document.
    pub(crate) fn svg(
        width: u32,
        height: u32,
        scale: f64,
        draw: impl FnOnce(&DrawingArea<plotters_svg::SVGBackend<'_>, Shift>),
    ) -> String {
        let mut out = String::new();
        {
            let w = (f64::from(width) * scale).round() as u32;
            let h = (f64::from(height) * scale).round() as u32;
            let backend = plotters_svg::SVGBackend::with_string(&mut out, (w, h));
            let area = backend.into_drawing_area();
            draw(&area);
            area.present().expect("present");
        }
        out
    }

    /// The texts of `<text>` elements in an SVG document, unescaped.
    pub(crate) fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let body = t.split_once('>')?.1;
                let text = body.split_once("</text>")?.0;
                Some(
                    text.trim()
                        .replace("&amp;", "&")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'"),
                )
            })
            .collect()
    }

    /// The `<text>` elements as (x, y, anchor, text, font size in CSS pixels).
    pub(crate) fn text_elements(svg: &str) -> Vec<(f64, f64, String, String, f64)> {
        let attr = |tag: &str, name: &str| -> Option<String> {
            let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
            let end = tag[start..].find('"')? + start;
            Some(tag[start..end].to_owned())
        };
        svg.split("<text")
            .skip(1)
            .zip(texts(svg))
            .filter_map(|(t, text)| {
                let tag = t.split_once('>')?.0;
                Some((
                    attr(tag, "x")?.parse().ok()?,
                    attr(tag, "y")?.parse().ok()?,
                    attr(tag, "text-anchor").unwrap_or_else(|| "start".to_owned()),
                    text,
                    // The SVG backend writes sizes divided by 1.24 (plotters' line height).
                    attr(tag, "font-size")?.parse::<f64>().ok()? * 1.24,
                ))
            })
            .collect()
    }

    /// The filled rectangles as (x, y, width, height, fill colour).
    pub(crate) fn rects(svg: &str) -> Vec<(f64, f64, f64, f64, String)> {
        let attr = |tag: &str, name: &str| -> Option<String> {
            let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
            let end = tag[start..].find('"')? + start;
            Some(tag[start..end].to_owned())
        };
        svg.split("<rect")
            .skip(1)
            .filter_map(|t| {
                let tag = t.split_once("/>")?.0;
                let fill = attr(tag, "fill")?;
                if fill == "none" {
                    return None;
                }
                Some((
                    attr(tag, "x")?.parse().ok()?,
                    attr(tag, "y")?.parse().ok()?,
                    attr(tag, "width")?.parse().ok()?,
                    attr(tag, "height")?.parse().ok()?,
                    fill,
                ))
            })
            .collect()
    }

    /// The filled rectangles that are not legend swatches.
    pub(crate) fn bars(svg: &str) -> Vec<(f64, f64, f64, f64, String)> {
        rects(svg)
            .into_iter()
            .filter(|r| !((r.2 - SWATCH).abs() < 0.5 && (r.3 - SWATCH).abs() < 0.5))
            .collect()
    }

    /// Checks that no two texts drawn overlap (by the width estimate) and that all lie
    /// inside `width` (drawn at scale 1).
    pub(crate) fn assert_no_text_overlap(svg: &str, width: f64) {
        let boxes: Vec<(f64, f64, f64, f64, String)> = text_elements(svg)
            .into_iter()
            .map(|(x, y, anchor, text, size)| {
                let w = text_width(&text, size);
                let x0 = match anchor.as_str() {
                    "middle" => x - w / 2.0,
                    "end" => x - w,
                    _ => x,
                };
                (x0, x0 + w, y - size / 2.0, y + size / 2.0, text)
            })
            .collect();
        for b in &boxes {
            assert!(
                b.0 >= -0.5 && b.1 <= width + 0.5,
                "text {:?} leaves the chart ({:.1}–{:.1} of {width})",
                b.4,
                b.0,
                b.1
            );
        }
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap_x = a.0 < b.1 - 0.5 && b.0 < a.1 - 0.5;
                let overlap_y = a.2 < b.3 - 0.5 && b.2 < a.3 - 0.5;
                assert!(
                    !(overlap_x && overlap_y),
                    "texts {:?} and {:?} overlap",
                    a.4,
                    b.4
                );
            }
        }
    }

    #[test]
    fn estimates_widths_of_vietnamese_text_like_latin() {
        assert!((text_width("Đông Quan", 12.0) - text_width("Dong Quan", 12.0)).abs() < 1e-9);
        assert!(text_width("mmmm", 12.0) > text_width("iiii", 12.0) * 2.0);
        // About 6–7 px per average character at 12 px.
        let w = text_width("Lộc Bình", 12.0);
        assert!((40.0..70.0).contains(&w), "{w}");
    }

    #[test]
    fn fits_and_wraps_labels() {
        let long = "Tổ chức sản xuất và phát triển kinh tế nông thôn";
        let cut = fit_text(long, 12.0, 120.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 12.0) <= 120.0);
        assert_eq!(fit_text("Điện", 12.0, 120.0), "Điện");
        assert_eq!(fit_text("Điện", 12.0, 2.0), "");
        let lines = wrap_text(long, 12.0, 150.0);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| text_width(l, 12.0) <= 150.0));
        assert_eq!(lines.join(" "), long);
    }

    #[test]
    fn places_labels_without_overlap_keeping_priority() {
        let centres: Vec<f64> = (0..10).map(|i| 10.0 + f64::from(i) * 20.0).collect();
        let widths = vec![30.0; 10];
        let shown = place_labels(&centres, &widths, &[4], 0.0, 200.0);
        assert_eq!(
            shown[4],
            Some(centres[4]),
            "the priority label is shown in place"
        );
        assert!(
            shown[9].is_some() || shown[8].is_some(),
            "a late label is shown"
        );
        let placed: Vec<f64> = shown.iter().flatten().copied().collect();
        for w in placed.windows(2) {
            assert!((w[1] - w[0]).abs() >= 30.0);
        }
        // The first label, too close to the edge, moves inwards rather than vanishing.
        let shown = place_labels(&[5.0, 100.0], &[30.0, 30.0], &[0], 0.0, 200.0);
        assert_eq!(shown[0], Some(18.0));
    }

    #[test]
    fn lays_out_a_wrapping_legend() {
        let entries = (0..6)
            .map(|i| (LegendMark::Status(STACK[i]), format!("Mức đạt số {i}")))
            .collect();
        let (items, h) = layout_legend(entries, 200.0, 10.0);
        assert_eq!(items.len(), 6);
        assert!(h >= 2.0 * LEGEND_ROW);
        for i in &items {
            assert!(i.x + SWATCH + 5.0 + text_width(&i.label, TEXT_SIZE) <= 200.0 + 1e-9);
        }
    }

    #[test]
    fn axis_percentages_follow_the_language() {
        assert_eq!(axis_percent(Lang::Vi, 50.0), "50\u{a0}%");
        assert_eq!(axis_percent(Lang::En, 100.0), "100%");
    }
}
