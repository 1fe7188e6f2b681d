//! The map's canvas renderer. Imperative on purpose: it owns the pixel buffers and is driven
//! by the map component's effects.
//!
//! Three stacked canvases, bottom to top:
//! - fills: commune ids from `ntm_core::map::rasterize`, coloured through a lookup table; the
//!   only layer a year change repaints (one `putImageData`);
//! - lines: district, province and commune borders, stroked when the view moves;
//! - marks: the outlines of the hovered, active and selected communes, and the labels.
//!
//! Measured at 4× CPU on the national set: reading the borders back to blend them into the
//! fills (the earlier design) cost 60–120 ms per view change and a blend on every year change.

use std::sync::Arc;

use ntm_core::map::{
    Camera, IdRaster, Lut, MapModel, PixelRect, compose, pattern_mask, rasterize_into, recompose,
};
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Colours the renderer needs from the page's theme (light or dark).
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Thin lines between communes.
    pub commune_line: String,
    /// Lines between districts.
    pub district_line: String,
    /// Lines between provinces.
    pub province_line: String,
    /// Label text.
    pub label: String,
    /// Halo behind labels.
    pub halo: String,
    /// Selection outline.
    pub selection: String,
    /// The keyboard cursor's outline: the page's focus colour.
    pub cursor: String,
}

/// How a shape is outlined on the marks layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Under the pointer: a thin line.
    Hover,
    /// The keyboard's cursor: a dashed line in the focus colour on a halo (a thin dark line
    /// alone looked like a district border, a tryout found).
    Cursor,
    /// The selected commune: a thick line on a halo.
    Selected,
}

impl Theme {
    /// The theme for light or dark pages.
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                commune_line: "rgba(20,24,22,0.55)".into(),
                district_line: "#e8ece9".into(),
                province_line: "#ffffff".into(),
                label: "#f3f6f4".into(),
                halo: "rgba(18,22,20,0.85)".into(),
                selection: "#ffb300".into(),
                cursor: "#8ab4f8".into(),
            }
        } else {
            Self {
                commune_line: "rgba(255,255,255,0.9)".into(),
                district_line: "#3b4540".into(),
                province_line: "#111614".into(),
                label: "#111614".into(),
                halo: "rgba(255,255,255,0.9)".into(),
                selection: "#d81b60".into(),
                cursor: "#0b57d0".into(),
            }
        }
    }
}

/// A label to draw (district names at suitable zoom levels).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// World position.
    pub at: [f32; 2],
    /// Text.
    pub text: String,
}

/// The renderer's state.
pub struct Renderer {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    lines: HtmlCanvasElement,
    lines_ctx: CanvasRenderingContext2d,
    marks: HtmlCanvasElement,
    marks_ctx: CanvasRenderingContext2d,
    /// The model drawn.
    pub model: Arc<MapModel>,
    /// The camera.
    pub camera: Camera,
    /// CSS size.
    pub size: (f32, f32),
    /// Device pixels per CSS pixel.
    pub dpr: f32,
    /// Shape ids per device pixel (also the hit-test map).
    pub raster: IdRaster,
    mask: Vec<u8>,
    /// The fills composed through the colour table.
    pixels: Vec<u8>,
    /// The rectangle a year change puts on the canvas, kept between changes so that stepping
    /// through the years does not allocate (and fragment the wasm heap with) a new one each time.
    part: Vec<u8>,
    /// Whether `pixels` holds the current raster through `lut` (so a new table can be applied
    /// to the shapes that changed only).
    composed: bool,
    /// Whether the lines and the marks canvases are blank (just resized): clearing a
    /// full-size canvas is not free on a slow phone.
    lines_blank: bool,
    marks_blank: bool,
    lut: Lut,
    /// Theme colours.
    pub theme: Theme,
    labels: Vec<Label>,
    /// Shapes outlined on top: (shape, is the selection).
    highlights: Vec<(usize, Mark)>,
    /// Advance of each character of the label font, measured once (see `text_width`).
    widths: std::cell::RefCell<std::collections::HashMap<char, f32>>,
    label_font: std::cell::Cell<bool>,
    measure_font: std::cell::Cell<bool>,
}

/// Clears a layer unless it is blank already; it is not blank afterwards (it is drawn on).
fn clear(ctx: &CanvasRenderingContext2d, blank: &mut bool, (w, h): (usize, usize)) {
    if !std::mem::replace(blank, false) {
        ctx.clear_rect(0.0, 0.0, w as f64, h as f64);
    }
}

fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// The three canvases of the map: fills, lines and marks (see the module comment).
pub struct Layers {
    /// Fills (receives the pointer events).
    pub fills: HtmlCanvasElement,
    /// Borders.
    pub lines: HtmlCanvasElement,
    /// Highlights and labels.
    pub marks: HtmlCanvasElement,
}

impl Renderer {
    /// A renderer drawing `model` on the layers.
    pub fn new(layers: Layers, model: Arc<MapModel>, theme: Theme) -> Option<Self> {
        Some(Self {
            ctx: context_2d(&layers.fills)?,
            lines_ctx: context_2d(&layers.lines)?,
            marks_ctx: context_2d(&layers.marks)?,
            canvas: layers.fills,
            lines: layers.lines,
            marks: layers.marks,
            model,
            camera: Camera {
                zoom: 1.0,
                offset: [0.0, 0.0],
            },
            size: (0.0, 0.0),
            dpr: 1.0,
            raster: IdRaster::default(),
            mask: Vec::new(),
            pixels: Vec::new(),
            part: Vec::new(),
            composed: false,
            lines_blank: true,
            marks_blank: true,
            lut: Lut::default(),
            theme,
            labels: Vec::new(),
            highlights: Vec::new(),
            widths: std::cell::RefCell::default(),
            label_font: std::cell::Cell::new(false),
            measure_font: std::cell::Cell::new(false),
        })
    }

    /// Draws another model (the other era) in the same canvases and buffers; call
    /// [`Renderer::relayout`] next (fitting the view does).
    pub fn set_model(&mut self, model: Arc<MapModel>) {
        self.model = model;
        self.lut = Lut::default();
        self.composed = false;
        self.labels.clear();
        self.highlights.clear();
    }

    fn device_size(&self) -> (usize, usize) {
        (
            (self.size.0 * self.dpr).round().max(1.0) as usize,
            (self.size.1 * self.dpr).round().max(1.0) as usize,
        )
    }

    /// Sets the CSS size and pixel ratio; reallocates buffers. Call [`Renderer::relayout`] next.
    pub fn resize(&mut self, width: f32, height: f32, dpr: f32) {
        self.size = (width.max(1.0), height.max(1.0));
        self.dpr = dpr.clamp(1.0, 3.0);
        let (w, h) = self.device_size();
        for c in [&self.canvas, &self.lines, &self.marks] {
            c.set_width(w as u32);
            c.set_height(h as u32);
        }
        self.mask = pattern_mask(w, h, self.dpr);
        // Resizing a canvas resets its context state, the font included.
        self.label_font.set(false);
        self.measure_font.set(false);
        self.pixels = vec![0; w * h * 4];
        self.composed = false;
        self.lines_blank = true;
        self.marks_blank = true;
    }

    /// Re-rasterizes after the camera or size changed, redraws borders and marks, and presents.
    pub fn relayout(&mut self) {
        let (w, h) = self.device_size();
        let old = std::mem::take(&mut self.raster);
        self.raster = rasterize_into(&self.model, &self.camera, w, h, self.dpr, old);
        self.composed = false;
        self.draw_borders();
        self.recolour(None);
        self.draw_marks();
    }

    /// Replaces the colour table (or keeps it with `None`), recomposes pixels and presents.
    pub fn recolour(&mut self, lut: Option<Lut>) {
        let ready = self.pixels.len() == self.raster.ids.len() * 4;
        match lut {
            // A new table over the same raster: only the shapes whose colour changed.
            Some(new) if ready && self.composed => {
                let rect = recompose(&self.raster, &self.mask, &self.lut, &new, &mut self.pixels);
                self.lut = new;
                if let Some(rect) = rect {
                    self.present_rect(rect);
                }
            }
            lut => {
                if let Some(lut) = lut {
                    self.lut = lut;
                }
                // No colour table yet (a new model, laid out before its first recolour): the
                // recolour that brings the table composes, once, instead of twice.
                if ready && !self.lut.is_empty() {
                    compose(&self.raster, &self.mask, &self.lut, &mut self.pixels);
                    self.composed = true;
                    self.present();
                }
            }
        }
    }

    /// Sets the labels and highlights and redraws the marks layer (the fills are untouched).
    pub fn overlay(&mut self, labels: Vec<Label>, highlights: Vec<(usize, Mark)>) {
        if labels == self.labels && highlights == self.highlights {
            return;
        }
        self.labels = labels;
        self.highlights = highlights;
        self.draw_marks();
    }

