//! The charts page: progress over time, areas (or communes) compared, criteria met, and the
//! selected commune's profile chart, for the scope and year of the view. Each chart is a memo
//! over a pure `ntm-core` function; [`ChartCanvas`] draws it.

use leptos::prelude::*;
use ntm_core::chart_data;
use ntm_core::i18n::{Msg, fill};
use ntm_core::model::Level;

use crate::components::chart_canvas::{ChartCanvas, ChartSpec};
use crate::components::controls::step_label;
use crate::components::scope_picker::{ScopeYearBar, scope_name};
use crate::components::summary::ScopeSummary;
use crate::state::use_app;

/// The charts page.
#[component]
pub fn ChartsPage() -> impl IntoView {
    let app = use_app();
    // Progress follows the scope the reader chose, across both eras.
    let progress = Memo::new(move |_| {
        let index = app.index()?;
        let r = app.resolved()?;
        let raw = app
            .view
            .with(|v| v.scope.clone())
            .and_then(|s| index.find(&s))
            .or(r.scope);
        Some(ChartSpec::Progress(chart_data::progress(
            &index,
            raw,
            Some(r.step),
        )))
    });
    let comparison = Memo::new(move |_| {
        let index = app.index()?;
        let r = app.resolved()?;
        let m = chart_data::comparison(&index, r.scope, r.step, r.unit);
        (!m.rows.is_empty() || !m.without_data.is_empty()).then_some(ChartSpec::Comparison(m))
    });
    let criteria = Memo::new(move |_| {
        let index = app.index()?;
        let r = app.resolved()?;
        chart_data::criteria(&index, r.scope, r.step).map(ChartSpec::Criteria)
    });
    let profile = Memo::new(move |_| {
        let index = app.index()?;
        let r = app.resolved()?;
        let unit = r
            .unit
            .filter(|&u| index.unit(u).kind.level() == Level::Commune)?;
        Some(ChartSpec::Profile(chart_data::profile(
            &index, unit, r.step,
        )))
    });
    let has_profile = Memo::new(move |_| profile.with(Option::is_some));
    let context = move || {
        let index = app.index()?;
        let r = app.resolved()?;
        let lang = app.lang();
        Some(fill(
            Msg::ChartsScope.text(lang),
            &[
                ("scope", &scope_name(&index, Some(&r), lang)),
                ("year", &step_label(r.step, lang)),
            ],
        ))
    };
    view! {
        <section class="page charts-page" aria-labelledby="charts-title">
            <h2 id="charts-title" class="page-title">{move || app.t(Msg::PageCharts)}</h2>
            <p class="page-context">{context}</p>
            <ScopeYearBar/>
            <ScopeSummary/>
            <div class="chart-grid">
                <ChartCanvas spec=progress.into() slug="progress"/>
                <ChartCanvas spec=comparison.into() slug="comparison"/>
                <ChartCanvas spec=criteria.into() slug="criteria"/>
                {move || if has_profile.get() {
                    view! { <ChartCanvas spec=profile.into() slug="profile"/> }.into_any()
                } else {
                    view! { <p class="chart-hint">{move || app.t(Msg::ChartProfileHint)}</p> }.into_any()
                }}
            </div>
        </section>
    }
}
