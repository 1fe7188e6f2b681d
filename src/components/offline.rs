//! Connectivity: registers the service worker (not in embed mode), and shows "offline — data
//! as of …" when the browser is offline or the data came from the offline cache.

use leptos::prelude::*;
use ntm_core::i18n::{Msg, fill};

use crate::state::{DataState, use_app};

/// Registers `sw.js` (relative, so it works under any sub-path). Failures are ignored: the app
/// works without it, only not offline.
pub fn register_service_worker() {
    let Some(w) = web_sys::window() else { return };
    let nav = w.navigator();
    if !js_sys::Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let promise = nav.service_worker().register("sw.js");
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// The offline indicator.
#[component]
pub fn OfflineIndicator() -> impl IntoView {
    let app = use_app();
    let online = RwSignal::new(web_sys::window().is_none_or(|w| w.navigator().on_line()));
    // Whether the connection was seen lost in this visit: only then is "back online" true. A
    // phone on a weak signal says it is online while nothing arrives (the saved copy was shown
    // as "back online" to a reader with no signal at all).
    let was_offline = RwSignal::new(!online.get_untracked());
    let _on = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let _off = window_event_listener(leptos::ev::offline, move |_| {
        online.set(false);
        was_offline.set(true);
    });
    move || {
        let DataState::Ready {
            index, from_cache, ..
        } = app.data.get()
        else {
            return None;
        };
        if online.get() && !from_cache {
            return None;
        }
        let lang = app.lang();
        let date = index.data.as_of.display(lang);
        // Back online with the saved copy still on screen: say so, and offer the newest data
        // (the banner used to stay "offline" until a reload).
        if online.get() {
            let msg = if was_offline.get() {
                Msg::BackOnline
            } else {
                Msg::SavedCopyNoNetwork
            };
            return Some(
                view! {
                    <p class="offline-indicator" role="status">
                        {fill(msg.text(lang), &[("date", &date)])}
                        " "
                        <button type="button" class="button small" on:click=|_| {
                            if let Some(w) = web_sys::window() {
                                let _ = w.location().reload();
                            }
                        }>{Msg::ReloadLatest.text(lang)}</button>
                    </p>
                }
                .into_any(),
            );
        }
        Some(
            view! {
                <p class="offline-indicator" role="status">
                    <span aria-hidden="true">"⚠ "</span>
                    {fill(Msg::OfflineAsOf.text(lang), &[("date", &date)])}
                </p>
            }
            .into_any(),
        )
    }
}