    fn trace_arcs(&self, ctx: &CanvasRenderingContext2d, arcs: &[usize]) {
        let z = self.camera.zoom * self.dpr;
        let (ox, oy) = (
            self.camera.offset[0] * self.dpr,
            self.camera.offset[1] * self.dpr,
        );
        let (w, h) = self.device_size();
        let view = [-z.max(1.0), -z.max(1.0), w as f32 + 2.0, h as f32 + 2.0];
        ctx.begin_path();
        for &a in arcs {
            let Some(arc) = self.model.arcs.get(a) else {
                continue;
            };
            // Skip arcs wholly outside the view.
            let mut inside = false;
            for p in arc {
                let (x, y) = (p[0] * z + ox, p[1] * z + oy);
                if x >= view[0] && y >= view[1] && x <= view[2] && y <= view[3] {
                    inside = true;
                    break;
                }
            }
            if !inside && arc.len() < 64 {
                continue;
            }
            for (k, p) in arc.iter().enumerate() {
                let (x, y) = (f64::from(p[0] * z + ox), f64::from(p[1] * z + oy));
                if k == 0 {
                    ctx.move_to(x, y);
                } else {
                    ctx.line_to(x, y);
                }
            }
        }
    }

    fn draw_borders(&mut self) {
        let (w, h) = self.device_size();
        let ctx = &self.lines_ctx;
        clear(ctx, &mut self.lines_blank, (w, h));
        ctx.set_line_join("round");
        ctx.set_line_cap("round");
        let d = f64::from(self.dpr);
        // Commune borders fade in as communes grow on screen; below about 8 px they are noise
        // (and, for 10,000 communes, most of the drawing time).
        let commune_px =
            ((self.model.typical_width * self.camera.zoom - 8.0) / 16.0).clamp(0.0, 1.0);
        if commune_px > 0.05 {
            self.trace_arcs(ctx, &self.model.commune_borders);
            ctx.set_stroke_style_str(&self.theme.commune_line);
            ctx.set_line_width(1.1 * d);
            ctx.set_global_alpha(f64::from(commune_px));
            ctx.stroke();
            ctx.set_global_alpha(1.0);
        }
        self.trace_arcs(ctx, &self.model.district_borders);
        ctx.set_stroke_style_str(&self.theme.district_line);
        ctx.set_line_width(1.6 * d);
        ctx.stroke();
        self.trace_arcs(ctx, &self.model.province_borders);
        ctx.set_stroke_style_str(&self.theme.province_line);
        ctx.set_line_width(2.4 * d);
        ctx.stroke();
    }

    fn trace_shape(&self, shape: usize) {
        let Some(s) = self.model.shapes.get(shape) else {
            return;
        };
        let z = self.camera.zoom * self.dpr;
        let (ox, oy) = (
            self.camera.offset[0] * self.dpr,
            self.camera.offset[1] * self.dpr,
        );
        let ctx = &self.marks_ctx;
        ctx.begin_path();
        for ring in &s.rings {
            for (k, p) in ring.iter().enumerate() {
                let (x, y) = (f64::from(p[0] * z + ox), f64::from(p[1] * z + oy));
                if k == 0 {
                    ctx.move_to(x, y);
                } else {
                    ctx.line_to(x, y);
                }
            }
            ctx.close_path();
        }
    }

