//! All HTTP of the app: fetching the dataset and geometry files with gloo-net, and turning
//! every way that can fail into a [`LoadFailure`] a reader can act on.

use std::time::Duration;

use gloo_net::http::Request;
use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::load::{LoadError, MAX_DATASET_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How long a request may take before the app gives up and offers a retry. Slow 2G over a
/// mountain valley takes about 20 s for the demo's statistics file.
pub const TIMEOUT: Duration = Duration::from_secs(45);

/// Why a file could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadFailure {
    /// The browser reports no network.
    Offline,
    /// The request did not complete in [`TIMEOUT`].
    Timeout,
    /// The server answered with an HTTP error status.
    Status(u16),
    /// A network error from the browser.
    Network(String),
    /// The server answered 200 with a non-JSON content type.
    ContentType(String),
    /// The body could not be read as a dataset.
    Content(LoadError),
    /// The body could not be read as a geometry file.
    Geometry(ntm_core::geometry::GeometryError),
}

impl LoadFailure {
    /// The message for a reader, in their language.
    pub fn message(&self, lang: Lang, url: &str) -> String {
        match self {
            LoadFailure::Offline => Msg::ErrOffline.text(lang).to_owned(),
            LoadFailure::Timeout => fill(
                Msg::ErrTimeout.text(lang),
                &[("s", &TIMEOUT.as_secs().to_string()), ("url", url)],
            ),
            LoadFailure::Status(404) => fill(Msg::ErrNotFound.text(lang), &[("url", url)]),
            LoadFailure::Status(s) => fill(
                Msg::ErrHttpStatus.text(lang),
                &[("status", &s.to_string()), ("url", url)],
            ),
            LoadFailure::Network(detail) => fill(
                Msg::ErrNetwork.text(lang),
                &[("url", url), ("detail", detail)],
            ),
            LoadFailure::ContentType(found) => {
                fill(Msg::ErrContentType.text(lang), &[("found", found)])
            }
            LoadFailure::Content(e) => e.message(lang, url),
            LoadFailure::Geometry(e) => e.message(lang),
        }
    }

    /// Whether trying again may help (network trouble), as opposed to bad content.
    pub fn is_transient(&self) -> bool {
        match self {
            LoadFailure::Offline | LoadFailure::Timeout | LoadFailure::Network(_) => true,
            LoadFailure::Status(s) => *s >= 500 || *s == 408 || *s == 429,
            LoadFailure::ContentType(_) | LoadFailure::Content(_) | LoadFailure::Geometry(_) => {
                false
            }
        }
    }
}

fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// A fetched file.
#[derive(Debug)]
pub struct Fetched {
    /// The body.
    pub text: String,
    /// True when the service worker answered from its cache (the network failed or was too
    /// slow): the app says it is offline and how old its data is.
    pub from_cache: bool,
}

/// Fetches a text file, with a timeout and the checks every data file needs: HTTP status,
/// content type (an HTML page served with status 200 is a failure), and size.
pub async fn fetch_text(url: &str) -> Result<Fetched, LoadFailure> {
    // Even when the browser says it is offline, ask: the service worker may answer from its
    // cache.
    let controller = web_sys::AbortController::new().ok();
    let timer = controller.as_ref().and_then(|c| {
        let c = c.clone();
        let abort = Closure::once_into_js(move || c.abort());
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                TIMEOUT.as_millis() as i32,
            )
            .ok()
    });
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let result = Request::get(url).abort_signal(signal.as_ref()).send().await;
    if let (Some(t), Some(w)) = (timer, web_sys::window()) {
        w.clear_timeout_with_handle(t);
    }
    let response = match result {
        Ok(r) => r,
        Err(e) => {
            if signal.as_ref().is_some_and(web_sys::AbortSignal::aborted) {
                return Err(LoadFailure::Timeout);
            }
            if is_offline() {
                return Err(LoadFailure::Offline);
            }
            return Err(LoadFailure::Network(e.to_string()));
        }
    };
    if !response.ok() {
        return Err(LoadFailure::Status(response.status()));
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let from_cache = response.headers().get("x-ntm-from-cache").is_some();
    if let Some(len) = response
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok())
        && len > MAX_DATASET_BYTES
    {
        return Err(LoadFailure::Content(LoadError::TooLarge {
            size: len,
            limit: MAX_DATASET_BYTES,
        }));
    }
    // The body comes as bytes, straight into the wasm's memory: reading it as a JS string
    // first would decode and re-encode every byte (a tenth of a second for the national set
    // on a slow phone), and would quietly replace bytes that are not UTF-8.
    let bytes = response.binary().await.map_err(|e| {
        if signal.as_ref().is_some_and(web_sys::AbortSignal::aborted) {
            LoadFailure::Timeout
        } else {
            LoadFailure::Network(e.to_string())
        }
    })?;
    if content_type.starts_with("text/html") {
        return Err(LoadFailure::Content(LoadError::Html));
    }
    let text = ntm_core::load::text_from_bytes(bytes).map_err(LoadFailure::Content)?;
    if ntm_core::load::looks_like_html(&text) {
        return Err(LoadFailure::Content(LoadError::Html));
    }
    let ct = content_type.split(';').next().unwrap_or("").trim();
    if !ct.is_empty()
        && !ct.ends_with("json")
        && ct != "application/octet-stream"
        && ct != "text/plain"
    {
        return Err(LoadFailure::ContentType(ct.to_owned()));
    }
    Ok(Fetched { text, from_cache })
}
