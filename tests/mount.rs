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
            from_cache: false,
        },
    )
}

/// Mounts a view built from a state made inside the mount (the state's effects need the
/// executor that mounting starts); returns the handle and the state.
fn mount_with<V>(
    el: &web_sys::HtmlElement,
    make_state: impl FnOnce() -> AppState + 'static,
    view: impl FnOnce() -> V + 'static,
) -> (
    leptos::mount::UnmountHandle<<V as leptos::tachys::view::Render>::State>,
    AppState,
)
where
    V: IntoView + leptos::tachys::view::Render + 'static,
{
    let cell = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = cell.clone();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let state = make_state();
        out.set(Some(state));
        provide_context(state);
        view()
    });
    (handle, cell.get().expect("state made"))
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
    let (handle, state) = mount_with(&el, || ready_state(Lang::Vi), || view! { <ScopeSummary/> });
    settle().await;
    let text = el.text_content().unwrap_or_default();
    // The fixture, at its last step (2021): 4 xã (the thị trấn is not counted), Tú Mịch and
    // Khuất Xá at the standard or above (2 = 50,0 %), Khuất Xá advanced (1 = 25,0 %).
    assert!(text.contains("Tổng số 4 xã"), "{text}");
    let figure = |tier: &str, part: &str| {
        el.query_selector(&format!("[data-tier={tier}] .figure-{part}"))
            .ok()
            .flatten()
            .and_then(|n| n.text_content())
    };
    assert_eq!(figure("standard", "value").as_deref(), Some("2"));
    assert_eq!(
        figure("standard", "share").as_deref(),
        Some("2/4 · 50,0\u{a0}%")
    );
    assert_eq!(
        figure("advanced", "share").as_deref(),
        Some("1/4 · 25,0\u{a0}%")
    );

    state.view.update(|v| v.lang = Lang::En);
    settle().await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("4 communes in all"), "{text}");
    assert!(text.contains("50.0%"), "{text}");
    handle.forget();
}

#[wasm_bindgen_test]
async fn summary_follows_the_year_in_the_view() {
    let el = container();
    let (handle, state) = mount_with(
        &el,
        || {
            let state = ready_state(Lang::Vi);
            state.view.update(|v| v.year = Some("2019".into()));
            state
        },
        || view! { <ScopeSummary/> },
    );
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
    let (handle, state) = mount_with(
        &el,
        || AppState::new(ViewState::default(), DataState::Loading),
        || {
            view! { <ErrorPanel failure=LoadFailure::Status(404) url="data/ntm.json".to_owned()/> }
        },
    );
    settle().await;
    let text = el.text_content().unwrap_or_default();
    assert!(
        text.contains("Không tìm thấy tệp dữ liệu data/ntm.json (lỗi 404)"),
        "{text}"
    );
    assert!(el.query_selector("[role=alert]").ok().flatten().is_some());
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

#[wasm_bindgen_test]
async fn a_panic_replaces_the_page_with_a_localised_panel() {
    // The panic hook's panel, built without the framework (which may be what panicked).
    let body = container();
    ntm_atlas::show_crash_panel_in(&body, "panicked at src/x.rs:1:1: boom");
    let panel = body
        .query_selector("[role=alert]")
        .ok()
        .flatten()
        .expect("panel");
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("Ứng dụng gặp lỗi và đã dừng"), "{text}");
    assert!(text.contains("boom"), "{text}");
    let button = panel
        .query_selector("button")
        .ok()
        .flatten()
        .expect("reload");
    assert_eq!(button.text_content().as_deref(), Some("Tải lại trang"));
    // Markup in the panic message stays text.
    ntm_atlas::show_crash_panel_in(&body, "<img src=x onerror=alert(1)>");
    assert!(body.query_selector("img").ok().flatten().is_none());
}
