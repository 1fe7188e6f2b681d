//! Small wrappers over browser facts the components need: pixel ratio, media queries,
//! downloads, the clipboard. Every call tolerates a browser that refuses (an iframe without
//! permissions, storage blocked by the host page).

use wasm_bindgen::JsCast;

/// Device pixels per CSS pixel.
pub fn device_pixel_ratio() -> f32 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio() as f32)
        .max(1.0)
}

/// How much larger than the usual 16 px the reader's text is (their browser's font size, as
/// the page's root font size), 1 to 2. Text drawn on a canvas is sized in CSS pixels and would
/// otherwise stay small when the page's text grows.
pub fn text_scale() -> f64 {
    let size = web_sys::window()
        .zip(web_sys::window().and_then(|w| w.document()?.document_element()))
        .and_then(|(w, root)| w.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        // The browser's own parseFloat: Rust's float parsing would add 11 KB (brotli) of
        // code to the app for this one number.
        .map(|v| js_sys::parse_float(&v))
        .filter(|v| v.is_finite())
        .unwrap_or(16.0);
    (size / 16.0).clamp(1.0, 2.0)
}

/// Whether the only pointer is a finger (a phone or tablet, where keyboard instructions mean
/// nothing to a reader, sighted or not).
pub fn touch_only() -> bool {
    media_matches("(pointer: coarse)") && !media_matches("(any-pointer: fine)")
}

/// Whether the commune's card is below the map, not beside it (narrower than 900 px: a
/// phone or a small tablet; `style/main.css` lays the page out so from the same width).
pub fn card_below_map() -> bool {
    media_matches("(max-width: 899px)")
}

/// Whether a media query matches.
pub fn media_matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Whether the reader asked for less motion.
pub fn prefers_reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}

/// Whether the page is in dark mode.
pub fn prefers_dark() -> bool {
    media_matches("(prefers-color-scheme: dark)")
}

/// Milliseconds since page load.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Offers a file download of some bytes.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(&document, name, &url);
    // Revoked later, not at once: a phone's browser starts the download after the click
    // handler has returned, and finds a revoked URL empty (no file came on a phone).
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
}

/// Offers a download of a URL (a data: URL of a canvas, for example).
pub fn download_url(document: &web_sys::Document, name: &str, url: &str) {
    let Ok(a) = document.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(url);
    a.set_download(name);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

thread_local! {
    // The marks this page has set: asking the browser for its marks costs a millisecond on a
    // slow phone, and the map calls `mark_once` on every recolour.
    static MADE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn made(name: &str) -> bool {
    MADE.with_borrow(|m| m.iter().any(|n| n == name))
}

/// Sets a performance mark the first time it is reached (the benchmark reads `data-ready` and
/// `map-ready`).
pub fn mark_once(name: &str) {
    if made(name) {
        return;
    }
    MADE.with_borrow_mut(|m| m.push(name.to_owned()));
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Waits until [`mark_once`] has set a mark (checked every 100 ms), or at most `limit_ms`.
pub async fn until_mark(name: &str, limit_ms: u32) {
    let mut waited = 0;
    while waited < limit_ms && !made(name) {
        sleep(100).await;
        waited += 100;
    }
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` in a task of its own once the current changes have been painted (the next
/// animation frame, then a timeout): work that can wait a frame does not delay the pixels.
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    });
}

/// Lets the browser run other tasks (input, painting) before continuing.
pub async fn yield_now() {
    sleep(0).await;
}

/// Scrolls an element into view once the next frames have rendered it (the detail card
/// follows the map by a frame); smooth unless the reader asked for reduced motion.
pub fn scroll_into_view_later(id: &'static str) {
    reveal_later(id, false);
}

/// [`scroll_into_view_later`], then moves the focus there (the element needs
/// `tabindex="-1"`): after a search pick on a phone the focus stayed in the search box, now
/// far above the screen, and a keyboard's next Tab started from there.
pub fn scroll_and_focus_later(id: &'static str) {
    reveal_later(id, true);
}

thread_local! {
    /// Bumped when the reader acts again before a scheduled reveal has run.
    static REVEAL_TOKEN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Cancels a pending [`scroll_and_focus_later`]: a reader who goes on typing in the search
/// box within the moment it waits keeps the box, in sight and focused.
pub fn cancel_pending_reveal() {
    REVEAL_TOKEN.with(|t| t.set(t.get().wrapping_add(1)));
}

fn reveal_later(id: &'static str, focus: bool) {
    let smooth = !prefers_reduced_motion();
    let token = REVEAL_TOKEN.with(std::cell::Cell::get);
    leptos::prelude::set_timeout(
        move || {
            if REVEAL_TOKEN.with(std::cell::Cell::get) != token {
                return;
            }
            let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
            else {
                return;
            };
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            if smooth {
                options.set_behavior(web_sys::ScrollBehavior::Smooth);
            }
            el.scroll_into_view_with_scroll_into_view_options(&options);
            if focus && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = el.focus_with_options(&options);
            }
        },
        std::time::Duration::from_millis(120),
    );
}
