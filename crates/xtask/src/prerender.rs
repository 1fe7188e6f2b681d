//! The first paint before the wasm: headline numbers, a short text summary and a static legend
//! for the default view, written into `index.html` at build time from the dataset, with the
//! same markup the app renders (`ntm_core::markup::summary`). The app removes it when it
//! mounts. `<noscript>` points to the CSV and GeoJSON downloads.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::index::{DatasetIndex, Status};
use ntm_core::markup::escape;
use ntm_core::model::Era;

/// The prerendered markup for the default view of a dataset.
pub fn prerender(index: &DatasetIndex, lang: Lang) -> String {
    let step = index.default_step();
    let t = |m: Msg| escape(m.text(lang));
    let mut legend = String::new();
    for status in [
        Status::Model,
        Status::Advanced,
        Status::Standard,
        Status::NotYet,
        Status::NoData,
    ] {
        let _ = write!(
            legend,
            "<li><span class=\"swatch\" data-status=\"{}\" aria-hidden=\"true\"></span> {}</li>",
            status.slug(),
            escape(status.msg().text(lang))
        );
    }
    let as_of = fill(
        Msg::DataAsOf.text(lang),
        &[("date", &index.data.as_of.display(lang))],
    );
    let step_label = step.display(lang);
    format!(
        concat!(
            "<div id=\"prerender\" class=\"prerender\">",
            "<header class=\"header\"><div class=\"header-text\"><h1 class=\"title\">{title}</h1>",
            "<p class=\"tagline\">{tagline}</p></div>",
            "<div class=\"search\"><input class=\"search-input\" type=\"search\" disabled aria-hidden=\"true\" tabindex=\"-1\" placeholder=\"{search}\"></div>",
            "<span class=\"lang-switch prerender-lang\" aria-hidden=\"true\">English</span></header>",
            "<div class=\"main prerender-main\">",
            "<p class=\"prerender-intro\">{intro}</p>",
            "<p class=\"loading\" role=\"status\" data-failed=\"{failed}\" data-offline=\"{offline}\" data-unsupported=\"{unsupported}\" data-reload=\"{reload}\"><span class=\"spinner\" aria-hidden=\"true\"></span>{loading}</p>",
            "<p class=\"slow-hint\">{slow} <a href=\"\">{reload}</a></p>",
            "<h2 class=\"prerender-step\">{step}</h2>",
            "<section class=\"summary\" aria-label=\"{summary_label}\">{summary}</section>",
            "<ul class=\"legend-list prerender-legend\">{legend}</ul>",
            "<p class=\"muted\">{as_of}</p>",
            "</div></div>"
        ),
        title = t(Msg::AppName),
        tagline = t(Msg::AppTagline),
        search = t(Msg::SearchPlaceholder),
        loading = t(Msg::LoadingMap),
        failed = t(Msg::BootFailed),
        offline = t(Msg::ErrOffline),
        unsupported = t(Msg::BootUnsupported),
        reload = t(Msg::Reload),
        slow = t(Msg::BootSlow),
        intro = t(Msg::Intro),
        step = escape(&step_label),
        summary_label = t(Msg::SummaryLabel),
        summary = ntm_core::markup::summary(index, None, step, lang),
        legend = legend,
        as_of = escape(&as_of),
    )
}

/// The `<noscript>` content: what the app needs, and where the data can be downloaded.
pub fn noscript(lang: Lang) -> String {
    format!(
        "<noscript><div class=\"main\"><p>{}</p><ul><li><a href=\"data/export/units.csv\">units.csv</a></li><li><a href=\"data/export/recognitions.csv\">recognitions.csv</a></li><li><a href=\"data/export/communes-pre2025.geojson\">communes-pre2025.geojson</a></li><li><a href=\"data/export/communes-post2025.geojson\">communes-post2025.geojson</a></li><li><a href=\"data/ntm.json\">ntm.json</a></li></ul></div></noscript>",
        escape(Msg::NoScript.text(lang))
    )
}

