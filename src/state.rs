//! The app's shared state: the view (mirrored in the URL) and the loaded data.
//!
//! One writer, [`AppState::navigate`], changes the view and records it in the browser's
//! history; everything else derives from these two signals.

use std::sync::Arc;

use leptos::prelude::*;
use ntm_core::i18n::{Lang, Msg};
use ntm_core::index::DatasetIndex;
use ntm_core::map::MapModel;
use ntm_core::model::Era;
use ntm_core::view::{Colouring, ResolvedView, ViewState};

use crate::fetch::LoadFailure;

/// The state of the statistics file.
#[derive(Clone, Debug)]
pub enum DataState {
    /// Being fetched.
    Loading,
    /// Loaded and indexed (validation runs after the first render: see [`AppState::problems`]).
    Ready {
        /// The indexed dataset.
        index: Arc<DatasetIndex>,
        /// Served from the offline cache.
        from_cache: bool,
    },
    /// Failed; `url` is the file that failed.
    Failed {
        /// What went wrong.
        failure: LoadFailure,
        /// The file that failed.
        url: String,
    },
}

impl DataState {
    /// The loaded index, if any.
    pub fn index(&self) -> Option<Arc<DatasetIndex>> {
        match self {
            DataState::Ready { index, .. } => Some(index.clone()),
            _ => None,
        }
    }
}

/// A shared, immutable value compared by identity, so memos holding large models (which have
/// no cheap equality) only notify when a new value is built.
#[derive(Debug)]
pub struct Shared<T: ?Sized>(pub Arc<T>);

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The state of one era's geometry file.
#[derive(Clone, Debug)]
pub enum GeoState {
    /// Being fetched.
    Loading,
    /// Loaded; the map model is ready to draw.
    Ready {
        /// The model.
        model: Arc<MapModel>,
        /// Shapes that could not be drawn (bad geometry).
        broken: usize,
    },
    /// Failed (the table and charts still work).
    Failed {
        /// What went wrong.
        failure: LoadFailure,
        /// The file that failed.
        url: String,
    },
}

/// Which geometry a view needs: the full file of its era, or (data-saver) the coarse files of
/// the provinces in scope.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GeoRequest {
    /// The era.
    pub era: Era,
    /// Files to load, relative to `data/`.
    pub files: Vec<String>,
}

impl GeoRequest {
    /// The cache key.
    pub fn key(&self) -> String {
        format!("{}:{}", self.era.slug(), self.files.join("+"))
    }
}

/// Geometry loaded so far, by request (each loaded when first needed).
#[derive(Clone, Debug, Default)]
pub struct GeoCache {
    entries: std::collections::HashMap<String, GeoState>,
}

impl GeoCache {
    /// The state of a request.
    pub fn get(&self, request: &GeoRequest) -> Option<&GeoState> {
        self.entries.get(&request.key())
    }

    /// Sets the state of a request.
    pub fn set(&mut self, request: &GeoRequest, state: GeoState) {
        self.entries.insert(request.key(), state);
    }

    /// Forgets a request (to load it again).
    pub fn clear(&mut self, request: &GeoRequest) {
        self.entries.remove(&request.key());
    }
}

/// Whether the data-saver is on when the reader has not chosen: the browser asks to save data
/// or the screen is small. Read once per page load, so turning a phone sideways does not
/// fetch the full geometry, and a year change does not query the browser again.
pub fn lite_by_default() -> bool {
    lite_reason().is_some()
}

/// Why the data-saver is on when the reader has not chosen, said beside the switch: the
/// browser asks to save data, or the screen is small; `None` when it is off by default.
pub fn lite_reason() -> Option<Msg> {
    thread_local! {
        static REASON: Option<Msg> = if browser_saves_data() {
            Some(Msg::LiteWhySaveData)
        } else if crate::browser::media_matches("(max-width: 599px)") {
            Some(Msg::LiteWhySmallScreen)
        } else {
            None
        };
    }
    REASON.with(|r| *r)
}

/// Whether the browser asks to save data (`Save-Data`, `prefers-reduced-data`).
pub fn browser_saves_data() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let save = js_sys::Reflect::get(&w.navigator(), &"connection".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
        .is_some_and(|v| v.is_truthy());
    save || crate::browser::media_matches("(prefers-reduced-data: reduce)")
}

impl AppState {
    /// Whether the data-saver is on: by choice, or automatically when the browser asks to save
    /// data or the screen is small (reactive).
    pub fn lite(&self) -> bool {
        self.lite.get()
    }

    /// The geometry the current view needs (reactive).
    pub fn geo_request(&self) -> Option<GeoRequest> {
        let index = self.index()?;
        let r = self.resolved()?;
        let era = r.step.era();
        if !self.lite() {
            let file = index
                .data
                .geometry
                .iter()
                .find(|g| g.era == era)?
                .file
                .clone();
            return Some(GeoRequest {
                era,
                files: vec![file],
            });
        }
        let mut provinces: Vec<usize> = match r.scope {
            Some(s) if index.unit(s).in_era(era) => vec![index.province_of(s)],
            // A district ended by the reform, after it: the provinces of the new communes its
            // communes went into.
            Some(s) => index
                .communes_in(Some(s), r.step.date)
                .into_iter()
                .map(|c| index.province_of(c))
                .collect(),
            None => index.provinces_with_communes(r.step.date),
        };
        ntm_core::order::sort_by(&mut provinces, Ord::cmp);
        provinces.dedup();
        let files = provinces
            .into_iter()
            .map(|p| era.lite_file(&index.unit(p).id))
            .collect();
        Some(GeoRequest { era, files })
    }
}

