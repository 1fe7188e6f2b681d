//! A commune's profile, addressable by URL (`?view=profile&unit=…`): its tier on the selected
//! date, the profile chart, recognition history with decisions and sources, the criteria still
//! missing for the next tier, model villages, the targets of its district and province, the
//! especially-disadvantaged flag, what it was formed from or what it became, provenance and
//! the "data as of" date. One column, so it reads well on a phone.

use leptos::prelude::*;
use ntm_core::chart_data::{self, NextTierGap};
use ntm_core::date::LAST_PRE_REFORM_DAY;
use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::index::{DatasetIndex, UnitIx};
use ntm_core::model::{Level, Provenance, Tier, UnitFlag};
use ntm_core::names;
use ntm_core::summary::summarize;
use ntm_core::table::{RowProvenance, status_provenance};
use ntm_core::targets::{all_targets, target_progress};
use ntm_core::view::Page;

use crate::components::chart_canvas::{ChartCanvas, ChartSpec};
use crate::components::controls::step_label;
use crate::components::detail::tier_msg;
use crate::components::summary::target_item;
use crate::state::{History, use_app};

fn badge(p: RowProvenance, lang: Lang) -> impl IntoView + use<> {
    view! { <span class=format!("badge {}", p.slug())>{p.msg().text(lang)}</span> }
}

fn provenance_of(p: Provenance<'_>) -> RowProvenance {
    match p {
        Provenance::Sourced(_) => RowProvenance::Sourced,
        Provenance::Illustrative => RowProvenance::Illustrative,
        Provenance::Synthetic | Provenance::Missing => RowProvenance::Synthetic,
    }
}

/// A link to a source by id, if the dataset lists it.
fn source_link(index: &DatasetIndex, id: Option<&str>) -> Option<AnyView> {
    let s = index.source(id?)?;
    let title = format!("{} ({})", s.title, s.publisher);
    Some(match s.url.clone() {
        Some(url) => {
            view! { <a href=url rel="noopener noreferrer" target="_blank">{title}</a> }.into_any()
        }
        None => view! { <span>{title}</span> }.into_any(),
    })
}

/// A button that opens another unit's profile.
fn unit_link(index: &DatasetIndex, ix: UnitIx, lang: Lang) -> impl IntoView + use<> {
    let app = use_app();
    let id = index.unit(ix).id.clone();
    let name = names::name_with_parent(index, ix, lang);
    view! {
        <button type="button" class="link-button" on:click=move |_| {
            let id = id.clone();
            // Show the other unit on a date on which it exists.
            let year = app.index().and_then(|index| {
                let unit = index.find(&id)?;
                let r = app.resolved()?;
                let u = index.unit(unit);
                if u.valid_on(r.step.date) {
                    return None;
                }
                let steps = index.steps();
                let pos = steps.iter().rposition(|s| u.valid_on(s.date))?;
                Some((pos + 1 != steps.len()).then(|| steps[pos].key()))
            });
            app.navigate(History::Push, |v| {
                v.unit = Some(id);
                if let Some(y) = year {
                    v.year = y;
                }
            });
        }>{name}</button>
    }
}

