//! The root component: provides the state, loads the dataset, keeps `<html lang>`, the title
//! and the URL in step with the view, and lays out the page (full or embedded).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use ntm_core::i18n::{Msg, fill};
use ntm_core::index::DatasetIndex;
use ntm_core::view::{Page, ViewState};

use crate::components::error_panel::{DatasetProblems, ErrorPanel};
use crate::components::header::Header;
use crate::components::offline::{OfflineIndicator, register_service_worker};
use crate::components::pages::{CurrentPage, PageNav};
use crate::components::share::{post_height_to_parent, view_url};
use crate::fetch::{LoadFailure, fetch_text};
use crate::state::{AppState, DataState, History};

/// Where the statistics file lives, relative to the page (so any sub-path works).
pub const DATASET_URL: &str = "data/ntm.json";

/// Fetches, parses and indexes the dataset, yielding to the browser between the stages so
/// that no single task blocks the page for long on a slow phone.
pub async fn load_dataset(url: &str) -> Result<DataState, LoadFailure> {
    let fetched = fetch_text(url).await?;
    crate::browser::yield_now().await;
    let data = ntm_core::load::parse_dataset(&fetched.text).map_err(LoadFailure::Content)?;
    let from_cache = fetched.from_cache;
    drop(fetched);
    crate::browser::yield_now().await;
    let index = DatasetIndex::new(data);
    // The first render of the page is a task of its own.
    crate::browser::yield_now().await;
    Ok(DataState::Ready {
        index: Arc::new(index),
        from_cache,
    })
}

/// Validates the loaded dataset once the first view is on screen (the problems notice appears
/// then): on the map page after its first frame, so checking thousands of records never
/// delays the map; elsewhere after the first render.
fn validate_later(state: AppState) {
    let Some(index) = state.index() else { return };
    let on_map = state.view.with_untracked(|v| v.page == Page::Map);
    leptos::task::spawn_local(async move {
        if on_map {
            // The geometry may never come (offline, broken): give up waiting after a while.
            crate::browser::until_mark("map-ready", 8_000).await;
        }
        crate::browser::yield_now().await;
        let report = ntm_core::validate::validate(&index.data);
        let _ = state.problems.try_set(Arc::new(report.problems));
    });
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_location();
    provide_context(state);
    // The map's shared state, for the map page and for the share dialog in the header (which
    // offers the map's picture).
    crate::components::map::provide_map_context(state);
    // Asked now, while the data downloads: a media query evaluated during the first render
    // makes the browser recompute styles in the middle of it.
    crate::state::lite_by_default();
    crate::components::atlas::decode_preloaded_geometry();
    let embed = state.view.get_untracked().embed;
    if embed {
        post_height_to_parent();
    } else {
        // Embedded copies skip the service worker: the host page's storage rules apply inside
        // its iframe, and the full app caches for offline use on its own visit.
        register_service_worker();
    }

    // (Re)load the dataset whenever a retry is asked for.
    Effect::new(move |_| {
        state.reload.track();
        state.data.set(DataState::Loading);
        spawn_local(async move {
            let next = match load_dataset(DATASET_URL).await {
                Ok(ready) => {
                    state.retries.set(0);
                    crate::browser::mark_once("data-ready");
                    ready
                }
                Err(failure) => DataState::Failed {
                    failure,
                    url: DATASET_URL.to_owned(),
                },
            };
            let ready = matches!(next, DataState::Ready { .. });
            state.data.set(next);
            if ready {
                validate_later(state);
            }
        });
    });

    // Back and forward restore the view from the URL.
    let _popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let query = window().location().search().unwrap_or_default();
        state.view.set(ViewState::from_query(&query));
    });

    // <html lang> follows the language; the document title names the page shown, and the
    // commune of a profile or selected on the map ("Xã Tú Mịch, huyện Lộc Bình — Bản đồ Nông
    // thôn mới"): a screen reader says it when the page changes, and the browser's history
    // and tabs list it.
    Effect::new(move |_| {
        let lang = state.lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
            let _ = root.set_attribute("class", if embed { "embed" } else { "" });
        }
    });
    let title = Memo::new(move |_| {
        let lang = state.lang();
        let app = Msg::AppName.text(lang);
        let Some(r) = state.resolved() else {
            return app.to_owned();
        };
        let page = match (r.page, r.unit, state.index()) {
            // A commune selected on the map too: the phone's share sheet sends the title with
            // the link (a chat showed the app's name alone for a commune shared from the map).
            (Page::Map | Page::Profile, Some(unit), Some(index)) => {
                ntm_core::names::name_with_parent(&index, unit, lang)
            }
            (Page::Map, _, _) => return app.to_owned(),
            (page, _, _) => crate::components::pages::page_msg(page)
                .text(lang)
                .to_owned(),
        };
        format!("{page} — {app}")
    });
    Effect::new(move |_| document().set_title(&title.get()));

    // The page itself is built in the task after the header, tabs and footer took in the data:
    // one long task on a slow phone would be two shorter ones. The first paint stays until
    // both are done.
    let page_built = RwSignal::new(false);
    Effect::new(move |_| {
        if matches!(state.data.get(), DataState::Ready { .. }) && !page_built.get_untracked() {
            set_timeout(move || page_built.set(true), std::time::Duration::ZERO);
        }
    });
    let body = move || match state.data.get() {
        DataState::Loading => view! {
            <div class="loading" role="status" aria-live="polite">
                <span class="spinner" aria-hidden="true"></span>
                <span>{move || state.t(Msg::Loading)}</span>
            </div>
        }
        .into_any(),
        DataState::Failed { failure, url } => {
            view! { <ErrorPanel failure=failure url=url/> }.into_any()
        }
        DataState::Ready { .. } => view! {
            <div class="page-bar">
                <PageNav/>
            </div>
            <DatasetProblems/>
            <PrintContext/>
            {move || page_built.get().then(|| view! { <CurrentPage/> })}
        }
        .into_any(),
    };

    // The first paint written into index.html at build time stays until the data has loaded
    // (or failed): it is the loading state, and the app appears in one step after it.
    // Once it is gone, a later reload (a retry) shows the app's own loading state.
    let prerendered = RwSignal::new(document().get_element_by_id("prerender").is_some());
    let waiting = move || {
        prerendered.get()
            && match state.data.get() {
                DataState::Loading => true,
                DataState::Ready { .. } => !page_built.get(),
                DataState::Failed { .. } => false,
            }
    };
    Effect::new(move |_| {
        if !waiting()
            && let Some(pre) = document().get_element_by_id("prerender")
        {
            // What a reader typed in the first paint's search box while the app loaded (on a
            // slow network, for many seconds) goes on in the app's box, with its results.
            let typed = pre
                .query_selector(".search-input")
                .ok()
                .flatten()
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
                .map(|input| {
                    let focused = document().active_element().is_some_and(|a| {
                        wasm_bindgen::JsValue::from(a) == wasm_bindgen::JsValue::from(&input)
                    });
                    (input.value(), focused)
                });
            pre.remove();
            prerendered.set(false);
            if let Some((value, focused)) = typed.filter(|(v, f)| *f || !v.trim().is_empty()) {
                // Once the app is shown: a hidden box cannot take the focus.
                crate::browser::after_paint(move || {
                    crate::components::search::carry_over(&value, focused);
                });
            }
        }
    });

    // The page's elements are built in the task after the one that starts the downloads: each
    // is long on a slow phone (the first run of the app's code compiles it), and the page is
    // hidden behind the first paint until the data has loaded anyway.
    let built = RwSignal::new(false);
    set_timeout(move || built.set(true), std::time::Duration::ZERO);
    move || {
        built.get().then(|| {
            view! {
                <div class="app" class:app-waiting=waiting>
                {if embed { view! { <EmbedHeader/> }.into_any() } else { view! { <Header/> }.into_any() }}
                <OfflineIndicator/>
                <main id="main" class="main" tabindex="-1">{body}</main>
                <Footer/>
                </div>
            }
        })
    }
}

