//! Headline numbers for the current scope and year: communes at standard, advanced and model
//! (n / total and %), average criteria met, the change since the previous year, progress
//! towards the scope's targets, and the published figures set against the records.

use leptos::prelude::*;
use ntm_core::format;
use ntm_core::i18n::{Msg, fill};
use ntm_core::markup;
use ntm_core::summary::{Summary, summarize};
use ntm_core::targets::{published_vs_records, target_progress};

use crate::components::controls::step_label;
use crate::state::use_app;

/// The headline numbers.
#[component]
pub fn ScopeSummary() -> impl IntoView {
    let app = use_app();
    let summary = Memo::new(move |_| {
        let index = app.index()?;
        let resolved = app.resolved()?;
        Some(summarize(&index, resolved.scope, resolved.step))
    });
    move || {
        let lang = app.lang();
        let index = app.index()?;
        let r = app.resolved()?;
        let s: Summary = summary.get()?;
        let total = s.total();
        let pct = |n: usize| {
            format::share(n, total)
                .map(|p| format::percent(lang, p))
                .unwrap_or_default()
        };
        let of = |n: usize| format!("{}/{}", format::count(lang, n), format::count(lang, total));
        let figures = [
            (Msg::HeadStandard, s.standard(), "standard"),
            (Msg::HeadAdvanced, s.advanced(), "advanced"),
            (Msg::HeadModel, s.model(), "model"),
        ];
        let previous = index
            .steps()
            .iter()
            .rev()
            .find(|p| p.date < s.date && p.era() == r.step.era())
            .copied();
        let change = s.standard_change().zip(previous).map(|(c, prev)| {
            fill(
                Msg::HeadChange.text(lang),
                &[
                    ("prev", &step_label(prev, lang)),
                    ("change", &format::signed(lang, c)),
                ],
            )
        });
        let avg = s.avg_criteria.map(|(avg, of)| {
            fill(
                Msg::HeadAvgValue.text(lang),
                &[
                    ("avg", &format::decimal(lang, avg, 2)),
                    ("of", &of.to_string()),
                ],
            )
        });
        let targets = r
            .scope
            .map(|sc| target_progress(&index, sc, &s))
            .unwrap_or_default();
        let published = published_vs_records(&index, r.scope, &s);
        Some(view! {
            <section class="summary" aria-label=Msg::SummaryLabel.text(lang)>
                <p class="summary-total">
                    {fill(Msg::OfCommunes.text(lang), &[("total", &format::count(lang, total))])}
                    {change.map(|c| view! { <span class="summary-change">" · "{c}</span> })}
                </p>
                <dl class="figures">
                    {figures.into_iter().map(|(msg, n, key)| view! {
                        <div class="figure" data-tier=key>
                            <dt>{msg.text(lang)}</dt>
                            <dd>
                                <span class="figure-value">{format::count(lang, n)}</span>
                                <span class="figure-share">{of(n)}" · "{pct(n)}</span>
                            </dd>
                        </div>
                    }).collect_view()}
                    {avg.map(|a| view! {
                        <div class="figure" data-tier="criteria">
                            <dt>{Msg::HeadAvgCriteria.text(lang)}</dt>
                            <dd><span class="figure-value">{a}</span></dd>
                        </div>
                    })}
                </dl>
                {(!targets.is_empty()).then(|| view! {
                    <h3 class="summary-heading">{Msg::SummaryTargets.text(lang)}</h3>
                    <ul class="targets" inner_html=markup::target_list(&targets, lang)></ul>
                })}
                {(!published.is_empty()).then(|| view! {
                    <h3 class="summary-heading">{Msg::SummaryPublished.text(lang)}</h3>
                    <ul class="published-list" inner_html=markup::published_list(&index, &published, lang)></ul>
                })}
            </section>
        })
    }
}
