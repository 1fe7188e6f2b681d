//! The controls around the map: the year (slider, buttons, play), the colouring, the area
//! (scope), zoom buttons, and the notice that explains the 2025 reform.

use std::sync::Arc;

use leptos::prelude::*;
use ntm_core::i18n::{Msg, fill};
use ntm_core::index::{Status, Step};
use ntm_core::model::Era;
use ntm_core::view::Colouring;
use wasm_bindgen::JsCast;

use crate::browser::prefers_reduced_motion;
use crate::components::map::use_map;
use crate::components::scope_picker::ScopeSelect;
use crate::state::{AppState, History, Shared, use_app};

/// The timeline's steps (they change only with the dataset) and the position of the current
/// one (it changes with the year): two memos, so a year change does not rebuild the ticks.
#[derive(Clone, Copy)]
struct TimelineSteps {
    steps: Memo<Shared<[Step]>>,
    position: Memo<usize>,
}

impl TimelineSteps {
    fn new(app: AppState) -> Self {
        let steps = Memo::new(move |_: Option<&Shared<[Step]>>| {
            Shared(
                app.index()
                    .map_or_else(|| Arc::from([]), |i| Arc::from(i.steps())),
            )
        });
        let position = Memo::new(move |_| {
            let current = app.resolved().map(|r| r.step);
            steps.with(|s| {
                current
                    .and_then(|c| s.iter().position(|x| *x == c))
                    .unwrap_or(s.len().saturating_sub(1))
            })
        });
        Self { steps, position }
    }

    /// The number of steps (reactive).
    fn len(self) -> usize {
        self.steps.with(|s| s.len())
    }

    /// The step at a position (untracked: for event handlers).
    fn at(self, pos: usize) -> Option<Step> {
        self.steps.with_untracked(|s| s.get(pos).copied())
    }
}