/// The geometry the default view draws first, as a `<meta>` the start-up script reads (see
/// `boot-prelude.js`): the full file, and the data-saver's per-province files.
/// The script starts the download beside the wasm's, choosing as the app will (data-saver on
/// with Save-Data or a narrow screen), and only for the default view: a link to another area,
/// year or page, or an explicit data-saver choice, loads what it needs itself.
pub fn geometry_plan(index: &DatasetIndex) -> String {
    let default = index.default_step();
    let mut attrs = format!("data-era=\"{}\"", default.era().slug());
    // One full file and one set of per-province files per era: the start-up script picks the
    // era of a `year` in the link, or the default view's.
    for era in Era::ALL {
        // The default step in its era, the last step of the other one.
        let step = if default.era() == era {
            default
        } else {
            match index.steps().iter().rev().find(|s| s.era() == era) {
                Some(step) => *step,
                None => continue,
            }
        };
        let full = index
            .data
            .geometry
            .iter()
            .find(|g| g.era == era)
            .map(|g| format!("data/{}", g.file))
            .unwrap_or_default();
        let lite: Vec<String> = index
            .provinces_with_communes(step.date)
            .into_iter()
            .map(|p| format!("data/{}", era.lite_file(&index.unit(p).id)))
            .collect();
        let _ = write!(
            attrs,
            " data-full-{slug}=\"{}\" data-lite-{slug}=\"{}\"",
            escape(&full),
            escape(&lite.join(" ")),
            slug = era.slug()
        );
    }
    format!("<meta name=\"ntm-preload\" {attrs}>")
}

/// Writes the prerender and the `<noscript>` block into `dist/index.html`.
pub fn run(dist: &Path) -> Result<(), String> {
    let data_path = dist.join("data/ntm.json");
    let text =
        fs::read_to_string(&data_path).map_err(|e| format!("{}: {e}", data_path.display()))?;
    let data = ntm_core::load::parse_dataset(&text)
        .map_err(|e| format!("{}: {e}", data_path.display()))?;
    let index = DatasetIndex::new(data);
    let html_path = dist.join("index.html");
    let html =
        fs::read_to_string(&html_path).map_err(|e| format!("{}: {e}", html_path.display()))?;
    let Some(start) = html.find("<noscript>") else {
        return Err("index.html: no <noscript> to replace".into());
    };
    let Some(end) = html.find("</noscript>") else {
        return Err("index.html: unterminated <noscript>".into());
    };
    let out = format!(
        "{}{}{}{}",
        &html[..start],
        prerender(&index, Lang::Vi),
        noscript(Lang::Vi),
        &html[end + "</noscript>".len()..]
    );
    let out = out.replacen("</head>", &format!("{}</head>", geometry_plan(&index)), 1);
    fs::write(&html_path, out).map_err(|e| format!("{}: {e}", html_path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_prerender_has_the_headline_numbers_of_the_default_view() {
        let text = include_str!("../../../public/data/ntm.json");
        let index = DatasetIndex::new(ntm_core::load::parse_dataset(text).unwrap());
        let html = prerender(&index, Lang::Vi);
        assert!(html.contains("id=\"prerender\""));
        assert!(html.contains("Bản đồ Nông thôn mới"));
        assert!(html.contains("30/6/2025"), "{html}");
        let summary = ntm_core::markup::summary(&index, None, index.default_step(), Lang::Vi);
        assert!(html.contains(&summary));
        assert!(!html.contains("<script"));
        // The default view (30/6/2025) draws the pre-reform geometry first; a link to a year
        // after the reform, the post-reform geometry.
        let plan = geometry_plan(&index);
        assert_eq!(
            plan,
            "<meta name=\"ntm-preload\" data-era=\"pre2025\" \
             data-full-pre2025=\"data/geo-pre2025.json\" \
             data-lite-pre2025=\"data/lite/pre2025-20.json data/lite/pre2025-24.json data/lite/pre2025-27.json\" \
             data-full-post2025=\"data/geo-post2025.json\" \
             data-lite-post2025=\"data/lite/post2025-20.json data/lite/post2025-24-2025.json\">"
        );
    }
}
