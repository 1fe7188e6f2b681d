//! About the atlas and its sources.

use leptos::prelude::*;

/// About the atlas and its sources.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! { <section class="page"></section> }
}
