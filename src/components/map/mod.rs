//! The interactive choropleth: communes coloured by tier (or criteria met, or year reached) on
//! the selected date, with pan and zoom by wheel, drag, pinch, buttons and keys, hover and tap
//! tooltips, keyboard navigation between communes, and a screen-reader layer.

mod render;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::index::{DatasetIndex, Status};
use ntm_core::map::{Camera, LabelBox, Lut, MapModel, status_lut};
use ntm_core::names;
use ntm_core::palette::{Pattern, Rgb, sequential};
use ntm_core::text::fold;
use ntm_core::view::Colouring;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::browser::{device_pixel_ratio, prefers_dark};
use crate::state::{AppState, GeoState, History, Shared, use_app};
pub use render::{Label, Layers, Renderer, Theme};

/// Statuses per date, for one dataset and map model.
#[derive(Default)]
struct StatusCache {
    from: Option<(std::sync::Arc<DatasetIndex>, std::sync::Arc<MapModel>)>,
    dates: HashMap<ntm_core::date::Date, Vec<Status>>,
}

/// The shared map state other components (legend, controls) read.
#[derive(Clone, Copy)]
pub struct MapContext {
    /// The map model of the current era, when loaded.
    pub model: Memo<Option<Shared<MapModel>>>,
    /// Status per shape on the current date.
    pub statuses: Memo<Vec<Status>>,
    /// The communes in view per status, counted once each (the legend's counts, and the key
    /// of a map picture).
    pub counts: Memo<Vec<(Status, usize)>>,
    /// A status the legend highlights (the others fade).
    pub highlight: RwSignal<Option<Status>>,
    /// Incremented to reset the view to the scope.
    pub reset: RwSignal<u32>,
    /// Bumped to show the selected commune: the map zooms in on it and, on a phone, opens
    /// the callout a tap would (a pick in the search box).
    pub reveal: RwSignal<u32>,
    /// A picture of the map to download is asked for (the button under the map).
    pub picture: RwSignal<bool>,
    /// Whether the map can zoom further (in, out): the buttons say so at a limit.
    pub zoom_room: RwSignal<(bool, bool)>,
    /// Zoom requests from the buttons: factor.
    pub zoom: RwSignal<Option<f32>>,
}

/// Builds the map context: provided by the page so the legend and the map share it.
pub fn provide_map_context(app: AppState) -> MapContext {
    let model = Memo::new(move |_| {
        let request = app.geo_request()?;
        match app.geo.with(|g| g.get(&request).cloned())? {
            GeoState::Ready { model, .. } => Some(Shared(model)),
            _ => None,
        }
    });
    // The statuses of each date are kept for the model and dataset they were computed from
    // (held here, so compared by identity): stepping back and forth through the years, or
    // playing them, asks the index once per date.
    let cache = StoredValue::new_local(StatusCache::default());
    let statuses = Memo::new(move |_| {
        let (Some(index), Some(model), Some(r)) = (app.index(), model.get(), app.resolved()) else {
            return Vec::new();
        };
        cache
            .try_update_value(|c| {
                let same = c.from.as_ref().is_some_and(|(i, m)| {
                    std::sync::Arc::ptr_eq(i, &index) && std::sync::Arc::ptr_eq(m, &model.0)
                });
                if !same {
                    c.from = Some((index.clone(), model.0.clone()));
                    c.dates.clear();
                }
                c.dates
                    .entry(r.step.date)
                    .or_insert_with(|| {
                        model
                            .shapes
                            .iter()
                            .map(|s| index.status(s.unit, r.step.date))
                            .collect()
                    })
                    .clone()
            })
            .unwrap_or_default()
    });
    let counts = Memo::new(move |_| {
        let statuses = statuses.get();
        let model = model.get();
        let index = app.index();
        let scope = app.resolved().and_then(|r| r.scope);
        let mut counts: Vec<(Status, usize)> = Status::LEGEND.iter().map(|&s| (s, 0)).collect();
        if let (Some(model), Some(index)) = (model, index) {
            for (shape, status) in model.shapes.iter().zip(&statuses) {
                if scope.is_some_and(|sc| !index.within(shape.unit, sc)) {
                    continue;
                }
                if let Some(c) = counts.iter_mut().find(|(s, _)| s == status) {
                    c.1 += 1;
                }
            }
        }
        counts
    });
    let ctx = MapContext {
        model,
        statuses,
        counts,
        highlight: RwSignal::new(None),
        reset: RwSignal::new(0),
        reveal: RwSignal::new(0),
        picture: RwSignal::new(false),
        zoom_room: RwSignal::new((true, true)),
        zoom: RwSignal::new(None),
    };
    provide_context(ctx);
    ctx
}

/// The map context from the page.
pub fn use_map() -> MapContext {
    expect_context::<MapContext>()
}

/// The strips of the stage kept clear when the view is fitted, so no commune of the scope
/// starts hidden under a note (CSS pixels, top and bottom): at the bottom the "approximate
/// boundaries" note, at the top after the reform the badge saying why the new communes have
/// no tier. Both wrap to more lines on a phone.
fn note_strips(width: f32, era: ntm_core::model::Era) -> (f32, f32) {
    let narrow = width < 480.0;
    let top = match (era, narrow) {
        (ntm_core::model::Era::Pre2025, _) => 0.0,
        (_, false) => 36.0,
        (_, true) => 54.0,
    };
    (top, if narrow { 64.0 } else { 36.0 })
}

/// The colour of each shape for a colouring.
fn colour_table(
    index: &DatasetIndex,
    model: &MapModel,
    statuses: &[Status],
    colouring: Colouring,
    at: ntm_core::date::Date,
    highlight: Option<Status>,
    scope: Option<usize>,
) -> Lut {
    let mut lut = match colouring {
        Colouring::Tier => status_lut(statuses),
        Colouring::Criteria => {
            let mut lut = status_lut(statuses);
            // A commune without an assessment has no count to show: grey, as "no data",
            // never its tier colour (which the ramp's greens would be confused with).
            let none = ntm_core::palette::status_paint(Status::NoData);
            for (i, s) in model.shapes.iter().enumerate() {
                if let Some(a) = index.assessment_at(s.unit, at) {
                    let n = index
                        .criteria_set(&a.set)
                        .map_or(19, |set| set.criteria.len());
                    let c = sequential(a.met_count(), n + 1);
                    lut.set(i, c, Pattern::None, c);
                } else if statuses.get(i).is_some_and(|st| st.is_assessable()) {
                    lut.set(i, none.fill, none.pattern, none.ink);
                }
            }
            lut
        }
        Colouring::Year => {
            let mut lut = status_lut(statuses);
            // The legend's range (`DatasetIndex::standard_years`): one colour per year.
            let (first, last) = index.standard_years(at);
            let first = first.year;
            let span = usize::from(last - first) + 1;
            for (i, s) in model.shapes.iter().enumerate() {
                if let Some(y) = index.first_year_at(s.unit, ntm_core::model::Tier::Standard, at) {
                    let c = sequential(usize::from(y.saturating_sub(first)), span);
                    lut.set(i, c, Pattern::None, c);
                }
            }
            lut
        }
    };
    if scope.is_none() && highlight.is_none() {
        return lut;
    }
    let fade = if prefers_dark() {
        Rgb(0x1c, 0x22, 0x20)
    } else {
        Rgb(0xf6, 0xf7, 0xf4)
    };
    for (i, s) in model.shapes.iter().enumerate() {
        let outside = scope.is_some_and(|sc| !index.within(s.unit, sc));
        let dimmed = highlight.is_some_and(|h| statuses.get(i) != Some(&h));
        if outside || dimmed {
            lut.dim(i, fade, 0.75);
        }
    }
    lut
}

