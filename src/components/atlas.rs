//! The main page once the data is loaded: map with its controls, summary, legend and the
//! selected commune. Loads each era's geometry the first time a date of that era is shown.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use ntm_core::geometry::Geometry;
use ntm_core::index::DatasetIndex;
use ntm_core::map::MapModel;
use ntm_core::validate::Report;

use crate::components::controls::{LiveSummary, MapOptions, ReformNotice, Timeline, ZoomButtons};
use crate::components::detail::UnitDetail;
use crate::components::inset::LocatorInset;
use crate::components::legend::Legend;
use crate::components::map::{MapView, provide_map_context};
use crate::components::summary::ScopeSummary;
use crate::fetch::{LoadFailure, fetch_text};
use crate::state::{AppState, GeoRequest, GeoState, use_app};

/// Fetches and decodes one era's geometry into a map model.
/// Fetches and decodes a request's geometry files into one map model; returns it with the
/// number of shapes that could not be drawn.
pub async fn load_geometry(
    index: Arc<DatasetIndex>,
    request: GeoRequest,
) -> Result<(Arc<MapModel>, usize), (LoadFailure, String)> {
    let mut report = Report::default();
    let mut parts = Vec::with_capacity(request.files.len());
    for file in &request.files {
        let url = format!("data/{file}");
        let fetched = fetch_text(&url).await.map_err(|f| (f, url.clone()))?;
        crate::browser::yield_now().await;
        let doc = ntm_core::geometry::parse(&fetched.text)
            .map_err(|e| (LoadFailure::Geometry(e), url.clone()))?;
        drop(fetched);
        parts.push(ntm_core::geometry::decode(doc, &mut report));
        crate::browser::yield_now().await;
    }
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
        app.geo.update(|g| g.set(&request, state));
    });
}

/// The atlas page.
#[component]
pub fn Atlas() -> impl IntoView {
    let app = use_app();
    provide_map_context(app);
    Effect::new(move |_| {
        if let Some(request) = app.geo_request() {
            ensure_geometry(app, request);
        }
    });
    view! {
        <div class="atlas">
            <section class="map-panel">
                <MapOptions/>
                <ReformNotice/>
                <div class="map-frame">
                    <MapView/>
                    <ZoomButtons/>
                    <LocatorInset/>
                </div>
                <Timeline/>
            </section>
            // The side panel renders a frame after the map and its controls, so the first
            // render is two shorter tasks instead of one long one on a slow phone.
            <aside class="side-panel">
                {move || app.settled().is_some().then(|| view! {
                    <ScopeSummary/>
                    <UnitDetail/>
                    <Legend/>
                })}
            </aside>
            <LiveSummary/>
        </div>
    }
}
