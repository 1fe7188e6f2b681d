//! Headline numbers for the current scope and year: communes at standard, advanced and model
//! (n / total and %), average criteria met, the change since the previous year, progress
//! towards the scope's targets, and the published figures set against the records.

use leptos::prelude::*;
use ntm_core::i18n::Msg;
use ntm_core::markup;

use crate::state::use_app;

/// The headline numbers, written by `ntm_core::markup::summary`.
#[component]
pub fn ScopeSummary() -> impl IntoView {
    let app = use_app();
    let html = Memo::new(move |_| {
        let index = app.index()?;
        let r = app.settled()?;
        // The area in the address, when it is not the one shown (a district after the reform).
        let requested = app
            .view
            .with(|v| v.scope.as_deref().and_then(|id| index.find(id)));
        let moved = markup::scope_moved_note(&index, requested, r.scope, r.step, app.lang());
        let numbers = markup::summary(&index, r.scope, r.step, app.lang());
        Some(match moved {
            Some(m) => m + &numbers,
            None => numbers,
        })
    });
    view! {
        // Headed, for the page's outline: its "Tiến độ so với mục tiêu" (h3) had no h2 above.
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="visually-hidden">{move || app.t(Msg::SummaryLabel)}</h2>
            <div inner_html=move || html.get().unwrap_or_default()></div>
        </section>
    }
}
