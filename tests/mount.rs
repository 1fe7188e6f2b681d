//! wasm-bindgen tests in headless Chromium: components mounted into a real DOM, asserting on
//! what a reader sees. Run by `./x test` (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use ntm_atlas::components::error_panel::ErrorPanel;
use ntm_atlas::components::summary::ScopeSummary;
use ntm_atlas::fetch::LoadFailure;
use ntm_atlas::state::{AppState, DataState};
use ntm_core::i18n::Lang;
use ntm_core::index::DatasetIndex;
use ntm_core::view::ViewState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const TINY: &str = include_str!("fixtures/tiny.json");

fn ready_state(lang: Lang) -> AppState {
    let data = ntm_core::load::parse_dataset(TINY).expect("fixture parses");
    let index = Arc::new(DatasetIndex::new(data));
    AppState::new(
        ViewState {
            lang,
            ..ViewState::default()
        },
        DataState::Ready {
            index,
            problems: Arc::default(),
        },
    )
}

/// A fresh element to mount into.
fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc
        .create_element("div")
        .expect("div")
        .unchecked_into::<web_sys::HtmlElement>();
    doc.body().expect("body").append_child(&el).expect("append");
    el
}

/// Lets the reactive system and the DOM catch up.
async fn settle() {
    for _ in 0..3 {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 40);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
}

#[wasm_bindgen_test]
async fn summary_shows_tier_counts_in_vietnamese_then_english() {
    let el = container();
    let state = ready_state(Lang::Vi);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(state);
        view! { <ScopeSummary/> }
    });
    settle().await;
    let text = el.text_content().unwrap_or_default();
    // The fixture, at its last step (2021): 4 xã (the thị trấn is not counted), Tú Mịch and
    // Khuất Xá at the standard or above (2 = 50,0 %), Khuất Xá advanced (1 = 25,0 %).
    assert!(text.contains("trên tổng số 4 xã"), "{text}");
    let figure = |tier: &str| {
        el.query_selector(&format!("[data-tier={tier}] dd"))
            .ok()
            .flatten()
            .and_then(|n| n.text_content())
    };
    assert_eq!(figure("standard").as_deref(), Some("250,0\u{a0}%"));
    assert_eq!(figure("advanced").as_deref(), Some("125,0\u{a0}%"));

    state.view.update(|v| v.lang = Lang::En);
    settle().await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("of 4 communes"), "{text}");
    assert!(text.contains("50.0%"), "{text}");
    handle.forget();
}

#[wasm_bindgen_test]
async fn summary_follows_the_year_in_the_view() {
    let el = container();
    let state = ready_state(Lang::Vi);
    state.view.update(|v| v.year = Some("2019".into()));
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(state);
        view! { <ScopeSummary/> }
    });
    settle().await;
    let standard = el
        .query_selector("[data-tier=standard] .figure-value")
        .ok()
        .flatten();
    assert_eq!(
        standard.and_then(|n| n.text_content()).as_deref(),
        Some("0")
    );
    state.view.update(|v| v.year = Some("2020".into()));
    settle().await;
    let standard = el
        .query_selector("[data-tier=standard] .figure-value")
        .ok()
        .flatten();
    assert_eq!(
        standard.and_then(|n| n.text_content()).as_deref(),
        Some("2")
    );
    handle.forget();
}

#[wasm_bindgen_test]
async fn error_panel_says_what_failed_and_retries() {
    let el = container();
    let state = AppState::new(ViewState::default(), DataState::Loading);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(state);
        view! { <ErrorPanel failure=LoadFailure::Status(404) url="data/ntm.json".to_owned()/> }
    });
    settle().await;
    let text = el.text_content().unwrap_or_default();
    assert!(
        text.contains("Không tìm thấy tệp dữ liệu data/ntm.json (lỗi 404)"),
        "{text}"
    );
    assert_eq!(
        el.query_selector("[role=alert]").ok().flatten().is_some(),
        true
    );
    let button = el
        .query_selector("button")
        .ok()
        .flatten()
        .expect("retry button");
    assert_eq!(button.text_content().as_deref(), Some("Thử lại"));
    button.unchecked_into::<web_sys::HtmlElement>().click();
    assert_eq!(state.reload.get_untracked(), 1);
    handle.forget();
}
