//! The card of the selected commune beside the map: name, status on the selected date,
//! criteria met, recognition history, and across the reform what it was formed from or what
//! it became.

use leptos::prelude::*;
use ntm_core::i18n::{Msg, fill};
use ntm_core::index::{DatasetIndex, UnitIx};
use ntm_core::model::{Provenance, Tier};
use ntm_core::names;
use ntm_core::table::RowProvenance;
use ntm_core::view::Page;

use crate::state::{History, use_app};
use wasm_bindgen::JsCast;

/// The name of a tier.
pub fn tier_msg(t: Tier) -> Msg {
    match t {
        Tier::Standard => Msg::TierStandard,
        Tier::Advanced => Msg::TierAdvanced,
        Tier::Model => Msg::TierModel,
        Tier::ModelVillage => Msg::TierModelVillage,
    }
}

/// The provenance badge of a record.
#[component]
pub fn ProvenanceBadge(
    /// Where the record comes from.
    provenance: Provenance<'static>,
) -> impl IntoView {
    let app = use_app();
    let (msg, class) = match provenance {
        Provenance::Sourced(_) => (Msg::Sourced, "badge sourced"),
        Provenance::Illustrative => (Msg::Illustrative, "badge illustrative"),
        Provenance::Synthetic | Provenance::Missing => (Msg::Synthetic, "badge synthetic"),
    };
    view! { <span class=class>{move || app.t(msg)}</span> }
}