/// Gesture state between pointer events.
#[derive(Default)]
struct Gesture {
    pointers: HashMap<i32, (f32, f32)>,
    start: HashMap<i32, (f32, f32)>,
    moved: f32,
    /// Preview transform: scale and translation (CSS pixels), applied as a CSS transform until
    /// the gesture ends and the map is redrawn.
    scale: f32,
    translate: (f32, f32),
    pinch0: Option<(f32, (f32, f32))>,
    wheel_timer: Option<TimeoutHandle>,
    /// Where a one-finger touch started (client pixels): a swipe from there scrolls the page,
    /// and the map says to use two fingers.
    touch_start: Option<(i32, i32)>,
    hint_timer: Option<TimeoutHandle>,
}

/// Applies the preview transform to the map's canvases (the fills and the layers over them).
fn set_preview(layers: [NodeRef<html::Canvas>; 3], g: &Gesture) {
    let transform = ((g.scale - 1.0).abs() >= 1e-4 || g.translate != (0.0, 0.0)).then(|| {
        format!(
            "translate({}px, {}px) scale({})",
            g.translate.0, g.translate.1, g.scale
        )
    });
    for canvas in layers.iter().filter_map(NodeRef::get_untracked) {
        let style = web_sys::HtmlElement::style(&canvas);
        let _ = match &transform {
            Some(t) => style.set_property("transform", t),
            None => style.remove_property("transform").map(|_| ()),
        };
    }
}

/// The camera after a preview transform `screen' = s * screen + t`.
fn commit(camera: Camera, scale: f32, t: (f32, f32), min: f32, max: f32) -> Camera {
    let s = (camera.zoom * scale).clamp(min, max) / camera.zoom;
    Camera {
        zoom: camera.zoom * s,
        offset: [camera.offset[0] * s + t.0, camera.offset[1] * s + t.1],
    }
}

