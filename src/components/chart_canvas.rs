//! One chart on a canvas: sized for the device pixel ratio, redrawn when its box is resized or
//! its model, language or colour scheme changes; with a one-sentence summary for screen
//! readers, a "show as table" toggle and a PNG download. The drawing itself is `ntm-core`'s
//! (generic over the plotters backend); this component only owns the canvas.

use leptos::html;
use leptos::prelude::*;
use ntm_core::chart_data::{ComparisonModel, CriteriaModel, ProfileModel, ProgressModel};
use ntm_core::charts::{self, ChartOptions, ChartTheme, DataTable};
use ntm_core::i18n::{Lang, Msg};
use ntm_core::markup;
use ntm_core::names;
use ntm_core::view::Page;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::browser::{device_pixel_ratio, download, download_url, prefers_dark};
use crate::components::controls::step_label;
use crate::components::picture;
use crate::components::scope_picker::scope_name;
use crate::state::{History, use_app};

/// A chart model of any of the four charts.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartSpec {
    /// Progress over time.
    Progress(ProgressModel),
    /// Areas or communes compared.
    Comparison(ComparisonModel),
    /// Criteria met per criterion.
    Criteria(CriteriaModel),
    /// One commune's profile.
    Profile(ProfileModel),
}

impl ChartSpec {
    /// The chart's title.
    pub fn title(&self, lang: Lang) -> String {
        match self {
            ChartSpec::Progress(_) => Msg::ChartProgressTitle.text(lang).to_owned(),
            ChartSpec::Comparison(m) => charts::comparison::comparison_title(m, lang),
            ChartSpec::Criteria(m) => charts::criteria::criteria_title(m, lang),
            ChartSpec::Profile(_) => Msg::ChartProfileTitle.text(lang).to_owned(),
        }
    }

    /// The height in CSS pixels at a width.
    pub fn height(&self, width: f64, lang: Lang) -> f64 {
        match self {
            ChartSpec::Progress(m) => charts::progress::height(m, width, lang),
            ChartSpec::Comparison(m) => charts::comparison::height(m, width, lang),
            ChartSpec::Criteria(m) => charts::criteria::height(m, width, lang),
            ChartSpec::Profile(m) => charts::profile::height(m, width, lang),
        }
    }

    /// The one-sentence summary.
    pub fn summary(&self, lang: Lang) -> String {
        match self {
            ChartSpec::Progress(m) => charts::progress::summary(m, lang),
            ChartSpec::Comparison(m) => charts::comparison::summary(m, lang),
            ChartSpec::Criteria(m) => charts::criteria::summary(m, lang),
            ChartSpec::Profile(m) => charts::profile::summary(m, lang),
        }
    }

    /// A line under the chart: what it leaves out, or what it must be read with.
    pub fn note(&self, lang: Lang) -> Option<String> {
        match self {
            ChartSpec::Comparison(m) => charts::comparison::note(m, lang),
            ChartSpec::Profile(m) => charts::profile::note(m, lang),
            ChartSpec::Progress(m) => charts::progress::note(m, lang),
            ChartSpec::Criteria(_) => None,
        }
    }

    /// Nothing to draw: the summary says so, and no empty picture is shown under it.
    pub fn is_blank(&self) -> bool {
        match self {
            ChartSpec::Comparison(m) => m.rows.is_empty(),
            ChartSpec::Criteria(m) => m.assessed == 0,
            ChartSpec::Progress(_) | ChartSpec::Profile(_) => false,
        }
    }

    /// The data as a table.
    pub fn table(&self, lang: Lang) -> DataTable {
        match self {
            ChartSpec::Progress(m) => charts::progress::table(m, lang),
            ChartSpec::Comparison(m) => charts::comparison::table(m, lang),
            ChartSpec::Criteria(m) => charts::criteria::table(m, lang),
            ChartSpec::Profile(m) => charts::profile::table(m, lang),
        }
    }

    /// Draws on a canvas whose backing store is already sized.
    fn draw(&self, canvas: web_sys::HtmlCanvasElement, opts: &ChartOptions) -> Option<()> {
        let backend = CanvasBackend::with_canvas_object(canvas)?;
        let area = backend.into_drawing_area();
        let drawn = match self {
            ChartSpec::Progress(m) => charts::progress::draw(&area, m, opts),
            ChartSpec::Comparison(m) => charts::comparison::draw(&area, m, opts),
            ChartSpec::Criteria(m) => charts::criteria::draw(&area, m, opts),
            ChartSpec::Profile(m) => charts::profile::draw(&area, m, opts),
        };
        drawn.ok()?;
        area.present().ok()
    }
}

