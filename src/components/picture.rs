//! Pictures to download, a chart's or the map's: the drawing with a margin, its title and
//! place over it, the map's key under it, then the lines that say where it comes from. A
//! picture sent on by phone travels without the page, so it says what it shows itself.

use ntm_core::charts::{self, ChartTheme};
use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::index::DatasetIndex;
use ntm_core::map_key::{MapKey, swatch_rgba};
use wasm_bindgen::{Clamped, JsCast};

use leptos::prelude::document;

const FONT: &str = "system-ui, Roboto, 'Noto Sans', sans-serif";

/// The lines under every picture: the app, dataset and "data as of"; that its figures are
/// partly illustrative where they are; and where its sources are.
pub fn source_lines(index: &DatasetIndex, lang: Lang) -> Vec<String> {
    let data = &index.data;
    let mut lines = vec![format!(
        "{} · {} · {}",
        Msg::AppName.text(lang),
        fill(
            Msg::FooterDataset.text(lang),
            &[("id", &data.id), ("version", &data.version)]
        ),
        fill(
            Msg::DataAsOf.text(lang),
            &[("date", &data.as_of.display(lang))]
        ),
    )];
    if data.has_illustrative() {
        lines.push(Msg::PngIllustrative.text(lang).to_owned());
    }
    // Where its sources are ("see the Sources page" named a page with no address): short
    // enough to read off the picture and type.
    if let Some(sources) = sources_address(lang) {
        lines.push(fill(Msg::PngSourcesAt.text(lang), &[("url", &sources)]));
    }
    lines
}

/// The address of the Sources page of this copy of the app, without "https://".
fn sources_address(lang: Lang) -> Option<String> {
    let location = web_sys::window()?.location();
    let base = format!("{}{}", location.host().ok()?, location.pathname().ok()?);
    Some(match lang {
        Lang::Vi => format!("{base}?view=about"),
        Lang::En => format!("{base}?view=about&lang=en"),
    })
}

/// The part of a drawing that has ink, with `margin` device pixels round it and at least
/// `min_width` wide (its key needs the room): the map's stage is taller than the province on
/// a phone, and the picture had a third of blank ground.
pub fn cropped(
    drawing: &web_sys::HtmlCanvasElement,
    margin: u32,
    min_width: u32,
) -> Option<web_sys::HtmlCanvasElement> {
    let (w, h) = (drawing.width(), drawing.height());
    let ctx: web_sys::CanvasRenderingContext2d =
        drawing.get_context("2d").ok()??.dyn_into().ok()?;
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .ok()?
        .data();
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for (i, px) in data.chunks_exact(4).enumerate() {
        if px[3] != 0 {
            let (x, y) = ((i as u32) % w, (i as u32) / w);
            x0 = x0.min(x);
            x1 = x1.max(x);
            y0 = y0.min(y);
            y1 = y1.max(y);
        }
    }
    if x0 > x1 {
        return None;
    }
    let (mut x0, y0) = (x0.saturating_sub(margin), y0.saturating_sub(margin));
    let (mut x1, y1) = ((x1 + margin).min(w - 1), (y1 + margin).min(h - 1));
    // Widened about the middle, within the drawing.
    let short = min_width.min(w).saturating_sub(x1 - x0 + 1);
    x0 = x0.saturating_sub(short / 2);
    x1 = (x1 + short - short / 2).min(w - 1);
    x0 = x0.min((x1 + 1).saturating_sub(min_width.min(w)));
    let out: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    out.set_width(x1 - x0 + 1);
    out.set_height(y1 - y0 + 1);
    let octx: web_sys::CanvasRenderingContext2d = out.get_context("2d").ok()??.dyn_into().ok()?;
    octx.draw_image_with_html_canvas_element(drawing, -f64::from(x0), -f64::from(y0))
        .ok()?;
    Some(out)
}

/// A line of text as (size in CSS px, line height, bold, text).
type Line = (f64, f64, bool, String);

/// The key's layout in CSS pixels, worked out before the picture is sized.
struct KeyLayout {
    /// The key's title row and the ramp's labels.
    height: f64,
    /// Each swatch with its label: (x, y of the row's top).
    places: Vec<(f64, f64)>,
}

const SWATCH: f64 = 16.0;
const RAMP_H: f64 = 14.0;
const ROW: f64 = 24.0;

fn lay_out_key(key: &MapKey, room: f64, measure: &dyn Fn(&str) -> f64) -> KeyLayout {
    // The title, then the ramp with its labels under it, then the swatches, wrapped.
    let mut y = 20.0;
    if !key.ramp.is_empty() {
        y += RAMP_H + 18.0;
    }
    let mut places = Vec::with_capacity(key.swatches.len());
    let mut x = 0.0;
    for s in &key.swatches {
        let w = SWATCH + 6.0 + measure(&s.label) + 18.0;
        if x > 0.0 && x + w > room {
            x = 0.0;
            y += ROW;
        }
        places.push((x, y));
        x += w;
    }
    if !key.swatches.is_empty() {
        y += ROW;
    }
    KeyLayout { height: y, places }
}

