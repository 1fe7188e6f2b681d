//! NTM Atlas, the browser app: Leptos components over the pure `ntm-core` crate.
//!
//! Data flow: [`fetch`] loads the dataset → [`state`] holds it with the URL-backed view →
//! [`components`] render memos of `ntm-core` functions. `main.rs` only calls [`start`].

pub mod app;
pub mod browser;
pub mod components;
pub mod fetch;
pub mod state;

use ntm_core::i18n::{Lang, Msg};

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_panel(&info.to_string());
    }));
    leptos::mount::mount_to_body(app::App);
}

/// Replaces the page with a localised error panel and a reload button. Built with DOM calls
/// and `textContent` only: nothing here can inject markup, and it needs no framework (the
/// framework may be what panicked).
pub fn show_crash_panel(detail: &str) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    show_crash_panel_in(&body, detail);
}

/// [`show_crash_panel`] into a given element (tests use a container of their own).
pub fn show_crash_panel_in(body: &web_sys::Element, detail: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let query = window.location().search().unwrap_or_default();
    let lang = ntm_core::view::ViewState::from_query(&query).lang;
    let make = |tag: &str, text: &str, class: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        if !class.is_empty() {
            el.set_class_name(class);
        }
        Some(el)
    };
    body.set_text_content(None);
    let Some(panel) = make("section", "", "panel error-panel crash-panel") else {
        return;
    };
    let _ = panel.set_attribute("role", "alert");
    for el in [
        make("h1", Msg::CrashTitle.text(lang), ""),
        make("p", Msg::CrashText.text(lang), ""),
        make(
            "pre",
            &format!("NTM Atlas {} · {detail}", env!("CARGO_PKG_VERSION")),
            "crash-detail",
        ),
    ]
    .into_iter()
    .flatten()
    {
        let _ = panel.append_child(&el);
    }
    if let Some(button) = make("button", Msg::Reload.text(lang), "button primary") {
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback(
            "click",
            wasm_bindgen::JsCast::unchecked_ref(reload.as_ref()),
        );
        reload.forget();
        let _ = panel.append_child(&button);
    }
    let _ = body.append_child(&panel);
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", if lang == Lang::En { "en" } else { "vi" });
    }
}
