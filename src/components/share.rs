//! Sharing and embedding: a share button (Web Share API, or copy the link), the embed dialog
//! that writes the iframe snippet for the current view with a live preview, and, inside an
//! iframe, the height messages a host page uses to size it.

use leptos::html;
use leptos::prelude::*;
use ntm_core::i18n::Msg;
use ntm_core::view::ViewState;
use std::fmt::Write as _;
use wasm_bindgen::JsCast;

use crate::state::use_app;

/// The address of the app (without query), e.g. `https://example.gov.vn/ntm/`.
fn app_base() -> String {
    let Some(w) = web_sys::window() else {
        return String::new();
    };
    let loc = w.location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// The full URL of a view.
pub fn view_url(view: &ViewState) -> String {
    format!("{}{}", app_base(), view.to_query())
}

/// The iframe snippet for a view.
pub fn embed_snippet(view: &ViewState, title: &str, with_script: bool) -> String {
    let mut v = view.clone();
    v.embed = true;
    let src = view_url(&v).replace('&', "&amp;");
    let title = title.replace('"', "&quot;");
    let mut s = format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"720\" style=\"border:0;max-width:800px\" loading=\"lazy\" data-ntm-atlas></iframe>"
    );
    if with_script {
        let _ = write!(
            s,
            "\n<script src=\"{}embed.js\" async></script>",
            app_base()
        );
    }
    s
}

/// Copies text to the clipboard; `false` when the browser refuses.
async fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The share button and its dialog: share or copy the link to the current view, or copy the
/// iframe snippet that embeds it, with a live preview.
#[component]
pub fn ShareDialog() -> impl IntoView {
    let app = use_app();
    let map = crate::components::map::use_map();
    let dialog = NodeRef::<html::Dialog>::new();
    let with_script = RwSignal::new(true);
    let open = RwSignal::new(false);
    let link_state = RwSignal::new(None::<Msg>);
    let code_copied = RwSignal::new(false);
    let can_share = web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false));
    // Worked out while the dialog is open only: a closed dialog does not follow every year
    // step of the map.
    // The link names its date even when it is the default one: a later dataset moves the
    // default, and the link promises the view as it is now. (An embed follows the default, so
    // a portal shows new data when it comes.)
    let link = move || {
        if !open.get() {
            return String::new();
        }
        let mut v = app.view.get();
        if v.year.is_none()
            && let Some(r) = app.resolved()
        {
            v.year = Some(r.step.key());
        }
        view_url(&v)
    };
    let snippet = move || {
        if open.get() {
            embed_snippet(&app.view.get(), app.t(Msg::AppName), with_script.get())
        } else {
            String::new()
        }
    };
    // The embed part is for webmasters: folded away, and its preview (a second copy of the
    // app) loaded only when it is unfolded.
    let embed_open = RwSignal::new(false);
    // What the link opens, in words: "Bản đồ · Tỉnh Lạng Sơn · 2022 · Xã Tú Mịch".
    let link_shows = move || {
        if !open.get() {
            return String::new();
        }
        let (Some(index), Some(r)) = (app.index(), app.resolved()) else {
            return String::new();
        };
        let lang = app.lang();
        let mut parts = vec![
            crate::components::pages::page_msg(r.page)
                .text(lang)
                .to_owned(),
        ];
        // A profile is of its unit: the area chosen elsewhere ("Toàn bộ dữ liệu") says
        // nothing of it.
        if r.page != ntm_core::view::Page::Profile {
            parts.push(crate::components::scope_picker::scope_name(
                &index,
                Some(&r),
                lang,
            ));
        }
        parts.push(crate::components::controls::step_label(r.step, lang));
        // With its district: two communes may share a name (Cẩm Lý of Lục Nam and the new
        // one of Bắc Ninh).
        if let Some(u) = r.unit {
            parts.push(ntm_core::names::name_with_parent(&index, u, lang));
        }
        let table_set = r.page == ntm_core::view::Page::Table
            && app
                .view
                .with(|v| v.table != ntm_core::view::TableQuery::default());
        if table_set {
            parts.push(Msg::LinkTableAsShown.text(lang).to_owned());
        }
        ntm_core::i18n::fill(Msg::LinkShows.text(lang), &[("view", &parts.join(" · "))])
    };
    let preview_src = move || {
        let mut v = app.view.get();
        v.embed = true;
        v.to_query()
    };
    let show = move |_| {
        open.set(true);
        link_state.set(None);
        code_copied.set(false);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
        open.set(false);
    };
    let copy_link = move |_| {
        let url = link();
        leptos::task::spawn_local(async move {
            let ok = copy_text(&url).await;
            link_state.try_set(Some(if ok { Msg::LinkCopied } else { Msg::CopyFailed }));
        });
    };
    let native_share = move |_| {
        let url = link();
        // The page's title names what is shared ("Xã Khuất Xá, huyện Lộc Bình — Bản đồ Nông
        // thôn mới"): a chat shows it above the link (it showed the app's name alone).
        let title = document().title();
        let title = if title.is_empty() {
            app.t(Msg::AppName).to_owned()
        } else {
            title
        };
        leptos::task::spawn_local(async move {
            let Some(w) = web_sys::window() else { return };
            let data = web_sys::ShareData::new();
            data.set_title(&title);
            data.set_url(&url);
            let _ =
                wasm_bindgen_futures::JsFuture::from(w.navigator().share_with_data(&data)).await;
        });
    };
    let copy_code = move |_| {
        let text = snippet();
        leptos::task::spawn_local(async move {
            code_copied.try_set(copy_text(&text).await);
        });
    };
    view! {
        <button type="button" class="button tool-button share-button" on:click=show aria-haspopup="dialog">
            <span class="share-icon-box" aria-hidden="true" inner_html=ntm_core::markup::SHARE_ICON></span>
            <span class="share-label">{move || app.t(Msg::Share)}</span>
        </button>
        <dialog class="dialog share-dialog" node_ref=dialog aria-labelledby="share-title" on:close=move |_| open.set(false)>
            <div class="dialog-head">
                <h2 id="share-title">{move || app.t(Msg::ShareTitle)}</h2>
                <button type="button" class="icon-button" aria-label=move || app.t(Msg::Close) on:click=close>"×"</button>
            </div>
            <p class="link-shows">{link_shows}</p>
            <div class="actions">
                // The phone's own share sheet (Zalo, Messenger…) first where there is one.
                {can_share.then(|| view! {
                    <button type="button" class="button primary" on:click=native_share>{move || app.t(Msg::ShareVia)}</button>
                })}
                <button type="button" class="button" class:primary=!can_share on:click=copy_link>{move || app.t(Msg::CopyLink)}</button>
                <span class="share-confirmation" role="status" aria-live="polite">{move || link_state.get().map(|m| app.t(m))}</span>
            </div>
            // The map as a picture, for a chat that shows pictures better than links.
            {move || (open.get() && app.resolved().is_some_and(|r| r.page == ntm_core::view::Page::Map)).then(|| view! {
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| map.picture.set(true)>
                        {move || app.t(Msg::MapPicture)}
                    </button>
                </div>
            })}
            <label class="field snippet-field">
                <span>{move || app.t(Msg::LinkToView)}</span>
                <input type="text" readonly class="snippet" prop:value=link/>
            </label>
            <details class="embed-details" on:toggle=move |ev| {
                let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                embed_open.set(open);
            }>
            <summary>{move || app.t(Msg::EmbedTitle)}</summary>
            <p>{move || app.t(Msg::EmbedIntro)}</p>
            <label class="check">
                <input type="checkbox" prop:checked=move || with_script.get() on:change=move |ev| {
                    let checked = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked());
                    with_script.set(checked);
                }/>
                {move || app.t(Msg::EmbedAutoHeight)}
            </label>
            <label class="field snippet-field">
                <span>{move || app.t(Msg::EmbedCode)}</span>
                <textarea readonly rows="5" class="snippet" prop:value=snippet></textarea>
            </label>
            <div class="actions">
                <button type="button" class="button" on:click=copy_code>{move || app.t(Msg::CopyCode)}</button>
                <span class="share-confirmation" role="status" aria-live="polite">{move || code_copied.get().then(|| app.t(Msg::Copied))}</span>
            </div>
            <h3>{move || app.t(Msg::Preview)}</h3>
            {move || (open.get() && embed_open.get()).then(|| view! {
                <iframe class="embed-preview" src=preview_src title={move || app.t(Msg::Preview)}></iframe>
            })}
            </details>
        </dialog>
    }
}

