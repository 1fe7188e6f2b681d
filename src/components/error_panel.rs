//! The panel shown when the dataset cannot be loaded: what went wrong, in the reader's
//! language, with a retry button (and an automatic retry with backoff for network trouble).

use leptos::prelude::*;
use ntm_core::i18n::Msg;

use crate::fetch::LoadFailure;
use crate::state::use_app;

/// The error panel.
#[component]
pub fn ErrorPanel(
    /// What failed.
    failure: LoadFailure,
    /// The file that failed.
    url: String,
) -> impl IntoView {
    let app = use_app();
    let message = {
        let failure = failure.clone();
        let url = url.clone();
        move || failure.message(app.lang(), &url)
    };
    let retry = move |_| app.reload.update(|n| *n += 1);
    view! {
        <section class="panel error-panel" role="alert" aria-labelledby="error-title">
            <h2 id="error-title">{move || app.t(Msg::ErrorTitle)}</h2>
            <p class="error-message">{message}</p>
            <div class="actions">
                <button type="button" class="button primary" on:click=retry>
                    {move || app.t(Msg::Retry)}
                </button>
            </div>
        </section>
    }
}
