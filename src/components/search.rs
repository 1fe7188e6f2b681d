//! Type-ahead search over the units of both eras, in the header. An ARIA 1.2 combobox: the
//! input owns a listbox of results; arrows move the active option, Enter chooses it, Esc closes
//! the list (and clears the box when it is already closed). Choosing a commune selects it on the
//! map (or in the table or profile being viewed); choosing a district or province makes it the
//! area. A unit of the other era moves the year to a date on which it exists.

use std::sync::Arc;

use leptos::prelude::*;
use ntm_core::i18n::{Msg, fill};
use ntm_core::index::DatasetIndex;
use ntm_core::markup;
use ntm_core::model::Level;
use ntm_core::search::{SearchHit, SearchIndex};
use ntm_core::view::Page;
use wasm_bindgen::JsCast;

use crate::state::{AppState, History, Shared, use_app};

/// Most results listed.
const LIMIT: usize = 8;

/// How choosing a unit changes the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum YearChange {
    /// The unit exists on the current step.
    Keep,
    /// Move to this step key (`None`: the default step, no `year` in the URL).
    Set(Option<String>),
}

/// The year that shows a unit: unchanged when it exists on the current step, else the latest
/// step on which it exists.
pub fn year_for(index: &DatasetIndex, unit: usize, current: ntm_core::index::Step) -> YearChange {
    let u = index.unit(unit);
    if u.valid_on(current.date) && u.in_era(current.era()) {
        return YearChange::Keep;
    }
    let steps = index.steps();
    match steps
        .iter()
        .rposition(|s| u.valid_on(s.date) && u.in_era(s.era()))
    {
        Some(pos) => {
            YearChange::Set((steps[pos] != index.default_step()).then(|| steps[pos].key()))
        }
        None => YearChange::Keep,
    }
}

/// Selects a search result.
pub fn choose(app: AppState, index: &DatasetIndex, hit: &SearchHit) {
    let Some(r) = app.resolved() else { return };
    let unit = index.unit(hit.unit);
    let id = unit.id.clone();
    let year = year_for(index, hit.unit, r.step);
    let target_step = match &year {
        YearChange::Keep => r.step,
        YearChange::Set(key) => key
            .as_deref()
            .and_then(|k| index.step_by_key(k))
            .unwrap_or_else(|| index.default_step()),
    };
    let is_commune = unit.kind.level() == Level::Commune;
    // Keep the area only if it contains the unit in the era shown.
    let keep_scope = r
        .scope
        .and_then(|s| index.scope_in_era(s, target_step.era()))
        .is_some_and(|s| index.within(hit.unit, s));
    app.navigate(History::Push, |v| {
        if is_commune {
            v.unit = Some(id);
            if !matches!(v.page, Page::Table | Page::Profile) {
                v.page = Page::Map;
            }
            if !keep_scope {
                v.scope = None;
            }
        } else {
            v.scope = Some(id);
            v.unit = None;
            if matches!(v.page, Page::Profile | Page::About) {
                v.page = Page::Map;
            }
        }
        if let YearChange::Set(y) = year {
            v.year = y;
        }
    });
    // The map shows the commune picked: it zooms in on it, and on a phone opens the callout a
    // tap gives (its name, tier and the way to its card below). The map comes into view with
    // the focus, which closes a phone's keyboard (the page used to jump to the card, leaving
    // the map at the whole province with the commune a thin outline somewhere).
    let on_map = app.view.with_untracked(|v| v.page == Page::Map);
    if is_commune && on_map {
        if let Some(map) = use_context::<crate::components::map::MapContext>() {
            map.reveal.update(|n| *n += 1);
        }
        if crate::browser::card_below_map() {
            crate::browser::scroll_and_focus_later("map-focus");
        }
    }
}

