//! The main page once the data is loaded: map with its controls, summary, legend and the
//! selected commune. Loads each era's geometry the first time a date of that era is shown.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use futures::channel::oneshot;

use leptos::prelude::*;
use leptos::task::spawn_local;
use ntm_core::geometry::Geometry;
use ntm_core::index::DatasetIndex;
use ntm_core::map::MapModel;
use ntm_core::validate::Report;
use wasm_bindgen::JsCast;

use crate::components::controls::{
    LinkNotice, LiveSummary, MapOptions, ReformBadge, ReformNotice, Timeline, ZoomButtons,
};
use crate::components::detail::UnitDetail;
use crate::components::inset::LocatorInset;
use crate::components::legend::{HighlightBadge, Legend};
use crate::components::map::MapView;
use crate::components::summary::ScopeSummary;
use crate::fetch::{LoadFailure, fetch_text};
use crate::state::{AppState, GeoRequest, GeoState, use_app};

/// One geometry file, decoded, with the problems found in it; or why it could not be loaded.
type Decoded = Result<(Geometry, Report), (LoadFailure, String)>;

thread_local! {
    /// Geometry files the first view needs, being decoded before the dataset is ready.
    static EARLY: RefCell<HashMap<String, oneshot::Receiver<Decoded>>> =
        RefCell::new(HashMap::new());
}

/// Starts fetching and decoding the geometry files the start-up script preloads for the first
/// view (the `link rel=preload` it adds; it chooses as [`AppState::geo_request`] does). Decoding
/// needs no dataset, so it happens while the statistics download instead of after them; the
/// map model, which needs both, is built as before. A file the first view turns out not to
/// need is decoded for nothing, and kept until a view asks for it.
pub fn decode_preloaded_geometry() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(links) = document.query_selector_all("link[rel=preload][as=fetch]") else {
        return;
    };
    for i in 0..links.length() {
        let Some(href) = links
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("href"))
        else {
            continue;
        };
        let Some(file) = href.strip_prefix("data/") else {
            continue;
        };
        if !(file.starts_with("geo-") || file.starts_with("lite/")) {
            continue;
        }
        let (send, receive) = oneshot::channel();
        EARLY.with(|early| early.borrow_mut().insert(file.to_owned(), receive));
        let file = file.to_owned();
        spawn_local(async move {
            // Nobody may ever ask for it (a view that needs other files): not an error.
            let _ = send.send(fetch_and_decode(&file).await);
        });
    }
}

/// Fetches one geometry file and decodes it, yielding to the browser between the stages.
async fn fetch_and_decode(file: &str) -> Decoded {
    let url = format!("data/{file}");
    let fetched = fetch_text(&url).await.map_err(|f| (f, url.clone()))?;
    crate::browser::yield_now().await;
    let doc = ntm_core::geometry::parse(&fetched.text)
        .map_err(|e| (LoadFailure::Geometry(e), url.clone()))?;
    drop(fetched);
    let mut report = Report::default();
    let geometry = ntm_core::geometry::decode(doc, &mut report);
    crate::browser::mark_once("geometry-decoded");
    crate::browser::yield_now().await;
    Ok((geometry, report))
}

/// A geometry file: the one decoded early if there is one, else fetched and decoded now.
async fn decoded(file: &str) -> Decoded {
    let early = EARLY.with(|early| early.borrow_mut().remove(file));
    match early {
        Some(receive) => match receive.await {
            Ok(decoded) => decoded,
            // The decoding task was dropped before it finished: do it here.
            Err(oneshot::Canceled) => fetch_and_decode(file).await,
        },
        None => fetch_and_decode(file).await,
    }
}

/// Fetches and decodes a request's geometry files into one map model; returns it with the
/// number of shapes that could not be drawn.
pub async fn load_geometry(
    index: Arc<DatasetIndex>,
    request: GeoRequest,
) -> Result<(Arc<MapModel>, usize), (LoadFailure, String)> {
    let mut report = Report::default();
    let mut parts = Vec::with_capacity(request.files.len());
    for file in &request.files {
        let (geometry, problems) = decoded(file).await?;
        report.problems.extend(problems.problems);
        parts.push(geometry);
    }
    // Geometry decoded early is ready at once: checking it and building the model must not
    // join the first render of the page in one long task.
    crate::browser::yield_now().await;
    let geometry = if parts.len() == 1 {
        parts.pop().unwrap_or_default()
    } else {
        Geometry::merge(parts)
    };
    if request.files.len() == 1 || !request.files[0].starts_with("lite/") {
        ntm_core::geometry::check_units(&geometry, request.era, &index, &mut report);
    }
    let broken = report.error_count();
    Ok((
        Arc::new(MapModel::new(&geometry, &index, request.era)),
        broken,
    ))
}