/// How a view change enters the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A meaningful step: back returns to the previous view.
    Push,
    /// A small adjustment (a slider tick, a language switch): replaces the current entry.
    Replace,
    /// Already in the URL (start-up, back/forward): the history is left alone.
    None,
}

/// The app-wide state, provided as a context at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    /// What the reader is looking at; the URL mirrors it.
    pub view: RwSignal<ViewState>,
    /// The dataset.
    pub data: RwSignal<DataState>,
    /// Incremented to fetch the dataset again.
    pub reload: RwSignal<u32>,
    /// Failed attempts since the last success (for the retry backoff).
    pub retries: RwSignal<u32>,
    /// Problems found by validating the loaded dataset (what is sound is shown regardless).
    pub problems: RwSignal<Arc<Vec<ntm_core::validate::Problem>>>,
    /// Geometry per era.
    pub geo: RwSignal<GeoCache>,
    /// Whether the map's first frame is drawn, or will not come (its geometry failed, or the
    /// dataset has none): the atlas page's secondary panels wait for it, so that on a slow
    /// phone the map is painted first.
    pub first_map: RwSignal<bool>,
    /// The language alone: what depends only on it is not re-run when the year changes.
    lang: Memo<Lang>,
    /// The data-saver alone, for the same reason.
    lite: Memo<bool>,
    /// The colouring alone, for the same reason.
    colour: Memo<Colouring>,
    /// The view checked against the data, computed once per change for every reader.
    resolved: Memo<Option<ResolvedView>>,
    /// The resolved view, one frame later: secondary panels (the summary, the selected
    /// commune's card) follow it, so a year change first repaints the map, its legend and the
    /// live region, and the rest on the next frame.
    settled: RwSignal<Option<ResolvedView>>,
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Creates the state from the page's current URL.
    pub fn from_location() -> Self {
        let query = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        Self::new(ViewState::from_query(&query), DataState::Loading)
    }

    /// Creates the state from a view and data (tests build it this way).
    pub fn new(view: ViewState, data: DataState) -> Self {
        let view = RwSignal::new(view);
        let data = RwSignal::new(data);
        let lang = Memo::new(move |_| view.with(|v| v.lang));
        let lite = Memo::new(move |_| view.with(|v| v.lite).unwrap_or_else(lite_by_default));
        let colour = Memo::new(move |_| view.with(|v| v.colour));
        let resolved = Memo::new(move |_| {
            let index = data.with(DataState::index)?;
            Some(view.with(|v| v.resolve(&index)))
        });
        let settled = RwSignal::new(resolved.get_untracked());
        Effect::new(move |_| {
            let now = resolved.get();
            if settled.get_untracked().is_none() {
                settled.set(now);
                return;
            }
            crate::browser::after_paint(move || {
                let _ = settled.try_set(now);
            });
        });
        Self {
            view,
            data,
            lang,
            lite,
            colour,
            resolved,
            settled,
            reload: RwSignal::new(0),
            retries: RwSignal::new(0),
            problems: RwSignal::new(Arc::default()),
            geo: RwSignal::new(GeoCache::default()),
            first_map: RwSignal::new(false),
        }
    }

    /// Records that the map's first frame is drawn or will not come (once: readers of
    /// [`AppState::first_map`] are not woken again).
    pub fn first_map_settled(&self) {
        if !self.first_map.get_untracked() {
            self.first_map.set(true);
        }
    }

    /// The interface language (reactive).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The map's colouring (reactive).
    pub fn colour(&self) -> Colouring {
        self.colour.get()
    }

    /// A catalogue text in the current language (reactive).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang())
    }

    /// The loaded index, if any (reactive).
    pub fn index(&self) -> Option<Arc<DatasetIndex>> {
        self.data.with(DataState::index)
    }

    /// The loaded index, if any, without tracking (for event handlers).
    pub fn index_untracked(&self) -> Option<Arc<DatasetIndex>> {
        self.data.with_untracked(DataState::index)
    }

    /// The view checked against the data (reactive); `None` while loading.
    pub fn resolved(&self) -> Option<ResolvedView> {
        self.resolved.get()
    }

    /// The resolved view a frame after it changed (reactive): for panels that may lag a frame
    /// behind the map.
    pub fn settled(&self) -> Option<ResolvedView> {
        self.settled.get()
    }

    /// Changes the view and records it in the URL.
    pub fn navigate(&self, history: History, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.view.get_untracked();
        change(&mut next);
        if next == self.view.get_untracked() {
            return;
        }
        write_url(&next, history);
        self.view.set(next);
    }
}

impl AppState {
    /// Records the current view in the URL (after live changes such as a slider drag).
    pub fn record(&self, history: History) {
        write_url(&self.view.get_untracked(), history);
    }
}

/// Writes a view into the address bar without reloading, once the change has been painted:
/// `history.pushState` costs several milliseconds on a slow phone, and the reader waits for
/// the map, not for the address bar. Writes keep their order (one queue of frame callbacks).
fn write_url(view: &ViewState, history: History) {
    if history == History::None {
        return;
    }
    let view = view.clone();
    crate::browser::after_paint(move || write_url_now(&view, history));
}

fn write_url_now(view: &ViewState, history: History) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(h) = window.history() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let hash = window.location().hash().unwrap_or_default();
    let url = format!("{path}{}{hash}", view.to_query());
    let state = wasm_bindgen::JsValue::NULL;
    // A host page that sandboxes the iframe may refuse history changes; the view still works.
    let _ = match history {
        History::Push => h.push_state_with_url(&state, "", Some(&url)),
        History::Replace => h.replace_state_with_url(&state, "", Some(&url)),
        History::None => Ok(()),
    };
}