/// The map.
#[component]
pub fn MapView() -> impl IntoView {
    let app = use_app();
    let map = use_map();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let lines_ref = NodeRef::<html::Canvas>::new();
    let marks_ref = NodeRef::<html::Canvas>::new();
    let layers = [canvas_ref, lines_ref, marks_ref];
    let stage_ref = NodeRef::<html::Div>::new();
    let renderer: Rc<RefCell<Option<Renderer>>> = Rc::new(RefCell::new(None));
    let gesture: Rc<RefCell<Gesture>> = Rc::new(RefCell::new(Gesture {
        scale: 1.0,
        ..Gesture::default()
    }));
    let hover = RwSignal::new(None::<usize>);
    let active = RwSignal::new(None::<usize>);
    let pointer = RwSignal::new(None::<(f32, f32)>);
    // Where a click or tap selected, on the map (world units): its callout follows the commune
    // when the view then moves (buttons, keys, wheel), instead of staying on the screen.
    let pointer_world = StoredValue::new(None::<(usize, [f32; 2])>);
    // The selection was made by a tap: its callout has a button to the card below the map.
    let tapped = RwSignal::new(false);
    // The communes under the fingertip of the last tap, nearest first: a commune 15 px wide
    // is easy to miss, so the callout offers the others there.
    let under_finger = RwSignal::new(Vec::<usize>::new());
    // Opens the callout a tap on a commune gives, pointing at `at` on the screen (its world
    // point `world`, so it follows the map).
    let open_callout = move |shape: usize, world: [f32; 2], at: [f32; 2]| {
        under_finger.set(Vec::new());
        tapped.set(true);
        pointer.set(Some((at[0], at[1])));
        pointer_world.set_value(Some((shape, world)));
    };
    // A hint shown for a moment: "use two fingers" after a one-finger swipe (which scrolls the
    // page), "hold Ctrl" after the wheel over an embedded map (which scrolls the article).
    let gesture_hint = RwSignal::new(None::<Msg>);
    // What was typed on the map when no commune's name starts with it (said, then cleared).
    let no_match = RwSignal::new(None::<String>);
    let camera_moved = RwSignal::new(0u32);
    // Where the active commune is on screen (CSS pixels in the stage) and the zoom: exposed as
    // data attributes so tests and assistive tools can find things on the canvas.
    let active_screen = RwSignal::new(None::<[f32; 2]>);
    let zoom_level = RwSignal::new(0f32);
    // The names written on the map, for tests and tools (`data-labels` on the stage).
    let label_texts = RwSignal::new(String::new());
    // Whether the labels have been drawn once (the first time waits a task).
    let labelled = StoredValue::new(false);
    // Bumped when a renderer is (re)created, so the colour and overlay effects run for it.
    let generation = RwSignal::new(0u32);
    // Until the reader pans or zooms, the view keeps fitting the scope as the stage resizes.
    let user_moved = StoredValue::new(false);
    let size = RwSignal::new((0f32, 0f32));
    let typed = StoredValue::new((String::new(), 0f64));

    // An old commune selected after the reform is outlined as the new commune it went into
    // (where it went is what a reader looks for).
    let selected_shape = Memo::new(move |_| {
        let model = map.model.get()?;
        let unit = app.resolved()?.unit?;
        model.shape_of(unit).or_else(|| {
            let index = app.index()?;
            index
                .successors(unit)
                .iter()
                .find_map(|&(s, _)| model.shape_of(s))
        })
    });
    let scope = Memo::new(move |_| app.resolved().and_then(|r| r.scope));

    // Fit the camera to the scope.
    let fit_view = {
        let renderer = renderer.clone();
        move || {
            let Some(index) = app.index() else { return };
            let mut guard = renderer.borrow_mut();
            let Some(r) = guard.as_mut() else { return };
            let bbox = r.model.bbox_of_scope(&index, scope.get_untracked());
            let (top, bottom) = note_strips(r.size.0, r.model.era);
            let height = r.size.1 - top - bottom;
            if height > r.size.1 / 2.0 {
                // The locator inset (style/main.css: 100 × 160 px from 600 px wide, else
                // 76 × 122, 8 px from the corner, padding and border included) takes the
                // bottom-right corner; the note strip already keeps `bottom` of it clear.
                let (w, h) = if r.size.0 >= 580.0 {
                    (100.0, 160.0)
                } else {
                    (76.0, 122.0)
                };
                let corner = [w + 16.0, (h + 16.0 - bottom).max(0.0)];
                r.camera = Camera::fit_beside(bbox, r.size.0, height, 12.0, corner).pan(0.0, top);
            } else {
                r.camera = Camera::fit(bbox, r.size.0, r.size.1, 12.0);
            }
            r.relayout();
            drop(guard);
            camera_moved.update(|n| *n += 1);
        }
    };

    // Create or replace the renderer when the model (era) changes.
    {
        let renderer = renderer.clone();
        let fit_view = fit_view.clone();
        Effect::new(move |_| {
            let model = map.model.get();
            let (Some(fills), Some(lines), Some(marks)) =
                (canvas_ref.get(), lines_ref.get(), marks_ref.get())
            else {
                return;
            };
            let Some(model) = model else {
                *renderer.borrow_mut() = None;
                return;
            };
            // Crossing the reform with both eras loaded: the same renderer draws the other
            // era's model in the buffers it has.
            let swapped = match renderer.borrow_mut().as_mut() {
                Some(r) => {
                    r.set_model(model.0.clone());
                    true
                }
                None => false,
            };
            if !swapped {
                let (w, h) = size.get_untracked();
                let layers = Layers {
                    fills,
                    lines,
                    marks,
                };
                let Some(mut r) = Renderer::new(layers, model.0, Theme::new(prefers_dark())) else {
                    return;
                };
                if w > 0.0 {
                    r.resize(w, h, device_pixel_ratio());
                }
                *renderer.borrow_mut() = Some(r);
            }
            fit_view();
            generation.update(|n| *n += 1);
        });
    }

    // Follow the stage's size.
    {
        let renderer = renderer.clone();
        let fit_view = fit_view.clone();
        Effect::new(move |_| {
            let Some(stage) = stage_ref.get() else { return };
            let renderer = renderer.clone();
            let fit_view = fit_view.clone();
            // The observer outlives nothing: once the map is gone (its signals disposed), the
            // first callback disconnects it.
            let observer: Rc<RefCell<Option<web_sys::ResizeObserver>>> =
                Rc::new(RefCell::new(None));
            let observer2 = observer.clone();
            let on_resize =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
                    let (Some(current), Some(Some(stage))) =
                        (size.try_get_untracked(), stage_ref.try_get_untracked())
                    else {
                        if let Some(o) = observer2.borrow().as_ref() {
                            o.disconnect();
                        }
                        return;
                    };
                    // Laying the page out for print resizes the stage; redrawing would clear the
                    // canvas with no frame to paint it again before the page is printed. The
                    // print stylesheet scales the drawn map instead (object-fit).
                    if crate::browser::media_matches("print") {
                        return;
                    }
                    let rect = stage.get_bounding_client_rect();
                    let (w, h) = (rect.width() as f32, rect.height() as f32);
                    if (w, h) == current || w < 1.0 {
                        return;
                    }
                    let first = current.0 < 1.0;
                    size.set((w, h));
                    let had = {
                        let mut guard = renderer.borrow_mut();
                        match guard.as_mut() {
                            Some(r) => {
                                r.resize(w, h, device_pixel_ratio());
                                true
                            }
                            None => false,
                        }
                    };
                    if had {
                        if first || !user_moved.try_get_value().unwrap_or(true) {
                            fit_view();
                        } else {
                            if let Some(r) = renderer.borrow_mut().as_mut() {
                                r.relayout();
                            }
                            camera_moved.update(|n| *n += 1);
                        }
                    }
                });
            if let Ok(o) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
                o.observe(&stage);
                *observer.borrow_mut() = Some(o);
            }
            on_resize.forget();
        });
    }

    // Refit when the scope changes or the reset button is pressed.
    {
        let fit_view = fit_view.clone();
        Effect::new(move |prev: Option<(Option<usize>, u32)>| {
            let now = (scope.get(), map.reset.get());
            if prev.is_some() && prev != Some(now) {
                user_moved.set_value(false);
                fit_view();
            }
            now
        });
    }

    // Zoom buttons.
    {
        let renderer = renderer.clone();
        Effect::new(move |_| {
            let Some(factor) = map.zoom.get() else { return };
            map.zoom.set(None);
            let mut guard = renderer.borrow_mut();
            let Some(r) = guard.as_mut() else { return };
            let (min, max) = zoom_limits(r);
            // On the selected commune when it is in view (a thumb on "+" lost it off the edge
            // after two taps), else on the middle of the map.
            let centre = selected_shape
                .get_untracked()
                .and_then(|s| r.model.shapes.get(s))
                .map(|shape| r.camera.to_screen(shape.centroid))
                .filter(|p| (0.0..=r.size.0).contains(&p[0]) && (0.0..=r.size.1).contains(&p[1]))
                .unwrap_or([r.size.0 / 2.0, r.size.1 / 2.0]);
            r.camera = r.camera.zoom_at(factor, centre, min, max);
            user_moved.set_value(true);
            r.relayout();
            drop(guard);
            camera_moved.update(|n| *n += 1);
        });
    }

    // Recolour when the date, colouring, highlight or scope changes.
    {
        let renderer = renderer.clone();
        Effect::new(move |_| {
            let _ = generation.get();
            let statuses = map.statuses.get();
            let highlight = map.highlight.get();
            let colour = app.colour();
            let (Some(index), Some(r)) = (app.index(), app.resolved()) else {
                return;
            };
            let scope = scope.get();
            let _ = size.get();
            let mut guard = renderer.borrow_mut();
            let Some(rd) = guard.as_mut() else { return };
            let model = rd.model.clone();
            if statuses.len() != model.shapes.len() {
                return;
            }
            let lut = colour_table(
                &index,
                &model,
                &statuses,
                colour,
                r.step.date,
                highlight,
                scope,
            );
            rd.recolour(Some(lut));
            // The first complete frame of the map (fills and borders; the labels follow a task
            // later): the benchmark's `map-ready` mark.
            if rd.raster.width > 1 {
                crate::browser::mark_once("map-ready");
                app.first_map_settled();
            }
        });
    }

    // A selection's callout moves with the map; off the stage, it goes.
    {
        let renderer = renderer.clone();
        Effect::new(move |prev: Option<u32>| {
            let moved = camera_moved.get();
            if prev.is_none_or(|p| p == moved) || hover.get_untracked().is_some() {
                return moved;
            }
            let Some((_, world)) = pointer_world.get_value() else {
                return moved;
            };
            if pointer.get_untracked().is_none() {
                return moved;
            }
            let guard = renderer.borrow();
            let Some(r) = guard.as_ref() else {
                return moved;
            };
            let [x, y] = r.camera.to_screen(world);
            let inside = x >= 0.0 && y >= 0.0 && x <= r.size.0 && y <= r.size.1;
            pointer.set(inside.then_some((x, y)));
            moved
        });
    }

    // A selection made elsewhere (search, keys, a link) has no place where it was tapped: a
    // callout left from an earlier tap would point at the wrong commune.
    Effect::new(move |_| {
        let sel = selected_shape.get();
        if let Some((shape, _)) = pointer_world.get_value()
            && sel != Some(shape)
        {
            pointer_world.set_value(None);
            if hover.get_untracked().is_none() {
                pointer.set(None);
            }
        }
    });

    // A commune selected elsewhere (the search box, a link to a related commune) is brought
    // into view when it is off the map's screen: a pick used to leave the map where it was.
    // Only when the selection (or the renderer) changes: a reader panning away from it is not
    // pulled back.
    {
        let renderer = renderer.clone();
        Effect::new(move |prev: Option<(Option<usize>, u32)>| {
            let now = (selected_shape.get(), generation.get());
            if prev == Some(now) {
                return now;
            }
            let mut guard = renderer.borrow_mut();
            let Some(r) = guard.as_mut() else { return now };
            let Some(shape) = now.0.and_then(|s| r.model.shapes.get(s)) else {
                return now;
            };
            let c = r.camera.to_screen(shape.centroid);
            let margin = 24.0;
            if c[0] < margin
                || c[1] < margin
                || c[0] > r.size.0 - margin
                || c[1] > r.size.1 - margin
            {
                r.camera = r.camera.pan(r.size.0 / 2.0 - c[0], r.size.1 / 2.0 - c[1]);
                r.relayout();
                drop(guard);
                user_moved.set_value(true);
                camera_moved.update(|n| *n += 1);
            }
            now
        });
    }
    // A link to a commune, opened where its card is below the map (narrower than 900 px, a
    // phone): the map zooms in on the commune, as a search pick does, with the callout a tap
    // would open, naming it, its tier and the way to its card. The reader of a shared link saw
    // a province with one thin outline somewhere and had to scroll to learn which commune the
    // link was about. Once, for the map's first model only: later selections come from the
    // reader, who knows.
    {
        let done = StoredValue::new(false);
        Effect::new(move |_| {
            let sel = selected_shape.get();
            if done.get_value() || generation.get() == 0 {
                return;
            }
            done.set_value(true);
            if sel.is_some() && crate::browser::card_below_map() {
                map.reveal.update(|n| *n += 1);
            }
        });
    }
    // A commune picked in the search box is shown: the map zooms in on it, its neighbours
    // round it, and on a phone opens the callout a tap would. A pick used to leave a phone's
    // map at the whole province, the commune a thin outline the reader had to find, while the
    // page jumped to the card below. It waits for the commune's map (a pick in the other era
    // swaps the map first); it never zooms out.
    {
        let renderer = renderer.clone();
        let pending = StoredValue::new(false);
        Effect::new(move |prev: Option<u32>| {
            let asked = map.reveal.get();
            let sel = selected_shape.get();
            let _ = generation.get();
            // Not before the stage has its size: its first size refits the whole map, which
            // undid a reveal made before it (a shared link on a busy phone).
            let sized = size.get().0 >= 1.0;
            if prev.is_some_and(|p| p != asked) {
                pending.set_value(true);
            }
            if !pending.get_value() || !sized {
                return asked;
            }
            let mut guard = renderer.borrow_mut();
            let Some(r) = guard.as_mut() else {
                return asked;
            };
            let Some((shape, bbox, centroid)) =
                sel.and_then(|s| r.model.shapes.get(s).map(|sh| (s, sh.bbox, sh.centroid)))
            else {
                return asked;
            };
            pending.set_value(false);
            let (_, max) = zoom_limits(r);
            let (top, bottom) = note_strips(r.size.0, r.model.era);
            let camera = reveal_camera(r.camera, bbox, centroid, r.size, (top, bottom), max);
            r.camera = camera;
            r.relayout();
            let at = r.camera.to_screen(centroid);
            drop(guard);
            user_moved.set_value(true);
            camera_moved.update(|n| *n += 1);
            if crate::browser::card_below_map() {
                open_callout(shape, centroid, at);
            }
            asked
        });
    }
    // Where the selected commune is on the map's screen, for tests and tools.
    let outlined_at = RwSignal::new(None::<String>);
    {
        let renderer = renderer.clone();
        Effect::new(move |_| {
            let _ = camera_moved.get();
            let at = selected_shape.get().and_then(|sel| {
                let guard = renderer.borrow();
                let r = guard.as_ref()?;
                let c = r.camera.to_screen(r.model.shapes.get(sel)?.centroid);
                Some(format!("{:.0},{:.0}", c[0], c[1]))
            });
            if outlined_at.get_untracked() != at {
                outlined_at.set(at);
            }
        });
    }

    // Whether the buttons can zoom further in or out: at a limit the button says so.
    {
        let renderer = renderer.clone();
        Effect::new(move |_| {
            let zoom = zoom_level.get();
            let guard = renderer.borrow();
            let Some(r) = guard.as_ref() else { return };
            let (min, max) = zoom_limits(r);
            let room = (zoom < max * 0.99, zoom > min * 1.01);
            if map.zoom_room.get_untracked() != room {
                map.zoom_room.set(room);
            }
        });
    }

    // Labels and highlights.
    {
        let renderer = renderer.clone();
        Effect::new(move |_| {
            let _ = camera_moved.get();
            let lang = app.lang();
            let hovered = hover.get();
            let act = active.get();
            let sel = selected_shape.get();
            let Some(index) = app.index() else { return };
            if renderer.borrow().is_none() {
                return;
            }
            // The map's first frame (fills and borders) is a task of its own; measuring and
            // placing the labels comes in the next one, so neither blocks input for long.
            if labelled.get_value() {
                let mut guard = renderer.borrow_mut();
                let Some(r) = guard.as_mut() else { return };
                draw_overlay(
                    r,
                    &index,
                    lang,
                    scope.get_untracked(),
                    (hovered, act, sel),
                    active_screen,
                    (zoom_level, label_texts),
                );
                return;
            }
            labelled.set_value(true);
            // By then the pointer, the keys or the selection may have moved on (a later run
            // drew them at once): the deferred drawing takes what they are then.
            let renderer = renderer.clone();
            leptos::prelude::set_timeout(
                move || {
                    let now = (
                        hover.try_get_untracked().flatten(),
                        active.try_get_untracked().flatten(),
                        selected_shape.try_get_untracked().flatten(),
                    );
                    let mut guard = renderer.borrow_mut();
                    let Some(r) = guard.as_mut() else { return };
                    draw_overlay(
                        r,
                        &index,
                        lang,
                        scope.try_get_untracked().flatten(),
                        now,
                        active_screen,
                        (zoom_level, label_texts),
                    );
                },
                std::time::Duration::ZERO,
            );
        });
    }

    // Pointer input.
    let on_pointer_down = {
        let gesture = gesture.clone();
        move |ev: web_sys::PointerEvent| {
            let Some(canvas) = canvas_ref.get_untracked() else {
                return;
            };
            let _ = canvas.set_pointer_capture(ev.pointer_id());
            let (x, y) = (ev.offset_x() as f32, ev.offset_y() as f32);
            let mut g = gesture.borrow_mut();
            if g.pointers.is_empty() {
                g.moved = 0.0;
                g.scale = 1.0;
                g.translate = (0.0, 0.0);
                g.start.clear();
            }
            g.pointers.insert(ev.pointer_id(), (x, y));
            g.start.insert(ev.pointer_id(), (x, y));
            if g.pointers.len() == 2 {
                let pts: Vec<(f32, f32)> = g.pointers.values().copied().collect();
                let d = ((pts[0].0 - pts[1].0).hypot(pts[0].1 - pts[1].1)).max(1.0);
                let c = (
                    f32::midpoint(pts[0].0, pts[1].0),
                    f32::midpoint(pts[0].1, pts[1].1),
                );
                let (s, t) = (g.scale, g.translate);
                // Pinch continues from the current preview.
                g.pinch0 = Some((d / s, ((c.0 - t.0) / s, (c.1 - t.1) / s)));
            }
        }
    };
    let on_pointer_move = {
        let gesture = gesture.clone();
        let renderer = renderer.clone();
        move |ev: web_sys::PointerEvent| {
            let (x, y) = (ev.offset_x() as f32, ev.offset_y() as f32);
            let mut g = gesture.borrow_mut();
            if !g.pointers.contains_key(&ev.pointer_id()) {
                drop(g);
                if ev.pointer_type() == "mouse" {
                    let hit = renderer.borrow().as_ref().and_then(|r| r.hit(x, y));
                    if hover.get_untracked() != hit {
                        hover.set(hit);
                    }
                    pointer.set(hit.map(|_| (x, y)));
                }
                return;
            }
            let prev = g.pointers.insert(ev.pointer_id(), (x, y)).unwrap_or((x, y));
            g.moved += (x - prev.0).abs() + (y - prev.1).abs();
            // One finger scrolls the page (the browser takes the swipe: `touch-action`), so a
            // map in a phone's screen is no trap; two fingers move and zoom the map.
            let one_finger = g.pointers.len() == 1 && ev.pointer_type() == "touch";
            if one_finger {
                return;
            }
            if g.pointers.len() >= 2 {
                if let Some((d0, c0)) = g.pinch0 {
                    let pts: Vec<(f32, f32)> = g.pointers.values().copied().collect();
                    let d = ((pts[0].0 - pts[1].0).hypot(pts[0].1 - pts[1].1)).max(1.0);
                    let c = (
                        f32::midpoint(pts[0].0, pts[1].0),
                        f32::midpoint(pts[0].1, pts[1].1),
                    );
                    let s = d / d0;
                    g.scale = s;
                    g.translate = (c.0 - s * c0.0, c.1 - s * c0.1);
                }
            } else {
                g.translate.0 += x - prev.0;
                g.translate.1 += y - prev.1;
            }
            if g.moved > 4.0 {
                hover.set(None);
                pointer.set(None);
                set_preview(layers, &g);
            }
        }
    };
    let end_gesture = {
        let gesture = gesture.clone();
        let renderer = renderer.clone();
        move |ev: web_sys::PointerEvent, cancelled: bool| {
            let (x, y) = (ev.offset_x() as f32, ev.offset_y() as f32);
            let mut g = gesture.borrow_mut();
            if g.pointers.remove(&ev.pointer_id()).is_none() {
                return;
            }
            if g.pointers.len() == 1 {
                g.pinch0 = None;
                return;
            }
            if !g.pointers.is_empty() {
                return;
            }
            let tap = g.moved <= 8.0 && !cancelled;
            let (scale, translate) = (g.scale, g.translate);
            g.scale = 1.0;
            g.translate = (0.0, 0.0);
            set_preview(layers, &g);
            drop(g);
            if tap {
                let touch = ev.pointer_type() != "mouse";
                let (hit, world, near) =
                    renderer
                        .borrow()
                        .as_ref()
                        .map_or((None, None, Vec::new()), |r| {
                            let near = if touch {
                                r.near(x, y, FINGERTIP)
                            } else {
                                Vec::new()
                            };
                            (r.hit(x, y), Some(r.camera.to_world([x, y])), near)
                        });
                select_shape(app, map, hit);
                under_finger.set(if hit.is_some() { near } else { Vec::new() });
                tapped.set(touch);
                pointer.set(hit.map(|_| (x, y)));
                pointer_world.set_value(hit.zip(world));
                return;
            }
            if (scale - 1.0).abs() < 1e-4 && translate.0.abs() + translate.1.abs() < 0.5 {
                // A swipe the browser took to scroll the page: the map did not move.
                return;
            }
            let mut guard = renderer.borrow_mut();
            if let Some(r) = guard.as_mut() {
                let (min, max) = zoom_limits(r);
                r.camera = commit(r.camera, scale, translate, min, max).clamp_to(
                    r.model.bbox,
                    r.size.0,
                    r.size.1,
                );
                r.relayout();
                user_moved.set_value(true);
            }
            drop(guard);
            camera_moved.update(|n| *n += 1);
        }
    };
    let on_pointer_up = {
        let end = end_gesture.clone();
        move |ev: web_sys::PointerEvent| end(ev, false)
    };
    let on_pointer_cancel = move |ev: web_sys::PointerEvent| end_gesture(ev, true);
    // A finger lifted also leaves the canvas: only a mouse leaving ends its hover (a tapped
    // commune's callout stays).
    let on_pointer_leave = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() != "mouse" {
            return;
        }
        hover.set(None);
        if active.get_untracked().is_none() {
            pointer.set(None);
        }
    };
    let on_touch_start = {
        let gesture = gesture.clone();
        move |ev: web_sys::TouchEvent| {
            let touches = ev.touches();
            gesture.borrow_mut().touch_start = match touches.length() {
                1 => touches.get(0).map(|t| (t.client_x(), t.client_y())),
                _ => None,
            };
        }
    };
    let on_touch_move = {
        let gesture = gesture.clone();
        move |ev: web_sys::TouchEvent| {
            let touches = ev.touches();
            if touches.length() >= 2 {
                // Two fingers are the map's: the page neither scrolls nor zooms.
                if ev.cancelable() {
                    ev.prevent_default();
                }
                return;
            }
            let mut g = gesture.borrow_mut();
            let swiped = touches
                .get(0)
                .zip(g.touch_start)
                .is_some_and(|(t, (x, y))| {
                    (t.client_x() - x).abs() + (t.client_y() - y).abs() > 12
                });
            if swiped && g.pinch0.is_none() {
                // Once per touch: the moves that follow, while the page scrolls, do nothing.
                g.touch_start = None;
                show_hint(&mut g, gesture_hint, Msg::MapTwoFingers);
            }
        }
    };
    let embed = app.view.with_untracked(|v| v.embed);
    let on_wheel = {
        let gesture = gesture.clone();
        let renderer = renderer.clone();
        move |ev: web_sys::WheelEvent| {
            // Embedded in an article, the wheel scrolls the article (it zoomed the map and
            // the reader was stuck on it); Ctrl with the wheel, or a touchpad's pinch, zooms.
            if embed && !ev.ctrl_key() && !ev.meta_key() {
                show_hint(&mut gesture.borrow_mut(), gesture_hint, Msg::MapCtrlWheel);
                return;
            }
            ev.prevent_default();
            let (x, y) = (ev.offset_x() as f32, ev.offset_y() as f32);
            let factor =
                (-ev.delta_y() as f32 * if ev.delta_mode() == 1 { 0.05 } else { 0.0015 }).exp();
            let mut g = gesture.borrow_mut();
            let s = g.scale * factor;
            g.translate = (
                x - (x - g.translate.0) * factor,
                y - (y - g.translate.1) * factor,
            );
            g.scale = s;
            set_preview(layers, &g);
            if let Some(t) = g.wheel_timer.take() {
                t.clear();
            }
            let gesture2 = gesture.clone();
            let renderer = renderer.clone();
            g.wheel_timer = set_timeout_with_handle(
                move || {
                    let mut g = gesture2.borrow_mut();
                    let (scale, translate) = (g.scale, g.translate);
                    g.scale = 1.0;
                    g.translate = (0.0, 0.0);
                    g.wheel_timer = None;
                    set_preview(layers, &g);
                    drop(g);
                    // The map may be gone by now (another page): then there is nothing to do.
                    if user_moved.try_set_value(true).is_some() {
                        return;
                    }
                    if let Some(r) = renderer.borrow_mut().as_mut() {
                        let (min, max) = zoom_limits(r);
                        r.camera = commit(r.camera, scale, translate, min, max).clamp_to(
                            r.model.bbox,
                            r.size.0,
                            r.size.1,
                        );
                        r.relayout();
                    }
                    camera_moved.try_update(|n| *n += 1);
                },
                std::time::Duration::from_millis(140),
            )
            .ok();
        }
    };

    // Keyboard: arrows move between communes, Enter selects, Esc clears, +/- zoom, 0 resets,
    // letters jump to a commune by name.
    let on_key = {
        let renderer = renderer.clone();
        move |ev: web_sys::KeyboardEvent| {
            let Some(model) = map.model.get_untracked() else {
                return;
            };
            let Some(index) = app.index() else { return };
            let key = ev.key();
            let scope = scope.get_untracked();
            let in_scope = |i: usize| scope.is_none_or(|s| index.within(model.shapes[i].unit, s));
            let start = || {
                active
                    .get_untracked()
                    .or(selected_shape.get_untracked())
                    .or_else(|| {
                        let r = renderer.borrow();
                        let r = r.as_ref()?;
                        let centre = r.camera.to_world([r.size.0 / 2.0, r.size.1 / 2.0]);
                        (0..model.shapes.len())
                            .filter(|&i| in_scope(i))
                            .min_by(|&a, &b| {
                                let d = |i: usize| {
                                    let c = model.shapes[i].centroid;
                                    (c[0] - centre[0]).hypot(c[1] - centre[1])
                                };
                                d(a).total_cmp(&d(b))
                            })
                    })
            };
            let dir = match key.as_str() {
                "ArrowRight" => Some((1.0, 0.0)),
                "ArrowLeft" => Some((-1.0, 0.0)),
                "ArrowUp" => Some((0.0, -1.0)),
                "ArrowDown" => Some((0.0, 1.0)),
                _ => None,
            };
            let mut handled = true;
            if dir.is_some() || key == "Enter" || key == "Escape" {
                typed.set_value((String::new(), 0.0));
            }
            if let Some((dx, dy)) = dir {
                let next = match active.get_untracked().or(selected_shape.get_untracked()) {
                    Some(from) => model.neighbour(from, dx, dy, in_scope).or(Some(from)),
                    None => start(),
                };
                active.set(next);
            } else {
                // When the key was pressed, not when this handler runs: a busy main thread
                // must not split a name typed quickly into two searches.
                let now = ev.time_stamp();
                // A space while typing a name is part of the name, not "select".
                let typing = typed.with_value(|(s, t)| !s.is_empty() && now - t < 900.0);
                let key = if key == " " && typing {
                    "Space".to_owned()
                } else {
                    key.clone()
                };
                match key.as_str() {
                    "Space" => {
                        typed.update_value(|(s, t)| {
                            s.push(' ');
                            *t = now;
                        });
                    }
                    "Enter" | " " => {
                        if let Some(a) = active.get_untracked().or_else(start) {
                            select_shape(app, map, Some(a));
                        }
                    }
                    "Escape" => {
                        active.set(None);
                        select_shape(app, map, None);
                    }
                    "+" | "=" => map.zoom.set(Some(1.5)),
                    "-" | "_" => map.zoom.set(Some(1.0 / 1.5)),
                    "0" => map.reset.update(|n| *n += 1),
                    // As in any list: the first and the last commune, in name order.
                    "Home" | "End" => {
                        let by_name = |i: &usize| {
                            ntm_core::text::collation_key(&index.unit(model.shapes[*i].unit).name)
                        };
                        let in_view = (0..model.shapes.len()).filter(|&i| in_scope(i));
                        let pick = if key == "Home" {
                            in_view.min_by_key(by_name)
                        } else {
                            in_view.max_by_key(by_name)
                        };
                        if pick.is_some() {
                            active.set(pick);
                        }
                    }
                    // Backspace takes back the last letter typed: a Vietnamese input method
                    // such as Unikey (Telex) sends "t", "u", "s", then Backspace and "ú".
                    k if (k == "Backspace" && typing)
                        || (k.chars().count() == 1
                            && !ev.ctrl_key()
                            && !ev.meta_key()
                            && !ev.alt_key()) =>
                    {
                        let mut buf = typed.with_value(|(s, t)| {
                            if now - t < 900.0 {
                                s.clone()
                            } else {
                                String::new()
                            }
                        });
                        if k == "Backspace" {
                            buf.pop();
                        } else {
                            buf.push_str(k);
                        }
                        if buf.is_empty() {
                            typed.set_value((buf, now));
                            no_match.set(None);
                            ev.prevent_default();
                            return;
                        }
                        typed.set_value((buf.clone(), now));
                        let want = fold(&buf);
                        let mut candidates: Vec<usize> = (0..model.shapes.len())
                            .filter(|&i| {
                                in_scope(i)
                                    && fold(&index.unit(model.shapes[i].unit).name)
                                        .starts_with(&want)
                            })
                            .collect();
                        ntm_core::order::sort_by(&mut candidates, |&a, &b| {
                            ntm_core::text::compare_vi(
                                &index.unit(model.shapes[a].unit).name,
                                &index.unit(model.shapes[b].unit).name,
                            )
                        });
                        if let Some(&first) = candidates.first() {
                            active.set(Some(first));
                            no_match.set(None);
                        } else {
                            no_match.set(Some(buf.clone()));
                            set_timeout(
                                move || {
                                    if no_match.try_get_untracked().flatten().as_deref()
                                        == Some(&buf)
                                    {
                                        no_match.try_set(None);
                                    }
                                },
                                std::time::Duration::from_millis(2500),
                            );
                        }
                    }
                    _ => handled = false,
                }
            }
            if handled {
                ev.prevent_default();
                // Keep the active commune on screen.
                if let Some(a) = active.get_untracked() {
                    let mut guard = renderer.borrow_mut();
                    if let Some(r) = guard.as_mut() {
                        let c = r.camera.to_screen(model.shapes[a].centroid);
                        if c[0] < 16.0
                            || c[1] < 16.0
                            || c[0] > r.size.0 - 16.0
                            || c[1] > r.size.1 - 16.0
                        {
                            r.camera = r.camera.pan(r.size.0 / 2.0 - c[0], r.size.1 / 2.0 - c[1]);
                            r.relayout();
                            drop(guard);
                            camera_moved.update(|n| *n += 1);
                        }
                    }
                }
            }
        }
    };
    let on_blur = move |_| {
        active.set(None);
        typed.set_value((String::new(), 0.0));
    };
    // Reached by keyboard with a commune selected (back from its card, or from "Xem trên bản
    // đồ"), the keys start on it, and a screen reader says it (it heard only the map's name
    // and help).
    let on_focus = move |ev: web_sys::FocusEvent| {
        let by_keyboard = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.matches(":focus-visible").unwrap_or(false));
        if by_keyboard
            && active.get_untracked().is_none()
            && let Some(s) = selected_shape.get_untracked()
        {
            active.set(Some(s));
        }
    };

    // The active commune's accessible name (the listbox's active option).
    // Each commune's place in name order among those in view (Home and End go by it), for
    // "3 of 22" as a screen reader reads a list. Worked out once the keyboard is on the map.
    let name_rank = Memo::new(move |_| {
        let model = map.model.get()?;
        let index = app.index()?;
        let scope = scope.get();
        let mut in_view: Vec<(Vec<u8>, usize)> = (0..model.shapes.len())
            .filter(|&i| scope.is_none_or(|s| index.within(model.shapes[i].unit, s)))
            .map(|i| {
                (
                    ntm_core::text::collation_key(&index.unit(model.shapes[i].unit).name),
                    i,
                )
            })
            .collect();
        ntm_core::order::sort_by(&mut in_view, |a, b| a.0.cmp(&b.0));
        let mut rank = vec![0u32; model.shapes.len()];
        for (k, &(_, i)) in in_view.iter().enumerate() {
            rank[i] = k as u32 + 1;
        }
        Some((rank, in_view.len()))
    });
    let active_name = move || {
        let model = map.model.get()?;
        let shape = active.get()?;
        let index = app.index()?;
        let r = app.resolved()?;
        Some(names::accessible_name(
            &index,
            model.shapes.get(shape)?.unit,
            r.step.date,
            app.lang(),
        ))
    };

    // The tooltip: hovered commune (mouse), the selection where it was tapped, or the commune
    // the keyboard is on (so a sighted keyboard user sees which one it is).
    let tooltip = move || {
        let model = map.model.get()?;
        let hovered = hover.get();
        let (shape, (x, y)) = match hovered.or_else(|| pointer.get().and(selected_shape.get())) {
            Some(shape) => (shape, pointer.get()?),
            None => {
                let [x, y] = active_screen.get()?;
                (active.get()?, (x, y))
            }
        };
        let index = app.index()?;
        let r = app.resolved()?;
        let lang = app.lang();
        let unit = model.shapes.get(shape)?.unit;
        let status = index.status(unit, r.step.date);
        let (w, h) = size.get();
        let name = names::name_with_parent(&index, unit, lang);
        let phrase = names::status_phrase(&index, unit, status, r.step.date, lang);
        let criteria = names::criteria_line(&index, unit, status, r.step.date, lang);
        let approx = model.shapes[shape].approx;
        let right = x > w / 2.0;
        let below = y < h / 2.0;
        // The height left on its side of the point: a long callout (large text, a row of
        // communes under the finger) scrolls inside the map instead of running out of it (a
        // phone held sideways has a map 300 px tall, and hid the button to the card).
        let room = if below {
            h - y - 14.0 - 8.0
        } else {
            y - 14.0 - 8.0
        }
        .max(96.0);
        // A commune selected by a tap: on a phone its card is below the map and the controls,
        // so the callout has a way there (and is no longer a mere tooltip).
        let callout = hovered.is_none() && tapped.get() && selected_shape.get() == Some(shape);
        Some(view! {
            <div
                class="map-tooltip"
                class:map-callout=callout
                role=(!callout).then_some("tooltip")
                data-status=status.slug()
                // Which side of the point it is on: on a phone, where it spans the map's width,
                // it goes to the far edge from the point so as not to hide the commune.
                data-side=if below { "below" } else { "above" }
                style:left=(!right).then(|| format!("{}px", x + 14.0))
                style:right=right.then(|| format!("{}px", w - x + 14.0))
                style:top=below.then(|| format!("{}px", y + 14.0))
                style:bottom=(!below).then(|| format!("{}px", h - y + 14.0))
                style:max-height=format!("{room}px")
            >
                {callout.then(|| view! {
                    // Closes the callout only: the commune stays selected, its card below.
                    <button
                        type="button"
                        class="icon-button callout-close"
                        aria-label=Msg::Close.text(lang)
                        on:click=move |_| {
                            tapped.set(false);
                            pointer.set(None);
                            pointer_world.set_value(None);
                        }
                    >"×"</button>
                })}
                <strong class="tooltip-name">{name}</strong>
                <span class="tooltip-status">
                    <span class="swatch" data-status=status.slug() aria-hidden="true"></span>
                    {phrase}
                </span>
                {criteria.map(|c| view! { <span class="tooltip-criteria">{c}</span> })}
                // Not in a tapped callout, where room is short (a phone held sideways): the
                // map's own note says the boundaries are approximate.
                {(approx && !callout).then(|| view! { <span class="tooltip-approx">{Msg::ApproxBoundary.text(lang)}</span> })}
                {callout.then(|| view! {
                    <button
                        type="button"
                        class="button callout-button"
                        on:click=move |_| crate::browser::scroll_and_focus_later("detail-title")
                    >{Msg::MapShowDetails.text(lang)}" ↓"</button>
                })}
                {callout.then(|| {
                    let others: Vec<usize> = under_finger
                        .get()
                        .into_iter()
                        .filter(|&s| s != shape)
                        .collect();
                    (!others.is_empty()).then(|| {
                        let buttons = others
                            .into_iter()
                            .filter_map(|other| {
                                let unit = model.shapes.get(other)?.unit;
                                // "Xã Trí Yên", not "Trí Yên": it says what it is.
                                let label = names::full_name(index.unit(unit), lang);
                                Some(view! {
                                    <button
                                        type="button"
                                        class="button callout-near-button"
                                        on:click=move |_| {
                                            // The callout stays where the finger was, now for
                                            // the commune picked here.
                                            if let Some((_, world)) = pointer_world.get_value() {
                                                pointer_world.set_value(Some((other, world)));
                                            }
                                            select_shape(app, map, Some(other));
                                        }
                                    >{label}</button>
                                })
                            })
                            .collect_view();
                        view! {
                            <div class="callout-near" role="group" aria-label=Msg::MapUnderFinger.text(lang)>
                                <span class="callout-near-label">{Msg::MapUnderFinger.text(lang)}</span>
                                {buttons}
                            </div>
                        }
                    })
                })}
            </div>
        })
    };

    let loading = move || {
        let request = app.geo_request()?;
        match app.geo.with(|g| g.get(&request).cloned()) {
            None | Some(GeoState::Loading) => Some(view! {
                <div class="map-message" role="status"><span class="spinner" aria-hidden="true"></span>{app.t(Msg::LoadingMap)}</div>
            }.into_any()),
            Some(GeoState::Failed { failure, url }) => Some(view! {
                <div class="map-message map-error" role="alert">
                    <p>{fill(Msg::ErrMapUnavailable.text(app.lang()), &[("detail", failure.message(app.lang(), &url).trim_end_matches('.'))])}</p>
                    <button type="button" class="button" on:click=move |_| {
                        app.geo.update(|g| g.clear(&request));
                        crate::components::atlas::ensure_geometry(app, request.clone());
                    }>{app.t(Msg::Retry)}</button>
                </div>
            }.into_any()),
            Some(GeoState::Ready { broken: 0, .. }) => None,
            Some(GeoState::Ready { broken, .. }) => Some(view! {
                <p class="map-warning" role="status">{fill(Msg::MapShapesBroken.counted(broken).text(app.lang()), &[("n", &broken.to_string())])}</p>
            }.into_any()),
        }
    };

    let touch_only = crate::browser::touch_only();
    let map_label = move || {
        let lang = app.lang();
        // As the year control says it ("31/12/2025 (sau sắp xếp)"), and by what the map is
        // coloured.
        let step = app
            .resolved()
            .map(|r| crate::components::controls::step_label(r.step, lang))
            .unwrap_or_default();
        let msg = match app.colour() {
            Colouring::Tier => Msg::MapLabel,
            Colouring::Criteria => Msg::MapLabelCriteria,
            Colouring::Year => Msg::MapLabelYear,
        };
        fill(msg.text(lang), &[("year", &step)])
    };

    // A picture of the map to download: the map as drawn, with what it shows and where over
    // it, and its key, its approximate boundaries and its sources under it.
    {
        let renderer = renderer.clone();
        Effect::new(move |_| {
            if !map.picture.get() {
                return;
            }
            map.picture.set(false);
            untrack(|| save_picture(&renderer, map, map_label()));
        });
    }

    view! {
        <div class="map-stage" node_ref=stage_ref data-zoom=move || format!("{:.3}", zoom_level.get()) data-labels=move || label_texts.get() data-era=move || map.model.get().map(|m| m.era.slug())
            data-outlined=move || {
                // The commune outlined as selected, for tests and tools reading the canvas.
                let shape = selected_shape.get()?;
                let unit = map.model.get()?.shapes.get(shape)?.unit;
                Some(app.index()?.unit(unit).id.clone())
            }
            data-outlined-at=move || outlined_at.get()>
            <div
                class="map-focus"
                id="map-focus"
                role="listbox"
                tabindex="0"
                aria-label=map_label
                aria-describedby="map-help"
                aria-activedescendant=move || active.get().map(|s| format!("map-option-{s}"))
                on:keydown=on_key
                on:focus=on_focus
                on:blur=on_blur
            >
                <canvas
                    class="map-canvas"
                    node_ref=canvas_ref
                    aria-hidden="true"
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerup=on_pointer_up
                    on:pointercancel=on_pointer_cancel
                    on:pointerleave=on_pointer_leave
                    on:touchstart=on_touch_start
                    on:touchmove=on_touch_move
                    on:wheel=on_wheel
                ></canvas>
                <canvas class="map-layer" node_ref=lines_ref aria-hidden="true"></canvas>
                <canvas class="map-layer" node_ref=marks_ref aria-hidden="true"></canvas>
                // One option in the page at a time, the commune the keyboard is on; its own id
                // for each commune, so that a screen reader hears the move.
                {move || active_name().map(|name| view! {
                    <div
                        id=move || active.get().map(|s| format!("map-option-{s}"))
                        role="option"
                        aria-setsize=move || name_rank.with(|r| r.as_ref().map(|(_, n)| n.to_string()))
                        aria-posinset=move || {
                            let shape = active.get()?;
                            name_rank.with(|r| r.as_ref().and_then(|(rank, _)| rank.get(shape)).map(u32::to_string))
                        }
                        aria-selected=move || (active.get() == selected_shape.get()).to_string()
                        class="visually-hidden"
                        data-x=move || active_screen.get().map(|p| p[0].round().to_string())
                        data-y=move || active_screen.get().map(|p| p[1].round().to_string())
                    >{name}</div>
                })}
            </div>
            // The map's description for screen readers; shown on the map as well while it has
            // keyboard focus and no commune is active yet (the keys are not discoverable).
            <p id="map-help" class="visually-hidden map-keys-help">{move || app.t(if touch_only { Msg::MapTouchHelp } else { Msg::MapKeyboardHelp })}</p>
            {tooltip}
            {move || gesture_hint.get().map(|msg| view! {
                <p class="map-hint" aria-hidden="true">{app.t(msg)}</p>
            })}
            // Typing a name no commune starts with says so, instead of nothing happening.
            <p class="map-hint map-no-match" role="status">
                {move || no_match.get().map(|typed| ntm_core::i18n::fill(app.t(Msg::MapNoMatch), &[("typed", &typed)]))}
            </p>
            {loading}
            {move || map.model.get().filter(|m| m.has_approximate()).map(|_| view! {
                <p class="map-badge">{app.t(Msg::ApproxBoundaries)}</p>
            })}
        </div>
    }
}

