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
    let step_label = if step.key() == "2025-06" {
        Msg::StepMid2025.text(lang).to_owned()
    } else {
        step.label()
    };
    format!(
        concat!(
            "<div id=\"prerender\" class=\"prerender\">",
            "<header class=\"header\"><div class=\"header-text\"><h1 class=\"title\">{title}</h1>",
            "<p class=\"tagline\">{tagline}</p></div>",
            "<div class=\"search\"><input class=\"search-input\" type=\"search\" disabled aria-hidden=\"true\" tabindex=\"-1\" placeholder=\"{search}\"></div>",
            "<span class=\"lang-switch prerender-lang\" aria-hidden=\"true\">English</span></header>",
            "<div class=\"main prerender-main\">",
            "<p class=\"prerender-intro\">{intro}</p>",
            "<p class=\"loading\" role=\"status\"><span class=\"spinner\" aria-hidden=\"true\"></span>{loading}</p>",
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

/// Preload links for the geometry the default view draws first, so it downloads beside the
/// wasm instead of after it: the full file on wide screens, the data-saver's per-province
/// files on phones (the app picks the same by the same media query).
pub fn geometry_preloads(index: &DatasetIndex) -> String {
    let step = index.default_step();
    let era = step.era();
    let mut out = String::new();
    if let Some(g) = index.data.geometry.iter().find(|g| g.era == era) {
        let _ = write!(
            out,
            "<link rel=\"preload\" href=\"data/{}\" as=\"fetch\" crossorigin=\"anonymous\" media=\"(min-width: 600px)\">",
            escape(&g.file)
        );
    }
    for p in index.provinces_with_communes(step.date) {
        let _ = write!(
            out,
            "<link rel=\"preload\" href=\"data/lite/{}-{}.json\" as=\"fetch\" crossorigin=\"anonymous\" media=\"(max-width: 599px)\">",
            era.slug(),
            escape(&index.unit(p).id)
        );
    }
    out
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
    let out = out.replacen(
        "</head>",
        &format!("{}</head>", geometry_preloads(&index)),
        1,
    );
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
        // The default view (30/6/2025) draws the pre-reform geometry first.
        let preloads = geometry_preloads(&index);
        assert!(
            preloads.contains("href=\"data/geo-pre2025.json\""),
            "{preloads}"
        );
        assert!(
            preloads.contains("href=\"data/lite/pre2025-20.json\""),
            "{preloads}"
        );
    }
}
