//! The first paint before the wasm: headline numbers, a short text summary and a static legend
//! for the default view, written into `index.html` at build time from the dataset, with the
//! same markup the app renders (`ntm_core::markup::summary`). The app removes it when it
//! mounts. `<noscript>` points to the CSV and GeoJSON downloads.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use geo::{LineString, Simplify as _};
use ntm_core::geometry::GeometryDoc;
use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::index::{DatasetIndex, Status};
use ntm_core::map::{Camera, MapModel, Point, Projection};
use ntm_core::markup::escape;
use ntm_core::model::{Era, Level};
use ntm_core::names;
use ntm_core::palette::{Pattern, status_paint};

/// The prerendered markup for the default view of a dataset.
pub fn prerender(index: &DatasetIndex, preview: &str, lang: Lang) -> String {
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
            "<div class=\"search\"><input class=\"search-input\" type=\"search\" aria-label=\"{search_label}\" placeholder=\"{search}\"></div>",
            "<span class=\"header-share\" aria-hidden=\"true\"><span class=\"button tool-button share-button\"><span class=\"share-icon-box\">{share_icon}</span><span class=\"share-label\">{share}</span></span></span>",
            "<span class=\"lang-switch prerender-lang\" aria-hidden=\"true\"><span class=\"lang-long\">{switch}</span><span class=\"lang-short\">{switch_short}</span></span></header>",
            "<div class=\"main prerender-main\">",
            "<p class=\"prerender-intro\">{intro}</p>",
            "<p class=\"loading\" role=\"status\" data-failed=\"{failed}\" data-offline=\"{offline}\" data-unsupported=\"{unsupported}\" data-reload=\"{reload}\"><span class=\"spinner\" aria-hidden=\"true\"></span>{loading}</p>",
            "<p class=\"slow-hint\">{slow} <a href=\"\">{reload}</a></p>",
            "<div class=\"prerender-view\"><div class=\"prerender-map-col\"><h2 class=\"prerender-step\">{step}</h2>{preview}</div><div>",
            "<section class=\"summary\" aria-label=\"{summary_label}\">{summary}</section>",
            "<ul class=\"legend-list prerender-legend\">{legend}</ul>",
            "<p class=\"muted\">{as_of}</p>",
            "</div></div></div></div>"
        ),
        title = t(Msg::AppName),
        tagline = t(Msg::AppTagline),
        search = t(Msg::SearchPlaceholder),
        search_label = t(Msg::SearchLabel),
        share = t(Msg::Share),
        share_icon = ntm_core::markup::SHARE_ICON,
        switch = t(Msg::SwitchLanguage),
        switch_short = t(Msg::SwitchLanguageShort),
        loading = t(Msg::LoadingInteractive),
        failed = t(Msg::BootFailed),
        offline = t(Msg::ErrOffline),
        unsupported = t(Msg::BootUnsupported),
        reload = t(Msg::Reload),
        slow = t(Msg::BootSlow),
        intro = t(Msg::Intro),
        step = escape(&step_label),
        preview = preview,
        summary_label = t(Msg::SummaryLabel),
        summary = ntm_core::markup::summary(index, None, step, lang),
        legend = legend,
        as_of = escape(&as_of),
    )
}

/// Width of the preview's drawing, in its own units: about a phone's width in CSS pixels, so
/// that coordinates rounded to whole units are as fine as the screen shows them.
const PREVIEW_WIDTH: f32 = 400.0;

/// The largest preview written into the page (its markup, before compression; the demo's is
/// about 28 KB, 9.5 KB brotli). A national dataset's thousands of communes would be a large
/// picture of specks on a phone: its first paint keeps to the numbers.
const PREVIEW_MAX_BYTES: usize = 48_000;

