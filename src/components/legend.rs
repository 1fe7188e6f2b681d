//! The legend: one entry per status with the count of communes in view; pressing an entry
//! highlights those communes on the map.

use leptos::prelude::*;
use ntm_core::format;
use ntm_core::i18n::Msg;
use ntm_core::index::Status;
use ntm_core::map_key;
use ntm_core::model::Era;
use ntm_core::view::Colouring;

use crate::components::map::use_map;
use crate::state::use_app;

/// The legend.
#[component]
pub fn Legend() -> impl IntoView {
    let app = use_app();
    let map = use_map();
    let counts = map.counts;
    // The entries are built once per language; a year change only updates their counts and
    // which of the optional ones (no data, not assessed) are shown.
    let count_of = move |status: Status| counts.with(|c| map_key::count_in(c, status));
    // After the reform there are no townships: the not-assessed entry names wards only.
    let era = Memo::new(move |_| app.resolved().map_or(Era::Pre2025, |r| r.step.era()));
    let tiers = move || {
        let lang = app.lang();
        Status::LEGEND
            .iter()
            .map(|&status| {
                let always = map_key::always_shown(status);
                let pressed = move || map.highlight.get() == Some(status);
                view! {
                    <li hidden=move || !always && count_of(status) == 0>
                        <button
                            type="button"
                            class="legend-item"
                            aria-pressed=move || pressed().to_string()
                            // "NTM kiểu mẫu 23 xã": what the number counts, said (it starts
                            // with the words shown, for voice control).
                            aria-label=move || map_key::counted_name(status, era.get(), count_of(status), lang)
                            on:click=move |_| {
                                map.highlight.update(|h| *h = if *h == Some(status) { None } else { Some(status) });
                                // On a phone the legend is a screen below the map: the map
                                // comes into view to show what the press did.
                                if map.highlight.get_untracked().is_some()
                                    && crate::browser::card_below_map()
                                {
                                    crate::browser::scroll_into_view_later("map-focus");
                                }
                            }
                        >
                            <span class="swatch" data-status=status.slug() aria-hidden="true"></span>
                            <span class="legend-name">{move || map_key::status_name(status, era.get()).text(lang)}</span>
                            <span class="legend-count">{move || format::count(lang, count_of(status))}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    // A ramp, then the colours of the communes without a value on it: the key's, the one a
    // downloaded map picture draws. Each swatch with its label as shown (perhaps none, where
    // they would crowd) and as said.
    let ramp = move |colouring: Colouring| {
        let (Some(index), Some(r)) = (app.index(), app.resolved()) else {
            return ().into_any();
        };
        let lang = app.lang();
        let key = map_key::map_key(&index, colouring, r.step.date, &[], lang);
        let title = app.t(key.title);
        view! {
            <p class="legend-ramp-title">{title}</p>
            // Named by its title, so a screen reader hears what the numbers are.
            <ol class="legend-ramp" aria-label=title>
                {key.ramp.into_iter().map(|step| {
                    let hidden = (step.shown != step.said).then_some(step.said);
                    view! {
                        <li>
                            <span class="ramp-swatch" style:background=step.colour.hex() aria-hidden="true"></span>
                            <span aria-hidden=hidden.is_some().then_some("true")>{step.shown}</span>
                            {hidden.map(|s| view! { <span class="visually-hidden">{s}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <ul class="legend-others">
                {key.swatches.into_iter().map(|s| view! {
                    <li><span class="swatch" data-status=s.status.slug() aria-hidden="true"></span>{s.label}</li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let body = move || match app.colour() {
        Colouring::Tier => view! { <ul class="legend-list">{tiers}</ul> }.into_any(),
        other => ramp(other),
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

/// Over the map while the legend highlights a tier: which, with its count, or that no commune
/// in view is at it (the whole map faded with nothing said); and a button that ends it, where
/// the reader is looking.
#[component]
pub fn HighlightBadge() -> impl IntoView {
    let app = use_app();
    let map = use_map();
    move || {
        let status = map.highlight.get()?;
        let lang = app.lang();
        let era = app.resolved().map_or(Era::Pre2025, |r| r.step.era());
        let n = map.counts.with(|c| map_key::count_in(c, status));
        let text = if n == 0 {
            ntm_core::i18n::fill(
                Msg::HighlightNone.text(lang),
                &[("name", map_key::status_name(status, era).text(lang))],
            )
        } else {
            ntm_core::i18n::fill(
                Msg::HighlightOn.text(lang),
                &[("name", &map_key::counted_name(status, era, n, lang))],
            )
        };
        Some(view! {
            <p class="map-highlight-badge" role="status">
                <span class="swatch" data-status=status.slug() aria-hidden="true"></span>
                <span>{text}</span>
                <button type="button" class="icon-button highlight-clear" aria-label=Msg::HighlightClear.text(lang)
                    on:click=move |_| map.highlight.set(None)>"×"</button>
            </p>
        })
    }
}