/// The year control: previous / slider / next, and play-pause.
#[component]
pub fn Timeline() -> impl IntoView {
    let app = use_app();
    let steps = TimelineSteps::new(app);
    let playing = RwSignal::new(false);
    // Play paused itself where the reform is crossed: said beside the button, which otherwise
    // looked as it does at the end (a teacher took it for the end of the data).
    let paused_at_reform = RwSignal::new(false);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let go = move |pos: usize, history: History| {
        if let (Some(step), Some(index)) = (steps.at(pos), app.index_untracked()) {
            let key = (step != index.default_step()).then(|| step.key());
            app.navigate(history, |v| v.year = key);
        }
    };
    // A drag or a play is one step in the browser's history: its first change pushes an entry,
    // the rest replace it, so Back returns to where the reader started.
    let live = StoredValue::new(false);
    let go_live = move |pos: usize| {
        let history = if live.get_value() {
            History::Replace
        } else {
            History::Push
        };
        live.set_value(true);
        go(pos, history);
    };
    let stop = move || {
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        timer.set_value(None);
        playing.set(false);
        paused_at_reform.set(false);
    };
    let play = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        let (n, pos) = (steps.len(), steps.position.get_untracked());
        if n < 2 {
            return;
        }
        live.set_value(false);
        paused_at_reform.set(false);
        // From the last year, play starts again from the first.
        if pos + 1 >= n {
            go_live(0);
        }
        playing.set(true);
        let every = if prefers_reduced_motion() { 2000 } else { 1200 };
        let handle = set_interval_with_handle(
            move || {
                let (n, pos) = (steps.len(), steps.position.get_untracked());
                if pos + 1 < n {
                    go_live(pos + 1);
                }
                // Play pauses where the reform is crossed: the communes change and the counts
                // start again from zero, which the notice explains; play goes on from there.
                let crossed = matches!(
                    (steps.at(pos), steps.at(pos + 1)),
                    (Some(a), Some(b)) if a.era() != b.era()
                );
                if pos + 2 >= n || crossed {
                    stop();
                    paused_at_reform.set(crossed && pos + 2 < n);
                }
            },
            std::time::Duration::from_millis(every),
        )
        .ok();
        timer.set_value(handle);
    };
    on_cleanup(move || {
        if let Some(t) = timer.get_value() {
            t.clear();
        }
    });
    let label = move || {
        let pos = steps.position.get();
        steps
            .steps
            .with(|s| s.get(pos).map(|s| step_label(*s, app.lang())))
            .unwrap_or_default()
    };
    view! {
        <div class="timeline" role="group" aria-label=move || app.t(Msg::YearLabel)>
            <button
                type="button"
                class="icon-button"
                aria-label=move || app.t(Msg::PrevYear)
                // `aria-disabled`, not `disabled`: a disabled button drops the keyboard's focus
                // to the page at the first (or last) year; this one keeps it and does nothing.
                aria-disabled=move || (steps.position.get() == 0).to_string()
                on:click=move |_| {
                    stop();
                    let pos = steps.position.get_untracked();
                    go(pos.saturating_sub(1), History::Push);
                }
            >"‹"</button>
            <div class="timeline-slider">
                <label class="timeline-value" for="year-slider">
                    <span class="visually-hidden">{move || app.t(Msg::YearLabel)}</span>
                    // Not an <output>: that is a live region, and the live summary already says
                    // the date with the counts (a screen reader heard each year three times).
                    // Not part of the slider's name either: its value says it.
                    <span aria-hidden="true">{label}</span>
                </label>
                <input
                    id="year-slider"
                    type="range"
                    min="0"
                    max=move || steps.len().saturating_sub(1)
                    step="1"
                    prop:value=move || steps.position.get()
                    aria-valuetext=label
                    on:input=move |ev| {
                        stop();
                        if let Ok(pos) = event_target_value(&ev).parse::<usize>() {
                            go_live(pos);
                        }
                    }
                    on:change=move |_| live.set_value(false)
                />
                <div class="timeline-ticks" aria-hidden="true">
                    {move || {
                        let steps = steps.steps.get();
                        let n = steps.len();
                        // Each label sits under its own position of the slider (the steps are
                        // not all labelled, so spacing them evenly put "2024" under 30/6/2025).
                        let last = n.saturating_sub(1).max(1) as f64;
                        let at = |i: f64| format!("{:.4}", i / last);
                        // A mark under every step, and a taller one where the reform falls
                        // (between 30/6/2025 and 1/7/2025), as in the progress chart.
                        let marks = (0..n).map(|i| view! { <i class="tick" style:--at=at(i as f64)></i> }).collect_view();
                        let reform = steps.windows(2).position(|w| w[0].era() != w[1].era()).map(|i| {
                            view! { <i class="tick-reform" style:--at=at(i as f64 + 0.5)></i> }
                        });
                        let shown: Vec<usize> = (0..n).filter(|&i| i == 0 || i + 1 == n || steps[i].date.year.is_multiple_of(2) && steps[i].era() == Era::Pre2025 && i + 2 < n).collect();
                        let near_end = shown.len().checked_sub(2).map(|k| shown[k]).filter(|&i| i > 0);
                        let labels = shown.into_iter().map(|i| {
                            // Years only: the slider's own line above names the date, and a
                            // phone has no room for "6/2026" beside "2024".
                            view! { <span class:tick-near-end=near_end == Some(i) style:--at=at(i as f64)>{steps[i].date.year.to_string()}</span> }
                        }).collect_view();
                        (marks, reform, labels)
                    }}
                </div>
            </div>
            <button
                type="button"
                class="icon-button"
                aria-label=move || app.t(Msg::NextYear)
                aria-disabled=move || (steps.position.get() + 1 >= steps.len()).to_string()
                on:click=move |_| {
                    stop();
                    let pos = steps.position.get_untracked();
                    go(pos + 1, History::Push);
                }
            >"›"</button>
            <button
                type="button"
                class="icon-button play"
                // Named for what it does now; no pressed state as well ("Tạm dừng, đã nhấn").
                aria-label=move || if playing.get() { app.t(Msg::Pause) } else { app.t(Msg::Play) }
                on:click=play
            >{move || if playing.get() { "❚❚" } else { "▶" }}</button>
            <p class="timeline-paused" role="status">
                {move || paused_at_reform.get().then(|| app.t(Msg::PausedAtReform))}
            </p>
        </div>
    }
}

/// The label of a timeline step in a language.
pub fn step_label(step: Step, lang: ntm_core::i18n::Lang) -> String {
    step.display(lang)
}