/// A picture of the default view's map, drawn at build time, for the first paint before the
/// wasm: the communes filled with their tier's colour and texture (the live map's palette),
/// district and province borders on top. The arcs are simplified to about half a unit and the
/// coordinates rounded to whole units, relative, so that the picture is a few kilobytes.
/// `Err` says why there is none (too large).
pub fn map_preview(index: &DatasetIndex, doc: GeometryDoc, lang: Lang) -> Result<Preview, String> {
    let step = index.default_step();
    let era = doc.era;
    let mut report = ntm_core::validate::Report::default();
    let mut geometry = ntm_core::geometry::decode(doc, &mut report);
    let all = 0..geometry.shapes.len();
    let Some(bbox) = geometry.bbox(all) else {
        return Err("no map preview in the first paint: the geometry has no shapes".to_owned());
    };
    // Degrees per unit of the drawing, east–west (the larger extent after projection).
    let tolerance = 0.5 * (bbox[2] - bbox[0]).max(bbox[3] - bbox[1]) / f64::from(PREVIEW_WIDTH);
    for arc in &mut geometry.arcs {
        let line: LineString<f64> = arc.iter().map(|p| (p[0], p[1])).collect();
        let simple = line.simplify(tolerance);
        if simple.0.len() >= 2 {
            *arc = simple.0.iter().map(|c| [c.x, c.y]).collect();
        }
    }
    let model = MapModel::new(&geometry, index, era);
    let b = model.bbox;
    let (bw, bh) = ((b[2] - b[0]).max(1e-3), (b[3] - b[1]).max(1e-3));
    let height = (PREVIEW_WIDTH * bh / bw)
        .round()
        .clamp(100.0, 2.0 * PREVIEW_WIDTH);
    let camera = Camera::fit(b, PREVIEW_WIDTH, height, 2.0);
    let mut groups: Vec<(Status, String)> = Vec::new();
    for shape in &model.shapes {
        let status = index.status(shape.unit, step.date);
        let at = match groups.iter().position(|(s, _)| *s == status) {
            Some(at) => at,
            None => {
                groups.push((status, String::new()));
                groups.len() - 1
            }
        };
        for ring in &shape.rings {
            relative_path(&mut groups[at].1, ring, &camera, true);
        }
    }
    let mut svg = format!(
        "<figure class=\"prerender-figure\"><svg class=\"prerender-map\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{label}\"><defs>",
        w = PREVIEW_WIDTH,
        h = height,
        label = escape(&fill(
            Msg::MapPreviewLabel.text(lang),
            &[("date", &step.display(lang))]
        )),
    );
    // The live map's textures (`Pattern::mask_at`), one cell of 6 units.
    for (k, (status, _)) in groups.iter().enumerate() {
        let paint = status_paint(*status);
        let ink = paint.ink.hex();
        let marks = match paint.pattern {
            Pattern::None => continue,
            Pattern::Dots => format!("<circle cx=\"3\" cy=\"3\" r=\"0.8\" fill=\"{ink}\"/>"),
            Pattern::Diagonal => {
                format!("<path d=\"M0 6L6 0\" stroke=\"{ink}\" stroke-width=\"1.2\"/>")
            }
            Pattern::Cross => {
                format!("<path d=\"M0 6L6 0M0 0L6 6\" stroke=\"{ink}\" stroke-width=\"1.2\"/>")
            }
            Pattern::Horizontal => {
                format!("<path d=\"M0 .6H6\" stroke=\"{ink}\" stroke-width=\"1.2\"/>")
            }
            Pattern::Vertical => {
                format!("<path d=\"M.6 0V6\" stroke=\"{ink}\" stroke-width=\"1.2\"/>")
            }
        };
        let _ = write!(
            svg,
            "<pattern id=\"pm{k}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">{marks}</pattern>"
        );
    }
    // Each tier's communes once, drawn in its colour, then again in its texture.
    for (k, (_, d)) in groups.iter().enumerate() {
        let _ = write!(svg, "<path id=\"pp{k}\" d=\"{d}\"/>");
    }
    svg.push_str("</defs>");
    for (k, (status, _)) in groups.iter().enumerate() {
        let paint = status_paint(*status);
        let _ = write!(
            svg,
            "<use href=\"#pp{k}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\".4\"/>",
            paint.fill.hex()
        );
        if paint.pattern != Pattern::None {
            let _ = write!(svg, "<use href=\"#pp{k}\" fill=\"url(#pm{k})\"/>");
        }
    }
    for (borders, width) in [
        (&model.district_borders, 0.9),
        (&model.province_borders, 1.6),
    ] {
        let mut d = String::new();
        for &arc in borders {
            relative_path(&mut d, &model.arcs[arc], &camera, false);
        }
        let _ = write!(
            svg,
            "<path fill=\"none\" stroke=\"#333\" stroke-width=\"{width}\" stroke-linejoin=\"round\" d=\"{d}\"/>"
        );
    }
    svg.push_str("</svg>");
    if model.has_approximate() {
        let _ = write!(
            svg,
            "<figcaption class=\"muted\">{}</figcaption>",
            escape(Msg::ApproxBoundaries.text(lang))
        );
    }
    svg.push_str("</figure>");
    if svg.len() > PREVIEW_MAX_BYTES {
        return Err(format!(
            "no map preview in the first paint: {} communes make {} KB of SVG (at most {} KB)",
            model.shapes.len(),
            svg.len() / 1000,
            PREVIEW_MAX_BYTES / 1000
        ));
    }
    Ok(Preview {
        svg,
        projection: model.projection,
        camera,
    })
}

