//! Clicks inside HTML written by `ntm_core::markup`: one delegated listener follows the
//! `data-unit`, `data-page` and `data-year` attributes of links and buttons through the one
//! writer of the view, so those elements need no handler of their own.

use ntm_core::view::Page;
use wasm_bindgen::JsCast;

use crate::state::{AppState, History};

/// Follows a click on an element carrying `data-unit` / `data-page` / `data-year`. Clicks that
/// open a new tab or window are left to the browser.
pub fn follow(app: AppState, ev: &web_sys::MouseEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
        return;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(Some(el)) = target.closest("[data-unit],[data-page]") else {
        return;
    };
    ev.prevent_default();
    let unit = el.get_attribute("data-unit");
    let page = match el.get_attribute("data-page").as_deref() {
        Some("map") => Some(Page::Map),
        Some("profile") => Some(Page::Profile),
        _ => None,
    };
    let year = el.get_attribute("data-year");
    app.navigate(History::Push, |v| {
        if let Some(u) = unit {
            v.unit = Some(u);
        }
        if let Some(p) = page {
            v.page = p;
        }
        if let Some(y) = year {
            v.year = (!y.is_empty()).then_some(y);
        }
    });
}