/// Selects a shape's unit (or clears the selection), recording it in the URL.
/// How far from a tap, in CSS pixels, another commune may be what the finger meant (about
/// the half-width of a fingertip's contact).
const FINGERTIP: f32 = 12.0;

fn select_shape(app: AppState, map: MapContext, shape: Option<usize>) {
    let unit = shape.and_then(|s| {
        let model = map.model.get_untracked()?;
        let index = app.index()?;
        Some(index.unit(model.shapes.get(s)?.unit).id.clone())
    });
    app.navigate(History::Push, |v| v.unit = unit);
}

/// Draws the labels of the view and the highlighted communes (hovered or keyboard-active,
/// selected) on the marks layer, and publishes where the active commune is and the zoom.
fn draw_overlay(
    r: &mut Renderer,
    index: &DatasetIndex,
    lang: Lang,
    scope: Option<usize>,
    (hovered, active, selected): (Option<usize>, Option<usize>, Option<usize>),
    active_screen: RwSignal<Option<[f32; 2]>>,
    (zoom_level, label_texts): (RwSignal<f32>, RwSignal<String>),
) {
    let labels = labels_for(index, r, lang, scope);
    let texts = labels
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("|");
    if label_texts.try_with_untracked(|t| *t != texts) == Some(true) {
        label_texts.try_set(texts);
    }
    // `try_set`: the first drawing runs a task later, when the page may have gone.
    active_screen
        .try_set(active.and_then(|a| Some(r.camera.to_screen(r.model.shapes.get(a)?.centroid))));
    zoom_level.try_set(r.camera.zoom);
    let mut highlights = Vec::new();
    if let Some(s) = hovered {
        highlights.push((s, render::Mark::Hover));
    }
    if let Some(s) = active {
        highlights.push((s, render::Mark::Cursor));
    }
    if let Some(s) = selected {
        highlights.push((s, render::Mark::Selected));
    }
    r.overlay(labels, highlights);
}