/// In embed mode, when another page opens: asks the host page to bring the frame's top into
/// view, as `{"ntm-atlas-top": true}` (see `public/embed.js`; a host without it ignores it).
/// A reader who clicked a link at the bottom of a tall frame would otherwise land at the end
/// of the new page.
pub fn ask_parent_to_show_top() {
    let Some(w) = web_sys::window() else { return };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"ntm-atlas-top".into(), &true.into());
    if let Ok(Some(parent)) = w.parent()
        && !js_sys::Object::is(&parent, &w)
    {
        let _ = parent.post_message(&msg, "*");
    }
}

/// In embed mode: posts the page's height to the host page whenever it changes, as
/// `{"ntm-atlas-height": <px>}` (see `public/embed.js`). Only sends; the app listens to no
/// messages, so nothing a host page posts can affect it.
pub fn post_height_to_parent() {
    let Some(w) = web_sys::window() else { return };
    let Some(root) = w.document().and_then(|d| d.document_element()) else {
        return;
    };
    let last = std::rc::Rc::new(std::cell::Cell::new(0i32));
    let send = move || {
        let Some(w) = web_sys::window() else { return };
        let Some(doc) = w.document() else { return };
        let Some(body) = doc.body() else { return };
        let h = body.scroll_height().max(body.offset_height());
        if h == last.get() || h <= 0 {
            return;
        }
        last.set(h);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"ntm-atlas-height".into(), &f64::from(h).into());
        if let Ok(Some(parent)) = w.parent()
            && !js_sys::Object::is(&parent, &w)
        {
            let _ = parent.post_message(&msg, "*");
        }
    };
    send();
    let cb =
        wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
            send();
        });
    if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = w.document().and_then(|d| d.body()) {
            observer.observe(&body);
        }
    }
    cb.forget();
}