fn owned_provenance(p: Provenance<'_>) -> Provenance<'static> {
    match p {
        Provenance::Sourced(_) => Provenance::Sourced(""),
        Provenance::Illustrative => Provenance::Illustrative,
        Provenance::Synthetic => Provenance::Synthetic,
        Provenance::Missing => Provenance::Missing,
    }
}

/// A list of related units with a status each: constituents with their last status before the
/// reform (`at` = `None`), successors with their status on `at`.
fn related_list(
    index: &DatasetIndex,
    units: &[(UnitIx, bool)],
    at: Option<ntm_core::date::Date>,
    now: ntm_core::index::Step,
    lang: ntm_core::i18n::Lang,
) -> impl IntoView + use<> {
    // Each with the year that shows it (the new commune an old one went into is on the map
    // after the reform, not on the old communes' map of the year in view).
    type Item = (String, Option<String>, String, String, bool, RowProvenance);
    let items: Vec<Item> = units
        .iter()
        .map(|&(u, part)| {
            let unit = index.unit(u);
            (
                unit.id.clone(),
                ntm_core::markup::year_attr(index, u, now),
                // With its district or province: two old communes were called Mẫu Sơn.
                names::name_with_parent(index, u, lang),
                names::related_tier(index, u, at, lang),
                part,
                names::related_provenance(index, u, at),
            )
        })
        .collect();
    let app = use_app();
    view! {
        <ul class="related">
            {items.into_iter().map(|(id, year, name, tier, part, provenance)| {
                let id2 = id.clone();
                let year2 = year.clone();
                view! {
                    <li>
                        // A real link (a new tab, a copied address); a plain click stays here.
                        <a
                            href={
                                let mut v = app.view.get_untracked();
                                v.unit = Some(id.clone());
                                if let Some(y) = &year {
                                    v.year = (!y.is_empty()).then(|| y.clone());
                                }
                                let q = v.to_query();
                                if q.is_empty() { "./".to_owned() } else { q }
                            }
                            on:click=move |ev: web_sys::MouseEvent| {
                                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
                                    return;
                                }
                                ev.prevent_default();
                                let id = id2.clone();
                                let year = year2.clone();
                                app.navigate(History::Push, |v| {
                                    v.unit = Some(id);
                                    if let Some(y) = year {
                                        v.year = (!y.is_empty()).then_some(y);
                                    }
                                });
                            }
                        >{name}</a>
                        {part.then(|| view! { <span class="muted">" ("{Msg::PartOf.text(lang)}")"</span> })}
                        <span class="muted">" — "{tier}</span>
                        {(provenance != RowProvenance::Sourced).then(|| view! {
                            " "<span class=format!("badge {}", provenance.slug())>{provenance.msg().text(lang)}</span>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The selected unit's card.
#[component]
pub fn UnitDetail() -> impl IntoView {
    let app = use_app();
    move || {
        let index = app.index()?;
        let r = app.settled()?;
        let unit_ix = r.unit?;
        let lang = app.lang();
        let unit = index.unit(unit_ix);
        // The date whose tier is shown, as on the profile: the selected one; the last day of a
        // commune that no longer exists; the last date of the data for one formed later (said
        // as such, never a tier of a date it did not exist on).
        let (shown, _) = ntm_core::chart_data::profile_date(&index, unit_ix, r.step);
        let formed_later = unit.from.filter(|&from| r.step.date < from);
        // An old commune seen at a later date: its status is its last one, said as such.
        let ended = unit.to.filter(|&to| to < r.step.date);
        let status = index.status(unit_ix, shown);
        let phrase = names::status_phrase(&index, unit_ix, status, shown, lang);
        let phrase = match formed_later {
            Some(from) => fill(
                Msg::FormedOn.text(lang),
                &[
                    ("from", &from.display(lang)),
                    ("date", &shown.display(lang)),
                    ("tier", &phrase),
                ],
            ),
            None => match ended {
                Some(to) => fill(
                    Msg::EndedOn.text(lang),
                    &[("to", &to.display(lang)), ("tier", &phrase)],
                ),
                None => phrase,
            },
        };
        let title = names::name_with_parent(&index, unit_ix, lang);
        let title = if ended.is_some() {
            format!("{title} ({})", Msg::Former.text(lang))
        } else {
            title
        };
        let criteria = names::criteria_line(&index, unit_ix, status, shown, lang);
        let history: Vec<_> = index
            .recognitions_of(unit_ix)
            .into_iter()
            .filter(|rec| rec.tier != Tier::ModelVillage)
            .map(|rec| {
                (
                    // "≤ 2016" where the source says only "by the end of 2016".
                    rec.reached().display(),
                    tier_msg(rec.tier).text(lang),
                    rec.decision.clone(),
                    owned_provenance(rec.provenance()),
                )
            })
            .collect();
        let predecessors = index.predecessors(unit_ix).to_vec();
        let successors = index.successors(unit_ix);
        let assessed = unit.kind.is_ntm_commune();
        let id = unit.id.clone();
        Some(view! {
            <section class="panel detail" aria-labelledby="detail-title" data-unit=id.clone()>
                <div class="detail-head">
                    <h2 id="detail-title" class="panel-title" tabindex="-1">{title}</h2>
                    <button type="button" class="icon-button" aria-label=Msg::CloseCard.text(lang) on:click=move |_| {
                        app.navigate(History::Push, |v| v.unit = None);
                        // The card and its button go: the keyboard's focus goes back to the map
                        // the commune was picked on, not to the top of the page.
                        if let Some(map) = document()
                            .query_selector(".map-focus")
                            .ok()
                            .flatten()
                            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                        {
                            let _ = map.focus();
                        }
                    }>"×"</button>
                </div>
                <p class="detail-status">
                    <span class="swatch" data-status=status.slug() aria-hidden="true"></span>
                    {phrase}
                </p>
                {criteria.map(|c| view! { <p class="muted">{c}</p> })}
                // A ward is not assessed: "no recognition yet" would suggest it could have one.
                {(assessed || !history.is_empty()).then(|| view! { <h3>{Msg::TierHistory.text(lang)}</h3> })}
                {if history.is_empty() {
                    assessed.then(|| view! { <p class="muted">{Msg::NoRecognitions.text(lang)}</p> }).into_any()
                } else {
                    view! {
                        <ol class="history">
                            {history.into_iter().map(|(year, tier, decision, prov)| view! {
                                <li>
                                    // A space, not only a margin: a screen reader read "2020Đạt chuẩn".
                                    <span class="history-year">{year}</span>" "
                                    <span>{tier}</span>
                                    {decision.map(|d| view! { <span class="muted">" · "{d}</span> })}
                                    " "<ProvenanceBadge provenance=prov/>
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                {(!predecessors.is_empty()).then(|| view! {
                    <h3>{Msg::FormedFrom.text(lang)}</h3>
                    {related_list(&index, &predecessors, None, r.step, lang)}
                    {names::formed_note(&index, unit_ix, lang).map(|note| view! { <p class="merger-note">{note}</p> })}
                })}
                {(!successors.is_empty()).then(|| view! {
                    <h3>{Msg::Became.text(lang)}</h3>
                    {related_list(&index, &successors, Some(names::successor_date(&index, r.step.date)), r.step, lang)}
                    {names::merger_note(&index, unit_ix, lang).map(|note| view! { <p class="merger-note">{note}</p> })}
                })}
                <p>
                    <button type="button" class="button" on:click=move |_| app.navigate(History::Push, |v| v.page = Page::Profile)>
                        {Msg::OpenProfile.text(lang)}
                    </button>
                </p>
            </section>
        })
    }
}