/// The map preview of the first paint, and where a place falls on it.
pub struct Preview {
    /// The `<figure>` with the drawing.
    pub svg: String,
    projection: Projection,
    camera: Camera,
}

impl Preview {
    /// Where a `[latitude, longitude]` is on the drawing, in its units.
    fn locate(&self, at: [f64; 2]) -> [i32; 2] {
        let s = self
            .camera
            .to_screen(self.projection.project([at[1], at[0]]));
        [s[0].round() as i32, s[1].round() as i32]
    }
}

/// The file of [`places`] a unit's entry is in: the first three characters of its id (for
/// GSO codes, a few dozen communes of one province), lower case, others than `a-z0-9` as `_`.
/// `boot-prelude.js` computes the same.
pub fn place_key(id: &str) -> String {
    id.chars()
        .take(3)
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9') => c,
            _ => '_',
        })
        .collect()
}

/// For the first paint of a link to a commune (`?unit=`), before the app's code arrives on a
/// weak signal (seconds after the page): each commune's name, its tier on the default view's
/// date when it existed then, and its place on the map preview, in both languages; grouped
/// by [`place_key`] into `data/places/<key>.json`, a few kilobytes each even for the whole
/// country, which the start-up script fetches for such a link only. A reader of a shared link
/// saw the province's map and numbers, and nothing of the commune, for nine seconds.
pub fn places(
    index: &DatasetIndex,
    preview: Option<&Preview>,
) -> BTreeMap<String, serde_json::Map<String, serde_json::Value>> {
    let date = index.default_step().date;
    let mut files: BTreeMap<String, serde_json::Map<String, serde_json::Value>> = BTreeMap::new();
    for ix in 0..index.len() {
        let unit = index.unit(ix);
        if unit.kind.level() != Level::Commune {
            continue;
        }
        let status = unit.valid_on(date).then(|| index.status(ix, date));
        let text = |lang: Lang| {
            let mut t = serde_json::Map::new();
            t.insert(
                "name".into(),
                names::name_with_parent(index, ix, lang).into(),
            );
            if let Some(status) = status {
                t.insert(
                    "status".into(),
                    names::status_phrase(index, ix, status, date, lang).into(),
                );
            }
            serde_json::Value::Object(t)
        };
        let mut entry = serde_json::Map::new();
        if let (Some(preview), Some(at)) = (preview, unit.at) {
            entry.insert("at".into(), serde_json::json!(preview.locate(at)));
        }
        if let Some(status) = status {
            entry.insert("tier".into(), status.slug().into());
        }
        entry.insert("vi".into(), text(Lang::Vi));
        entry.insert("en".into(), text(Lang::En));
        files
            .entry(place_key(&unit.id))
            .or_default()
            .insert(unit.id.clone(), serde_json::Value::Object(entry));
    }
    files
}

/// Appends a polyline (or a closed ring) as SVG path data in whole units, relative after the
/// first point, skipping points that round onto the previous one.
fn relative_path(d: &mut String, points: &[Point], camera: &Camera, close: bool) {
    let mut last: Option<[i32; 2]> = None;
    let mut pairs = 0;
    for p in points {
        let s = camera.to_screen(*p);
        let q = [s[0].round() as i32, s[1].round() as i32];
        match last {
            None => {
                let _ = write!(d, "M{} {}", q[0], q[1]);
            }
            Some(l) if l == q => continue,
            Some(l) => {
                d.push(if pairs == 0 { 'l' } else { ' ' });
                let _ = write!(d, "{} {}", q[0] - l[0], q[1] - l[1]);
                pairs += 1;
            }
        }
        last = Some(q);
    }
    if close && pairs > 0 {
        d.push('z');
    }
}

