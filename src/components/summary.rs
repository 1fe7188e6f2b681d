//! Headline numbers for the current scope and year: communes at each tier.

use leptos::prelude::*;
use ntm_core::format;
use ntm_core::i18n::{Msg, fill};
use ntm_core::summary::summarize;

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
        summary.get().map(|s| {
            let total = s.total();
            let pct = |n: usize| format::share(n, total).map(|p| format::percent(lang, p)).unwrap_or_default();
            let figures = [
                (Msg::HeadStandard, s.standard(), "standard"),
                (Msg::HeadAdvanced, s.advanced(), "advanced"),
                (Msg::HeadModel, s.model(), "model"),
            ];
            view! {
                <section class="summary" aria-label=Msg::SummaryLabel.text(lang)>
                    <p class="summary-total">
                        {fill(Msg::OfCommunes.text(lang), &[("total", &format::count(lang, total))])}
                    </p>
                    <dl class="figures">
                        {figures.into_iter().map(|(msg, n, key)| view! {
                            <div class="figure" data-tier=key>
                                <dt>{msg.text(lang)}</dt>
                                <dd>
                                    <span class="figure-value">{format::count(lang, n)}</span>
                                    <span class="figure-share">{pct(n)}</span>
                                </dd>
                            </div>
                        }).collect_view()}
                    </dl>
                </section>
            }
        })
    }
}
