//! A commune's profile, addressable by URL (`?view=profile&unit=…`): its tier on the selected
//! date, the profile chart, recognition history with decisions and sources, the criteria still
//! missing for the next tier, model villages, the targets of its district and province, the
//! especially-disadvantaged flag, what it was formed from or what it became, provenance and
//! the "data as of" date. One column, so it reads well on a phone. The text is written by
//! `ntm_core::markup` (one delegated listener follows its links); the chart is a
//! [`ChartCanvas`].

use leptos::prelude::*;
use ntm_core::{chart_data, markup};

use crate::components::chart_canvas::{ChartCanvas, ChartSpec};
use crate::components::markup_view::follow;
use crate::state::use_app;

/// The profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let app = use_app();
    let chart = Memo::new(move |_| {
        let index = app.index()?;
        let r = app.resolved()?;
        let unit = r.unit.filter(|&u| markup::has_profile_chart(&index, u))?;
        Some(ChartSpec::Profile(chart_data::profile(
            &index, unit, r.step,
        )))
    });
    let has_chart = Memo::new(move |_| chart.with(Option::is_some));
    let part = move |body: bool| {
        let index = app.index()?;
        let r = app.resolved()?;
        let ix = r.unit?;
        let lang = app.lang();
        Some(if body {
            markup::profile_body(&index, ix, r.step, lang)
        } else {
            markup::profile_head(&index, ix, r.step, lang)
        })
    };
    view! {
        <section class="page profile-page">
            <article class="profile" aria-labelledby="profile-title" on:click=move |ev| follow(app, &ev)>
                <div class="profile-part" inner_html=move || part(false).unwrap_or_default()></div>
                {move || has_chart.get().then(|| view! { <ChartCanvas spec=chart.into() slug="profile"/> })}
                <div class="profile-part" inner_html=move || part(true).unwrap_or_default()></div>
            </article>
        </section>
    }
}
