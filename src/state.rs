//! The app's shared state: the view (mirrored in the URL) and the loaded data.
//!
//! One writer, [`AppState::navigate`], changes the view and records it in the browser's
//! history; everything else derives from these two signals.

use std::sync::Arc;

use leptos::prelude::*;
use ntm_core::i18n::{Lang, Msg};
use ntm_core::index::DatasetIndex;
use ntm_core::view::{ResolvedView, ViewState};

use crate::fetch::LoadFailure;

/// The state of the statistics file.
#[derive(Clone, Debug)]
pub enum DataState {
    /// Being fetched.
    Loading,
    /// Loaded and indexed; `problems` counts validation errors (what is sound is shown).
    Ready {
        /// The indexed dataset.
        index: Arc<DatasetIndex>,
        /// Validation errors found.
        problems: Arc<Vec<ntm_core::validate::Problem>>,
    },
    /// Failed; `url` is the file that failed.
    Failed {
        /// What went wrong.
        failure: LoadFailure,
        /// The file that failed.
        url: String,
    },
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
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Creates the state from the page's current URL.
    pub fn from_location() -> Self {
        let query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        Self {
            view: RwSignal::new(ViewState::from_query(&query)),
            data: RwSignal::new(DataState::Loading),
            reload: RwSignal::new(0),
        }
    }

    /// The interface language (reactive).
    pub fn lang(&self) -> Lang {
        self.view.with(|v| v.lang)
    }

    /// A catalogue text in the current language (reactive).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang())
    }

    /// The loaded index, if any (reactive).
    pub fn index(&self) -> Option<Arc<DatasetIndex>> {
        self.data.with(|d| match d {
            DataState::Ready { index, .. } => Some(index.clone()),
            _ => None,
        })
    }

    /// The view checked against the data (reactive); `None` while loading.
    pub fn resolved(&self) -> Option<ResolvedView> {
        let index = self.index()?;
        Some(self.view.with(|v| v.resolve(&index)))
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

/// Writes a view into the address bar without reloading.
fn write_url(view: &ViewState, history: History) {
    let Some(window) = web_sys::window() else { return };
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