/// Puts text typed before the app started into the app's search box, as if typed there
/// (its results open), and the focus with it if it was there.
pub fn carry_over(value: &str, focused: bool) {
    let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("search-input"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    input.set_value(value);
    if focused {
        let _ = input.focus();
    }
    if !value.trim().is_empty()
        && let Ok(ev) = web_sys::Event::new("input")
    {
        let _ = input.dispatch_event(&ev);
    }
}

/// The search box.
#[component]
pub fn Search() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // Folding thousands of names costs a long task on a slow phone: the index is built when
    // the reader first focuses the box or types, never on the way to the first map.
    let search_index =
        Memo::new(move |_| app.index().map(|i| Shared(Arc::new(SearchIndex::new(&i)))));
    let hits = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        let (Some(index), Some(si), Some(r)) = (app.index(), search_index.get(), app.resolved())
        else {
            return Vec::new();
        };
        si.search(&index, &q, r.step.era(), LIMIT)
    });
    let warm_up = move |_| search_index.with_untracked(|_| ());
    let expanded = move || open.get() && !query.with(|q| q.trim().is_empty());

    // What was picked, said by the status line once the list has closed: the box empties and
    // keeps the focus, so a screen reader would otherwise hear nothing.
    let picked = RwSignal::new(None::<ntm_core::index::UnitIx>);
    let pick = move |i: usize| {
        let Some(index) = app.index() else { return };
        let Some(hit) = hits.with_untracked(|h| h.get(i).cloned()) else {
            return;
        };
        picked.set(Some(hit.unit));
        choose(app, &index, &hit);
        query.set(String::new());
        open.set(false);
        active.set(None);
    };

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = hits.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                open.set(true);
                if n > 0 {
                    active.set(Some(active.get_untracked().map_or(0, |a| (a + 1) % n)));
                }
            }
            "ArrowUp" => {
                ev.prevent_default();
                open.set(true);
                if n > 0 {
                    active.set(Some(
                        active.get_untracked().map_or(n - 1, |a| (a + n - 1) % n),
                    ));
                }
            }
            "Enter" if expanded() && n > 0 => {
                ev.prevent_default();
                pick(active.get_untracked().unwrap_or(0));
            }
            "Escape" => {
                if expanded() {
                    ev.prevent_default();
                    open.set(false);
                    active.set(None);
                } else if !query.with_untracked(String::is_empty) {
                    ev.prevent_default();
                    query.set(String::new());
                }
            }
            _ => {}
        }
    };

    // The options are written by `ntm_core::markup` and rewritten when the active one moves
    // (at most eight); one listener handles clicks on any of them.
    let options = move || {
        let index = app.index()?;
        // No list, no subscription to the year: a year change did not rebuild an empty list.
        if hits.with(Vec::is_empty) {
            return Some(String::new());
        }
        let at = app
            .resolved()
            .map_or(index.last_step().date, |r| r.step.date);
        Some(markup::search_options(
            &index,
            &hits.get(),
            active.get(),
            at,
            app.lang(),
        ))
    };
    let on_option_click = move |ev: web_sys::MouseEvent| {
        let picked = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-index]").ok().flatten())
            .and_then(|el| el.get_attribute("data-index"))
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(i) = picked {
            pick(i);
        }
    };
    // "Use the arrow keys" means nothing on a phone.
    let touch_only = crate::browser::touch_only();
    let status_text = move || {
        if !expanded() {
            let (Some(unit), Some(index)) = (picked.get(), app.index()) else {
                return String::new();
            };
            let lang = app.lang();
            let name = ntm_core::names::name_with_parent(&index, unit, lang);
            return fill(Msg::SearchPicked.text(lang), &[("name", &name)]);
        }
        let lang = app.lang();
        let n = hits.with(Vec::len);
        if n == 0 {
            format!(
                "{} {}",
                fill(
                    Msg::SearchNoResults.text(lang),
                    &[("q", query.get().trim())]
                ),
                Msg::SearchNoResultsHint.text(lang)
            )
        } else {
            let msg = if touch_only {
                Msg::SearchResultsCountTouch
            } else {
                Msg::SearchResultsCount
            };
            fill(msg.counted(n).text(lang), &[("n", &n.to_string())])
        }
    };
    // Read out once typing pauses: each letter queued its own long "not found" (three for
    // "xyz"). What was picked is said at once.
    let spoken = RwSignal::new(String::new());
    let said = StoredValue::new(0u32);
    Effect::new(move |_| {
        let text = status_text();
        said.update_value(|g| *g = g.wrapping_add(1));
        if !expanded() {
            spoken.set(text);
            return;
        }
        let generation = said.get_value();
        set_timeout(
            move || {
                if said.try_get_value() == Some(generation) {
                    spoken.try_set(text);
                }
            },
            std::time::Duration::from_millis(700),
        );
    });

    view! {
        <div class="search">
            <label for="search-input" class="visually-hidden">{move || app.t(Msg::SearchLabel)}</label>
            <input
                id="search-input"
                class="search-input"
                type="search"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls="search-listbox"
                aria-expanded=move || (expanded() && !hits.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("search-option-{i}"))
                placeholder=move || app.t(Msg::SearchPlaceholder)
                prop:value=move || query.get()
                on:input=move |ev| {
                    crate::browser::cancel_pending_reveal();
                    picked.set(None);
                    query.set(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:keydown=on_key
                on:focus=move |ev| {
                    open.set(true);
                    warm_up(ev);
                }
                on:blur=move |_| {
                    open.set(false);
                    active.set(None);
                }
            />
            <ul
                id="search-listbox"
                role="listbox"
                class="search-list"
                class:hidden=move || !expanded() || hits.with(Vec::is_empty)
                aria-label=move || app.t(Msg::SearchLabel)
                inner_html=move || options().unwrap_or_default()
                on:pointerdown=move |ev: web_sys::PointerEvent| ev.prevent_default()
                on:click=on_option_click
            ></ul>
            // Seen, not read out: the status line below already says it.
            {move || (expanded() && hits.with(Vec::is_empty)).then(|| {
                let lang = app.lang();
                view! {
                    <div class="search-list search-empty" aria-hidden="true">
                        <p>{fill(Msg::SearchNoResults.text(lang), &[("q", query.get().trim())])}</p>
                        <p class="search-note">{Msg::SearchNoResultsHint.text(lang)}</p>
                    </div>
                }
            })}
            <p class="visually-hidden" role="status" aria-live="polite">{move || spoken.get()}</p>
        </div>
    }
}