/// The `<noscript>` content: what the app needs, and where the data can be downloaded.
pub fn noscript(lang: Lang) -> String {
    // The same list, with what each file holds, as the Sources page's.
    let mut list = ntm_core::markup::Html::new();
    ntm_core::markup::downloads(&mut list, lang);
    format!(
        "<noscript><div class=\"main\"><p>{}</p>{}</div></noscript>",
        escape(Msg::NoScript.text(lang)),
        list.finish()
    )
}

/// The geometry the default view draws first, as a `<meta>` the start-up script reads (see
/// `boot-prelude.js`): the full file, and the data-saver's per-province files.
/// The script starts the download beside the wasm's, choosing as the app will (data-saver on
/// with Save-Data or a narrow screen), and only for the default view: a link to another area,
/// year or page, or an explicit data-saver choice, loads what it needs itself. `places`: the
/// keys of the files [`places`] wrote, so that a link to a unit no file holds asks for nothing
/// (a mistyped link fetched a file that is not there).
pub fn geometry_plan(index: &DatasetIndex, places: &[String]) -> String {
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
    let _ = write!(attrs, " data-places=\"{}\"", escape(&places.join(" ")));
    format!("<meta name=\"ntm-preload\" {attrs}>")
}

/// The full geometry file of the default view's era, if the dataset has one.
fn default_geometry(dist: &Path, index: &DatasetIndex) -> Result<Option<GeometryDoc>, String> {
    let era = index.default_step().era();
    let Some(file) = index.data.geometry.iter().find(|g| g.era == era) else {
        return Ok(None);
    };
    let path = dist.join("data").join(&file.file);
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    ntm_core::geometry::parse(&text)
        .map(Some)
        .map_err(|e| format!("{}: {}", path.display(), e.message(Lang::En)))
}

/// The first paint in English, for a link with `?lang=en`: a JSON data block (not a script,
/// which the security policy would refuse) that the start-up script puts in place of the
/// Vietnamese one before the app starts, keeping the map preview. An English reader saw
/// Vietnamese for the seconds the app took to arrive.
pub fn english_block(index: &DatasetIndex) -> String {
    let step = index.default_step();
    let value = serde_json::json!({
        "html": prerender(index, "<span data-prerender-map></span>", Lang::En),
        "title": Msg::AppName.text(Lang::En),
        "map": fill(Msg::MapPreviewLabel.text(Lang::En), &[("date", &step.display(Lang::En))]),
        "caption": Msg::ApproxBoundaries.text(Lang::En),
    });
    // "</" cannot end the block early: JSON lets "/" be escaped.
    let json = value.to_string().replace("</", "<\\/");
    format!("<script type=\"application/json\" id=\"prerender-en\">{json}</script>")
}

