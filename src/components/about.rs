//! The about page: what the atlas is, how to read the tiers, the 2025 reform, where the numbers
//! come from (sourced, illustrative, synthetic), the sources and criteria sets of the dataset,
//! attributions, and the dataset's version and "as of" date. The text is written by
//! `ntm_core::markup::about`.

use leptos::prelude::*;
use ntm_core::markup;

use crate::state::use_app;

/// The about page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let app = use_app();
    let html = move || {
        app.index()
            .map(|index| markup::about(&index, app.lang()))
            .unwrap_or_default()
    };
    view! { <section class="page about-page" inner_html=html></section> }
}
