//! The table page: every commune-level unit of the scope on the selected date, sortable by any
//! column, filterable by tier, district and flag, with a CSV download of exactly the rows
//! shown. It is also the accessible alternative to the map: a real `<table>` with a caption,
//! header cells with scope, and `aria-sort` on the sorted column.

use leptos::prelude::*;
use ntm_core::format;
use ntm_core::i18n::{Msg, fill};
use ntm_core::index::Status;
use ntm_core::markup;
use ntm_core::names;
use ntm_core::table::{self, Column, Filter};
use ntm_core::view::TableQuery;
use wasm_bindgen::JsCast;

use crate::browser::download;
use crate::components::controls::step_label;
use crate::components::markup_view::follow;
use crate::components::scope_picker::ScopeYearBar;
use crate::state::{History, Shared, use_app};

/// The table page.
#[component]
pub fn TablePage() -> impl IntoView {
    let app = use_app();
    // The order and filters live in the view (and so in the URL of the table page): a shared
    // link opens the table as it was shown.
    let sort = Memo::new(move |_| app.view.with(|v| v.table.sort.unwrap_or_default()));
    let filter = Memo::new(move |_| {
        let index = app.index();
        app.view.with(|v| {
            let t = &v.table;
            Filter {
                status: t.tier,
                at_least: t.tier_up,
                parent: t.within.as_deref().and_then(|id| index.as_ref()?.find(id)),
                disadvantaged: t.disadvantaged,
                name: t.name.clone(),
            }
        })
    });
    // Filters and order are adjustments of one view: each replaces the address, so Back
    // leaves the table instead of undoing keystrokes.
    let set_table = move |change: &dyn Fn(&mut TableQuery)| {
        app.navigate(History::Replace, |v| change(&mut v.table));
    };
    let all_rows = Memo::new(move |_| {
        let index = app.index()?;
        let r = app.resolved()?;
        Some(Shared(std::sync::Arc::new(table::rows(
            &index,
            r.scope,
            r.step.date,
        ))))
    });
    let shown = Memo::new(move |_| {
        let rows = all_rows.get()?;
        Some(Shared(std::sync::Arc::new(table::view(
            rows.to_vec(),
            &filter.get(),
            sort.get(),
        ))))
    });
    // The first page of rows, and more on request; back to one page when the rows change
    // (another filter, order, area or year).
    // Embedded in an article the frame is as tall as the page: a shorter page of rows keeps
    // the host's article from growing by nine phone screens (50 rows as cards).
    let page_rows = if app.view.with_untracked(|v| v.embed) {
        table::EMBED_PAGE_ROWS
    } else {
        table::PAGE_ROWS
    };
    let visible = RwSignal::new(page_rows);
    Effect::new(move |_| {
        shown.track();
        if visible.get_untracked() != page_rows {
            visible.set(page_rows);
        }
    });
    // Paper gets every row: printing (the browser's menu or Ctrl+P) shows them all first.
    let print = window_event_listener_untyped("beforeprint", move |_| {
        let total = shown
            .try_with_untracked(|s| s.as_ref().map_or(0, |s| s.len()))
            .unwrap_or(0);
        if visible.try_get_untracked().is_some_and(|v| v < total) {
            visible.set(total);
        }
    });
    on_cleanup(move || print.remove());
    // A filter naming a unit of another scope or era is dropped when the rows change.
    Effect::new(move |_| {
        let Some(rows) = all_rows.get() else { return };
        let within = app.view.with_untracked(|v| v.table.within.clone());
        let Some(id) = within else { return };
        let index = app.index_untracked();
        let p = index.as_ref().and_then(|i| i.find(&id));
        if !p.is_some_and(|p| rows.iter().any(|r| r.parent == Some(p))) {
            set_table(&|t| t.within = None);
        }
    });

    let caption = move || {
        let index = app.index()?;
        let r = app.resolved()?;
        let lang = app.lang();
        let year = step_label(r.step, lang);
        // Mid-sentence: "thuộc huyện Lộc Bình", not "thuộc Huyện Lộc Bình".
        Some(match r.scope {
            Some(s) => fill(
                if index.unit(s).in_era(r.step.era()) {
                    Msg::TableCaption
                } else {
                    Msg::TableCaptionFormer
                }
                .text(lang),
                &[
                    ("scope", &names::name_in_sentence(index.unit(s), lang)),
                    ("year", &year),
                ],
            ),
            None => fill(Msg::TableCaptionAll.text(lang), &[("year", &year)]),
        })
    };

    // The filters are written by `ntm_core::markup` when the rows or the language change (not
    // when a filter changes, so the control in use keeps its focus); one listener reads them.
    let filters = Memo::new(move |_| {
        let index = app.index()?;
        let rows = all_rows.get()?;
        Some(markup::table_filters(
            &index,
            &rows,
            &filter.get_untracked(),
            app.lang(),
        ))
    });
    let on_filter = move |ev: web_sys::Event| {
        let Some(target) = ev.target() else { return };
        if let Ok(select) = target.clone().dyn_into::<web_sys::HtmlSelectElement>() {
            let v = select.value();
            match select.name().as_str() {
                "tier" => {
                    let (slug, up) = v
                        .strip_suffix("-up")
                        .map_or((v.as_str(), false), |s| (s, true));
                    let tier = Status::from_slug(slug);
                    set_table(&|t| {
                        t.tier = tier;
                        t.tier_up = up && tier.is_some();
                    });
                }
                "parent" => set_table(&|t| t.within = (!v.is_empty()).then(|| v.clone())),
                _ => {}
            }
        } else if let Ok(input) = target.dyn_into::<web_sys::HtmlInputElement>()
            && input.name() == "disadvantaged"
        {
            let on = input.checked();
            set_table(&|t| t.disadvantaged = on);
        }
    };
    // The name filter follows each key, not only the end of the typing.
    let on_name = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if input.name() == "name" {
            let name = input.value();
            set_table(&|t| t.name.clone_from(&name));
        }
    };

    let count = move || {
        let lang = app.lang();
        let n = shown.with(|s| s.as_ref().map_or(0, |s| s.len()));
        let total = all_rows.with(|s| s.as_ref().map_or(0, |s| s.len()));
        fill(
            Msg::TableCount.counted(total).text(lang),
            &[
                ("n", &format::count(lang, n)),
                ("total", &format::count(lang, total)),
            ],
        )
    };
    // The map's totals count communes with data; the table lists every commune-level unit:
    // say which others are in it (a tryout compared 318 on the map with 507 here).
    let includes = move || {
        let lang = app.lang();
        all_rows.with(|rows| {
            let rows = rows.as_ref()?;
            let wards = rows
                .iter()
                .filter(|r| r.status == Status::NotApplicable)
                .count();
            let no_data = rows.iter().filter(|r| r.status == Status::NoData).count();
            (wards + no_data > 0).then(|| {
                fill(
                    Msg::TableIncludes.text(lang),
                    &[
                        ("wards", &format::count(lang, wards)),
                        ("nodata", &format::count(lang, no_data)),
                    ],
                )
            })
        })
    };
    let csv = move |_| {
        let Some(index) = app.index() else { return };
        let Some(rows) = shown.get_untracked() else {
            return;
        };
        let lang = app.lang();
        let text = table::to_csv(&index, &rows, lang);
        let resolved = app.resolved();
        let key = resolved.as_ref().map(|r| r.step.key()).unwrap_or_default();
        // Named by the area ("ntm-tinh-lang-son-2022.csv"), not by its code.
        let scope = ntm_core::charts::file_stem(&crate::components::scope_picker::scope_name(
            &index,
            resolved.as_ref(),
            lang,
        ));
        download(
            &format!("ntm-{scope}-{key}.csv"),
            "text/csv;charset=utf-8",
            text.as_bytes(),
        );
    };

    // A new order the reader chose is said to screen readers (aria-sort alone is read only
    // on the heading); the words come from the order itself.
    let sorted_by_reader = RwSignal::new(false);
    let sorted_said = move || {
        sorted_by_reader.get().then(|| {
            let s = sort.get();
            let msg = if s.ascending {
                Msg::TableSortedAsc
            } else {
                Msg::TableSortedDesc
            };
            fill(app.t(msg), &[("col", s.column.msg().text(app.lang()))])
        })
    };
    let header = move || {
        let lang = app.lang();
        let current = sort.get();
        Column::ALL
            .into_iter()
            .map(|col| {
                let aria = (current.column == col).then_some(if current.ascending {
                    "ascending"
                } else {
                    "descending"
                });
                let label = col.msg().text(lang);
                view! {
                    <th scope="col" aria-sort=aria class:num=col.is_numeric()>
                        <button type="button" class="sort-button" on:click=move |_| {
                            let next = sort.get_untracked().toggled(col);
                            set_table(&|t| t.sort = Some(next));
                            sorted_by_reader.set(true);
                        }>
                            {label}
                            <span class="sort-mark" aria-hidden="true">{match aria {
                                Some("ascending") => "▲",
                                Some(_) => "▼",
                                None => "↕",
                            }}</span>
                        </button>
                    </th>
                }
            })
            .collect_view()
    };

    // The rows are written by `ntm_core::markup` (one element per cell, no per-row code);
    // one delegated listener follows the links to profiles.
    let body = move || {
        let index = app.index()?;
        let rows = shown.get()?;
        let lang = app.lang();
        if rows.is_empty() {
            let mut h = markup::Html::new();
            h.open("tr", &[])
                .el(
                    "td",
                    &[("colspan", "7"), ("class", "muted")],
                    Msg::TableEmpty.text(lang),
                )
                .close("tr");
            return Some(h.finish());
        }
        let visible = visible.get().min(rows.len());
        Some(markup::table_rows(&index, &rows[..visible], lang))
    };
    // "Show more" and "show all" while rows are hidden; focus stays on the button pressed.
    let more = move || {
        let total = shown.with(|s| s.as_ref().map_or(0, |s| s.len()));
        let now = visible.get();
        (total > now).then(|| {
            let lang = app.lang();
            let left = total - now;
            let step = left.min(page_rows);
            view! {
                <div class="table-more">
                    <button type="button" class="button" on:click=move |_| visible.update(|v| *v += step)>
                        {fill(Msg::ShowMoreRows.text(lang), &[("n", &format::count(lang, step)), ("left", &format::count(lang, left))])}
                    </button>
                    {(left > step).then(|| view! {
                        <button type="button" class="button" on:click=move |_| visible.set(total)>
                            {fill(Msg::ShowAllRows.text(lang), &[("total", &format::count(lang, total))])}
                        </button>
                    })}
                </div>
            }
        })
    };

    view! {
        <section class="page table-page" aria-labelledby="table-title">
            <h2 id="table-title" class="page-title">{move || app.t(Msg::PageTable)}</h2>
            <ScopeYearBar/>
            <fieldset class="table-filters" inner_html=move || filters.get().unwrap_or_default() on:change=on_filter on:input=on_name></fieldset>
            <div class="table-bar">
                <p class="table-count" role="status">{count}</p>
                <p class="visually-hidden" aria-live="polite">{sorted_said}</p>
                {move || includes().map(|text| view! { <p class="table-includes muted">{text}</p> })}
                <button type="button" class="button" on:click=csv>
                    {move || {
                        let n = shown.with(|s| s.as_ref().map_or(0, |s| s.len()));
                        fill(app.t(Msg::DownloadCsv.counted(n)), &[("n", &format::count(app.lang(), n))])
                    }}
                </button>
            </div>
            // A table wider than its frame scrolls sideways: the scroller is a named region a
            // keyboard can focus and scroll with the arrow keys (the names stay in view, sticky).
            <div class="table-scroll units-table-scroll" role="region" tabindex="0" aria-labelledby="units-table-caption">
                <table class="data-table units-table">
                    <caption id="units-table-caption">{caption}</caption>
                    <thead><tr>{header}</tr></thead>
                    <tbody inner_html=move || body().unwrap_or_default() on:click=move |ev| follow(app, &ev)></tbody>
                </table>
            </div>
            {more}
        </section>
    }
}
