//! Charts of progress, district comparison and criteria.

use leptos::prelude::*;

/// Charts of progress, district comparison and criteria.
#[component]
pub fn ChartsPage() -> impl IntoView {
    view! { <section class="page"></section> }
}
