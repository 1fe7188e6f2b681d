//! One commune's profile.

use leptos::prelude::*;

/// One commune's profile.
#[component]
pub fn ProfilePage() -> impl IntoView {
    view! { <section class="page"></section> }
}
