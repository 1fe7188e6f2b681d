//! Headline numbers for the current scope and year: communes at standard, advanced and model
//! (n / total and %), average criteria met, the change since the previous year, progress
//! towards the scope's targets, and the published figures set against the records.

use leptos::prelude::*;
use ntm_core::format;
use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::index::DatasetIndex;
use ntm_core::model::{Indicator, Metric, Provenance};
use ntm_core::summary::{Summary, summarize};
use ntm_core::targets::{
    PublishedComparison, TargetProgress, published_vs_records, target_progress,
};

use crate::components::controls::step_label;
use crate::state::use_app;

/// A metric's value as readers say it: "106 xã đạt chuẩn NTM", "60,6 %", "15,21 tiêu chí".
pub fn metric_value(metric: Metric, value: f64, of: Option<u32>, lang: Lang) -> String {
    let count = |v: f64| format::int(lang, v.round() as i64);
    let noun = |msg: Msg| {
        let n = match of {
            Some(of) => format!("{}/{}", count(value), format::count(lang, of as usize)),
            None => count(value),
        };
        format!("{n} {}", msg.text(lang))
    };
    match metric {
        Metric::CommunesStandardShare | Metric::CommunesAdvancedShare => {
            let tier = if metric == Metric::CommunesStandardShare {
                Msg::PhraseTierStandard
            } else {
                Msg::PhraseTierAdvanced
            };
            format!("{} {}", format::percent(lang, value), tier.text(lang))
        }
        Metric::CommunesStandard => noun(Msg::HeadStandard),
        Metric::CommunesAdvanced => noun(Msg::HeadAdvanced),
        Metric::CommunesModel => noun(Msg::HeadModel),
        Metric::ModelVillages => noun(Msg::HeadModelVillages),
        Metric::DistrictsStandard => noun(Msg::HeadDistricts),
        Metric::AverageCriteria => fill(
            Msg::CriteriaCount.text(lang),
            &[("n", &format::decimal(lang, value, 2))],
        ),
    }
}

/// A target with its range ("25–30 thôn NTM kiểu mẫu").
fn target_text(t: &Indicator, lang: Lang) -> String {
    let base = metric_value(t.metric, t.value, None, lang);
    match t.max {
        Some(max) if !t.metric.is_percent() => {
            let lo = format::int(lang, t.value.round() as i64);
            base.replacen(
                &lo,
                &format!("{lo}–{}", format::int(lang, max.round() as i64)),
                1,
            )
        }
        _ => base,
    }
}

/// The value of the records for a metric, formatted like the metric.
fn plain_value(metric: Metric, value: f64, lang: Lang) -> String {
    match metric {
        Metric::CommunesStandardShare | Metric::CommunesAdvancedShare => {
            format::percent(lang, value)
        }
        Metric::AverageCriteria => format::decimal(lang, value, 2),
        _ => format::int(lang, value.round() as i64),
    }
}

/// One target with a progress bar.
pub fn target_item(t: &TargetProgress, lang: Lang) -> impl IntoView + use<> {
    let label = fill(
        Msg::ChartTarget.text(lang),
        &[
            ("year", &t.target.year.to_string()),
            ("value", &target_text(&t.target, lang)),
        ],
    );
    let now = fill(
        Msg::TargetNow.text(lang),
        &[("current", &plain_value(t.target.metric, t.current, lang))],
    );
    let state = if t.reached() {
        Msg::TargetReached.text(lang).to_owned()
    } else {
        fill(
            Msg::TargetRemaining.text(lang),
            &[("n", &plain_value(t.target.metric, t.remaining(), lang))],
        )
    };
    let pct = format!("{:.1}%", t.fraction() * 100.0);
    let reached = t.reached();
    view! {
        <li class="target">
            <span class="target-label">{label}</span>
            <span class="target-bar" aria-hidden="true"><span class="target-fill" class:reached=reached style:width=pct></span></span>
            <span class="target-state">{now}" · "{state}</span>
        </li>
    }
}

/// A published figure against the records, with its source.
fn published_item(
    index: &DatasetIndex,
    c: &PublishedComparison,
    lang: Lang,
) -> impl IntoView + use<> {
    let p = &c.published;
    let published = fill(
        Msg::PublishedValue.text(lang),
        &[("value", &metric_value(p.metric, p.value, p.of, lang))],
    );
    let records = c.records.map(|r| {
        fill(
            Msg::RecordsValue.text(lang),
            &[("value", &plain_value(p.metric, r, lang))],
        )
    });
    let verdict = c.agrees().map(|ok| {
        let (msg, class) = if ok {
            (Msg::FiguresAgree, "verdict agree")
        } else {
            (Msg::FiguresDiffer, "verdict differ")
        };
        view! { <span class=class>{msg.text(lang)}</span> }
    });
    let source = match p.provenance() {
        Provenance::Sourced(id) => index.source(id).map(|s| {
            let title = format!("{} ({})", s.title, s.publisher);
            match s.url.clone() {
                Some(url) => {
                    view! { <a href=url rel="noopener noreferrer" target="_blank">{title}</a> }
                        .into_any()
                }
                None => view! { <span>{title}</span> }.into_any(),
            }
        }),
        _ => Some(
            view! { <span class="badge illustrative">{Msg::Illustrative.text(lang)}</span> }
                .into_any(),
        ),
    };
    view! {
        <li class="published">
            <span>{published}</span>
            {records.map(|r| view! { <span>" · "{r}</span> })}
            {verdict.map(|v| view! { " · "{v} })}
            {source.map(|s| view! { <span class="published-source">{Msg::SourceLabel.text(lang)}": "{s}</span> })}
        </li>
    }
}

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
                    <ul class="targets">{targets.iter().map(|t| target_item(t, lang)).collect_view()}</ul>
                })}
                {(!published.is_empty()).then(|| view! {
                    <h3 class="summary-heading">{Msg::SummaryPublished.text(lang)}</h3>
                    <ul class="published-list">{published.iter().map(|c| published_item(&index, c, lang)).collect_view()}</ul>
                })}
            </section>
        })
    }
}