/// District labels when districts are big enough on screen; province labels when zoomed out;
/// commune labels when zoomed in far enough for them to fit; none overlapping another.
fn labels_for(index: &DatasetIndex, r: &Renderer, lang: Lang, scope: Option<usize>) -> Vec<Label> {
    // Only the area shown is named: the faded neighbours around it stay unnamed (new Bắc
    // Ninh's map had Lạng Sơn's communes named along its top).
    let in_scope = |unit: usize| scope.is_none_or(|sc| index.within(unit, sc));
    // Not under the notes along the top and bottom edges (the boundary note hid "Tỉnh Bắc
    // Ninh" in a narrow embed).
    let (top, bottom) = note_strips(r.size.0, r.model.era);
    let on_screen = |p: [f32; 2]| {
        let s = r.camera.to_screen(p);
        s[0] > 20.0
            && s[1] > top.max(12.0)
            && s[0] < r.size.0 - 20.0
            && s[1] < r.size.1 - bottom.max(12.0)
    };
    let districts: Vec<_> = r
        .model
        .districts
        .iter()
        .filter(|d| on_screen(d.centroid) && in_scope(d.unit))
        .collect();
    let district_w = districts
        .iter()
        .map(|d| (d.bbox[2] - d.bbox[0]) * r.camera.zoom)
        .fold(0.0, f32::max);
    let mut labels: Vec<LabelBox<Label>> = Vec::new();
    if !districts.is_empty() && district_w < r.size.0 * 0.9 {
        labels.extend(
            districts
                .into_iter()
                .filter_map(|d| label_box(r, d.bbox, d.centroid, &index.unit(d.unit).name, true)),
        );
    } else {
        // Zoomed in (or no districts, or none whose middle is on the screen: zoomed in far,
        // where the map had no name at all): communes that fit their name.
        let shown: Vec<_> = r
            .model
            .shapes
            .iter()
            .filter(|s| on_screen(s.centroid) && in_scope(s.unit))
            .collect();
        labels.extend(
            shown
                .iter()
                .filter_map(|s| label_box(r, s.bbox, s.centroid, &index.unit(s.unit).name, true)),
        );
        // A name or two among a hundred communes (a province after the reform, which has no
        // districts) reads as if those were special: the province's name instead.
        if labels.len() * 10 < shown.len() {
            labels.clear();
        }
    }
    if labels.is_empty() {
        labels.extend(
            r.model
                .provinces
                .iter()
                .filter(|p| {
                    on_screen(p.centroid)
                        && scope.is_none_or(|sc| p.unit == sc || index.within(sc, p.unit))
                })
                .filter_map(|p| {
                    let name = names::full_name(index.unit(p.unit), lang);
                    label_box(r, p.bbox, p.centroid, &name, false)
                }),
        );
    }
    ntm_core::map::without_overlaps(labels)
}