/// The criteria section: what is missing for the next tier.
fn criteria_section(
    index: &DatasetIndex,
    ix: UnitIx,
    gap: &NextTierGap,
    at: ntm_core::date::Date,
    lang: Lang,
) -> AnyView {
    if !index.unit(ix).kind.is_ntm_commune() {
        return view! { <p>{Msg::ProfileNotCommune.text(lang)}</p> }.into_any();
    }
    let Some(next) = gap.next else {
        return view! { <p>{Msg::ProfileTopTier.text(lang)}</p> }.into_any();
    };
    let reach = match next {
        Tier::Advanced => Msg::ProfileReachAdvanced,
        Tier::Model => Msg::ProfileReachModel,
        Tier::Standard | Tier::ModelVillage => Msg::ProfileReachStandard,
    };
    let heading = fill(
        Msg::ProfileMissingFor.text(lang),
        &[("tier", reach.text(lang))],
    );
    if next != Tier::Standard {
        return view! {
            <h4>{heading}</h4>
            <p class="muted">{Msg::ProfileHigherTierNote.text(lang)}</p>
        }
        .into_any();
    }
    let Some(a) = gap.assessment.as_ref() else {
        return view! { <h4>{heading}</h4><p>{Msg::ProfileNoAssessment.text(lang)}</p> }.into_any();
    };
    let older = (!gap.current_set).then(|| {
        let current = index
            .commune_set_for_year(at.year)
            .map(|s| s.document.clone())
            .unwrap_or_default();
        fill(
            Msg::ProfileOlderSet.text(lang),
            &[
                ("year", &a.year.to_string()),
                ("document", &a.document),
                ("current", &current),
            ],
        )
    });
    let missing: Vec<String> = gap
        .missing()
        .iter()
        .map(|m| format!("{}. {}", m.n, m.name.get(lang)))
        .collect();
    let unknown: Vec<String> = gap
        .unknown()
        .iter()
        .map(|m| format!("{}. {}", m.n, m.name.get(lang)))
        .collect();
    let all_met = missing.is_empty().then(|| {
        fill(
            Msg::ProfileAllMet.text(lang),
            &[
                ("of", &a.marks.len().to_string()),
                ("document", &a.document),
            ],
        )
    });
    view! {
        <h4>{heading}</h4>
        {older.map(|o| view! { <p class="muted">{o}</p> })}
        {all_met.map(|m| view! { <p>{m}</p> })}
        {(!missing.is_empty()).then(|| view! {
            <ul class="missing-criteria">{missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
        })}
        {(!unknown.is_empty()).then(|| view! {
            <p class="muted">{fill(Msg::ProfileUnknownCriteria.text(lang), &[("list", &unknown.join("; "))])}</p>
        })}
    }
    .into_any()
}

/// The profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let app = use_app();
    let chart = Memo::new(move |_| {
        let index = app.index()?;
        let r = app.resolved()?;
        let unit = r
            .unit
            .filter(|&u| index.unit(u).kind.level() == Level::Commune)?;
        Some(ChartSpec::Profile(chart_data::profile(
            &index, unit, r.step,
        )))
    });
    let body = move || {
        let index = app.index()?;
        let r = app.resolved()?;
        let ix = r.unit?;
        let lang = app.lang();
        let unit = index.unit(ix);
        let selected = r.step.date;
        let valid = unit.valid_on(selected) && unit.in_era(r.step.era());
        // A unit that has ended shows its last status; one not yet created, its first.
        let at = if valid {
            selected
        } else if unit.to.is_some_and(|t| t < selected) {
            unit.to.unwrap_or(LAST_PRE_REFORM_DAY)
        } else {
            index.last_step().date
        };
        let note = (!valid).then(|| {
            if unit.to.is_some_and(|t| t < selected) {
                fill(
                    Msg::ProfileEnded.text(lang),
                    &[("date", &selected.display(lang))],
                )
            } else {
                Msg::ProfileNotYetCreated.text(lang).to_owned()
            }
        });
        let status = index.status(ix, at);
        let phrase = names::status_phrase(&index, ix, status, at, lang);
        let provenance = status_provenance(&index, ix, at);
        let gap = chart_data::next_tier_gap(&index, ix, at);
        let is_commune = unit.kind.level() == Level::Commune;

        let history = index
            .recognitions_of(ix)
            .into_iter()
            .filter(|rec| rec.tier != Tier::ModelVillage)
            .map(|rec| {
                let when = rec.date.map(|d| d.display(lang));
                view! {
                    <li>
                        <span class="history-year">{rec.year}</span>
                        <span>{tier_msg(rec.tier).text(lang)}</span>
                        {rec.former.clone().map(|f| view! { <span class="muted">" ("{f}")"</span> })}
                        {rec.decision.clone().map(|d| view! { <span class="muted">" · "{Msg::Decision.text(lang)}" "{d}</span> })}
                        {when.map(|w| view! { <span class="muted">" · "{w}</span> })}
                        " "{badge(provenance_of(rec.provenance()), lang)}
                        {source_link(&index, rec.source.as_deref()).map(|l| view! { <span class="history-source">" · "{Msg::SourceLabel.text(lang)}": "{l}</span> })}
                    </li>
                }
            })
            .collect_view();
        let has_history = index
            .recognitions_of(ix)
            .iter()
            .any(|rec| rec.tier != Tier::ModelVillage);

        let villages = index
            .model_villages(ix, at)
            .into_iter()
            .map(|v| {
                view! {
                    <li>
                        <span class="history-year">{v.year}</span>
                        {v.village.clone().unwrap_or_default()}
                        " "{badge(provenance_of(v.provenance()), lang)}
                        {source_link(&index, v.source.as_deref()).map(|l| view! { " · "{l} })}
                    </li>
                }
            })
            .collect::<Vec<_>>();

        // Targets of the unit itself, its district and its province.
        let step_at = index
            .steps()
            .iter()
            .copied()
            .rfind(|s| s.date <= at)
            .unwrap_or(r.step);
        let mut scopes: Vec<UnitIx> = vec![ix];
        scopes.extend(index.district_of(ix));
        let province = index.province_of(ix);
        if province != ix {
            scopes.push(province);
        }
        let targets = scopes
            .into_iter()
            .filter_map(|sc| {
                let summary = summarize(&index, Some(sc), step_at);
                // The commune's own targets ("standard in 2020") matter even once past.
                let t = if sc == ix { all_targets(&index, sc, &summary) } else { target_progress(&index, sc, &summary) };
                (!t.is_empty()).then(|| {
                    let title = fill(Msg::ProfileTargets.text(lang), &[("scope", &names::full_name(index.unit(sc), lang))]);
                    view! {
                        <h4>{title}</h4>
                        <ul class="targets">{t.iter().map(|t| target_item(t, lang)).collect_view()}</ul>
                    }
                })
            })
            .collect::<Vec<_>>();
        let no_targets = targets.is_empty().then(|| {
            fill(
                Msg::ProfileNoTargets.text(lang),
                &[("scope", &names::full_name(index.unit(province), lang))],
            )
        });

        let disadvantaged = unit.flags.contains(&UnitFlag::Disadvantaged);
        let flags_illustrative = unit.flags_illustrative;
        let predecessors = index.predecessors(ix).to_vec();
        let successors = index.successors(ix);
        let related = |list: Vec<(UnitIx, bool)>, when: Option<ntm_core::date::Date>| {
            list.into_iter()
                .map(|(u, part)| {
                    let d = when.unwrap_or_else(|| index.unit(u).to.unwrap_or(LAST_PRE_REFORM_DAY));
                    let s = index.status(u, d);
                    let tier = s.msg().text(lang).to_owned();
                    let tier = if when.is_none() { fill(Msg::LastTier.text(lang), &[("tier", &tier)]) } else { tier };
                    view! {
                        <li>
                            {unit_link(&index, u, lang)}
                            {part.then(|| view! { <span class="muted">" ("{Msg::PartOf.text(lang)}")"</span> })}
                            <span class="muted">" — "{tier}</span>
                        </li>
                    }
                })
                .collect_view()
        };
        let formed = (!predecessors.is_empty()).then(|| related(predecessors, None));
        let became =
            (!successors.is_empty()).then(|| related(successors, Some(index.last_step().date)));
        let as_of = fill(
            Msg::DataAsOf.text(lang),
            &[("date", &index.data.as_of.display(lang))],
        );
        let id = unit.id.clone();

        Some(view! {
            <article class="profile" aria-labelledby="profile-title" data-unit=id>
                <header class="profile-head">
                    <h2 id="profile-title" class="page-title">{names::name_with_parent(&index, ix, lang)}</h2>
                    <p class="muted">
                        {fill(Msg::ProfileCode.text(lang), &[("code", &unit.code)])}
                        " · "{as_of}" · "{badge(provenance, lang)}
                    </p>
                </header>
                <section class="profile-section" aria-labelledby="profile-status">
                    <h3 id="profile-status">{fill(Msg::ProfileStatusOn.text(lang), &[("year", &step_label(r.step, lang))])}</h3>
                    {note.map(|n| view! { <p class="notice">{n}</p> })}
                    <p class="detail-status">
                        <span class="swatch" data-status=status.slug() aria-hidden="true"></span>
                        {phrase}
                    </p>
                    <p>
                        <button type="button" class="button" on:click=move |_| app.navigate(History::Push, |v| v.page = Page::Map)>
                            {Msg::ProfileShowOnMap.text(lang)}
                        </button>
                    </p>
                </section>
                {is_commune.then(|| view! { <ChartCanvas spec=chart.into() slug="profile"/> })}
                <section class="profile-section" aria-labelledby="profile-criteria">
                    <h3 id="profile-criteria">{Msg::ProfileCriteria.text(lang)}</h3>
                    {criteria_section(&index, ix, &gap, at, lang)}
                </section>
                <section class="profile-section" aria-labelledby="profile-history">
                    <h3 id="profile-history">{Msg::TierHistory.text(lang)}</h3>
                    {if has_history {
                        view! { <ol class="history">{history}</ol> }.into_any()
                    } else {
                        view! { <p class="muted">{Msg::NoRecognitions.text(lang)}</p> }.into_any()
                    }}
                </section>
                <section class="profile-section" aria-labelledby="profile-villages">
                    <h3 id="profile-villages">{Msg::ProfileModelVillages.text(lang)}</h3>
                    {if villages.is_empty() {
                        view! { <p class="muted">{Msg::ProfileNoModelVillages.text(lang)}</p> }.into_any()
                    } else {
                        view! { <ul class="history">{villages}</ul> }.into_any()
                    }}
                </section>
                <section class="profile-section" aria-labelledby="profile-flags">
                    <h3 id="profile-flags">{Msg::ProfileFlags.text(lang)}</h3>
                    <p>
                        {if disadvantaged { Msg::FlagDisadvantagedLong.text(lang) } else { Msg::FlagNone.text(lang) }}
                        {flags_illustrative.then(|| view! { " "{badge(RowProvenance::Illustrative, lang)} })}
                    </p>
                </section>
                <section class="profile-section" aria-labelledby="profile-targets">
                    <h3 id="profile-targets">{Msg::SummaryTargets.text(lang)}</h3>
                    {targets}
                    {no_targets.map(|t| view! { <p class="muted">{t}</p> })}
                </section>
                {formed.map(|f| view! {
                    <section class="profile-section" aria-labelledby="profile-formed">
                        <h3 id="profile-formed">{Msg::FormedFrom.text(lang)}</h3>
                        <ul class="related">{f}</ul>
                    </section>
                })}
                {became.map(|b| view! {
                    <section class="profile-section" aria-labelledby="profile-became">
                        <h3 id="profile-became">{Msg::Became.text(lang)}</h3>
                        <ul class="related">{b}</ul>
                    </section>
                })}
            </article>
        })
    };
    view! { <section class="page profile-page">{body}</section> }
}
