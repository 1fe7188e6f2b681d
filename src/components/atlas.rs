//! The main page once the data is loaded: map with its controls, summary, legend and the
//! selected commune. Loads each era's geometry the first time a date of that era is shown.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use ntm_core::index::DatasetIndex;
use ntm_core::map::MapModel;
use ntm_core::model::Era;
use ntm_core::validate::Report;

use crate::components::controls::{LiveSummary, MapOptions, ReformNotice, Timeline, ZoomButtons};
use crate::components::detail::UnitDetail;
use crate::components::inset::LocatorInset;
use crate::components::legend::Legend;
use crate::components::map::{MapView, provide_map_context};
use crate::components::summary::ScopeSummary;
use crate::fetch::{LoadFailure, fetch_text};
use crate::state::{AppState, GeoState, use_app};

/// Fetches and decodes one era's geometry into a map model.
/// Returns the model and the number of shapes that could not be drawn.
pub async fn load_geometry(
    index: Arc<DatasetIndex>,
    era: Era,
    url: String,
) -> Result<(Arc<MapModel>, usize), LoadFailure> {
    let fetched = fetch_text(&url).await?;
    let doc = ntm_core::geometry::parse(&fetched.text).map_err(LoadFailure::Geometry)?;
    drop(fetched);
    let mut report = Report::default();
    let geometry = ntm_core::geometry::decode(doc, &mut report);
    ntm_core::geometry::check_units(&geometry, era, &index, &mut report);
    let broken = report.error_count();
    Ok((Arc::new(MapModel::new(&geometry, &index, era)), broken))
}

/// Starts loading an era's geometry unless it is loaded or loading.
pub fn ensure_geometry(app: AppState, era: Era) {
    if app.geo.with_untracked(|g| g.get(era).is_some()) {
        return;
    }
    let Some(index) = app.index() else { return };
    let Some(file) = index
        .data
        .geometry
        .iter()
        .find(|g| g.era == era)
        .map(|g| g.file.clone())
    else {
        return;
    };
    let url = format!("data/{file}");
    app.geo.update(|g| g.set(era, GeoState::Loading));
    spawn_local(async move {
        let state = match load_geometry(index, era, url.clone()).await {
            Ok((model, broken)) => GeoState::Ready { model, broken },
            Err(failure) => GeoState::Failed { failure, url },
        };
        app.geo.update(|g| g.set(era, state));
    });
}

/// The atlas page.
#[component]
pub fn Atlas() -> impl IntoView {
    let app = use_app();
    provide_map_context(app);
    Effect::new(move |_| {
        if let Some(r) = app.resolved() {
            ensure_geometry(app, r.step.era());
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
            <aside class="side-panel">
                <ScopeSummary/>
                <UnitDetail/>
                <Legend/>
            </aside>
            <LiveSummary/>
        </div>
    }
}