/// A name to place at `at`, weighted by the area it names on screen. With `must_fit`, only if
/// the area is at least 18 × 24 px (checked before the text is measured) and wider than it.
fn label_box(
    r: &Renderer,
    bbox: [f32; 4],
    at: [f32; 2],
    text: &str,
    must_fit: bool,
) -> Option<LabelBox<Label>> {
    let w = (bbox[2] - bbox[0]) * r.camera.zoom;
    let h = (bbox[3] - bbox[1]) * r.camera.zoom;
    if must_fit && !(h > 18.0 && w > 24.0) {
        return None;
    }
    let width = r.text_width(text);
    if must_fit && w <= width * 1.1 {
        return None;
    }
    Some(LabelBox {
        weight: w * h,
        at: r.camera.to_screen(at),
        width,
        label: Label {
            at,
            text: text.to_owned(),
        },
    })
}

/// Downloads the map as drawn, framed as a picture that says what it shows (see
/// [`crate::components::picture`]); `label` is the map's name with its date.
fn save_picture(renderer: &Rc<RefCell<Option<Renderer>>>, map: MapContext, label: String) {
    let app = use_app();
    let (Some(index), Some(r)) = (app.index(), app.resolved()) else {
        return;
    };
    let guard = renderer.borrow();
    let Some(drawn) = guard.as_ref() else { return };
    let dpr = f64::from(drawn.dpr);
    let Some(flat) = drawn.flatten() else { return };
    drop(guard);
    let flat =
        crate::components::picture::cropped(&flat, (12.0 * dpr) as u32, (560.0 * dpr) as u32)
            .unwrap_or(flat);
    let lang = app.lang();
    let place = crate::components::scope_picker::scope_name(&index, Some(&r), lang);
    let key =
        ntm_core::map_key::map_key(&index, app.colour(), r.step.date, &map.counts.get(), lang);
    let mut foot = vec![Msg::ApproxBoundaries.text(lang).to_owned()];
    foot.extend(crate::components::picture::source_lines(&index, lang));
    let theme = if prefers_dark() {
        ntm_core::charts::ChartTheme::DARK
    } else {
        ntm_core::charts::ChartTheme::LIGHT
    };
    let head = [label, place.clone()];
    let Some(url) =
        crate::components::picture::framed(&flat, dpr, theme, &head, Some((&key, lang)), &foot)
    else {
        return;
    };
    let name = format!(
        "ntm-map-{}-{}.png",
        ntm_core::charts::file_stem(&place),
        r.step.key()
    );
    crate::browser::download_url(&document(), &name, &url);
}

