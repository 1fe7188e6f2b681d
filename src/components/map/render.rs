//! The map's canvas renderer. Imperative on purpose: it owns the pixel buffers and is driven
//! by the map component's effects.
//!
//! Layers, bottom to top: commune fills (ids from `ntm_core::map::rasterize`, coloured through
//! a lookup table), borders (an offscreen canvas redrawn only when the view moves), labels,
//! and the highlight of the hovered, active and selected communes.

use std::sync::Arc;

use ntm_core::map::{Camera, IdRaster, Lut, MapModel, Overlay, compose, pattern_mask, rasterize};
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
            }
        } else {
            Self {
                commune_line: "rgba(255,255,255,0.9)".into(),
                district_line: "#3b4540".into(),
                province_line: "#111614".into(),
                label: "#111614".into(),
                halo: "rgba(255,255,255,0.9)".into(),
                selection: "#d81b60".into(),
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
    borders: HtmlCanvasElement,
    borders_ctx: CanvasRenderingContext2d,
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
    /// The frame: fills composed through the colour table, with the borders blended in.
    pixels: Vec<u8>,
    /// The borders of the current view, read back once per view.
    borders_layer: Overlay,
    lut: Lut,
    /// Theme colours.
    pub theme: Theme,
    labels: Vec<Label>,
    /// Shapes outlined on top: (shape, is the selection).
    highlights: Vec<(usize, bool)>,
    widths: std::cell::RefCell<std::collections::HashMap<String, f32>>,
    label_font: std::cell::Cell<bool>,
    measure_font: std::cell::Cell<bool>,
}

fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// A 2D context that is read back often (the borders layer): kept in CPU memory.
fn readable_context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into());
    canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

impl Renderer {
    /// A renderer drawing `model` on `canvas`.
    pub fn new(canvas: HtmlCanvasElement, model: Arc<MapModel>, theme: Theme) -> Option<Self> {
        let ctx = context_2d(&canvas)?;
        let borders: HtmlCanvasElement = web_sys::window()?
            .document()?
            .create_element("canvas")
            .ok()?
            .dyn_into()
            .ok()?;
        let borders_ctx = readable_context_2d(&borders)?;
        Some(Self {
            canvas,
            ctx,
            borders,
            borders_ctx,
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
            borders_layer: Overlay::default(),
            lut: Lut::default(),
            theme,
            labels: Vec::new(),
            highlights: Vec::new(),
            widths: std::cell::RefCell::default(),
            label_font: std::cell::Cell::new(false),
            measure_font: std::cell::Cell::new(false),
        })
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
        for c in [&self.canvas, &self.borders] {
            c.set_width(w as u32);
            c.set_height(h as u32);
        }
        self.mask = pattern_mask(w, h, self.dpr);
        // Resizing a canvas resets its context state, the font included.
        self.label_font.set(false);
        self.measure_font.set(false);
        self.pixels = vec![0; w * h * 4];
    }

    /// Re-rasterizes after the camera or size changed, redraws borders, and presents.
    pub fn relayout(&mut self) {
        let (w, h) = self.device_size();
        self.raster = rasterize(&self.model, &self.camera, w, h, self.dpr);
        self.draw_borders();
        self.recolour(None);
    }

    /// Replaces the colour table (or keeps it with `None`), recomposes pixels and presents.
    pub fn recolour(&mut self, lut: Option<Lut>) {
        if let Some(lut) = lut {
            self.lut = lut;
        }
        if self.pixels.len() != self.raster.ids.len() * 4 {
            return;
        }
        compose(&self.raster, &self.mask, &self.lut, &mut self.pixels);
        self.borders_layer.blend_onto(&mut self.pixels);
        self.present();
    }

    /// Sets the labels and highlights and presents (cheap: no recomposition).
    pub fn overlay(&mut self, labels: Vec<Label>, highlights: Vec<(usize, bool)>) {
        self.labels = labels;
        self.highlights = highlights;
        self.present();
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
        let ctx = &self.borders_ctx;
        ctx.clear_rect(0.0, 0.0, w as f64, h as f64);
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
        self.borders_layer = ctx
            .get_image_data(0.0, 0.0, w as f64, h as f64)
            .map(|img| Overlay::from_rgba(&img.data()))
            .unwrap_or_default();
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
        self.ctx.begin_path();
        for ring in &s.rings {
            for (k, p) in ring.iter().enumerate() {
                let (x, y) = (f64::from(p[0] * z + ox), f64::from(p[1] * z + oy));
                if k == 0 {
                    self.ctx.move_to(x, y);
                } else {
                    self.ctx.line_to(x, y);
                }
            }
            self.ctx.close_path();
        }
    }

    /// Draws the composed pixels, borders, labels and highlights.
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
        let d = f64::from(self.dpr);
        for &(shape, selected) in &self.highlights {
            self.trace_shape(shape);
            self.ctx.set_line_join("round");
            self.ctx.set_stroke_style_str(if selected {
                &self.theme.selection
            } else {
                &self.theme.label
            });
            self.ctx
                .set_line_width(if selected { 3.5 * d } else { 2.0 * d });
            self.ctx.stroke();
        }
        if !self.labels.is_empty() {
            let ctx = &self.ctx;
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

    /// Measures text width in CSS pixels with the label font.
    pub fn text_width(&self, text: &str) -> f32 {
        if let Some(&w) = self.widths.borrow().get(text) {
            return w;
        }
        // Measured on the borders canvas, whose font is set once per size; the visible canvas
        // keeps the label font scaled for the pixel ratio.
        if !self.measure_font.replace(true) {
            self.borders_ctx
                .set_font("600 13px system-ui, Roboto, 'Noto Sans', sans-serif");
        }
        let w = self
            .borders_ctx
            .measure_text(text)
            .map_or(text.len() as f32 * 7.0, |m| m.width() as f32);
        self.widths.borrow_mut().insert(text.to_owned(), w);
        w
    }

    /// The canvas as a PNG data URL (for the download button).
    pub fn to_png(&self) -> Option<String> {
        self.canvas.to_data_url().ok()
    }
}
