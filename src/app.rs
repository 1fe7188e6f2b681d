//! The root component: provides the state, loads the dataset, keeps `<html lang>`, the title
//! and the URL in step with the view, and lays out the page.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use ntm_core::i18n::Msg;
use ntm_core::index::DatasetIndex;
use ntm_core::view::ViewState;

use crate::components::error_panel::ErrorPanel;
use crate::components::header::Header;
use crate::components::pages::{CurrentPage, PageNav};
use crate::fetch::{LoadFailure, fetch_text};
use crate::state::{AppState, DataState};

/// Where the statistics file lives, relative to the page (so any sub-path works).
pub const DATASET_URL: &str = "data/ntm.json";

/// Fetches, parses, validates and indexes the dataset.
pub async fn load_dataset(url: &str) -> Result<DataState, LoadFailure> {
    let text = fetch_text(url).await?;
    let data = ntm_core::load::parse_dataset(&text).map_err(LoadFailure::Content)?;
    drop(text);
    let report = ntm_core::validate::validate(&data);
    let index = DatasetIndex::new(data);
    Ok(DataState::Ready { index: Arc::new(index), problems: Arc::new(report.problems) })
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_location();
    provide_context(state);

    // (Re)load the dataset whenever a retry is asked for.
    Effect::new(move |_| {
        state.reload.track();
        state.data.set(DataState::Loading);
        spawn_local(async move {
            let next = match load_dataset(DATASET_URL).await {
                Ok(ready) => ready,
                Err(failure) => DataState::Failed { failure, url: DATASET_URL.to_owned() },
            };
            state.data.set(next);
        });
    });

    // Back and forward restore the view from the URL.
    let _popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let query = window().location().search().unwrap_or_default();
        state.view.set(ViewState::from_query(&query));
    });

    // <html lang> and the document title follow the language.
    Effect::new(move |_| {
        let lang = state.lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document().set_title(Msg::AppName.text(lang));
    });

    view! {
        <Header/>
        <main id="main" class="main" tabindex="-1">
            {move || match state.data.get() {
                DataState::Loading => view! {
                    <div class="loading" role="status" aria-live="polite">
                        <span class="spinner" aria-hidden="true"></span>
                        <span>{move || state.t(Msg::Loading)}</span>
                    </div>
                }.into_any(),
                DataState::Failed { failure, url } => view! {
                    <ErrorPanel failure=failure url=url/>
                }.into_any(),
                DataState::Ready { .. } => view! { <PageNav/><CurrentPage/> }.into_any(),
            }}
        </main>
    }
}
