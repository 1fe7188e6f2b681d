//! Navigation between the pages (map, charts, table, profile, about) and the page switch.
//! The page is part of the URL (`view=`), so every page can be linked to.

use leptos::prelude::*;
use ntm_core::i18n::Msg;
use ntm_core::view::Page;
use wasm_bindgen::JsCast;

use crate::components::about::AboutPage;
use crate::components::atlas::Atlas;
use crate::components::charts::ChartsPage;
use crate::components::profile::ProfilePage;
use crate::components::table::TablePage;
use crate::state::{History, use_app};

/// The tab name of a page.
pub fn page_msg(page: Page) -> Msg {
    match page {
        Page::Map => Msg::PageMap,
        Page::Charts => Msg::PageCharts,
        Page::Table => Msg::PageTable,
        Page::Profile => Msg::PageProfile,
        Page::About => Msg::PageAbout,
    }
}

/// The tab bar of pages.
#[component]
pub fn PageNav() -> impl IntoView {
    let app = use_app();
    let current = Memo::new(move |_| app.resolved().map_or(Page::Map, |r| r.page));
    // The tabs are rebuilt only when the profile tab appears or goes, not on a year change.
    let has_unit = Memo::new(move |_| app.resolved().is_some_and(|r| r.unit.is_some()));
    let pages = move || {
        let has_unit = has_unit.get();
        Page::ALL
            .into_iter()
            .filter(move |p| *p != Page::Profile || has_unit)
            .map(|page| {
                view! {
                    <li>
                        <a
                            href=move || {
                                let mut v = app.view.get();
                                v.page = page;
                                let q = v.to_query();
                                if q.is_empty() { "./".to_owned() } else { q }
                            }
                            class="nav-link"
                            aria-current=move || (current.get() == page).then_some("page")
                            on:click=move |ev: web_sys::MouseEvent| {
                                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                                    return;
                                }
                                ev.prevent_default();
                                app.navigate(History::Push, |v| v.page = page);
                            }
                        >
                            {move || app.t(page_msg(page))}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="page-nav" aria-label=move || app.t(Msg::NavLabel)>
            <ul>{pages}</ul>
        </nav>
    }
}

/// Moves the keyboard's focus to the page's first heading (on the map page, the map) when
/// nothing has it (the element that had it was removed).
fn focus_page_heading_if_lost() {
    focus_if_lost(&["#main .page h2", "#main .map-focus"]);
}

/// Whether nothing has the keyboard's focus (the element that had it was removed).
fn focus_lost(doc: &web_sys::Document) -> bool {
    doc.active_element()
        .is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body") || !a.is_connected())
}

/// Once the element that had the focus is gone (checked every 50 ms, `tries` times), moves
/// the focus to the unit's heading; stops if the focus went anywhere else meanwhile.
fn refocus_when_lost(had: Option<web_sys::Element>, on_profile: bool, tries: u32) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let active = doc.active_element();
    if focus_lost(&doc) {
        if on_profile && let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        focus_if_lost(&["#main .page h2", "#detail-title", "#main .map-focus"]);
        return;
    }
    if active != had || tries == 0 {
        return;
    }
    set_timeout(
        move || refocus_when_lost(had, on_profile, tries - 1),
        std::time::Duration::from_millis(50),
    );
}

/// Moves the keyboard's focus, when nothing has it, to what the first of `selectors` that
/// finds anything finds.
fn focus_if_lost(selectors: &[&str]) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if !focus_lost(&doc) {
        return;
    }
    if let Some(target) = selectors
        .iter()
        .find_map(|s| doc.query_selector(s).ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // A heading becomes focusable from script only; the map keeps its place in the Tab
        // order (it lost it when given -1 here).
        if !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        let _ = target.focus();
    }
}

/// The current page.
#[component]
pub fn CurrentPage() -> impl IntoView {
    let app = use_app();
    let page = Memo::new(move |_| app.resolved().map_or(Page::Map, |r| r.page));
    // Another page starts at its top, with the tabs in view (a profile opened from a card
    // below the map used to open part-way down). Not on the first render: a reload keeps its
    // place.
    Effect::new(move |previous: Option<Page>| {
        let now = page.get();
        if previous.is_some_and(|p| p != now)
            && let Some(w) = web_sys::window()
        {
            w.scroll_to_with_x_and_y(0.0, 0.0);
            // Embedded, the frame is as tall as the page: the host page is what must scroll.
            if app.view.with_untracked(|v| v.embed) {
                crate::components::share::ask_parent_to_show_top();
            }
            // The control that opened the page went with the old page (a card's "open the
            // profile", a link in a table): the keyboard's focus would fall to the end of the
            // document. It goes to the new page's heading, which a screen reader then reads.
            // A page tab keeps the focus it has.
            leptos::prelude::request_animation_frame(focus_page_heading_if_lost);
        }
        now
    });
    // Another unit on the same page, from a link that went with the old one (a profile's "went
    // into Xã Khuất Xá", a card's list of old communes): the focus goes to the new unit's
    // heading (the profile's, or the map card's), not to the end of the document.
    // The old link may stay a moment (a year in another era waits for its map), so this
    // watches for a while: until the element that had the focus is gone, or the reader has
    // moved on.
    let unit = Memo::new(move |_| app.resolved().and_then(|r| r.unit));
    Effect::new(move |previous: Option<Option<usize>>| {
        let now = unit.get();
        if previous.is_some_and(|p| p != now) {
            let on_profile = page.get_untracked() == Page::Profile;
            let had = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            refocus_when_lost(had, on_profile, 40);
        }
        now
    });
    move || match page.get() {
        Page::Map => view! { <Atlas/> }.into_any(),
        Page::Charts => view! { <ChartsPage/> }.into_any(),
        Page::Table => view! { <TablePage/> }.into_any(),
        Page::Profile => view! { <ProfilePage/> }.into_any(),
        Page::About => view! { <AboutPage/> }.into_any(),
    }
}