/// The place a chart is of: a profile's commune, else the area shown.
fn chart_place(
    index: &ntm_core::index::DatasetIndex,
    resolved: Option<&ntm_core::view::ResolvedView>,
    lang: Lang,
) -> String {
    resolved
        .filter(|r| r.page == Page::Profile)
        .and_then(|r| r.unit)
        .map_or_else(
            || scope_name(index, resolved, lang),
            |ix| names::name_with_parent(index, ix, lang),
        )
}

/// A chart with its summary, table toggle and PNG download.
#[component]
pub fn ChartCanvas(
    /// The chart to draw (`None`: nothing to show yet).
    spec: Signal<Option<ChartSpec>>,
    /// A short name for ids and the PNG file ("progress").
    slug: &'static str,
) -> impl IntoView {
    let app = use_app();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let stage_ref = NodeRef::<html::Div>::new();
    let width = RwSignal::new(0f64);
    // Chart or table is part of the view, so that a shared link shows what the sender saw.
    let as_table = Memo::new(move |_| app.view.with(|v| v.shows_table(slug)));
    let summary_id = format!("chart-summary-{slug}");
    let title_id = format!("chart-title-{slug}");

    // Follow the stage's width.
    Effect::new(move |_| {
        let Some(stage) = stage_ref.get() else { return };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            let Some(stage) = stage_ref.get_untracked() else {
                return;
            };
            // Printing lays the page out anew; the drawn chart is scaled (object-fit) instead
            // of redrawn, as no frame would paint it before the page is printed.
            if crate::browser::media_matches("print") {
                return;
            }
            let w = f64::from(stage.client_width());
            if w >= 1.0 && (w - width.get_untracked()).abs() >= 0.5 {
                width.set(w);
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&stage);
            let observer = StoredValue::new_local(observer);
            on_cleanup(move || observer.with_value(web_sys::ResizeObserver::disconnect));
        }
        on_resize.forget();
    });

    // Redraw in the other colours when the reader's colour scheme changes.
    let dark = RwSignal::new(prefers_dark());
    if let Some(query) =
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    {
        let on_change = Closure::<dyn FnMut()>::new(move || dark.set(prefers_dark()));
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let listener = StoredValue::new_local((query, on_change));
        on_cleanup(move || {
            listener.with_value(|(query, on_change)| {
                let _ = query.remove_event_listener_with_callback(
                    "change",
                    on_change.as_ref().unchecked_ref(),
                );
            });
        });
    }

    // Size the backing store for the pixel ratio and draw.
    Effect::new(move |_| {
        let w = width.get();
        let lang = app.lang();
        let shown = !as_table.get();
        let is_dark = dark.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        spec.with(|spec| {
            let Some(spec) = spec.as_ref() else { return };
            if w < 1.0 || !shown {
                return;
            }
            // With the reader's larger text the chart is laid out for a narrower width and
            // drawn larger, as a zoom would: its labels grow with the page's text (they stayed
            // at 11–12 px beside 24 px text).
            let zoom = crate::browser::text_scale();
            let dpr = f64::from(device_pixel_ratio()) * zoom;
            let h = spec.height(w / zoom, lang) * zoom;
            canvas.set_width((w * dpr / zoom).round() as u32);
            canvas.set_height((h * dpr / zoom).round() as u32);
            let style = web_sys::HtmlElement::style(&canvas);
            let _ = style.set_property("width", &format!("{w}px"));
            let _ = style.set_property("height", &format!("{h}px"));
            let theme = if is_dark {
                ChartTheme::DARK
            } else {
                ChartTheme::LIGHT
            };
            spec.draw(
                canvas.clone(),
                &ChartOptions {
                    lang,
                    theme,
                    scale: dpr,
                },
            );
        });
    });

    // "ntm-progress-tinh-lang-son-2022": what, where and when, so that two areas' downloads
    // do not take the same name.
    let file_name = move |slug: &str| {
        let lang = app.lang();
        let resolved = app.resolved();
        let place = app
            .index()
            .map(|index| chart_place(&index, resolved.as_ref(), lang))
            .unwrap_or_default();
        let year = resolved.map(|r| r.step.key()).unwrap_or_default();
        format!("ntm-{slug}-{}-{year}", charts::file_stem(&place))
    };

    let download_png = move |_| {
        // Drawn again for the file: at twice the screen's pixels at least (a phone's chart at
        // 1× was too coarse to print) and in the light theme, whatever the screen uses.
        let w = width.get_untracked();
        if w < 1.0 {
            return;
        }
        let lang = app.lang();
        let scale = f64::from(device_pixel_ratio()).max(2.0);
        let Some(canvas) = spec.with_untracked(|spec| {
            let spec = spec.as_ref()?;
            let h = spec.height(w, lang);
            let c: web_sys::HtmlCanvasElement =
                document().create_element("canvas").ok()?.dyn_into().ok()?;
            c.set_width((w * scale).round() as u32);
            c.set_height((h * scale).round() as u32);
            spec.draw(
                c.clone(),
                &ChartOptions {
                    lang,
                    theme: ChartTheme::LIGHT,
                    scale,
                },
            );
            Some(c)
        }) else {
            return;
        };
        // The picture travels on its own: it says what it shows, of where and when, where it
        // comes from, and that its figures are illustrative where they are.
        let resolved = app.resolved();
        let mut head = Vec::new();
        if let Some(title) = spec.with_untracked(|s| s.as_ref().map(|s| s.title(lang))) {
            head.push(title);
        }
        // The chart's note first: what the page says under it goes with the picture (Lục
        // Nam's bars of 2025–2026 are the new Bắc Ninh's; a profile's numbered cells need
        // their key).
        let mut foot: Vec<String> = spec
            .with_untracked(|s| s.as_ref().and_then(|s| s.note(lang)))
            .into_iter()
            .collect();
        if let Some(index) = app.index() {
            let place = chart_place(&index, resolved.as_ref(), lang);
            let when = resolved
                .as_ref()
                .map(|r| step_label(r.step, lang))
                .unwrap_or_default();
            head.push(if when.is_empty() {
                place
            } else {
                format!("{place} · {when}")
            });
            foot.extend(picture::source_lines(&index, lang));
        }
        let Some(url) = picture::framed(&canvas, scale, ChartTheme::LIGHT, &head, None, &foot)
        else {
            return;
        };
        download_url(&document(), &format!("{}.png", file_name(slug)), &url);
    };

    // The table as CSV, named like the picture.
    let download_csv = move || {
        let lang = app.lang();
        // Like the picture, the file says that it holds illustrative figures: a CSV travels
        // without the page around it.
        let illustrative = app.index().is_some_and(|i| i.data.has_illustrative());
        let Some(csv) = spec.with_untracked(|s| {
            s.as_ref().map(|s| {
                let mut table = s.table(lang);
                let extra = [
                    illustrative.then(|| Msg::PngIllustrative.text(lang).to_owned()),
                    view_address(),
                ];
                let note: Vec<String> = table
                    .note
                    .take()
                    .into_iter()
                    .chain(extra.into_iter().flatten())
                    .collect();
                table.note = (!note.is_empty()).then(|| note.join(" "));
                table.to_csv()
            })
        }) else {
            return;
        };
        download(
            &format!("{}.csv", file_name(slug)),
            "text/csv;charset=utf-8",
            csv.as_bytes(),
        );
    };

    let title = move || spec.with(|s| s.as_ref().map(|s| s.title(app.lang())));
    let summary = move || spec.with(|s| s.as_ref().map(|s| s.summary(app.lang())));
    let note = move || {
        spec.with(|s| s.as_ref().and_then(|s| s.note(app.lang())))
            .map(|text| view! { <p class="chart-note">{text}</p> })
    };
    let blank = move || spec.with(|s| s.as_ref().is_some_and(ChartSpec::is_blank));
    let table = move || {
        if !as_table.get() {
            return None;
        }
        spec.with(|s| s.as_ref().map(|s| markup::data_table(&s.table(app.lang()))))
            .map(|html| view! { <div class="chart-table" inner_html=html></div> })
    };
    let summary_id2 = summary_id.clone();
    let title_id2 = title_id.clone();
    view! {
        <figure class="chart" class:hidden=move || spec.with(Option::is_none) aria-labelledby=title_id.clone() data-chart=slug>
            <div class="chart-head">
                <h3 class="chart-title" id=title_id2>{title}</h3>
                <div class="chart-actions">
                    // Named for what it does now ("Xem biểu đồ" once the table is shown), with no
                    // pressed state besides (read as "Xem biểu đồ, đã nhấn").
                    <button type="button" class="button small"
                        on:click=move |_| app.navigate(History::Replace, |v| v.toggle_table(slug))>
                        {move || app.t(if as_table.get() { Msg::ChartShowChart } else { Msg::ChartShowTable })}
                    </button>
                    <button type="button" class="button small" disabled=blank
                        on:click=move |ev| if as_table.get_untracked() { download_csv() } else { download_png(ev) }>
                        {move || app.t(if as_table.get() { Msg::ChartDownloadCsv } else { Msg::ChartDownloadPng })}
                    </button>
                </div>
            </div>
            <p class="chart-summary" id=summary_id2>{summary}</p>
            <div class="chart-stage" class:hidden=move || as_table.get() || blank() node_ref=stage_ref>
                <canvas
                    class="chart-canvas"
                    node_ref=canvas_ref
                    role="img"
                    aria-label=title
                    aria-describedby=summary_id
                ></canvas>
            </div>
            {note}
            {table}
        </figure>
    }
}

/// The address of the view shown, for a downloaded chart to say where it came from.
fn view_address() -> Option<String> {
    web_sys::window()?.location().href().ok()
}
