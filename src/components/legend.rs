//! The legend: one entry per status with the count of communes in view; pressing an entry
//! highlights those communes on the map.

use leptos::prelude::*;
use ntm_core::format;
use ntm_core::i18n::Msg;
use ntm_core::index::Status;
use ntm_core::model::{Era, Reached};
use ntm_core::palette::sequential;
use ntm_core::view::Colouring;

use crate::components::map::use_map;
use crate::state::use_app;

/// The legend.
#[component]
pub fn Legend() -> impl IntoView {
    let app = use_app();
    let map = use_map();
    let counts = Memo::new(move |_| {
        let statuses = map.statuses.get();
        let model = map.model.get();
        let index = app.index();
        let scope = app.resolved().and_then(|r| r.scope);
        let mut counts: Vec<(Status, usize)> = Status::LEGEND.iter().map(|&s| (s, 0)).collect();
        if let (Some(model), Some(index)) = (model, index) {
            for (shape, status) in model.shapes.iter().zip(&statuses) {
                if scope.is_some_and(|sc| !index.within(shape.unit, sc)) {
                    continue;
                }
                if let Some(c) = counts.iter_mut().find(|(s, _)| s == status) {
                    c.1 += 1;
                }
            }
        }
        counts
    });
    // The entries are built once per language; a year change only updates their counts and
    // which of the optional ones (no data, not assessed) are shown.
    let count_of = move |status: Status| {
        counts.with(|c| c.iter().find(|(s, _)| *s == status).map_or(0, |(_, n)| *n))
    };
    // After the reform there are no townships: the not-assessed entry names wards only.
    let post_reform = Memo::new(move |_| {
        app.resolved()
            .is_some_and(|r| r.step.era() == Era::Post2025)
    });
    let tiers = move || {
        let lang = app.lang();
        Status::LEGEND
            .iter()
            .map(|&status| {
                let always = matches!(status, Status::Standard | Status::Advanced | Status::Model | Status::NotYet);
                let pressed = move || map.highlight.get() == Some(status);
                view! {
                    <li hidden=move || !always && count_of(status) == 0>
                        <button
                            type="button"
                            class="legend-item"
                            aria-pressed=move || pressed().to_string()
                            // "NTM kiểu mẫu 23 xã": what the number counts, said (it starts
                            // with the words shown, for voice control).
                            aria-label=move || {
                                let n = count_of(status);
                                // Wards and townships are not communes ("xã").
                                let msg = if status == Status::NotApplicable {
                                    Msg::LegendItemNameUnits
                                } else {
                                    Msg::LegendItemName
                                };
                                ntm_core::i18n::fill(
                                    msg.counted(n).text(lang),
                                    &[
                                        ("name", legend_name(status, post_reform.get()).text(lang)),
                                        ("n", &format::count(lang, n)),
                                    ],
                                )
                            }
                            on:click=move |_| map.highlight.update(|h| *h = if *h == Some(status) { None } else { Some(status) })
                        >
                            <span class="swatch" data-status=status.slug() aria-hidden="true"></span>
                            <span class="legend-name">{move || legend_name(status, post_reform.get()).text(lang)}</span>
                            <span class="legend-count">{move || format::count(lang, count_of(status))}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    // A ramp, then the colours of the communes without a value on it.
    // Each swatch with its label as shown (perhaps none, where they would crowd) and as said.
    let ramp = move |title: Msg, labels: Vec<(String, String)>, others: &'static [Status]| {
        let n = labels.len();
        view! {
            <p class="legend-ramp-title">{app.t(title)}</p>
            // Named by its title, so a screen reader hears what the numbers are.
            <ol class="legend-ramp" aria-label=app.t(title)>
                {labels.into_iter().enumerate().map(|(i, (shown, said))| {
                    let hidden = (shown != said).then_some(said);
                    view! {
                        <li>
                            <span class="ramp-swatch" style:background=sequential(i, n).hex() aria-hidden="true"></span>
                            <span aria-hidden=hidden.is_some().then_some("true")>{shown}</span>
                            {hidden.map(|s| view! { <span class="visually-hidden">{s}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <ul class="legend-others">
                {others.iter().map(|&s| view! {
                    <li><span class="swatch" data-status=s.slug() aria-hidden="true"></span>{app.t(s.msg())}</li>
                }).collect_view()}
            </ul>
        }
    };
    let body = move || match app.colour() {
        Colouring::Tier => view! { <ul class="legend-list">{tiers}</ul> }.into_any(),
        Colouring::Criteria => {
            let size = app
                .resolved()
                .and_then(|r| {
                    app.index().and_then(|i| {
                        i.commune_set_for_year(r.step.date.year)
                            .map(|s| s.criteria.len())
                    })
                })
                .unwrap_or(19);
            // One swatch per count, in the map's colour for it (`sequential(met, size + 1)`).
            ramp(
                Msg::ColourCriteria,
                sparse((0..=size).map(|k| k.to_string()).collect()),
                &[Status::NoData, Status::NotApplicable],
            )
            .into_any()
        }
        Colouring::Year => {
            // One swatch per year, in the map's colours for it (`standard_years`); labels on
            // the first, the last and every few between. The ramp had six swatches labelled
            // 2011…2026 on every date, none of them the colour the map gave that year.
            let resolved = app.resolved();
            let Some((first, last)) = app
                .index()
                .zip(resolved.as_ref())
                .map(|(i, r)| i.standard_years(r.step.date))
            else {
                return ().into_any();
            };
            // The first year "≤ 2016" where its counts are "by the end of" it.
            let labels = sparse(
                (first.year..=last)
                    .map(|year| {
                        let by_year = year == first.year && first.by_year;
                        Reached { year, by_year }.display()
                    })
                    .collect(),
            );
            // "Not re-assessed" only after the reform, where it can be.
            let post = resolved.is_some_and(|r| r.step.era() == Era::Post2025);
            let others: &'static [Status] = if post {
                &[
                    Status::NotYet,
                    Status::NotReassessed,
                    Status::NoData,
                    Status::NotApplicable,
                ]
            } else {
                &[Status::NotYet, Status::NoData, Status::NotApplicable]
            };
            ramp(Msg::ColourYear, labels, others).into_any()
        }
    };
    view! {
        <section class="legend" aria-labelledby="legend-title">
            <h2 id="legend-title" class="panel-title">{move || app.t(Msg::LegendTitle)}</h2>
            // The headline cards count a tier with those above it, as published figures do;
            // the legend counts each commune once. Said before the counts, so 84 and 61 are
            // not a contradiction: under them, a pupil copied the legend's 76 for the 80 at
            // the standard. (No empty paragraphs for the other colourings: a screen reader
            // stops on them.)
            {move || (app.colour() == Colouring::Tier).then(|| view! {
                <p class="legend-hint">{app.t(Msg::LegendCountsOnce)}</p>
            })}
            {body}
            {move || (app.colour() == Colouring::Tier).then(|| view! {
                <p class="legend-hint">{app.t(Msg::LegendHint)}</p>
            })}
        </section>
    }
}

/// A tier's name in the legend on a date of an era.
fn legend_name(status: Status, post_reform: bool) -> Msg {
    if post_reform && status == Status::NotApplicable {
        Msg::TierNotApplicablePost
    } else {
        status.msg()
    }
}

/// A ramp's labels as (shown, said): all said, shown on the first, the last and about every
/// fifth of the way between (not crowding the last), so a phone's narrow swatches can hold them.
fn sparse(said: Vec<String>) -> Vec<(String, String)> {
    let last = said.len().saturating_sub(1);
    let every = last.div_ceil(5).max(1);
    said.into_iter()
        .enumerate()
        .map(|(k, s)| {
            let shown = k == last || (k % every == 0 && last - k > every / 2);
            (if shown { s.clone() } else { String::new() }, s)
        })
        .collect()
}