/// The camera that shows a commune (its `bbox` and `centroid` in world units) in the middle of
/// the stage between its note strips, about a fifth of the stage across, so its neighbours
/// show round it; never further out than `from`, never further in than `max`.
fn reveal_camera(
    from: Camera,
    bbox: ntm_core::map::BBox,
    centroid: [f32; 2],
    size: (f32, f32),
    strips: (f32, f32),
    max: f32,
) -> Camera {
    let (top, bottom) = strips;
    let height = (size.1 - top - bottom).max(size.1 / 2.0);
    let half = ((bbox[2] - bbox[0]).max(bbox[3] - bbox[1]) * 2.5).max(1e-3);
    let around = [
        centroid[0] - half,
        centroid[1] - half,
        centroid[0] + half,
        centroid[1] + half,
    ];
    let zoom = Camera::fit(around, size.0, height, 8.0)
        .zoom
        .min(max)
        .max(from.zoom);
    Camera {
        zoom,
        offset: [
            size.0 / 2.0 - centroid[0] * zoom,
            top + height / 2.0 - centroid[1] * zoom,
        ],
    }
}

/// How far the map zooms out and in: out to a little more than the whole model, in until a
/// typical commune is about a third of the stage across (further, a screen held two flat
/// colours and no label, drawn from boundaries that are only approximate), and at most 80
/// times the whole model.
fn zoom_limits(r: &Renderer) -> (f32, f32) {
    let fit = Camera::fit(r.model.bbox, r.size.0, r.size.1, 8.0).zoom;
    let by_commune = 0.3 * r.size.0.min(r.size.1) / r.model.typical_width.max(1e-6);
    (fit * 0.6, by_commune.min(fit * 80.0).max(fit * 2.0))
}

/// Shows a hint over the map for a moment: how the gesture just tried moves the map.
fn show_hint(g: &mut Gesture, hint: RwSignal<Option<Msg>>, msg: Msg) {
    hint.set(Some(msg));
    if let Some(t) = g.hint_timer.take() {
        t.clear();
    }
    g.hint_timer = set_timeout_with_handle(
        move || {
            hint.try_set(None);
        },
        std::time::Duration::from_millis(1800),
    )
    .ok();
}
