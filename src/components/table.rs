//! The table of units.

use leptos::prelude::*;

/// The table of units.
#[component]
pub fn TablePage() -> impl IntoView {
    view! { <section class="page"></section> }
}