/// The drawing (a canvas, `dpr` of its pixels per CSS pixel) as a PNG data URL on the
/// theme's ground with a margin all round: `head` over it (the first line bold), the map's
/// `key` and `foot` under it, wrapped at spaces to the picture's width.
pub fn framed(
    drawing: &web_sys::HtmlCanvasElement,
    dpr: f64,
    theme: ChartTheme,
    head: &[String],
    key: Option<(&MapKey, Lang)>,
    foot: &[String],
) -> Option<String> {
    let (body_w, body_h) = (drawing.width(), drawing.height());
    // A margin all round: a chart's own drawing goes to its edges.
    let pad = (10.0 * dpr).round();
    let w = f64::from(body_w) + 2.0 * pad;
    // The charts' text measure is an estimate: a little room to spare at the right margin.
    let room = f64::from(body_w) / dpr * 0.95;
    let lines = |texts: &[String], first: (f64, f64, bool), rest: (f64, f64, bool)| {
        texts
            .iter()
            .enumerate()
            .flat_map(|(i, text)| {
                let (size, height, bold) = if i == 0 { first } else { rest };
                charts::wrap_text(text, size, room)
                    .into_iter()
                    .map(move |l| (size, height, bold, l))
            })
            .collect::<Vec<Line>>()
    };
    let head = lines(head, (14.0, 20.0, true), (12.0, 16.0, false));
    let foot = lines(foot, (11.0, 15.0, false), (11.0, 15.0, false));
    let band = |rows: &[Line]| (rows.iter().map(|r| r.1 * dpr).sum::<f64>() + pad).round();
    let (head_h, foot_h) = (band(&head), band(&foot));
    let out: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    let ctx: web_sys::CanvasRenderingContext2d = out.get_context("2d").ok()??.dyn_into().ok()?;
    let font = |size: f64, bold: bool| {
        format!(
            "{}{}px {FONT}",
            if bold { "600 " } else { "" },
            (size * dpr).round()
        )
    };
    // The key is laid out with the real text measure, before the picture is sized.
    let key_layout = key.map(|(k, _)| {
        ctx.set_font(&font(12.0, false));
        let measure = |t: &str| ctx.measure_text(t).map_or(0.0, |m| m.width()) / dpr;
        lay_out_key(k, room, &measure)
    });
    let key_h = key_layout
        .as_ref()
        .map_or(0.0, |k| (k.height * dpr + pad / 2.0).round());
    out.set_width(w as u32);
    out.set_height(body_h + (head_h + key_h + foot_h) as u32);
    ctx.set_fill_style_str(&theme.background.hex());
    ctx.fill_rect(0.0, 0.0, w, f64::from(out.height()));
    ctx.draw_image_with_html_canvas_element(drawing, pad, head_h)
        .ok()?;
    ctx.set_text_baseline("middle");
    let write = |rows: &[Line], mut y: f64| -> Option<()> {
        for (size, height, bold, text) in rows {
            ctx.set_font(&font(*size, *bold));
            let colour = if *bold { theme.text } else { theme.muted };
            ctx.set_fill_style_str(&colour.hex());
            ctx.fill_text(text, pad, y + height * dpr / 2.0).ok()?;
            y += height * dpr;
        }
        Some(())
    };
    write(&head, pad / 2.0)?;
    let key_top = head_h + f64::from(body_h) + pad / 2.0;
    if let (Some((key, lang)), Some(layout)) = (key, key_layout) {
        let at = KeyPlace {
            left: pad,
            top: key_top,
            dpr,
            theme,
        };
        draw_key(&ctx, key, lang, &layout, &at, &font)?;
    }
    write(&foot, key_top + key_h)?;
    out.to_data_url().ok()
}

/// Where the key goes on the picture: its top left corner, in device pixels.
#[derive(Clone, Copy)]
struct KeyPlace {
    left: f64,
    top: f64,
    dpr: f64,
    theme: ChartTheme,
}

fn draw_key(
    ctx: &web_sys::CanvasRenderingContext2d,
    key: &MapKey,
    lang: Lang,
    layout: &KeyLayout,
    at: &KeyPlace,
    font: &dyn Fn(f64, bool) -> String,
) -> Option<()> {
    let KeyPlace {
        left,
        top,
        dpr,
        theme,
    } = *at;
    let px = |v: f64| (v * dpr).round();
    ctx.set_font(&font(12.0, true));
    ctx.set_fill_style_str(&theme.text.hex());
    ctx.fill_text(key.title.text(lang), left, top + px(10.0))
        .ok()?;
    ctx.set_font(&font(12.0, false));
    if !key.ramp.is_empty() {
        // As wide as the swatches need, at most 28 px each (the phone's legend shows them so).
        let n = key.ramp.len() as f64;
        let step = (280.0 / n).clamp(8.0, 28.0);
        let y = top + px(20.0);
        ctx.set_text_align("center");
        for (i, s) in key.ramp.iter().enumerate() {
            let x = left + px(i as f64 * step);
            ctx.set_fill_style_str(&s.colour.hex());
            ctx.fill_rect(x, y, px(step), px(RAMP_H));
            if !s.shown.is_empty() {
                ctx.set_fill_style_str(&theme.text.hex());
                ctx.fill_text(&s.shown, x + px(step) / 2.0, y + px(RAMP_H + 9.0))
                    .ok()?;
            }
        }
        ctx.set_text_align("start");
    }
    let side = px(SWATCH) as usize;
    for (s, &(x, y)) in key.swatches.iter().zip(&layout.places) {
        let (x, y) = (left + px(x), top + px(y));
        // Painted as the map paints the status, pattern and all (a grey printout keeps it).
        let rgba = swatch_rgba(s.paint, side, side, dpr as f32);
        let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
            Clamped(&rgba[..]),
            side as u32,
            side as u32,
        )
        .ok()?;
        ctx.put_image_data(&image, x, y).ok()?;
        ctx.set_stroke_style_str(&theme.muted.hex());
        ctx.set_line_width(1.0);
        ctx.stroke_rect(x + 0.5, y + 0.5, side as f64 - 1.0, side as f64 - 1.0);
        ctx.set_fill_style_str(&theme.text.hex());
        ctx.fill_text(&s.label, x + px(SWATCH + 6.0), y + px(SWATCH / 2.0))
            .ok()?;
    }
    Some(())
}
