//! Type-ahead search over the units of both eras.

use leptos::prelude::*;

/// The search box.
#[component]
pub fn Search() -> impl IntoView {
    view! { <div class="search"></div> }
}