/// Writes the prerender and the `<noscript>` block into `dist/index.html`.
pub fn run(dist: &Path) -> Result<(), String> {
    let data_path = dist.join("data/ntm.json");
    let text =
        fs::read_to_string(&data_path).map_err(|e| format!("{}: {e}", data_path.display()))?;
    let data = ntm_core::load::parse_dataset(&text)
        .map_err(|e| format!("{}: {e}", data_path.display()))?;
    let index = DatasetIndex::new(data);
    let preview =
        match default_geometry(dist, &index)?.map(|doc| map_preview(&index, doc, Lang::Vi)) {
            Some(Ok(preview)) => Some(preview),
            Some(Err(why)) => {
                eprintln!("xtask finalize: {why}");
                None
            }
            None => None,
        };
    let folder = dist.join("data/places");
    fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut keys = Vec::new();
    for (key, entries) in places(&index, preview.as_ref()) {
        let path = folder.join(format!("{key}.json"));
        let json = serde_json::Value::Object(entries).to_string();
        fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
        keys.push(key);
    }
    let preview = preview.map(|p| p.svg).unwrap_or_default();
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
        "{}{}{}{}{}",
        &html[..start],
        prerender(&index, &preview, Lang::Vi),
        english_block(&index),
        noscript(Lang::Vi),
        &html[end + "</noscript>".len()..]
    );
    let plan = geometry_plan(&index, &keys);
    let out = out.replacen("</head>", &format!("{plan}</head>"), 1);
    fs::write(&html_path, out).map_err(|e| format!("{}: {e}", html_path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_prerender_has_the_headline_numbers_of_the_default_view() {
        let text = include_str!("../../../public/data/ntm.json");
        let index = DatasetIndex::new(ntm_core::load::parse_dataset(text).unwrap());
        let html = prerender(&index, "<svg class=\"prerender-map\"></svg>", Lang::Vi);
        assert!(html.contains("id=\"prerender\""));
        assert!(
            html.contains("<div class=\"prerender-view\"><div class=\"prerender-map-col\"><h2 class=\"prerender-step\">30/6/2025 (trước sắp xếp)</h2><svg class=\"prerender-map\">"),
            "{html}"
        );
        assert!(html.contains("Bản đồ Nông thôn mới"));
        assert!(html.contains("30/6/2025"), "{html}");
        let summary = ntm_core::markup::summary(&index, None, index.default_step(), Lang::Vi);
        assert!(html.contains(&summary));
        assert!(!html.contains("<script"));
        // The default view (30/6/2025) draws the pre-reform geometry first; a link to a year
        // after the reform, the post-reform geometry.
        let keys: Vec<String> = places(&index, None).into_keys().collect();
        let plan = geometry_plan(&index, &keys);
        assert_eq!(
            plan,
            "<meta name=\"ntm-preload\" data-era=\"pre2025\" \
             data-full-pre2025=\"data/geo-pre2025.json\" \
             data-lite-pre2025=\"data/lite/pre2025-20.json data/lite/pre2025-24.json data/lite/pre2025-27.json\" \
             data-full-post2025=\"data/geo-post2025.json\" \
             data-lite-post2025=\"data/lite/post2025-20.json data/lite/post2025-24-2025.json\" \
             data-places=\"059 060 061 062 063 064 065 066 072 073 074 075 076 077 078 091 092 093 094 095\">"
        );
    }

    #[test]
    fn the_map_preview_draws_every_commune_of_the_default_view_in_its_tier() {
        let text = include_str!("../../../public/data/ntm.json");
        let index = DatasetIndex::new(ntm_core::load::parse_dataset(text).unwrap());
        let geo = include_str!("../../../public/data/geo-pre2025.json");
        let doc = ntm_core::geometry::parse(geo).unwrap();
        let svg = map_preview(&index, doc, Lang::Vi).unwrap().svg;
        let kb = crate::brotli_bytes(svg.as_bytes()).len();
        eprintln!("preview: {} bytes, {kb} brotli", svg.len());
        assert!(
            svg.starts_with(
                "<figure class=\"prerender-figure\"><svg class=\"prerender-map\" viewBox=\"0 0 400 "
            ),
            "{svg}"
        );
        assert!(svg.contains(
            "aria-label=\"Ảnh xem trước bản đồ các xã theo mức đạt nông thôn mới, 30/6/2025"
        ));
        // One ring per commune at least, in the fill of its tier as of the default step.
        let step = index.default_step();
        let mut rings = 0;
        for status in [
            Status::NotYet,
            Status::Standard,
            Status::Advanced,
            Status::Model,
            Status::NoData,
        ] {
            let fill = format!("fill=\"{}\"", status_paint(status).fill.hex());
            let Some(at) = svg.find(&fill) else { continue };
            // <use href="#ppK" fill=…>: the path K of the definitions.
            let id = svg[..at]
                .rsplit("href=\"#")
                .next()
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let start = format!("id=\"{id}\" d=\"");
            let from = svg.find(&start).unwrap() + start.len();
            let d = svg[from..].split('"').next().unwrap();
            let count = d.matches('M').count();
            let communes = index
                .communes_of_era(Era::Pre2025)
                .filter(|&u| index.status(u, step.date) == status)
                .count();
            assert!(
                count >= communes,
                "{status:?}: {count} rings, {communes} communes"
            );
            rings += count;
        }
        assert!(rings >= 318, "{rings}");
        // The texture of each tier but "not yet" over its colour, as on the live map.
        assert_eq!(
            svg.matches("fill=\"url(#pm").count(),
            svg.matches("<pattern ").count()
        );
        assert!(svg.matches("<pattern ").count() >= 3, "{svg}");
        // The demo's boundaries are drawn from commune centres: the preview says so.
        assert!(svg.ends_with("</svg><figcaption class=\"muted\">Ranh giới xã là gần đúng (dựng từ tâm xã), không phải ranh giới đo đạc</figcaption></figure>"));
        // Coordinates are whole units.
        assert!(
            !svg.contains('.') || svg.matches('.').count() < 40,
            "decimals in the paths"
        );
    }

    #[test]
    fn a_link_to_a_commune_finds_its_name_tier_and_place_for_the_first_paint() {
        let text = include_str!("../../../public/data/ntm.json");
        let index = DatasetIndex::new(ntm_core::load::parse_dataset(text).unwrap());
        let doc = ntm_core::geometry::parse(include_str!("../../../public/data/geo-pre2025.json"))
            .unwrap();
        let preview = map_preview(&index, doc, Lang::Vi).unwrap();
        let files = places(&index, Some(&preview));
        assert_eq!(place_key("06547"), "065");
        assert_eq!(place_key("06541-2025"), "065");
        assert_eq!(place_key("Ab-1"), "ab_");
        // Tú Mịch, on the default date (30/6/2025): as the app's card says it.
        let tu_mich = &files["065"]["06547"];
        assert_eq!(tu_mich["vi"]["name"], "Xã Tú Mịch, huyện Lộc Bình");
        assert_eq!(tu_mich["vi"]["status"], "đạt chuẩn NTM năm 2020");
        assert_eq!(
            tu_mich["en"]["name"],
            names::name_with_parent(&index, index.find("06547").unwrap(), Lang::En)
        );
        assert_eq!(tu_mich["tier"], "standard");
        // Inside the drawing, in Lộc Bình's east (the preview is 400 units wide).
        let [x, y] = [
            tu_mich["at"][0].as_i64().unwrap(),
            tu_mich["at"][1].as_i64().unwrap(),
        ];
        assert!((200..400).contains(&x) && (0..800).contains(&y), "{x} {y}");
        // A commune formed on 1/7/2025 did not exist on the default date: its name, no tier.
        let mau_son = &files["065"]["06541-2025"];
        assert_eq!(mau_son["vi"]["name"], "Xã Mẫu Sơn, tỉnh Lạng Sơn");
        assert!(mau_son["vi"].get("status").is_none() && mau_son.get("tier").is_none());
        // Every commune of both eras is in one of the files; no province or district.
        let total: usize = files.values().map(serde_json::Map::len).sum();
        let communes = (0..index.len())
            .filter(|&u| index.unit(u).kind.level() == Level::Commune)
            .count();
        assert_eq!(total, communes);
        assert!(
            files
                .values()
                .all(|f| f.keys().all(|id| index.find(id).is_some()))
        );
        // Small enough to fetch beside the app's code on a weak signal.
        for (key, f) in &files {
            let json = serde_json::Value::Object(f.clone()).to_string();
            let br = crate::brotli_bytes(json.as_bytes()).len();
            assert!(br < 6_000, "{key}: {br} bytes brotli");
        }
    }

    #[test]
    fn a_preview_too_large_for_the_first_paint_is_left_out_with_a_reason() {
        // The demo's geometry, its shapes repeated: thousands of communes.
        let text = include_str!("../../../public/data/ntm.json");
        let index = DatasetIndex::new(ntm_core::load::parse_dataset(text).unwrap());
        let mut doc =
            ntm_core::geometry::parse(include_str!("../../../public/data/geo-pre2025.json"))
                .unwrap();
        let shapes = doc.shapes.clone();
        for _ in 0..3 {
            doc.shapes.extend(shapes.iter().cloned());
        }
        let Err(why) = map_preview(&index, doc, Lang::Vi) else {
            panic!("a preview of thousands of communes");
        };
        assert!(
            why.starts_with("no map preview in the first paint: "),
            "{why}"
        );
        assert!(why.contains("(at most 48 KB)"), "{why}");
    }
}
