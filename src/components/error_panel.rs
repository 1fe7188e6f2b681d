//! What the reader sees when something is wrong: the panel shown when the dataset cannot be
//! loaded (what went wrong, in their language, a retry button, an automatic retry with backoff
//! for network trouble, and "copy error details"), and the notice listing problems found in a
//! dataset that still loaded.

use leptos::prelude::*;
use ntm_core::i18n::{Msg, fill};
use ntm_core::validate::Severity;

use crate::fetch::LoadFailure;
use crate::state::{DataState, use_app};

/// Automatic retries for network trouble: after 2, 4 and 8 seconds, then only by hand.
const BACKOFF_SECS: [u32; 3] = [2, 4, 8];

/// The details a maintainer needs, for the clipboard.
pub fn error_details(message: &str, url: &str, dataset_version: Option<&str>) -> String {
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    format!(
        "NTM Atlas {}\ndataset: {}\nfile: {url}\npage: {page}\nbrowser: {agent}\nerror: {message}\n",
        env!("CARGO_PKG_VERSION"),
        dataset_version.unwrap_or("-"),
    )
}

/// A "copy error details" button with its confirmation.
#[component]
pub fn CopyDetails(
    /// The text copied.
    #[prop(into)]
    details: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = details.get_untracked();
        leptos::task::spawn_local(async move {
            let Some(w) = web_sys::window() else { return };
            let ok =
                wasm_bindgen_futures::JsFuture::from(w.navigator().clipboard().write_text(&text))
                    .await
                    .is_ok();
            copied.try_set(Some(ok));
        });
    };
    view! {
        <button type="button" class="button" on:click=copy>{move || app.t(Msg::CopyDetails)}</button>
        <span class="share-confirmation" role="status" aria-live="polite">
            {move || copied.get().map(|ok| app.t(if ok { Msg::Copied } else { Msg::CopyFailed }))}
        </span>
    }
}

/// The error panel.
#[component]
#[allow(clippy::needless_pass_by_value)] // component props are owned
pub fn ErrorPanel(
    /// What failed.
    failure: LoadFailure,
    /// The file that failed.
    url: String,
) -> impl IntoView {
    let app = use_app();
    let transient = failure.is_transient();
    let message = {
        let failure = failure.clone();
        let url = url.clone();
        Signal::derive(move || failure.message(app.lang(), &url))
    };
    let details = {
        let url = url.clone();
        Signal::derive(move || error_details(&message.get(), &url, None))
    };
    // Counts down to an automatic retry while attempts remain.
    let attempt = app.retries.get_untracked();
    let wait = (transient && (attempt as usize) < BACKOFF_SECS.len())
        .then(|| BACKOFF_SECS[attempt as usize]);
    let remaining = RwSignal::new(wait);
    let retry = move || {
        app.retries.update(|n| *n += 1);
        app.reload.update(|n| *n += 1);
    };
    if wait.is_some() {
        let tick = set_interval_with_handle(
            move || match remaining.get_untracked() {
                Some(s) if s > 1 => remaining.set(Some(s - 1)),
                Some(_) => {
                    remaining.set(None);
                    retry();
                }
                None => {}
            },
            std::time::Duration::from_secs(1),
        )
        .ok();
        on_cleanup(move || {
            if let Some(t) = tick {
                t.clear();
            }
        });
    }
    view! {
        <section class="panel error-panel" role="alert" aria-labelledby="error-title">
            <h2 id="error-title">{move || app.t(Msg::ErrorTitle)}</h2>
            <p class="error-message">{move || message.get()}</p>
            {move || remaining.get().map(|s| view! {
                <p class="muted">{fill(app.t(Msg::RetryIn), &[("s", &s.to_string())])}</p>
            })}
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| retry()>
                    {move || app.t(Msg::Retry)}
                </button>
                <CopyDetails details=details/>
            </div>
        </section>
    }
}

/// Problems found in a dataset that loaded: how many, and the first few, located.
#[component]
pub fn DatasetProblems() -> impl IntoView {
    let app = use_app();
    move || {
        let DataState::Ready { index, .. } = app.data.get() else {
            return None;
        };
        let problems = app.problems.get();
        let errors: Vec<_> = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        if errors.is_empty() {
            return None;
        }
        let lang = app.lang();
        let shown: Vec<(String, String)> = errors
            .iter()
            .take(20)
            .map(|p| (format!("{} ({})", p.path(), p.record), p.message(lang)))
            .collect();
        let text = errors
            .iter()
            .map(|p| format!("{}: {}", p.path(), p.message(lang)))
            .collect::<Vec<_>>()
            .join("\n");
        let version = index.data.version.clone();
        let details =
            Signal::derive(move || error_details(&text, crate::app::DATASET_URL, Some(&version)));
        Some(view! {
            <details class="notice problems-notice" role="status">
                <summary>{fill(Msg::ErrInvalid.counted(errors.len()).text(lang), &[("n", &ntm_core::format::count(lang, errors.len()))])}</summary>
                <ul class="problems">
                    {shown.into_iter().map(|(path, msg)| view! { <li><code>{path}</code>": "{msg}</li> }).collect_view()}
                </ul>
                <CopyDetails details=details/>
            </details>
        })
    }
}
