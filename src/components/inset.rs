//! The locator inset: where the area on the map lies in Vietnam, drawn small in a corner of
//! the map, with the Hoàng Sa and Trường Sa archipelagos as official Vietnamese maps show them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use ntm_core::geometry::Geometry;
use ntm_core::i18n::Msg;
use ntm_core::map::{Camera, Point, Projection, svg_path};
use ntm_core::model::Era;
use ntm_core::validate::Report;

use crate::fetch::fetch_text;
use crate::state::{Shared, use_app};

/// One drawn shape of the inset.
#[derive(Debug)]
struct InsetShape {
    code: String,
    d: String,
}

/// The inset's drawing, in a fixed 100 × 160 viewBox.
#[derive(Debug)]
struct InsetDrawing {
    shapes: Vec<InsetShape>,
    hoang_sa: Point,
    truong_sa: Point,
}

const WIDTH: f32 = 100.0;
const HEIGHT: f32 = 160.0;

fn draw(geometry: &Geometry) -> InsetDrawing {
    let bbox = geometry
        .bbox(0..geometry.shapes.len())
        .unwrap_or([102.1, 6.9, 117.5, 23.4]);
    let projection = Projection::fit(bbox);
    let world = |p: [f64; 2]| projection.project(p);
    let (a, b) = (world([bbox[0], bbox[3]]), world([bbox[2], bbox[1]]));
    let camera = Camera::fit([a[0], a[1], b[0], b[1]], WIDTH, HEIGHT, 2.0);
    let centre = |code: &str| {
        geometry
            .bbox(geometry.shapes.iter().position(|s| s.unit == code))
            .map_or([0.0, 0.0], |b| {
                camera.to_screen(world([
                    f64::midpoint(b[0], b[2]),
                    f64::midpoint(b[1], b[3]),
                ]))
            })
    };
    let hoang_sa = centre("hoang-sa");
    let truong_sa = centre("truong-sa");
    let shapes = geometry
        .shapes
        .iter()
        .map(|s| {
            let rings: Vec<Vec<Point>> = s
                .polygons
                .iter()
                .flatten()
                .map(|r| geometry.ring_points(r).into_iter().map(world).collect())
                .collect();
            InsetShape {
                code: s.unit.clone(),
                d: svg_path(&rings, &camera),
            }
        })
        .collect();
    InsetDrawing {
        shapes,
        hoang_sa,
        truong_sa,
    }
}

/// The locator inset.
#[component]
pub fn LocatorInset() -> impl IntoView {
    let app = use_app();
    let drawing = RwSignal::new(None::<Shared<InsetDrawing>>);
    // Loaded after the main map, and only once: it is small and never changes.
    let load = move || {
        spawn_local(async move {
            let Ok(fetched) = fetch_text("data/vietnam.json").await else {
                return;
            };
            let Ok(doc) = ntm_core::geometry::parse(&fetched.text) else {
                return;
            };
            let mut report = Report::default();
            let geometry = ntm_core::geometry::decode(doc, &mut report);
            drawing.try_set(Some(Shared(std::sync::Arc::new(draw(&geometry)))));
        });
    };
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || app.lite() {
            return done.unwrap_or(false);
        }
        load();
        true
    });
    // The pre-2025 province codes of the area in view.
    let era_and_scope = Memo::new(move |_| app.settled().map(|r| (r.step.era(), r.scope)));
    let highlighted = Memo::new(move |_| {
        let index = app.index()?;
        let (era, scope) = era_and_scope.get()?;
        let provinces: Vec<usize> = match scope {
            Some(s) => vec![index.province_of(s)],
            None => {
                let date = index.steps().iter().rev().find(|s| s.era() == era)?.date;
                index.provinces_with_communes(date)
            }
        };
        let mut codes: Vec<String> = Vec::new();
        for p in provinces {
            if era == Era::Post2025 && index.unit(p).from.is_some() {
                codes.extend(
                    index
                        .predecessors(p)
                        .iter()
                        .map(|&(q, _)| index.unit(q).code.clone()),
                );
            } else {
                codes.push(index.unit(p).code.clone());
            }
        }
        Some(codes)
    });
    move || {
        // The data-saver skips the inset (a few kilobytes of context, not of content).
        if app.lite() {
            return None;
        }
        let d = drawing.get()?;
        let lang = app.lang();
        let on = highlighted.get().unwrap_or_default();
        let paths = d
            .shapes
            .iter()
            .map(|s| {
                let class = if on.contains(&s.code) {
                    "inset-province on"
                } else if s.code.contains('-') {
                    "inset-island"
                } else {
                    "inset-province"
                };
                view! { <path class=class d=s.d.clone()></path> }
            })
            .collect_view();
        let label = |p: Point, text: &'static str, dy: f32| {
            view! { <text class="inset-label" x=format!("{:.1}", p[0] - 2.0) y=format!("{:.1}", p[1] + dy) text-anchor="end">{text}</text> }
        };
        Some(view! {
            <figure class="inset" aria-label=Msg::InsetLabel.text(lang)>
                <svg viewBox="0 0 100 160" role="img" aria-label=Msg::InsetLabel.text(lang)>
                    {paths}
                    {label(d.hoang_sa, "Hoàng Sa", -4.0)}
                    {label(d.truong_sa, "Trường Sa", -9.0)}
                </svg>
            </figure>
        })
    }
}
