//! The page header: title, tagline and the language switch.

use leptos::prelude::*;
use ntm_core::i18n::Msg;

use crate::components::search::Search;
use crate::components::share::ShareDialog;
use crate::state::{DataState, History, use_app};

/// The title bar.
#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let switch = move |_| {
        app.navigate(History::Replace, |v| v.lang = v.lang.other());
    };
    view! {
        <a class="skip-link" href="#main">{move || app.t(Msg::SkipToContent)}</a>
        <header class="header">
            <div class="header-text">
                <h1 class="title">{move || app.t(Msg::AppName)}</h1>
                <p class="tagline">{move || app.t(Msg::AppTagline)}</p>
            </div>
            // Until the data is there, a disabled box of the same size keeps the header from
            // growing (a layout shift) when the search box arrives.
            {move || if matches!(app.data.get(), DataState::Ready { .. }) {
                view! { <Search/> }.into_any()
            } else {
                view! {
                    <div class="search">
                        <input class="search-input" type="search" disabled aria-hidden="true" tabindex="-1" placeholder=app.t(Msg::SearchPlaceholder)/>
                    </div>
                }.into_any()
            }}
            // Sharing and the language are the page's own actions: in the title bar, which
            // leaves the page tabs the whole width of a phone.
            <div class="header-share"><ShareDialog/></div>
            // The language's own name is said in that language (a reader's voice switches to
            // it), what the button does in the page's: "English – Chuyển sang tiếng Anh".
            <button type="button" class="lang-switch" on:click=switch>
                <span class="lang-long" lang=move || app.lang().other().tag()>{move || app.t(Msg::SwitchLanguage)}</span>
                <span class="lang-short" aria-hidden="true" lang=move || app.lang().other().tag()>{move || app.t(Msg::SwitchLanguageShort)}</span>
                <span class="visually-hidden">{move || format!("– {}", app.t(Msg::LanguageLabel))}</span>
            </button>
        </header>
    }
}
