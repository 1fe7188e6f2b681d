//! The about page: what the atlas is, how to read the tiers, the 2025 reform, where the numbers
//! come from (sourced, illustrative, synthetic), the sources and criteria sets of the dataset,
//! attributions, and the dataset's version and "as of" date.

use leptos::prelude::*;
use ntm_core::i18n::{Msg, fill};
use ntm_core::index::Status;

use crate::state::use_app;

/// The about page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let app = use_app();
    let body = move || {
        let index = app.index()?;
        let lang = app.lang();
        let data = &index.data;
        let tiers = [
            (Status::Standard, Msg::AboutTierStandard),
            (Status::Advanced, Msg::AboutTierAdvanced),
            (Status::Model, Msg::AboutTierModel),
            (Status::NotYet, Msg::AboutTierNotYet),
            (Status::NotReassessed, Msg::AboutTierNotReassessed),
            (Status::NoData, Msg::AboutTierNoData),
        ];
        let sources = data
            .sources
            .iter()
            .map(|s| {
                let title = s.title.clone();
                let detail = match (&s.date, &s.file) {
                    (Some(d), _) => format!("{} · {}", s.publisher, d.display(lang)),
                    (None, Some(f)) => format!("{} · {f}", s.publisher),
                    (None, None) => s.publisher.clone(),
                };
                let link = match s.url.clone() {
                    Some(url) => {
                        view! { <a href=url rel="noopener noreferrer" target="_blank">{title}</a> }
                            .into_any()
                    }
                    None => view! { <span>{title}</span> }.into_any(),
                };
                view! { <li>{link}<span class="muted">" — "{detail}</span></li> }
            })
            .collect_view();
        let sets = data
            .criteria_sets
            .iter()
            .map(|s| {
                view! {
                    <li>
                        <strong>{s.document.clone()}</strong>" ("{s.date.display(lang)}"): "{s.name.get(lang).to_owned()}
                        " — "{fill(Msg::CriteriaCount.text(lang), &[("n", &s.criteria.len().to_string())])}
                    </li>
                }
            })
            .collect_view();
        let dataset = fill(
            Msg::AboutDataset.text(lang),
            &[
                ("title", data.title.get(lang)),
                ("id", &data.id),
                ("version", &data.version),
                ("date", &data.as_of.display(lang)),
            ],
        );
        Some(view! {
            <article class="about" aria-labelledby="about-title">
                <h2 id="about-title" class="page-title">{Msg::AboutTitle.text(lang)}</h2>
                <p>{Msg::AboutWhat.text(lang)}</p>
                <p class="muted">{dataset}</p>
                <section aria-labelledby="about-tiers">
                    <h3 id="about-tiers">{Msg::AboutTiersTitle.text(lang)}</h3>
                    <dl class="about-tiers">
                        {tiers.into_iter().map(|(s, d)| view! {
                            <div class="about-tier">
                                <dt><span class="swatch" data-status=s.slug() aria-hidden="true"></span>{s.msg().text(lang)}</dt>
                                <dd>{d.text(lang)}</dd>
                            </div>
                        }).collect_view()}
                    </dl>
                </section>
                <section aria-labelledby="about-reform">
                    <h3 id="about-reform">{Msg::AboutReformTitle.text(lang)}</h3>
                    <p>{Msg::AboutReformText.text(lang)}</p>
                </section>
                <section aria-labelledby="about-provenance">
                    <h3 id="about-provenance">{Msg::AboutProvenanceTitle.text(lang)}</h3>
                    <ul class="about-provenance">
                        <li><span class="badge sourced">{Msg::Sourced.text(lang)}</span>" "{Msg::AboutSourced.text(lang)}</li>
                        <li><span class="badge illustrative">{Msg::Illustrative.text(lang)}</span>" "{Msg::AboutIllustrative.text(lang)}</li>
                        <li><span class="badge synthetic">{Msg::Synthetic.text(lang)}</span>" "{Msg::AboutSynthetic.text(lang)}</li>
                    </ul>
                </section>
                <section aria-labelledby="about-sources">
                    <h3 id="about-sources">{Msg::AboutSourcesTitle.text(lang)}</h3>
                    <ul class="about-sources">{sources}</ul>
                </section>
                <section aria-labelledby="about-sets">
                    <h3 id="about-sets">{Msg::AboutCriteriaTitle.text(lang)}</h3>
                    <ul>{sets}</ul>
                </section>
                <section aria-labelledby="about-attribution">
                    <h3 id="about-attribution">{Msg::AboutAttributionTitle.text(lang)}</h3>
                    <ul>
                        <li>{Msg::AboutNaturalEarth.text(lang)}</li>
                        <li>{Msg::AboutAdminUnits.text(lang)}</li>
                    </ul>
                </section>
            </article>
        })
    };
    view! { <section class="page about-page">{body}</section> }
}