/// Starts loading a request's geometry unless it is loaded or loading.
pub fn ensure_geometry(app: AppState, request: GeoRequest) {
    if app.geo.with_untracked(|g| g.get(&request).is_some()) {
        return;
    }
    let Some(index) = app.index() else { return };
    app.geo.update(|g| g.set(&request, GeoState::Loading));
    spawn_local(async move {
        let state = match load_geometry(index, request.clone()).await {
            Ok((model, broken)) => GeoState::Ready { model, broken },
            Err((failure, url)) => GeoState::Failed { failure, url },
        };
        // Drawing the map is a task of its own, not the end of the decoding one.
        crate::browser::yield_now().await;
        let failed = matches!(state, GeoState::Failed { .. });
        app.geo.update(|g| g.set(&request, state));
        if failed {
            app.first_map_settled();
        }
    });
}

/// The atlas page.
#[component]
pub fn Atlas() -> impl IntoView {
    let app = use_app();
    Effect::new(move |_| {
        if let Some(request) = app.geo_request() {
            ensure_geometry(app, request);
        } else if app.index().is_some() {
            // A dataset without geometry for this era: no map frame will come.
            app.first_map_settled();
        }
    });
    // The secondary panels (summary, selected commune, legend, locator, live region) come in
    // the task after the map's first frame is painted: on a phone on a slow network the map
    // is what the reader waits for. They never wait more than 1.5 s, whatever the map does.
    let panels = RwSignal::new(app.first_map.get_untracked());
    // Once only (showing them again would rebuild them), and not after the page has gone.
    let show_panels = move || {
        if panels.try_get_untracked() == Some(false) {
            panels.set(true);
        }
    };
    Effect::new(move |_| {
        if app.first_map.get() {
            crate::browser::after_paint(show_panels);
        }
    });
    set_timeout(show_panels, std::time::Duration::from_millis(1500));
    // A memo: each settled year change re-ran the panel's closure, which rebuilt the legend
    // and the summary whole (every attribute set again), a frame after each year click.
    let shown = Memo::new(move |_| panels.get() && app.settled().is_some());
    view! {
        <div class="atlas">
            // The map first, its year control under it, then the options: the order seen at
            // every width, so that Tab follows the screen (with the options first in the page,
            // a keyboard user at 200 % zoom went from options shown at the bottom up to the
            // map). On a laptop the options still fit above the fold.
            <section class="map-panel" aria-labelledby="map-panel-title">
                // Headed, for the page's outline (the map and the year control had none).
                <h2 id="map-panel-title" class="visually-hidden">{move || app.t(ntm_core::i18n::Msg::PageMap)}</h2>
                <div class="map-frame">
                    <MapView/>
                    <ZoomButtons/>
                    <div class="map-top-notes">
                        <ReformBadge/>
                        <HighlightBadge/>
                    </div>
                    <Show when=move || panels.get()><LocatorInset/></Show>
                </div>
                <Timeline/>
                // Under the year control, not above the map: crossing the reform must not move
                // the map and the year buttons away from the pointer.
                <ReformNotice/>
                <LinkNotice/>
                <MapOptions/>
            </section>
            <aside class="side-panel">
                // The selected commune first: what the reader just picked is in sight on a
                // laptop's screen, not under the area's numbers. Then the legend, the key to
                // the map's colours: under the numbers it was a screen and a half below the
                // map on a phone (three and a half with the largest text).
                {move || shown.get().then(|| view! {
                    <UnitDetail/>
                    <Legend/>
                    <ScopeSummary/>
                })}
            </aside>
            <Show when=move || panels.get()><LiveSummary/></Show>
        </div>
    }
}
