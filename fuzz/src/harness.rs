//! What each fuzz target does with one input, shared by the libFuzzer targets
//! (`fuzz/fuzz_targets/*.rs`, nightly) and the proptest runner (`crates/core/tests/fuzz_smoke.rs`,
//! stable), which includes this file with `#[path]`. A target passes when it returns: any
//! panic is a crash, anything slow a hang. Inputs go through the same calls as in the app.

use ntm_core::geometry;
use ntm_core::i18n::Lang;
use ntm_core::index::DatasetIndex;
use ntm_core::load;
use ntm_core::map::{Camera, MapModel, rasterize};
use ntm_core::markup;
use ntm_core::model::Era;
use ntm_core::summary::summarize;
use ntm_core::validate::{Report, validate};
use ntm_core::view::ViewState;

/// The dataset the geometry and URL targets resolve against: one district of seven units,
/// the ids the geometry seeds use.
pub const TINY_DATASET: &str = include_str!("../tiny.json");

/// Text as the app gets it from `Response::text()`: invalid UTF-8 replaced, not refused.
fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The tiny dataset, indexed.
pub fn tiny_index() -> DatasetIndex {
    DatasetIndex::new(load::parse_dataset(TINY_DATASET).expect("fuzz/tiny.json parses"))
}

/// Statistics file: parse (size, HTML and schema checks), the error message in both
/// languages, validation with every message, the index, and the summaries of a few steps and
/// scopes.
pub fn dataset(data: &[u8]) {
    let text = text(data);
    let parsed = load::parse_dataset(&text);
    let ds = match parsed {
        Ok(ds) => ds,
        Err(e) => {
            let _ = e.message(Lang::Vi, "data/ntm.json");
            let _ = e.message(Lang::En, "data/ntm.json");
            return;
        }
    };
    let report = validate(&ds);
    for p in &report.problems {
        let _ = p.path();
        let _ = p.message(Lang::Vi);
        let _ = p.message(Lang::En);
    }
    let index = DatasetIndex::new(ds);
    let steps = index.steps();
    let mut picks = vec![index.default_step(), index.last_step()];
    picks.extend(steps.first().copied());
    picks.extend(steps.get(steps.len() / 2).copied());
    for step in picks {
        let _ = summarize(&index, None, step);
        for scope in index.scopes_of_era(step.era()).into_iter().take(3) {
            let _ = summarize(&index, Some(scope), step);
        }
    }
    // The URL of the first units, resolved against what was just loaded; their profile,
    // which core writes as HTML: names and codes are text, so no markup of the data may get
    // through (the hostile values of the corpus carry `<script>` and `<img onerror>`).
    let step = index.default_step();
    for (ix, u) in index.data.units.iter().enumerate().take(3) {
        let query = format!("?unit={}&scope={}&view=profile", u.id, u.id);
        let _ = ViewState::from_query(&query).resolve(&index);
        for lang in [Lang::Vi, Lang::En] {
            let html = markup::profile_head(&index, ix, step, lang)
                + &markup::profile_body(&index, ix, step, lang);
            assert!(
                !html.contains("<script") && !html.contains("<img"),
                "data markup in the profile HTML: {html}"
            );
        }
    }
}

/// Geometry file: parse, decode, the ring checks, units checked against the tiny dataset, the
/// map model, and a small raster through a camera fitted to the model.
pub fn geometry(data: &[u8], index: &DatasetIndex) {
    let text = text(data);
    let doc = match geometry::parse(&text) {
        Ok(doc) => doc,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    let era = doc.era;
    let mut report = Report::default();
    let geo = geometry::decode(doc, &mut report);
    geometry::check_rings(&geo, &mut report);
    geometry::check_units(&geo, era, index, &mut report);
    for p in &report.problems {
        let _ = p.message(Lang::Vi);
        let _ = p.message(Lang::En);
    }
    let _ = geo.bbox(0..geo.shapes.len());
    let _ = geo.borders_between(Some);
    let model = MapModel::new(&geo, index, era);
    let camera = Camera::fit(model.bbox, 48.0, 32.0, 2.0);
    let raster = rasterize(&model, &camera, 48, 32, 1.0);
    let _ = raster.at(24, 16);
    let zoomed = camera.zoom_at(64.0, [24.0, 16.0], 1e-4, 1e6);
    let _ = rasterize(&model, &zoomed, 24, 16, 2.0);
    if !model.shapes.is_empty() {
        let _ = model.neighbour(0, 1.0, 0.0, |_| true);
    }
    let _ = model.bbox_of_scope(index, index.find("181"));
    let _ = era == Era::Pre2025;
}

/// URL codec: parse, write, parse again; the state and the query must be stable after one
/// round, and resolving against the tiny dataset must not fail.
pub fn url(data: &[u8], index: &DatasetIndex) {
    let query = text(data);
    let first = ViewState::from_query(&query);
    let written = first.to_query();
    let again = ViewState::from_query(&written);
    assert_eq!(first, again, "state changed on a round trip of {query:?}");
    assert_eq!(again.to_query(), written, "query not stable for {query:?}");
    let resolved = first.resolve(index);
    assert!(
        index.steps().contains(&resolved.step) || resolved.step == index.default_step(),
        "resolved to a step outside the timeline"
    );
}