/// The colouring and area selectors.
#[component]
pub fn MapOptions() -> impl IntoView {
    let app = use_app();
    let map = use_map();
    let colourings = move || {
        let current = app.colour();
        Colouring::ALL
            .into_iter()
            .map(|c| {
                let msg = match c {
                    Colouring::Tier => Msg::ColourTier,
                    Colouring::Criteria => Msg::ColourCriteria,
                    Colouring::Year => Msg::ColourYear,
                };
                view! { <option value=c.slug() selected=current == c>{app.t(msg)}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="map-options">
            <ScopeSelect/>
            <LiteSwitch/>
            <label class="field">
                <span>{move || app.t(Msg::ColourBy)}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let c = Colouring::ALL.into_iter().find(|c| c.slug() == v).unwrap_or_default();
                    app.navigate(History::Push, |s| s.colour = c);
                }>
                    {colourings}
                </select>
            </label>
            // The map as a picture to send on (a commune officer shares it on Zalo): what it
            // shows, of where and when, its key and its sources, drawn into the picture.
            <button type="button" class="button tool-button map-picture" on:click=move |_| map.picture.set(true)>
                <span class="picture-icon" aria-hidden="true">"⤓"</span>
                {move || app.t(Msg::MapPicture)}
            </button>
        </div>
    }
}

/// The data-saver switch: coarser map shapes, loaded per province; automatic when the browser
/// asks to save data or the screen is small.
#[component]
pub fn LiteSwitch() -> impl IntoView {
    let app = use_app();
    let auto = move || app.view.with(|v| v.lite.is_none());
    // What the switch does is written beside it on a phone (no hover there), and is its
    // description for a screen reader everywhere.
    view! {
        <div class="lite-field">
            <button
                type="button"
                class="button tool-button lite-switch"
                aria-pressed=move || app.lite().to_string()
                aria-describedby="lite-hint"
                title=move || app.t(Msg::LiteHint)
                on:click=move |_| {
                    let on = app.lite();
                    app.navigate(History::Replace, |v| v.lite = Some(!on));
                }
            >
                // A switch that shows its state: "on" or "off" in words beside a track and knob
                // (a tryout read the highlighted button as "off" and turned it off). The state
                // is `aria-pressed`, not part of the name.
                <span class="switch-track" aria-hidden="true"><span class="switch-knob"></span></span>
                {move || app.t(Msg::LiteLabel)}
                // "(tự động)" is part of the name: the pressed state does not say it.
                <span class="lite-state">
                    <span aria-hidden="true">{move || app.t(if app.lite() { Msg::SwitchOn } else { Msg::SwitchOff })}</span>
                    {move || auto().then(|| format!(" ({})", app.t(Msg::Automatic)))}
                </span>
            </button>
            <p id="lite-hint" class="lite-hint">
                {move || app.t(Msg::LiteHint)}
                // An automatic choice says why it was made.
                {move || (auto() && app.lite()).then(crate::state::lite_reason).flatten().map(|why| format!(" {}", app.t(why)))}
            </p>
        </div>
    }
}

/// Zoom in, zoom out, reset.
#[component]
pub fn ZoomButtons() -> impl IntoView {
    let app = use_app();
    let map = use_map();
    view! {
        <div class="zoom-buttons" role="group">
            // At a limit the button says so and does nothing (it stays in the Tab order).
            <button type="button" class="icon-button" aria-label=move || app.t(Msg::ZoomIn) title=move || app.t(Msg::ZoomIn)
                aria-disabled=move || (!map.zoom_room.get().0).then_some("true")
                on:click=move |_| if map.zoom_room.get_untracked().0 { map.zoom.set(Some(1.6)) }>"+"</button>
            <button type="button" class="icon-button" aria-label=move || app.t(Msg::ZoomOut) title=move || app.t(Msg::ZoomOut)
                aria-disabled=move || (!map.zoom_room.get().1).then_some("true")
                on:click=move |_| if map.zoom_room.get_untracked().1 { map.zoom.set(Some(1.0 / 1.6)) }>"−"</button>
            <button type="button" class="icon-button" aria-label=move || app.t(Msg::ResetView) title=move || app.t(Msg::ResetView) on:click=move |_| map.reset.update(|n| *n += 1)>"⟲"</button>
        </div>
    }
}

/// What a link asked for that the data does not have (a year, a unit), and what is shown
/// instead: a mistyped or outdated link opened another view without a word.
#[component]
pub fn LinkNotice() -> impl IntoView {
    let app = use_app();
    move || {
        let r = app.resolved()?;
        let lang = app.lang();
        let mut lines = Vec::new();
        if r.year_unknown {
            let year = app.view.with(|v| v.year.clone()).unwrap_or_default();
            lines.push(ntm_core::i18n::fill(
                Msg::LinkYearUnknown.text(lang),
                &[("year", &year), ("shown", &step_label(r.step, lang))],
            ));
        }
        if r.unit_unknown {
            let id = app.view.with(|v| v.unit.clone()).unwrap_or_default();
            lines.push(ntm_core::i18n::fill(
                Msg::LinkUnitUnknown.text(lang),
                &[("id", &id)],
            ));
        }
        (!lines.is_empty()).then(|| {
            view! {
                <div class="notice link-notice" role="status">
                    {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                </div>
            }
        })
    }
}

/// The notice explaining the reform, shown on post-reform dates; the crossing itself is
/// announced to screen readers.
#[component]
pub fn ReformNotice() -> impl IntoView {
    let app = use_app();
    let era = Memo::new(move |_| app.resolved().map(|r| r.step.era()));
    let announcement = RwSignal::new(String::new());
    Effect::new(move |prev: Option<Option<Era>>| {
        let now = era.get();
        if let (Some(Some(before)), Some(after)) = (prev, now)
            && before != after
        {
            let msg = if after == Era::Post2025 {
                Msg::ReformCrossed
            } else {
                Msg::ReformCrossedBack
            };
            announcement.set(app.t(msg).to_owned());
        }
        now
    });
    view! {
        <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
        {move || (era.get() == Some(Era::Post2025)).then(|| view! {
            <details id="reform-notice" class="notice reform-notice" open=!crate::browser::media_matches("(max-width: 599px)")>
                <summary><strong>{app.t(Msg::ReformTitle)}</strong>" — "{app.t(Msg::ReformSummary)}</summary>
                <p>{app.t(Msg::ReformText)}</p>
            </details>
        })}
    }
}

/// On the map at post-reform dates: why the new communes show no tier, with a button to the
/// reform notice under the year control (below the first screen on a phone).
#[component]
pub fn ReformBadge() -> impl IntoView {
    let app = use_app();
    let post = Memo::new(move |_| app.resolved().map(|r| r.step.era()) == Some(Era::Post2025));
    let open_notice = move |_| {
        let Some(notice) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("reform-notice"))
        else {
            return;
        };
        if let Ok(details) = notice.clone().dyn_into::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
        if let Some(summary) = notice
            .first_element_child()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = summary.focus();
        }
        crate::browser::scroll_into_view_later("reform-notice");
    };
    move || {
        post.get().then(|| {
            view! {
                <button type="button" class="map-reform-badge" aria-controls="reform-notice" on:click=open_notice>
                    {app.t(Msg::MapReformBadge)}
                    " "
                    <span class="map-reform-why">{app.t(Msg::MapReformWhy)}</span>
                </button>
            }
        })
    }
}

/// A polite live region announcing the year and the counts when they change.
#[component]
pub fn LiveSummary() -> impl IntoView {
    let app = use_app();
    // The area is said when it changes (choosing "Phạm vi" said only the numbers), not with
    // every year.
    let last_scope = StoredValue::new(None::<Option<usize>>);
    let text = Memo::new(move |_| {
        let index = app.index()?;
        let r = app.resolved()?;
        let lang = app.lang();
        let area_changed = last_scope
            .get_value()
            .is_some_and(|before| before != r.scope);
        last_scope.set_value(Some(r.scope));
        let s = ntm_core::summary::summarize(&index, r.scope, r.step);
        let f = |n: usize| ntm_core::format::count(lang, n);
        let pending = s.counts.get(Status::NotReassessed);
        let msg = if pending > 0 {
            Msg::LiveSummaryPending.counted(s.total())
        } else {
            Msg::LiveSummary.counted(s.total())
        };
        let counts = fill(
            msg.text(lang),
            &[
                ("year", &step_label(r.step, lang)),
                ("pending", &f(pending)),
                ("standard", &f(s.standard())),
                ("total", &f(s.total())),
                ("advanced", &f(s.advanced())),
                ("model", &f(s.model())),
            ],
        );
        Some(if area_changed {
            let area = crate::components::scope_picker::scope_name(&index, Some(&r), lang);
            format!("{area}. {counts}")
        } else {
            counts
        })
    });
    view! { <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-summary">{move || text.get()}</p> }
}