    /// Draws the composed fills.
    pub fn present(&self) {
        let (w, h) = self.device_size();
        if self.pixels.len() != w * h * 4 {
            return;
        }
        if let Ok(image) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
            Clamped(&self.pixels),
            w as u32,
            h as u32,
        ) {
            let _ = self.ctx.put_image_data(&image, 0.0, 0.0);
        }
    }

    /// Draws a rectangle of the composed fills (a year change: the communes that changed).
    fn present_rect(&mut self, [x, y, w, h]: PixelRect) {
        let (width, height) = self.device_size();
        if self.pixels.len() != width * height * 4 || x + w > width || y + h > height {
            return;
        }
        if w * h * 2 > width * height {
            self.present();
            return;
        }
        let part = &mut self.part;
        part.clear();
        for row in y..y + h {
            let at = (row * width + x) * 4;
            part.extend_from_slice(&self.pixels[at..at + w * 4]);
        }
        if let Ok(image) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
            Clamped(&part[..]),
            w as u32,
            h as u32,
        ) {
            let _ = self.ctx.put_image_data(&image, x as f64, y as f64);
        }
    }

    /// Draws the highlights and labels on the marks layer.
    fn draw_marks(&mut self) {
        let (w, h) = self.device_size();
        clear(&self.marks_ctx, &mut self.marks_blank, (w, h));
        let ctx = &self.marks_ctx;
        let d = f64::from(self.dpr);
        for &(shape, mark) in &self.highlights {
            self.trace_shape(shape);
            ctx.set_line_join("round");
            if mark != Mark::Hover {
                // A halo under the line: it stands out on any fill and border (a tryout found
                // a thin line alone hard to see).
                ctx.set_stroke_style_str(&self.theme.halo);
                ctx.set_line_width(7.0 * d);
                ctx.stroke();
            }
            let (colour, width) = match mark {
                Mark::Hover => (&self.theme.label, 2.0),
                Mark::Cursor => (&self.theme.cursor, 3.0),
                Mark::Selected => (&self.theme.selection, 3.5),
            };
            if mark == Mark::Cursor {
                let dash = js_sys::Array::of2(&(6.0 * d).into(), &(4.0 * d).into());
                let _ = ctx.set_line_dash(&dash);
            }
            ctx.set_stroke_style_str(colour);
            ctx.set_line_width(width * d);
            ctx.stroke();
            if mark == Mark::Cursor {
                let _ = ctx.set_line_dash(&js_sys::Array::new());
            }
        }
        if !self.labels.is_empty() {
            // Setting a font parses it: once per canvas size, not on every frame.
            if !self.label_font.replace(true) {
                ctx.set_font(&format!(
                    "600 {}px system-ui, Roboto, 'Noto Sans', sans-serif",
                    (13.0 * d).round()
                ));
            }
            ctx.set_text_align("center");
            ctx.set_text_baseline("middle");
            ctx.set_line_join("round");
            ctx.set_line_width(3.5 * d);
            ctx.set_stroke_style_str(&self.theme.halo);
            ctx.set_fill_style_str(&self.theme.label);
            for l in &self.labels {
                let p = self.camera.to_screen(l.at);
                let (x, y) = (f64::from(p[0]) * d, f64::from(p[1]) * d);
                let _ = ctx.stroke_text(&l.text, x, y);
                let _ = ctx.fill_text(&l.text, x, y);
            }
        }
    }

    /// The shape under a CSS-pixel point of the canvas.
    pub fn hit(&self, x: f32, y: f32) -> Option<usize> {
        if x < 0.0 || y < 0.0 {
            return None;
        }
        self.raster
            .at((x * self.dpr) as usize, (y * self.dpr) as usize)
    }

    /// The communes within `radius` CSS pixels of a point, nearest first (at most four).
    pub fn near(&self, x: f32, y: f32, radius: f32) -> Vec<usize> {
        if x < 0.0 || y < 0.0 {
            return Vec::new();
        }
        self.raster.near(
            (x * self.dpr) as usize,
            (y * self.dpr) as usize,
            (radius * self.dpr).round() as usize,
            4,
        )
    }

    /// The width of a label in CSS pixels with the label font: the sum of its characters'
    /// advances, each measured once. Placing labels needs a width for every candidate name
    /// (hundreds on the national map); names share a few dozen letters, so this asks the
    /// canvas about those instead of every name. Kerning only narrows a name, so the sum
    /// never lets two labels overlap.
    pub fn text_width(&self, text: &str) -> f32 {
        let mut widths = self.widths.borrow_mut();
        text.chars()
            .map(|c| {
                *widths.entry(c).or_insert_with(|| {
                    // Measured on the lines canvas, whose font is set once per size; the marks
                    // canvas keeps the label font scaled for the pixel ratio.
                    if !self.measure_font.replace(true) {
                        self.lines_ctx
                            .set_font("600 13px system-ui, Roboto, 'Noto Sans', sans-serif");
                    }
                    let mut buf = [0u8; 4];
                    self.lines_ctx
                        .measure_text(c.encode_utf8(&mut buf))
                        .map_or(7.0, |m| m.width() as f32)
                })
            })
            .sum()
    }

    /// The map as drawn, its three layers flattened into one canvas (for a picture to
    /// download).
    pub fn flatten(&self) -> Option<HtmlCanvasElement> {
        let flat: HtmlCanvasElement = web_sys::window()?
            .document()?
            .create_element("canvas")
            .ok()?
            .dyn_into()
            .ok()?;
        flat.set_width(self.canvas.width());
        flat.set_height(self.canvas.height());
        let ctx = context_2d(&flat)?;
        for layer in [&self.canvas, &self.lines, &self.marks] {
            ctx.draw_image_with_html_canvas_element(layer, 0.0, 0.0)
                .ok()?;
        }
        Some(flat)
    }
}