/// On paper the area and year selectors are hidden: one line says what the page shows.
#[component]
fn PrintContext() -> impl IntoView {
    let app = crate::state::use_app();
    // Paper waits a frame: the line follows the settled view, not the year click's frame.
    let line = move || {
        let index = app.index()?;
        let r = app.settled()?;
        let lang = app.lang();
        let scope = crate::components::scope_picker::scope_name(&index, Some(&r), lang);
        let step = crate::components::controls::step_label(r.step, lang);
        Some(format!("{scope} · {step}"))
    };
    view! { <p class="print-only print-context">{line}</p> }
}

/// The compact title bar of embed mode, with a link to the full app.
#[component]
fn EmbedHeader() -> impl IntoView {
    let app = crate::state::use_app();
    let full = move || {
        let mut v = app.view.get();
        v.embed = false;
        view_url(&v)
    };
    view! {
        <header class="header embed-header">
            <p class="title">{move || app.t(Msg::AppName)}</p>
            <a class="button tool-button" href=full target="_blank" rel="noopener">
                {move || app.t(Msg::OpenFullView)}" ↗"
                <span class="visually-hidden">" "{move || app.t(Msg::NewTab)}</span>
            </a>
        </header>
    }
}

/// Attribution, "data as of", and the dataset's provenance note.
#[component]
fn Footer() -> impl IntoView {
    let app = crate::state::use_app();
    move || {
        let index = app.index()?;
        let lang = app.lang();
        let data = &index.data;
        let as_of = fill(
            Msg::DataAsOf.text(lang),
            &[("date", &data.as_of.display(lang))],
        );
        let dataset = fill(
            Msg::FooterDataset.text(lang),
            &[("id", &data.id), ("version", &data.version)],
        );
        let any_illustrative = data.has_illustrative();
        // The source line of a printed page: who published the figures, and the link back.
        let mut publishers: Vec<&str> = data
            .sources
            .iter()
            .map(|s| s.publisher.as_str())
            .filter(|p| !p.is_empty())
            .collect();
        ntm_core::order::sort_by(&mut publishers, Ord::cmp);
        publishers.dedup();
        let sources = fill(
            Msg::PrintSources.text(lang),
            &[("publishers", &publishers.join(", "))],
        );
        // From the view, not the address bar: the address bar is written a frame after the
        // view changes, and a year change must not rebuild the footer (it re-set every
        // attribute in the frame the reader waits for).
        let printed_from = move || {
            let href = crate::components::share::view_url(&app.view.get());
            fill(Msg::PrintedFrom.text(app.lang()), &[("url", &href)])
        };
        let about = move || {
            let mut v = app.view.get();
            v.page = Page::About;
            v.to_query()
        };
        Some(view! {
            <footer class="footer">
                <p><strong>{as_of}</strong>" · "{dataset}</p>
                {any_illustrative.then(|| view! { <p>{Msg::IllustrativeNote.text(lang)}</p> })}
                <p class="footer-links">
                    <a href=about on:click=move |ev: web_sys::MouseEvent| {
                        ev.prevent_default();
                        app.navigate(History::Push, |v| v.page = Page::About);
                    }>{Msg::FooterAbout.text(lang)}</a>
                    " · Natural Earth · vietnamadminunits"
                </p>
                <p class="print-only print-sources">{sources}</p>
                <p class="print-only print-url">{printed_from}</p>
            </footer>
        })
    }
}
