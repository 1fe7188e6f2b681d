//! Escaped HTML for the content-heavy parts of the pages (profile, about, the rows of the table,
//! the "show as table" view of charts).
//!
//! Why strings and not framework views: each distinct view tree compiles to its own code in the
//! wasm, and these pages are long lists of mostly static text; a string built here costs a few
//! instructions per element. Every text and attribute value goes through
//! [`escape`](crate::markup::escape), only `http(s)` and relative links are written
//! ([`safe_url`](crate::markup::safe_url)), and no `style` or `on…` attribute is ever produced, so
//! the result is safe to set as `innerHTML` under the app's strict content security policy.
//! Interactive elements carry `data-unit` / `data-page` / `data-year` attributes that the app
//! handles with one delegated click listener.

/// The share symbol of Android, where most readers are: drawn by the app's share button and by
/// the header written into the page before the app starts, which must look the same.
pub const SHARE_ICON: &str = r#"<svg class="share-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><circle cx="18" cy="5" r="3"/><circle cx="6" cy="12" r="3"/><circle cx="18" cy="19" r="3"/><path d="M8.6 13.5l6.8 4M15.4 6.5l-6.8 4"/></svg>"#;

use crate::chart_data::{self, profile_date};
use crate::charts::DataTable;
use crate::date::Date;
use crate::i18n::{Lang, Msg, fill};
use crate::index::{DatasetIndex, Status, Step, UnitIx};
use crate::model::{Era, Level, Provenance, Tier, UnitFlag};
use crate::names;
use crate::summary::summarize;
use crate::table::{RowProvenance, TableRow, flags_text, row_provenance};
use crate::targets::{TargetProgress, all_targets, target_progress};

/// Escapes text for an HTML text node or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The URL if it is safe to link to: `http`, `https`, or a relative query (`?view=…`).
pub fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || u.starts_with('?'))
        .then_some(u)
}

/// An HTML string being written.
#[derive(Clone, Debug, Default)]
pub struct Html(String);

impl Html {
    /// An empty document fragment.
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens an element; attribute values are escaped; an attribute with an empty name is
    /// skipped (for optional attributes).
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (k, v) in attrs {
            if k.is_empty() || k.starts_with("on") || *k == "style" {
                continue;
            }
            self.0.push(' ');
            self.0.push_str(k);
            self.0.push_str("=\"");
            self.0.push_str(&escape(v));
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// Closes an element.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.0.push_str(&escape(text));
        self
    }

    /// An element holding only text.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// A link, when the URL is safe; plain text otherwise. External links open in a new tab.
    pub fn link(&mut self, url: Option<&str>, text: &str) -> &mut Self {
        match url.and_then(safe_url) {
            Some(u) if u.starts_with('?') => self.el("a", &[("href", u)], text),
            Some(u) => self.el(
                "a",
                &[
                    ("href", u),
                    ("rel", "noopener noreferrer"),
                    ("target", "_blank"),
                ],
                text,
            ),
            None => self.el("span", &[], text),
        }
    }

    /// A provenance badge.
    pub fn badge(&mut self, p: RowProvenance, lang: Lang) -> &mut Self {
        let class = format!("badge {}", p.slug());
        self.el("span", &[("class", &class)], p.msg().text(lang))
    }

    /// A tier swatch (decorative).
    pub fn swatch(&mut self, status: Status) -> &mut Self {
        self.el(
            "span",
            &[
                ("class", "swatch"),
                ("data-status", status.slug()),
                ("aria-hidden", "true"),
            ],
            "",
        )
    }

    /// The HTML written.
    pub fn finish(self) -> String {
        self.0
    }
}

/// A chart's data table: caption, column headers with `scope`, the first cell of each row as
/// a row header (of a grouped table: each group's name heads its rows once, and the second
/// cell heads the row), numbers right-aligned.
pub fn data_table(t: &DataTable) -> String {
    let mut h = Html::new();
    if let Some(note) = &t.note {
        h.el("p", &[("class", "table-note")], note);
    }
    // A named, focusable region: a keyboard can scroll a table wider than the screen.
    h.open(
        "div",
        &[
            ("class", "table-scroll"),
            ("role", "region"),
            ("tabindex", "0"),
            ("aria-label", &t.caption),
        ],
    )
    .open(
        "table",
        &[(
            "class",
            if t.grouped {
                "data-table grouped"
            } else {
                "data-table"
            },
        )],
    );
    h.el("caption", &[], &t.caption);
    h.open("thead", &[]).open("tr", &[]);
    let num = |i: usize| {
        if t.numeric.get(i).copied().unwrap_or(false) {
            "num"
        } else {
            ""
        }
    };
    // Grouped: the first column heads groups of rows, once each, in a body of its own; the
    // second column heads the rows.
    let first = usize::from(t.grouped);
    for (i, head) in t.headers.iter().enumerate().skip(first) {
        h.el("th", &[("scope", "col"), ("class", num(i))], head);
    }
    h.close("tr").close("thead");
    let span = t.headers.len().saturating_sub(first).to_string();
    let mut group: Option<&str> = None;
    if !t.grouped {
        h.open("tbody", &[]);
    }
    for row in &t.rows {
        if t.grouped {
            let name = row.first().map_or("", String::as_str);
            if group != Some(name) {
                if group.is_some() {
                    h.close("tbody");
                }
                group = Some(name);
                h.open("tbody", &[]).open("tr", &[]);
                h.el(
                    "th",
                    &[
                        ("scope", "rowgroup"),
                        ("colspan", &span),
                        ("class", "row-group"),
                    ],
                    name,
                );
                h.close("tr");
            }
        }
        h.open("tr", &[]);
        for (i, cell) in row.iter().enumerate().skip(first) {
            if i == first {
                h.el("th", &[("scope", "row")], cell);
            } else {
                h.el("td", &[("class", num(i))], cell);
            }
        }
        h.close("tr");
    }
    if !t.grouped || group.is_some() {
        h.close("tbody");
    }
    h.close("table").close("div");
    h.finish()
}

/// The query string of a view of another unit's profile, keeping the language.
fn profile_href(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("?view=profile&unit={id}"),
        Lang::En => format!("?lang=en&view=profile&unit={id}"),
    }
}

/// The rows of the units table (`<tr>` elements for a `<tbody>`): the name links to the unit's
/// profile (`data-unit`, `data-page="profile"`).
pub fn table_rows(index: &DatasetIndex, rows: &[TableRow], lang: Lang) -> String {
    use crate::table::Column;
    // Each cell names its column (`data-label`): on a phone the rows become cards and the
    // labels are shown beside the values.
    let label = |c: Column| c.msg().text(lang);
    let mut h = Html::new();
    for r in rows {
        let unit = index.unit(r.unit);
        let href = profile_href(&r.id, lang);
        h.open("tr", &[]).open("th", &[("scope", "row")]);
        h.open(
            "a",
            &[
                ("href", &href),
                ("data-unit", &r.id),
                ("data-page", "profile"),
            ],
        )
        .text(&names::full_name(unit, lang))
        .close("a")
        .close("th");
        let parent = r
            .parent
            .map(|p| names::full_name(index.unit(p), lang))
            .unwrap_or_default();
        h.el("td", &[("data-label", label(Column::Parent))], &parent);
        h.open("td", &[("data-label", label(Column::Tier))])
            .open("span", &[("class", "tier-cell")])
            .swatch(r.status);
        h.text(r.status.msg().text(lang)).close("span").close("td");
        h.el(
            "td",
            &[("class", "num"), ("data-label", label(Column::Year))],
            &crate::table::year_text(r),
        );
        let criteria = match (r.criteria, r.criteria_year) {
            (Some((m, n)), Some(y)) => format!(
                "{m}/{n} ({})",
                fill(Msg::AssessedIn.text(lang), &[("year", &y.to_string())])
            ),
            (Some((m, n)), None) => format!("{m}/{n}"),
            (None, _) => String::new(),
        };
        h.el(
            "td",
            &[("class", "num"), ("data-label", label(Column::Criteria))],
            &criteria,
        );
        h.el(
            "td",
            &[("data-label", label(Column::Flags))],
            &flags_text(r, lang),
        );
        // A row with no data makes no claim: it has no provenance to show.
        let provenance = [("data-label", label(Column::Provenance))];
        if r.status == Status::NoData {
            h.el("td", &provenance, "–");
        } else {
            h.open("td", &provenance)
                .badge(r.provenance, lang)
                .close("td");
        }
        h.close("tr");
    }
    h.finish()
}

/// A link to a source of the dataset, by id.
fn source_link(h: &mut Html, index: &DatasetIndex, id: Option<&str>, lang: Lang) {
    let Some(s) = id.and_then(|id| index.source(id)) else {
        return;
    };
    h.open("span", &[("class", "history-source")])
        .text(" · ")
        .text(Msg::SourceLabel.text(lang))
        .text(": ");
    source_title(h, s, lang);
    h.close("span");
}

/// "Title (publisher)" as a link: see [`source_link_text`].
fn source_title(h: &mut Html, s: &crate::model::Source, lang: Lang) {
    source_link_text(h, s, &format!("{} ({})", s.title, s.publisher), lang);
}

/// A source's link with `text` (its title, in its own words), marked with the title's language
/// where it is not the reader's (a screen reader then reads it in that language's voice); an
/// English reader gets the translation beside it.
fn source_link_text(h: &mut Html, s: &crate::model::Source, text: &str, lang: Lang) {
    let own = s.title_lang();
    if own == lang {
        h.link(s.url.as_deref(), text);
    } else {
        h.open("span", &[("lang", own.tag())])
            .link(s.url.as_deref(), text)
            .close("span");
    }
    if let (Some(en), Lang::En) = (&s.title_en, lang) {
        h.text(&format!(" [{en}]"));
    }
}

/// A section with a heading of level 3 labelling it.
fn section(h: &mut Html, id: &str, title: &str) {
    h.open(
        "section",
        &[("class", "profile-section"), ("aria-labelledby", id)],
    );
    h.el("h3", &[("id", id)], title);
}

/// The year change that shows a unit: `None` keeps the year; `Some("")` is the default step
/// (no `year` in the URL).
pub fn year_attr(index: &DatasetIndex, unit: UnitIx, now: Step) -> Option<String> {
    let u = index.unit(unit);
    if u.valid_on(now.date) && u.in_era(now.era()) {
        return None;
    }
    let steps = index.steps();
    let pos = steps
        .iter()
        .rposition(|s| u.valid_on(s.date) && u.in_era(s.era()))?;
    Some(if steps[pos] == index.default_step() {
        String::new()
    } else {
        steps[pos].key()
    })
}

/// A button that opens another unit's profile (on a date on which it exists).
fn unit_button(h: &mut Html, index: &DatasetIndex, unit: UnitIx, now: Step, lang: Lang) {
    let id = &index.unit(unit).id;
    let year = year_attr(index, unit, now);
    // A real link (it opens in a new tab, it can be copied) to the unit's profile on the date
    // it is shown at; a plain click is followed in place through `data-unit` and `data-year`.
    let shown_year = match &year {
        Some(y) => (!y.is_empty()).then(|| y.clone()),
        None => (now != index.default_step()).then(|| now.key()),
    };
    let mut href = profile_href(id, lang);
    if let Some(y) = &shown_year {
        href.push_str("&year=");
        href.push_str(y);
    }
    let mut attrs: Vec<(&str, &str)> = vec![("href", &href), ("data-unit", id)];
    if let Some(y) = &year {
        attrs.push(("data-year", y));
    }
    h.el("a", &attrs, &names::name_with_parent(index, unit, lang));
}

/// A commune's own target of a tier ("1 commune at the NTM standard" set for that commune)
/// said as readers say it: "Mục tiêu 2020: đạt chuẩn NTM", then reached or not.
fn own_target_item(h: &mut Html, index: &DatasetIndex, t: &TargetProgress, lang: Lang) -> bool {
    use crate::model::Metric;
    let tier = match t.target.metric {
        Metric::CommunesStandard => Msg::OwnTargetStandard,
        Metric::CommunesAdvanced => Msg::OwnTargetAdvanced,
        Metric::CommunesModel => Msg::OwnTargetModel,
        _ => return false,
    };
    if (t.target.value - 1.0).abs() > f64::EPSILON || t.target.max.is_some() {
        return false;
    }
    let label = fill(
        Msg::ChartTarget.text(lang),
        &[
            ("year", &t.target.year.to_string()),
            ("value", tier.text(lang)),
        ],
    );
    let state = if t.reached() {
        Msg::TargetReached
    } else {
        Msg::TargetNotReached
    };
    h.open("li", &[("class", "target")]);
    h.el("span", &[("class", "target-label")], &label);
    h.open("span", &[("class", "target-state")])
        .text(state.text(lang));
    // "Reached" rests on the commune's records: said illustrative where they are.
    if let Some(kind) = t.current_unsourced {
        h.text(" ").badge(kind, lang);
    }
    h.close("span");
    target_source(h, index, t, lang);
    h.close("li");
    true
}

/// A target with its progress.
pub fn target_item(h: &mut Html, index: &DatasetIndex, t: &TargetProgress, lang: Lang) {
    let label = fill(
        Msg::ChartTarget.text(lang),
        &[
            ("year", &t.target.year.to_string()),
            (
                "value",
                &metric_value(t.target.metric, t.target.value, None, t.target.max, lang),
            ),
        ],
    );
    let current = plain_value(t.target.metric, t.current, lang);
    let now = match t.measured_on {
        Some(day) => fill(
            Msg::TargetOn.text(lang),
            &[("date", &day.display(lang)), ("current", &current)],
        ),
        None => fill(Msg::TargetNow.text(lang), &[("current", &current)]),
    };
    let state = if t.reached() {
        Msg::TargetReached.text(lang).to_owned()
    } else {
        // What a share still lacks is a difference of percentages: percentage points.
        let remaining = if t.target.metric.is_percent() {
            fill(
                Msg::PercentagePoints.text(lang),
                &[("n", &crate::format::decimal(lang, t.remaining(), 1))],
            )
        } else {
            plain_value(t.target.metric, t.remaining(), lang)
        };
        fill(Msg::TargetRemaining.text(lang), &[("n", &remaining)])
    };
    let meter = format!("{:.0}", t.fraction() * 100.0);
    h.open("li", &[("class", "target")]);
    h.el("span", &[("class", "target-label")], &label);
    // A <meter> shows the progress without any style attribute.
    h.el(
        "meter",
        &[
            ("class", "target-meter"),
            ("min", "0"),
            ("max", "100"),
            ("value", &meter),
            ("aria-hidden", "true"),
        ],
        "",
    );
    h.open("span", &[("class", "target-state")])
        .text(&format!("{now} · {state}"));
    // The records' value is said illustrative where it rests on illustrative records.
    if let Some(kind) = t.current_unsourced {
        h.text(" ").badge(kind, lang);
    }
    h.close("span");
    target_source(h, index, t, lang);
    h.close("li");
}

/// Under a target: what it is about, as published ("Mục tiêu vùng trung du và miền núi phía
/// Bắc"), and where it was set.
fn target_source(h: &mut Html, index: &DatasetIndex, t: &TargetProgress, lang: Lang) {
    let label = match &t.target.note {
        Some(note) => format!("{} · {}", note.get(lang), Msg::SourceLabel.text(lang)),
        None => Msg::SourceLabel.text(lang).to_owned(),
    };
    cite(
        h,
        index,
        t.target.provenance(),
        "target-source",
        &label,
        lang,
    );
}

/// A metric's value as readers say it: "106/175 xã đạt chuẩn NTM", "60,6 % đạt chuẩn NTM",
/// "15,21 tiêu chí"; `max` gives a range ("25–30 thôn NTM kiểu mẫu").
pub fn metric_value(
    metric: crate::model::Metric,
    value: f64,
    of: Option<u32>,
    max: Option<f64>,
    lang: Lang,
) -> String {
    use crate::format;
    use crate::model::Metric;
    let count = |v: f64| format::int(lang, v.round() as i64);
    let mut n = count(value);
    if let Some(max) = max {
        n = format!("{n}–{}", count(max));
    }
    if let Some(of) = of {
        n = format!("{n}/{}", format::count(lang, of as usize));
    }
    // The noun follows the whole ("1/1 commune", "3/5 communes"), else the value; a range is
    // plural ("1–2 communes").
    let one = match (of, max) {
        (Some(of), _) => of == 1,
        (None, None) => value.round() as i64 == 1,
        (None, Some(_)) => false,
    };
    let noun = |msg: Msg| {
        let msg = if one { msg.singular() } else { msg };
        format!("{n} {}", msg.text(lang))
    };
    match metric {
        Metric::CommunesStandardShare => format!(
            "{} {}",
            format::percent_published(lang, value),
            Msg::PhraseTierStandard.text(lang)
        ),
        Metric::CommunesAdvancedShare => format!(
            "{} {}",
            format::percent_published(lang, value),
            Msg::PhraseTierAdvanced.text(lang)
        ),
        Metric::CommunesStandard => noun(Msg::HeadStandard),
        Metric::CommunesAdvanced => noun(Msg::HeadAdvanced),
        Metric::CommunesModel => noun(Msg::HeadModel),
        Metric::ModelVillages => noun(Msg::HeadModelVillages),
        Metric::DistrictsStandard => noun(Msg::HeadDistricts),
        Metric::AverageCriteria => fill(
            Msg::CriteriaCount.text(lang),
            &[("n", &format::decimal(lang, value, 2))],
        ),
    }
}

/// A value of the records for a metric, formatted like the metric ("60,6 %", "15,21", "106").
pub fn plain_value(metric: crate::model::Metric, value: f64, lang: Lang) -> String {
    use crate::format;
    use crate::model::Metric;
    match metric {
        Metric::CommunesStandardShare | Metric::CommunesAdvancedShare => {
            format::percent(lang, value)
        }
        Metric::AverageCriteria => format::decimal(lang, value, 2),
        _ => format::int(lang, value.round() as i64),
    }
}

/// The top of a profile: name, code, "data as of", provenance, and the tier on the step.
pub fn profile_head(index: &DatasetIndex, ix: UnitIx, step: Step, lang: Lang) -> String {
    let unit = index.unit(ix);
    let (at, valid) = profile_date(index, ix, step);
    let status = index.status(ix, at);
    let mut h = Html::new();
    h.open("header", &[("class", "profile-head")]);
    h.el(
        "h2",
        &[("id", "profile-title"), ("class", "page-title")],
        &names::name_with_parent(index, ix, lang),
    );
    h.open("p", &[("class", "muted")]);
    h.text(&fill(Msg::ProfileCode.text(lang), &[("code", &unit.code)]))
        .text(" · ");
    h.text(&fill(
        Msg::DataAsOf.text(lang),
        &[("date", &index.data.as_of.display(lang))],
    ));
    // As the table's row says it: a sourced tier with illustrative criteria is "partly
    // illustrative", not "sourced" (Cẩm Lý's profile said "Có nguồn" over made-up criteria).
    // A unit no record of its own speaks of (a new commune not re-assessed) has no badge: "Có
    // nguồn" over a profile made of its old communes' made-up tiers said too much.
    if crate::table::status_record(index, ix, at).is_some() || unit.synthetic {
        h.text(" · ").badge(row_provenance(index, ix, at), lang);
    }
    h.close("p").close("header");
    // The step the status describes (for a unit created later, the latest one).
    let label = index
        .steps()
        .iter()
        .find(|s| s.date == at)
        .map_or_else(|| at.display(lang), |s| s.in_text(lang));
    section(
        &mut h,
        "profile-status",
        &fill(Msg::ProfileStatusOn.text(lang), &[("year", &label)]),
    );
    if !valid {
        let note = if unit.to.is_some_and(|t| t < step.date) {
            fill(
                Msg::ProfileEnded.text(lang),
                &[("date", &step.date.display(lang))],
            )
        } else {
            Msg::ProfileNotYetCreated.text(lang).to_owned()
        };
        h.el("p", &[("class", "notice")], &note);
    }
    h.open("p", &[("class", "detail-status")]).swatch(status);
    h.text(&names::status_phrase(index, ix, status, at, lang))
        .close("p");
    h.open("p", &[]);
    // On a date the unit is on the map: a new commune seen on 30/6/2025 is shown after the
    // reform, not on a map of the old communes.
    let year = year_attr(index, ix, step);
    let mut attrs = vec![
        ("type", "button"),
        ("class", "button"),
        ("data-page", "map"),
    ];
    if let Some(y) = &year {
        attrs.push(("data-year", y));
    }
    h.el("button", &attrs, Msg::ProfileShowOnMap.text(lang));
    h.close("p").close("section");
    h.finish()
}

fn criteria_section(h: &mut Html, index: &DatasetIndex, ix: UnitIx, at: Date, lang: Lang) {
    section(h, "profile-criteria", Msg::ProfileCriteria.text(lang));
    if !index.unit(ix).kind.is_ntm_commune() {
        let why = if index.unit(ix).kind.level() == crate::model::Level::Commune {
            Msg::ProfileNotCommune
        } else {
            Msg::ProfileArea
        };
        h.el("p", &[], why.text(lang)).close("section");
        return;
    }
    let gap = chart_data::next_tier_gap(index, ix, at);
    let Some(next) = gap.next else {
        h.el("p", &[], Msg::ProfileTopTier.text(lang))
            .close("section");
        return;
    };
    let reach = match next {
        Tier::Advanced => Msg::ProfileReachAdvanced,
        Tier::Model => Msg::ProfileReachModel,
        Tier::Standard | Tier::ModelVillage => Msg::ProfileReachStandard,
    };
    h.el(
        "h4",
        &[],
        &fill(
            Msg::ProfileMissingFor.text(lang),
            &[("tier", reach.text(lang))],
        ),
    );
    if next != Tier::Standard {
        h.el(
            "p",
            &[("class", "muted")],
            Msg::ProfileHigherTierNote.text(lang),
        )
        .close("section");
        return;
    }
    let Some(a) = gap.assessment.as_ref() else {
        h.el("p", &[], Msg::ProfileNoAssessment.text(lang))
            .close("section");
        return;
    };
    if !gap.current_set {
        let current = index
            .commune_set_for_year(at.year)
            .map(|s| s.document.clone())
            .unwrap_or_default();
        let note = fill(
            Msg::ProfileOlderSet.text(lang),
            &[
                ("year", &a.year.to_string()),
                ("document", &a.document),
                ("current", &current),
            ],
        );
        h.el("p", &[("class", "muted")], &note);
    }
    let missing = gap.missing();
    let unknown_count = gap.unknown().len();
    let all_unknown = unknown_count == a.marks.len();
    if missing.is_empty() && unknown_count > 0 {
        // Not "all met": the assessment does not say for some. A source may give only the
        // number (Châu Sơn: "17/19", naming neither the 17 nor the 2).
        let msg = if all_unknown {
            Msg::ProfileCountOnly
        } else {
            Msg::ProfileKnownMet
        };
        let known = fill(
            msg.text(lang),
            &[
                ("met", &a.met().to_string()),
                ("of", &a.marks.len().to_string()),
                ("document", &a.document),
            ],
        );
        h.el("p", &[], &known);
    } else if missing.is_empty() {
        let all = fill(
            Msg::ProfileAllMet.text(lang),
            &[
                ("of", &a.marks.len().to_string()),
                ("document", &a.document),
            ],
        );
        h.el("p", &[], &all);
    } else {
        h.open("ul", &[("class", "missing-criteria")]);
        for m in missing {
            h.el("li", &[], &format!("{}. {}", m.n, m.name.get(lang)));
        }
        h.close("ul");
    }
    let unknown: Vec<String> = gap
        .unknown()
        .iter()
        .map(|m| format!("{}. {}", m.n, m.name.get(lang)))
        .collect();
    // Every criterion unknown is said in the sentence above, not listed 19 times.
    if !unknown.is_empty() && !all_unknown {
        h.el(
            "p",
            &[("class", "muted")],
            &fill(
                Msg::ProfileUnknownCriteria.text(lang),
                &[("list", &unknown.join("; "))],
            ),
        );
    }
    // Where these criteria come from, beside them (Cẩm Lý's "missing 3, 7, 8" were made up,
    // and only the page's header said so).
    if let Some(record) = index.assessment_at(ix, at) {
        h.open("p", &[("class", "muted")]);
        cite(
            h,
            index,
            record.provenance(),
            "criteria-source",
            Msg::SourceLabel.text(lang),
            lang,
        );
        h.close("p");
    }
    h.close("section");
}

/// The body of a profile below its chart: criteria missing for the next tier, recognition
/// history, model villages, the disadvantaged flag, targets, and what the unit was formed from
/// or became.
pub fn profile_body(index: &DatasetIndex, ix: UnitIx, step: Step, lang: Lang) -> String {
    let unit = index.unit(ix);
    let (at, _) = profile_date(index, ix, step);
    let mut h = Html::new();
    criteria_section(&mut h, index, ix, at, lang);

    section(&mut h, "profile-history", Msg::TierHistory.text(lang));
    let history: Vec<_> = index
        .recognitions_of(ix)
        .into_iter()
        .filter(|r| r.tier != Tier::ModelVillage)
        .collect();
    if history.is_empty() {
        // A ward is not assessed: "no recognition yet" would suggest it could have one.
        let none = if unit.kind.is_ntm_commune() {
            Msg::NoRecognitions
        } else {
            Msg::NotAssessedKind
        };
        h.el("p", &[("class", "muted")], none.text(lang));
    } else {
        h.open("ol", &[("class", "history")]);
        for rec in history {
            h.open("li", &[]);
            h.el(
                "span",
                &[("class", "history-year")],
                &rec.reached().display(),
            );
            h.text(" ");
            h.text(crate::chart_data::tier_name(rec.tier).text(lang));
            if let Some(f) = &rec.former {
                h.el("span", &[("class", "muted")], &format!(" ({f})"));
            }
            if let Some(d) = &rec.decision {
                h.el(
                    "span",
                    &[("class", "muted")],
                    &format!(" · {} {d}", Msg::Decision.text(lang)),
                );
            }
            if let Some(d) = rec.date {
                h.el(
                    "span",
                    &[("class", "muted")],
                    &format!(" · {}", d.display(lang)),
                );
            }
            h.text(" ").badge(RowProvenance::of(rec.provenance()), lang);
            source_link(&mut h, index, rec.source.as_deref(), lang);
            h.close("li");
        }
        h.close("ol");
    }
    h.close("section");

    section(
        &mut h,
        "profile-villages",
        Msg::ProfileModelVillages.text(lang),
    );
    let villages = index.model_villages(ix, at);
    if unit.kind.level() != Level::Commune {
        // A district or province has no villages of its own: its communes' (Lục Nam's profile
        // said "none" while its targets counted 14).
        area_model_villages(&mut h, index, ix, at, lang);
    } else if villages.is_empty() {
        let none = if unit.kind.is_ntm_commune() {
            Msg::ProfileNoModelVillages
        } else {
            Msg::ProfileNoModelVillagesUnit
        };
        h.el("p", &[("class", "muted")], none.text(lang));
    } else {
        h.open("ul", &[("class", "history")]);
        for v in villages {
            h.open("li", &[]);
            h.el("span", &[("class", "history-year")], &v.year.to_string());
            h.text(" ");
            h.text(v.village.as_deref().unwrap_or_default()).text(" ");
            h.badge(RowProvenance::of(v.provenance()), lang);
            source_link(&mut h, index, v.source.as_deref(), lang);
            h.close("li");
        }
        h.close("ul");
    }
    h.close("section");

    section(&mut h, "profile-flags", Msg::ProfileFlags.text(lang));
    h.open("p", &[]);
    // "Not listed" is a claim only where the data lists the communes of the unit's era; the
    // list's provenance goes with it (the demo's list of old communes is illustrative).
    let era = if unit.in_era(Era::Pre2025) {
        Era::Pre2025
    } else {
        Era::Post2025
    };
    let listed: Vec<&crate::model::Unit> = index
        .communes_of_era(era)
        .map(|c| index.unit(c))
        .filter(|u| !u.flags.is_empty())
        .collect();
    let (flag, illustrative) = if unit.flags.contains(&UnitFlag::Disadvantaged) {
        (
            Msg::FlagDisadvantagedLong.text(lang).to_owned(),
            unit.flags_illustrative,
        )
    } else if listed.is_empty() {
        (Msg::FlagUnknown.text(lang).to_owned(), false)
    } else if unit.kind.level() == Level::Commune && !unit.kind.is_ntm_commune() {
        // A township or ward is never on a list of xã ("not listed (illustrative)" said too
        // much).
        (Msg::FlagNotAXa.text(lang).to_owned(), false)
    } else if unit.kind.level() != Level::Commune {
        // A district or province is not itself on the list: how many of its communes are
        // (Lục Nam's profile said "not listed as an especially disadvantaged commune").
        // Over its xã: a ward or township is never on that list (Lục Nam said "5 of 24" with
        // its two townships counted).
        let communes: Vec<&crate::model::Unit> = index
            .communes_in(Some(ix), at)
            .into_iter()
            .map(|c| index.unit(c))
            .filter(|u| u.kind.is_ntm_commune())
            .collect();
        let flagged: Vec<&&crate::model::Unit> = communes
            .iter()
            .filter(|u| u.flags.contains(&UnitFlag::Disadvantaged))
            .collect();
        (
            fill(
                Msg::FlagAreaCount.counted(communes.len()).text(lang),
                &[
                    ("n", &crate::format::count(lang, flagged.len())),
                    ("total", &crate::format::count(lang, communes.len())),
                ],
            ),
            listed.iter().any(|u| u.flags_illustrative),
        )
    } else {
        (
            Msg::FlagNone.text(lang).to_owned(),
            listed.iter().any(|u| u.flags_illustrative),
        )
    };
    h.text(&flag);
    if illustrative {
        h.text(" ").badge(RowProvenance::Illustrative, lang);
    }
    h.close("p").close("section");

    section(&mut h, "profile-targets", Msg::SummaryTargets.text(lang));
    let step_at = index
        .steps()
        .iter()
        .copied()
        .rfind(|s| s.date <= at)
        .unwrap_or(step);
    let mut scopes: Vec<UnitIx> = vec![ix];
    scopes.extend(index.district_of(ix));
    let province = index.province_of(ix);
    if province != ix {
        scopes.push(province);
    }
    let mut any = false;
    let mut last_past: Option<u16> = None;
    for sc in scopes {
        last_past = index
            .indicators_of(sc, crate::model::IndicatorKind::Target)
            .map(|t| t.year)
            .chain(last_past)
            .max();
        let summary = summarize(index, Some(sc), step_at);
        // The commune's own targets ("standard in 2020") matter even once past.
        let targets = if sc == ix {
            all_targets(index, sc, &summary)
        } else {
            target_progress(index, sc, &summary)
        };
        if targets.is_empty() {
            continue;
        }
        any = true;
        // Under "Progress against targets", each line already starts "2020 target: …".
        h.el("h4", &[], &names::full_name(index.unit(sc), lang));
        h.open("ul", &[("class", "targets")]);
        let commune = index.unit(sc).kind.level() == Level::Commune;
        for t in &targets {
            if !(commune && own_target_item(&mut h, index, t, lang)) {
                target_item(&mut h, index, t, lang);
            }
        }
        h.close("ul");
    }
    if !any {
        // Targets all past (Lạng Sơn's for 2025, seen in 2026) are not "no targets".
        let scope = names::name_in_sentence(index.unit(province), lang);
        let none = match last_past {
            Some(last) => fill(
                Msg::ProfileNoTargetsAhead.text(lang),
                &[
                    ("scope", &scope),
                    ("year", &step_at.date.year.to_string()),
                    ("last", &last.to_string()),
                ],
            ),
            None => fill(Msg::ProfileNoTargets.text(lang), &[("scope", &scope)]),
        };
        h.el("p", &[("class", "muted")], &none);
    }
    h.close("section");

    let related =
        |h: &mut Html, id: &str, title: Msg, list: &[(UnitIx, bool)], when: Option<Date>| {
            if list.is_empty() {
                return;
            }
            section(h, id, title.text(lang));
            h.open("ul", &[("class", "related")]);
            for &(u, part) in list {
                h.open("li", &[]);
                unit_button(h, index, u, step, lang);
                if part {
                    h.el(
                        "span",
                        &[("class", "muted")],
                        &format!(" ({})", Msg::PartOf.text(lang)),
                    );
                }
                let tier = crate::names::related_tier(index, u, when, lang);
                h.el("span", &[("class", "muted")], &format!(" — {tier}"));
                let provenance = crate::names::related_provenance(index, u, when);
                if provenance != RowProvenance::Sourced {
                    h.text(" ").badge(provenance, lang);
                }
                h.close("li");
            }
            h.close("ul");
            let note = match id {
                "profile-became" => crate::names::merger_note(index, ix, lang),
                "profile-formed" => crate::names::formed_note(index, ix, lang),
                _ => None,
            };
            if let Some(note) = note {
                h.el("p", &[("class", "merger-note")], &note);
            }
            h.close("section");
        };
    related(
        &mut h,
        "profile-formed",
        Msg::FormedFrom,
        index.predecessors(ix),
        None,
    );
    related(
        &mut h,
        "profile-became",
        Msg::Became,
        &index.successors(ix),
        Some(crate::names::successor_date(index, step.date)),
    );
    h.finish()
}

/// The source a published figure cites, if it cites one.
fn cited_source(c: &crate::targets::PublishedComparison) -> Option<&str> {
    match c.published.provenance() {
        Provenance::Sourced(id) => Some(id),
        _ => None,
    }
}

/// "Nguồn: <title (publisher)>" for a sourced figure, or its illustrative or synthetic badge.
fn cite(
    h: &mut Html,
    index: &DatasetIndex,
    provenance: Provenance<'_>,
    class: &str,
    label: &str,
    lang: Lang,
) {
    h.open("span", &[("class", class)]).text(label).text(": ");
    match provenance {
        Provenance::Sourced(id) => match index.source(id) {
            Some(s) => source_title(h, s, lang),
            None => {
                h.text(id);
            }
        },
        other => {
            h.badge(RowProvenance::of(other), lang);
        }
    }
    h.close("span");
}

/// Published figures set against the records, each with its source.
pub fn published_list(
    index: &DatasetIndex,
    list: &[crate::targets::PublishedComparison],
    lang: Lang,
) -> String {
    let mut h = Html::new();
    // One source line for a run of figures from the same source (an article often gives five),
    // after the last of them, saying how many it covers.
    let mut run = 0;
    for (i, c) in list.iter().enumerate() {
        let p = &c.published;
        run += 1;
        let last_of_run = list.get(i + 1).is_none_or(|next| {
            cited_source(next).is_none() || cited_source(next) != cited_source(c)
        });
        h.open("li", &[("class", "published")]);
        let published = metric_value(p.metric, p.value, p.of, None, lang);
        h.el(
            "span",
            &[],
            &fill(Msg::PublishedValue.text(lang), &[("value", &published)]),
        );
        if let Some(r) = c.records {
            let records = fill(
                Msg::RecordsValue.text(lang),
                &[("value", &plain_value(p.metric, r, lang))],
            );
            h.el("span", &[], &format!(" · {records}"));
        }
        if let Some(ok) = c.agrees() {
            let (msg, class) = if ok {
                (Msg::FiguresAgree, "verdict agree")
            } else {
                (Msg::FiguresDiffer, "verdict differ")
            };
            h.text(" · ")
                .el("span", &[("class", class)], msg.text(lang));
        }
        // What the source says of its own figure: often why it differs from the records
        // ("Tiên Hưng nay thuộc thị trấn Đồi Ngô …"), which was in the data but never shown.
        if let Some(note) = &p.note {
            h.el(
                "span",
                &[("class", "published-note")],
                &format!(" · {}", note.get(lang)),
            );
        }
        if !last_of_run {
            h.close("li");
            continue;
        }
        let label = if run > 1 {
            fill(
                Msg::SourceOfAbove.text(lang),
                &[("n", &crate::format::count(lang, run))],
            )
        } else {
            Msg::SourceLabel.text(lang).to_owned()
        };
        run = 0;
        cite(
            &mut h,
            index,
            p.provenance(),
            "published-source",
            &label,
            lang,
        );
        h.close("li");
    }
    h.finish()
}

/// Under the headline numbers: how many of them rest on records with no source of their own
/// (a demo's illustrative records, a benchmark's synthetic ones), with the badge the table and
/// profiles show beside those records.
fn unsourced_note(h: &mut Html, s: &crate::summary::Summary, lang: Lang) {
    use crate::format;
    let Some(kind) = s.unsourced_kind else { return };
    let mut parts = Vec::new();
    if s.unsourced_tiers > 0 {
        parts.push(fill(
            Msg::UnsourcedTiers.counted(s.standard()).text(lang),
            &[
                ("n", &format::count(lang, s.unsourced_tiers)),
                ("total", &format::count(lang, s.standard())),
            ],
        ));
    }
    if s.unsourced_assessed > 0 {
        parts.push(fill(
            Msg::UnsourcedCriteria.counted(s.assessed).text(lang),
            &[
                ("n", &format::count(lang, s.unsourced_assessed)),
                ("total", &format::count(lang, s.assessed)),
            ],
        ));
    }
    if parts.is_empty() {
        return;
    }
    let msg = match kind {
        RowProvenance::Synthetic => Msg::UnsourcedSynthetic,
        _ => Msg::UnsourcedIllustrative,
    };
    h.open("p", &[("class", "summary-provenance")])
        .badge(kind, lang)
        .text(" ")
        .text(&fill(
            msg.text(lang),
            &[("parts", &parts.join(Msg::And.text(lang)))],
        ))
        .close("p");
}

/// The files `ntm-data export` writes beside the dataset, and the dataset, each with what it
/// holds: on the Sources page, and on the page shown without JavaScript.
pub fn downloads(h: &mut Html, lang: Lang) {
    h.open("ul", &[("class", "about-downloads")]);
    for (file, what) in [
        ("data/export/units.csv", Msg::DownloadUnits),
        ("data/export/recognitions.csv", Msg::DownloadRecognitions),
        ("data/export/indicators.csv", Msg::DownloadIndicators),
        ("data/export/sources.csv", Msg::DownloadSources),
        ("data/export/communes-pre2025.geojson", Msg::DownloadGeoPre),
        (
            "data/export/communes-post2025.geojson",
            Msg::DownloadGeoPost,
        ),
        ("data/ntm.json", Msg::DownloadDataset),
    ] {
        let name = file.rsplit('/').next().unwrap_or(file);
        h.open("li", &[]);
        h.el("a", &[("href", file), ("download", name)], name);
        h.text(&format!(" — {}", what.text(lang))).close("li");
    }
    h.close("ul");
    // Excel reads "06547" as the number 6547 when it opens a CSV by double-click.
    h.el(
        "p",
        &[("class", "muted")],
        Msg::DownloadsExcelCodes.text(lang),
    );
}

/// When the area asked for (a district, or a province merged on 1/7/2025) no longer exists on
/// the step shown: a line saying whose numbers follow, above them: the new communes a
/// district's communes went into, or the province a province went into.
pub fn scope_moved_note(
    index: &DatasetIndex,
    requested: Option<UnitIx>,
    shown: Option<UnitIx>,
    step: Step,
    lang: Lang,
) -> Option<String> {
    let (requested, shown) = (requested?, shown?);
    if index.unit(requested).valid_on(step.date) {
        return None;
    }
    let old = names::name_in_sentence(index.unit(requested), lang);
    let text = if requested == shown {
        // A district ended by the reform, standing for the new communes its communes went
        // into.
        let n = index.communes_in(Some(shown), step.date).len();
        fill(
            Msg::SummarySuccessorArea.counted(n).text(lang),
            &[("old", &old), ("n", &crate::format::count(lang, n))],
        )
    } else {
        fill(
            Msg::SummaryScopeMoved.text(lang),
            &[
                ("old", &old),
                ("new", &names::name_in_sentence(index.unit(shown), lang)),
            ],
        )
    };
    let mut h = Html::new();
    h.el("p", &[("class", "summary-moved")], &text);
    Some(h.finish())
}

/// The headline numbers of a scope on a step (the inside of the summary region): communes at
/// standard, advanced and model as n / total and %, average criteria met, the change since the
/// previous step of the same era, progress towards the scope's targets, and the published
/// figures of that day against the records.
pub fn summary(index: &DatasetIndex, scope: Option<UnitIx>, step: Step, lang: Lang) -> String {
    use crate::format;
    let s = summarize(index, scope, step);
    let total = s.total();
    let mut h = Html::new();
    h.open("p", &[("class", "summary-total")]);
    h.text(&fill(
        Msg::OfCommunes.counted(total).text(lang),
        &[("total", &format::count(lang, total))],
    ));
    let not_reassessed = s.counts.get(Status::NotReassessed);
    if not_reassessed > 0 {
        h.text(&format!(
            " · {}",
            fill(
                Msg::NotReassessedCount.text(lang),
                &[("n", &format::count(lang, not_reassessed))]
            )
        ));
    }
    if s.no_data() > 0 {
        h.el(
            "span",
            &[("class", "summary-nodata")],
            &format!(
                " · {}",
                fill(
                    Msg::NoDataCount.counted(s.no_data()).text(lang),
                    &[("n", &format::count(lang, s.no_data()))]
                )
            ),
        );
    }
    let previous = index
        .steps()
        .iter()
        .rev()
        .find(|p| p.date < s.date && p.era() == step.era());
    // With no commune counted there is no change to tell ("since 2021: 0").
    if let (Some(change), Some(prev), true) = (s.standard_change(), previous, total > 0) {
        let label = prev.display(lang);
        let text = if change == 0 {
            fill(Msg::HeadNoChange.text(lang), &[("prev", &label)])
        } else {
            fill(
                Msg::HeadChange.text(lang),
                &[("prev", &label), ("change", &format::signed(lang, change))],
            )
        };
        h.el(
            "span",
            &[("class", "summary-change")],
            &format!(" · {text}"),
        );
    }
    h.close("p");
    // After the reform the new communes start from zero: say so beside the zeros, with what
    // the old communes they were formed from had reached (a tryout read "0 %" as failure).
    if not_reassessed > 0
        && let Some(before) = crate::summary::before_reform(index, scope, s.date)
    {
        let standard = before.at_least(Status::Standard);
        let basis = before.share_basis();
        let share = format::share(standard, basis)
            .map(|p| format::percent(lang, p))
            .unwrap_or_default();
        // The old communes the data knows nothing of are said, not silently left out of the
        // share (new Bắc Ninh: "129/143" said nothing of old Bắc Ninh's 66).
        let unknown = before.get(Status::NoData);
        h.open("p", &[("class", "summary-reform")])
            .text(Msg::SummaryReformStart.text(lang))
            .text(" ")
            .text(&fill(
                if unknown > 0 {
                    Msg::SummaryBeforeReformPartial
                } else {
                    Msg::SummaryBeforeReform
                }
                .text(lang),
                &[
                    ("date", &crate::date::LAST_PRE_REFORM_DAY.display(lang)),
                    ("standard", &format::count(lang, standard)),
                    ("total", &format::count(lang, basis)),
                    ("share", &share),
                    ("unknown", &format::count(lang, unknown)),
                ],
            ))
            .close("p");
    }
    h.open("dl", &[("class", "figures")]);
    for (msg, n, key) in [
        (Msg::HeadStandard, s.standard(), "standard"),
        (Msg::HeadAdvanced, s.advanced(), "advanced"),
        (Msg::HeadModel, s.model(), "model"),
    ] {
        // Nothing counted: a dash and why, not "0 0/0 ·". After the reform, none at the tier
        // while communes await re-assessment is an absence of decisions, not a finding of
        // "0,0 %": a dash and that.
        let (value, of) = match format::share(n, total) {
            Some(_) if n == 0 && not_reassessed > 0 => (
                "–".to_owned(),
                Msg::HeadNoneRecognisedAgain.text(lang).to_owned(),
            ),
            Some(p) => (
                format::count(lang, n),
                format!(
                    "{}/{} · {}",
                    format::count(lang, n),
                    format::count(lang, total),
                    format::percent(lang, p)
                ),
            ),
            None => ("–".to_owned(), Msg::HeadNoData.text(lang).to_owned()),
        };
        // The big number is the share's first number again: a screen reader reads the share
        // alone ("235/318 · 73,9 %", not "235 235/318 · 73,9 %").
        h.open("div", &[("class", "figure"), ("data-tier", key)])
            .el("dt", &[], msg.text(lang));
        h.open("dd", &[]).el(
            "span",
            &[("class", "figure-value"), ("aria-hidden", "true")],
            &value,
        );
        h.el("span", &[("class", "figure-share")], &of)
            .close("dd")
            .close("div");
    }
    if let Some((avg, of)) = s.avg_criteria {
        let value = fill(
            Msg::HeadAvgValue.text(lang),
            &[
                ("avg", &format::decimal(lang, avg, 2)),
                ("of", &of.to_string()),
            ],
        );
        h.open("div", &[("class", "figure"), ("data-tier", "criteria")])
            .el("dt", &[], Msg::HeadAvgCriteria.text(lang));
        h.open("dd", &[])
            .el("span", &[("class", "figure-value")], &value);
        // The set counted against: 19 criteria until 2025, 10 from 2026 (the scale changes).
        if let Some(set) = index.commune_set_for_year(s.date.year) {
            // The document's number never breaks at its hyphen ("QĐ 318/QĐ-TTg"), but may at
            // its space: "QĐ 51/2025/QĐ-TTg" on one line is wider than a card on a phone.
            let (before, after) = Msg::HeadAvgSet
                .text(lang)
                .split_once("{document}")
                .unwrap_or(("", ""));
            let (kind, number) = set
                .document
                .rsplit_once(' ')
                .map_or(("", set.document.as_str()), |(k, n)| (k, n));
            h.open("span", &[("class", "figure-share")]).text(before);
            if !kind.is_empty() {
                h.text(kind).text(" ");
            }
            h.el("span", &[("class", "nowrap")], number).text(after);
            // An average over a few communes says so (after the reform, the first ones
            // re-assessed): "1/127 xã có đánh giá".
            if s.assessed < total {
                h.text(" · ").text(&fill(
                    Msg::HeadAssessed.counted(total).text(lang),
                    &[
                        ("n", &format::count(lang, s.assessed)),
                        ("total", &format::count(lang, total)),
                    ],
                ));
            }
            h.close("span");
        }
        h.close("dd").close("div");
    }
    h.close("dl");
    unsourced_note(&mut h, &s, lang);
    let targets = scope
        .map(|sc| target_progress(index, sc, &s))
        .unwrap_or_default();
    // Targets are set per province: over all areas there are none to show, so say how to.
    if scope.is_none()
        && index
            .data
            .indicators
            .iter()
            .any(|i| i.kind == crate::model::IndicatorKind::Target)
    {
        h.el(
            "p",
            &[("class", "summary-hint")],
            Msg::TargetsPickArea.text(lang),
        );
    }
    if !targets.is_empty() {
        h.el(
            "h3",
            &[("class", "summary-heading")],
            Msg::SummaryTargets.text(lang),
        );
        h.open("ul", &[("class", "targets")]);
        for t in &targets {
            target_item(&mut h, index, t, lang);
        }
        h.close("ul");
    }
    let published = crate::targets::published_vs_records(index, scope, &s);
    if !published.is_empty() {
        h.el(
            "h3",
            &[("class", "summary-heading")],
            Msg::SummaryPublished.text(lang),
        );
        h.open("ul", &[("class", "published-list")]);
        let mut inner = h.finish();
        inner.push_str(&published_list(index, &published, lang));
        h = Html(inner);
        h.close("ul");
    }
    h.finish()
}

/// Whether a search result shows a tier's swatch: only a commune assessed for NTM that exists
/// on the date. The grey squares of districts, towns and communes of the other era looked
/// like unticked checkboxes to a reader.
fn has_tier_swatch(index: &DatasetIndex, ix: crate::index::UnitIx, at: Date) -> bool {
    let unit = index.unit(ix);
    unit.kind.is_ntm_commune() && unit.valid_on(at)
}

/// The options of the search listbox (ARIA combobox pattern): each `<li role="option">` has an
/// id the input points to with `aria-activedescendant`, `aria-selected` on the active one, and
/// `data-index` for the delegated click listener.
pub fn search_options(
    index: &DatasetIndex,
    hits: &[crate::search::SearchHit],
    active: Option<usize>,
    at: Date,
    lang: Lang,
) -> String {
    let mut h = Html::new();
    for (i, hit) in hits.iter().enumerate() {
        let (title, note) = crate::search::describe(index, hit, lang);
        let id = format!("search-option-{i}");
        let n = i.to_string();
        let selected = if active == Some(i) { "true" } else { "false" };
        h.open(
            "li",
            &[
                ("id", &id),
                ("role", "option"),
                ("class", "search-option"),
                ("aria-selected", selected),
                ("data-index", &n),
            ],
        );
        // The space is kept where there is no swatch, so that the names line up.
        if has_tier_swatch(index, hit.unit, at) {
            h.swatch(index.status(hit.unit, at));
        } else {
            h.el(
                "span",
                &[("class", "swatch-space"), ("aria-hidden", "true")],
                "",
            );
        }
        h.open("span", &[("class", "search-text")]).el(
            "span",
            &[("class", "search-title")],
            &title,
        );
        if let Some(note) = note {
            h.el("span", &[("class", "search-note")], &note);
        }
        h.close("span").close("li");
    }
    h.finish()
}

/// The filters of the units table (inside its `<fieldset>`): tier and enclosing unit as
/// `<select name="tier|parent">` with the choices present in the rows, and the
/// `disadvantaged` checkbox; the app listens for `change` on the fieldset.
pub fn table_filters(
    index: &DatasetIndex,
    rows: &[TableRow],
    filter: &crate::table::Filter,
    lang: Lang,
) -> String {
    let mut h = Html::new();
    h.el("legend", &[], Msg::TableFilters.text(lang));
    h.open("label", &[("class", "field field-name")])
        .el("span", &[], Msg::FilterName.text(lang))
        .open(
            "input",
            &[
                ("type", "search"),
                ("name", "name"),
                ("value", &filter.name),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
                ("enterkeyhint", "search"),
            ],
        )
        .close("label");
    let choice = |h: &mut Html, value: &str, text: &str, selected: bool| {
        let attrs: &[(&str, &str)] = if selected {
            &[("value", value), ("selected", "")]
        } else {
            &[("value", value)]
        };
        h.el("option", attrs, text);
    };
    h.open("label", &[("class", "field")])
        .el("span", &[], Msg::ColTier.text(lang));
    h.open("select", &[("name", "tier")]);
    choice(
        &mut h,
        "",
        Msg::FilterAll.text(lang),
        filter.status.is_none(),
    );
    // First the counts the headline numbers and published figures give: a tier and above.
    for (s, msg) in [
        (Status::Standard, Msg::FilterStandardUp),
        (Status::Advanced, Msg::FilterAdvancedUp),
    ] {
        if rows.iter().any(|r| r.status >= s) {
            choice(
                &mut h,
                &format!("{}-up", s.slug()),
                msg.text(lang),
                filter.at_least && filter.status == Some(s),
            );
        }
    }
    for s in Status::LEGEND
        .into_iter()
        .filter(|s| rows.iter().any(|r| r.status == *s))
    {
        choice(
            &mut h,
            s.slug(),
            s.msg().text(lang),
            !filter.at_least && filter.status == Some(s),
        );
    }
    h.close("select").close("label");
    // Districts before the reform, provinces after it (no more districts).
    let parents = crate::table::parents(index, rows);
    let parent_label = if !parents.is_empty()
        && parents
            .iter()
            .all(|&p| index.unit(p).kind.level() == Level::Province)
    {
        Msg::FilterParentProvince.text(lang)
    } else {
        Msg::FilterParent.text(lang)
    };
    h.open("label", &[("class", "field")])
        .el("span", &[], parent_label);
    h.open("select", &[("name", "parent")]);
    choice(
        &mut h,
        "",
        Msg::FilterAll.text(lang),
        filter.parent.is_none(),
    );
    for p in parents {
        let unit = index.unit(p);
        choice(
            &mut h,
            &unit.id,
            &names::short_name(&unit.name, unit.kind, lang),
            filter.parent == Some(p),
        );
    }
    h.close("select").close("label");
    h.open("label", &[("class", "check")]);
    let checkbox: &[(&str, &str)] = if filter.disadvantaged {
        &[
            ("type", "checkbox"),
            ("name", "disadvantaged"),
            ("checked", ""),
        ]
    } else {
        &[("type", "checkbox"), ("name", "disadvantaged")]
    };
    h.open("input", checkbox)
        .el("span", &[], Msg::FilterDisadvantaged.text(lang))
        .close("label");
    h.finish()
}

/// Whether a unit gets the commune profile chart.
pub fn has_profile_chart(index: &DatasetIndex, ix: UnitIx) -> bool {
    index.unit(ix).kind.level() == Level::Commune
}

/// The model villages of a district's or province's communes on a date: how many, in how many
/// communes, then each commune with its villages.
fn area_model_villages(h: &mut Html, index: &DatasetIndex, ix: UnitIx, at: Date, lang: Lang) {
    let by_commune: Vec<(UnitIx, Vec<&crate::model::Recognition>)> = index
        .communes_in(Some(ix), at)
        .into_iter()
        .map(|c| (c, index.model_villages(c, at)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let total: usize = by_commune.iter().map(|(_, v)| v.len()).sum();
    if total == 0 {
        h.el(
            "p",
            &[("class", "muted")],
            Msg::ProfileNoModelVillagesArea.text(lang),
        );
        return;
    }
    let mut line = fill(
        Msg::ProfileAreaModelVillages.counted(total).text(lang),
        &[
            ("n", &crate::format::count(lang, total)),
            ("communes", &crate::format::count(lang, by_commune.len())),
        ],
    );
    line.push(' ');
    line.push_str(&fill(
        Msg::ProfileAsOf.text(lang),
        &[("date", &at.display(lang))],
    ));
    h.el("p", &[], &line);
    h.open("ul", &[("class", "history")]);
    for (c, villages) in by_commune {
        h.open("li", &[]);
        h.el("strong", &[], &index.unit(c).name).text(": ");
        // The named villages, then how many the records do not name ("Đông Hưng: " alone
        // said nothing).
        let names: Vec<&str> = villages
            .iter()
            .filter_map(|v| v.village.as_deref().filter(|n| !n.trim().is_empty()))
            .collect();
        let unnamed = villages.len() - names.len();
        let mut text = names.join(", ");
        if unnamed > 0 {
            if !text.is_empty() {
                text.push_str(", ");
            }
            text.push_str(&fill(
                Msg::VillagesUnnamed.counted(unnamed).text(lang),
                &[("n", &crate::format::count(lang, unnamed))],
            ));
        }
        h.text(&text).text(" ");
        // One badge for the commune's villages: theirs when they agree, else "partly".
        let kinds: Vec<RowProvenance> = villages
            .iter()
            .map(|v| RowProvenance::of(v.provenance()))
            .collect();
        let provenance = match (kinds.iter().min(), kinds.iter().max()) {
            (Some(a), Some(b)) if a == b => *a,
            _ => RowProvenance::PartlyIllustrative,
        };
        h.badge(provenance, lang);
        h.close("li");
    }
    h.close("ul");
}

/// How many records (units, recognitions, revocations, assessments, indicators) cite each
/// source id.
fn citation_counts(data: &crate::model::Dataset) -> std::collections::HashMap<&str, usize> {
    let mut counts = std::collections::HashMap::new();
    let ids = data
        .units
        .iter()
        .map(|u| u.source.as_deref())
        .chain(data.recognitions.iter().map(|r| r.source.as_deref()))
        .chain(data.revocations.iter().map(|r| r.source.as_deref()))
        .chain(data.assessments.iter().map(|a| a.source.as_deref()))
        .chain(data.indicators.iter().map(|i| i.source.as_deref()));
    for id in ids.flatten() {
        *counts.entry(id).or_insert(0) += 1;
    }
    counts
}

/// The about page.
pub fn about(index: &DatasetIndex, lang: Lang) -> String {
    let data = &index.data;
    let mut h = Html::new();
    h.open(
        "article",
        &[("class", "about"), ("aria-labelledby", "about-title")],
    );
    h.el(
        "h2",
        &[("id", "about-title"), ("class", "page-title")],
        Msg::AboutTitle.text(lang),
    );
    h.el("p", &[], Msg::AboutWhat.text(lang));
    let dataset = fill(
        Msg::AboutDataset.text(lang),
        &[
            ("title", data.title.get(lang)),
            ("id", &data.id),
            ("version", &data.version),
            ("date", &data.as_of.display(lang)),
        ],
    );
    h.el("p", &[("class", "muted")], &dataset);
    let open = |h: &mut Html, id: &str, title: Msg| {
        h.open("section", &[("aria-labelledby", id)]);
        h.el("h3", &[("id", id)], title.text(lang));
    };
    open(&mut h, "about-tiers", Msg::AboutTiersTitle);
    h.open("dl", &[("class", "about-tiers")]);
    for (s, d) in [
        (Status::Standard, Msg::AboutTierStandard),
        (Status::Advanced, Msg::AboutTierAdvanced),
        (Status::Model, Msg::AboutTierModel),
        (Status::NotYet, Msg::AboutTierNotYet),
        (Status::NotReassessed, Msg::AboutTierNotReassessed),
        (Status::NoData, Msg::AboutTierNoData),
    ] {
        h.open("div", &[("class", "about-tier")])
            .open("dt", &[])
            .swatch(s)
            .text(s.msg().text(lang))
            .close("dt");
        h.el("dd", &[], d.text(lang)).close("div");
    }
    h.close("dl").close("section");
    open(&mut h, "about-reform", Msg::AboutReformTitle);
    h.el("p", &[], Msg::AboutReformText.text(lang))
        .close("section");
    // The abbreviations the sources and cards use ("QĐ 318/QĐ-TTg"), which a reader from
    // outside the administration does not know.
    open(&mut h, "about-terms", Msg::AboutTermsTitle);
    h.open("dl", &[("class", "about-terms")]);
    for (term, meaning) in [
        ("NTM", Msg::TermNtm),
        ("QĐ", Msg::TermQd),
        ("QĐ-TTg", Msg::TermQdTtg),
        ("QĐ-UBND", Msg::TermQdUbnd),
        ("UBND", Msg::TermUbnd),
        ("MTQG", Msg::TermMtqg),
        ("TP, TX", Msg::TermTpTx),
    ] {
        h.open("div", &[]);
        h.el("dt", &[], term);
        h.el("dd", &[], meaning.text(lang)).close("div");
    }
    h.close("dl").close("section");
    open(&mut h, "about-provenance", Msg::AboutProvenanceTitle);
    h.open("ul", &[("class", "about-provenance")]);
    for (p, d) in [
        (RowProvenance::Sourced, Msg::AboutSourced),
        (RowProvenance::Illustrative, Msg::AboutIllustrative),
        (RowProvenance::Synthetic, Msg::AboutSynthetic),
    ] {
        h.open("li", &[])
            .badge(p, lang)
            .text(" ")
            .text(d.text(lang))
            .close("li");
    }
    h.close("ul").close("section");
    // Sources the records cite, each with how many; the dataset's other listed sources
    // (background to the reform or the new criteria) apart, not under "cited".
    let citations = citation_counts(data);
    let source_item = |h: &mut Html, s: &crate::model::Source, cited: usize| {
        let mut detail = match (&s.date, &s.file) {
            (Some(d), _) => format!("{} · {}", s.publisher, d.display(lang)),
            // An archived copy is named only for a source with no address of its own.
            (None, Some(f)) if s.url.is_none() => format!(
                "{} · {}",
                s.publisher,
                fill(Msg::AboutArchivedFile.text(lang), &[("file", f)])
            ),
            (None, _) => s.publisher.clone(),
        };
        if cited > 0 {
            detail.push_str(" · ");
            detail.push_str(&fill(
                Msg::AboutCitedBy.counted(cited).text(lang),
                &[("n", &crate::format::count(lang, cited))],
            ));
        }
        h.open("li", &[]);
        // The title stays the citation; an English reader gets a translation beside it, and
        // a screen reader reads the Vietnamese title as Vietnamese.
        source_link_text(h, s, &s.title, lang);
        h.el("span", &[("class", "muted")], &format!(" — {detail}"))
            .close("li");
    };
    let cited_by = |s: &crate::model::Source| citations.get(s.id.as_str()).copied().unwrap_or(0);
    open(&mut h, "about-sources", Msg::AboutSourcesTitle);
    h.open("ul", &[("class", "about-sources")]);
    for s in data.sources.iter().filter(|s| cited_by(s) > 0) {
        source_item(&mut h, s, cited_by(s));
    }
    h.close("ul").close("section");
    if data.sources.iter().any(|s| cited_by(s) == 0) {
        open(&mut h, "about-other-sources", Msg::AboutOtherSourcesTitle);
        h.el("p", &[], Msg::AboutOtherSources.text(lang));
        h.open("ul", &[("class", "about-sources")]);
        for s in data.sources.iter().filter(|s| cited_by(s) == 0) {
            source_item(&mut h, s, 0);
        }
        h.close("ul").close("section");
    }
    open(&mut h, "about-sets", Msg::AboutCriteriaTitle);
    h.open("ul", &[]);
    for s in &data.criteria_sets {
        h.open("li", &[]).el("strong", &[], &s.document);
        let n = fill(
            Msg::CriteriaCount.text(lang),
            &[("n", &s.criteria.len().to_string())],
        );
        h.text(&format!(
            " ({}): {} — {n}",
            s.date.display(lang),
            s.name.get(lang)
        ))
        .close("li");
    }
    h.close("ul").close("section");
    // The data itself, for a spreadsheet or QGIS (the files were linked only from the page
    // shown without JavaScript).
    open(&mut h, "about-downloads", Msg::AboutDownloadsTitle);
    h.el("p", &[], Msg::AboutDownloadsIntro.text(lang));
    downloads(&mut h, lang);
    h.close("section");
    open(&mut h, "about-attribution", Msg::AboutAttributionTitle);
    h.open("ul", &[]);
    h.el("li", &[], Msg::AboutNaturalEarth.text(lang));
    h.el("li", &[], Msg::AboutAdminUnits.text(lang));
    h.close("ul").close("section").close("article");
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data::tests::demo;

    #[test]
    fn escapes_text_and_attributes_and_drops_unsafe_ones() {
        let mut h = Html::new();
        h.el(
            "p",
            &[
                ("title", "a\"b"),
                ("onclick", "x()"),
                ("style", "color:red"),
            ],
            "<script>&",
        );
        assert_eq!(h.finish(), "<p title=\"a&quot;b\">&lt;script&gt;&amp;</p>");
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url(" https://a.vn/x "), Some("https://a.vn/x"));
        assert_eq!(safe_url("?view=profile"), Some("?view=profile"));
        let mut h = Html::new();
        h.link(Some("javascript:alert(1)"), "x");
        assert_eq!(h.finish(), "<span>x</span>");
    }

    #[test]
    fn writes_a_chart_table_with_headers() {
        let t = DataTable {
            caption: "C".into(),
            headers: vec!["Năm".into(), "Số".into()],
            rows: vec![vec!["2019".into(), "1.234".into()]],
            numeric: vec![false, true],
            note: None,
            grouped: false,
        };
        assert_eq!(
            data_table(&t),
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"C\"><table class=\"data-table\"><caption>C</caption><thead><tr><th scope=\"col\" class=\"\">Năm</th><th scope=\"col\" class=\"num\">Số</th></tr></thead><tbody><tr><th scope=\"row\">2019</th><td class=\"num\">1.234</td></tr></tbody></table></div>"
        );
    }

    #[test]
    fn a_grouped_table_heads_each_group_once() {
        let t = DataTable {
            caption: "Hồ sơ".into(),
            headers: vec!["Phần".into(), "Tiêu chí".into(), "Kết quả".into()],
            rows: vec![
                vec!["Tiêu chí 2021".into(), "1. Quy hoạch".into(), "Đạt".into()],
                vec!["Tiêu chí 2021".into(), "2. Giao thông".into(), "Đạt".into()],
                vec!["Theo năm".into(), "2019".into(), "Đạt chuẩn".into()],
            ],
            numeric: vec![false, false, false],
            note: None,
            grouped: true,
        };
        let html = data_table(&t);
        assert_eq!(html.matches("Tiêu chí 2021").count(), 1, "{html}");
        assert!(!html.contains(">Phần<"), "{html}");
        assert!(
            html.contains("<tbody><tr><th scope=\"rowgroup\" colspan=\"2\" class=\"row-group\">Tiêu chí 2021</th></tr><tr><th scope=\"row\">1. Quy hoạch</th><td class=\"\">Đạt</td></tr>"),
            "{html}"
        );
        assert_eq!(html.matches("<tbody>").count(), 2, "{html}");
        // The CSV keeps the group on every row, for a spreadsheet's filters.
        assert_eq!(t.to_csv().matches("Tiêu chí 2021").count(), 2);
    }

    #[test]
    fn a_township_profile_says_it_is_not_assessed() {
        let index = demo();
        let step = index.step_by_key("2022").expect("step");
        let town = (0..index.data.units.len())
            .find(|&i| index.unit(i).kind == crate::model::UnitKind::ThiTran)
            .expect("a township in the fixture");
        let body = profile_body(&index, town, step, Lang::Vi);
        assert!(body.contains("không thuộc diện xét công nhận"), "{body}");
        assert!(!body.contains(Msg::NoRecognitions.text(Lang::Vi)), "{body}");
    }

    #[test]
    fn profiles_list_missing_criteria_history_and_successors() {
        let index = demo();
        let dong_quan = index.find("06472").expect("unit");
        let step = index.step_by_key("2022").expect("step");
        let body = profile_body(&index, dong_quan, step, Lang::Vi);
        assert!(
            body.contains("<h4>Tiêu chí còn thiếu để đạt chuẩn NTM</h4>"),
            "{body}"
        );
        assert!(
            body.contains(
                "<ul class=\"missing-criteria\"><li>3. Thủy lợi và phòng, chống thiên tai</li></ul>"
            ),
            "{body}"
        );
        assert!(body.contains("Xã đặc biệt khó khăn"), "{body}");
        // A year and its tier are two words to a screen reader ("2019Đạt chuẩn" was one).
        let recognised = index.find("06500").expect("unit");
        let history = profile_body(&index, recognised, step, Lang::Vi);
        assert!(
            history.contains("<span class=\"history-year\">2019</span> Đạt chuẩn NTM"),
            "{history}"
        );
        // What it became, with a link that moves to a year where the new commune exists (the
        // default one here: no year in its address).
        assert!(
            body.contains(
                "<a href=\"?view=profile&amp;unit=06500-2025\" data-unit=\"06500-2025\" data-year=\"\">Xã Đình Lập, tỉnh Lạng Sơn</a>"
            ),
            "{body}"
        );
        let head = profile_head(&index, dong_quan, step, Lang::Vi);
        assert!(
            head.contains(
                "<h2 id=\"profile-title\" class=\"page-title\">Xã Đông Quan, huyện Lộc Bình</h2>"
            ),
            "{head}"
        );
        assert!(head.contains("Số liệu đến 31/12/2026"), "{head}");
        // A sourced recognition links to its source.
        let khuat_xa = index.find("06469").expect("unit");
        let body = profile_body(&index, khuat_xa, step, Lang::En);
        assert!(body.contains("Decision QĐ 99/QĐ-UBND"), "{body}");
        assert!(
            body.contains("href=\"https://vanphong.langson.gov.vn/vi/node/74804\""),
            "{body}"
        );
        assert!(
            body.contains("Criteria still missing to become model NTM"),
            "{body}"
        );
        // A merged commune lists what it was formed from, with the last tier of each.
        let new = index.find("06463-2025").expect("unit");
        let body = profile_body(&index, new, index.last_step(), Lang::Vi);
        assert!(body.contains("Hình thành từ các xã cũ"), "{body}");
        assert!(
            body.contains("<a href=\"?view=profile&amp;unit=06469&amp;year=2025-06\" data-unit=\"06469\" data-year=\"2025-06\">Xã Khuất Xá, huyện Lộc Bình</a>"),
            "{body}"
        );
        assert!(body.contains("mức cuối cùng: NTM kiểu mẫu"), "{body}");
    }

    #[test]
    fn profiles_show_targets_of_the_district_and_province() {
        let index = demo();
        let tu_mich = index.find("06463").expect("unit");
        let body = profile_body(
            &index,
            tu_mich,
            index.step_by_key("2022").expect("step"),
            Lang::Vi,
        );
        // Mid-sentence, the kind is in lower case.
        assert!(body.contains("<h4>Tỉnh Lạng Sơn</h4>"), "{body}");
        assert!(body.contains("<h4>Xã Tú Mịch</h4>"), "{body}");
        assert!(
            !body.contains("của Tỉnh") && !body.contains("của Xã"),
            "{body}"
        );
        assert!(
            body.contains("Mục tiêu 2025: 60\u{a0}% đạt chuẩn NTM"),
            "{body}"
        );
        assert!(
            body.contains("<meter class=\"target-meter\" min=\"0\" max=\"100\" value=\"100\""),
            "{body}"
        );
    }

    #[test]
    fn a_commune_target_of_one_reads_in_the_singular() {
        let index = demo();
        let tu_mich = index.find("06463").expect("unit");
        let step = index.step_by_key("2022").expect("step");
        let body = profile_body(&index, tu_mich, step, Lang::En);
        assert!(body.contains("<h4>Tú Mịch Commune</h4>"), "{body}");
        assert!(body.contains("<h4>Lạng Sơn Province</h4>"), "{body}");
        // A commune's own target is a tier, not "1 commune": reached or not.
        assert!(
            body.contains(
                "2020 target: reach the NTM standard</span><span class=\"target-state\">reached"
            ),
            "{body}"
        );
        assert!(!body.contains("1 communes"), "{body}");
        let vi = profile_body(&index, tu_mich, step, Lang::Vi);
        assert!(
            vi.contains("Mục tiêu 2020: đạt chuẩn NTM</span><span class=\"target-state\">đã đạt"),
            "{vi}"
        );
        // The summary of a single commune.
        let en = summary(&index, Some(tu_mich), step, Lang::En);
        assert!(en.contains("1 commune in all"), "{en}");
        assert!(!en.contains("1 communes"), "{en}");
    }

    #[test]
    fn metric_values_of_one_take_a_singular_noun() {
        use crate::model::Metric;
        let one = |m, of, max| metric_value(m, 1.0, of, max, Lang::En);
        assert_eq!(
            one(Metric::CommunesStandard, None, None),
            "1 commune at the NTM standard"
        );
        assert_eq!(
            one(Metric::CommunesAdvanced, None, None),
            "1 advanced NTM commune"
        );
        assert_eq!(
            one(Metric::CommunesModel, None, None),
            "1 model NTM commune"
        );
        assert_eq!(one(Metric::ModelVillages, None, None), "1 model village");
        assert_eq!(
            one(Metric::DistrictsStandard, None, None),
            "1 district at the NTM standard"
        );
        // The noun follows the whole, and a range is plural.
        assert_eq!(
            one(Metric::CommunesStandard, Some(5), None),
            "1/5 communes at the NTM standard"
        );
        assert_eq!(
            metric_value(Metric::CommunesStandard, 0.0, Some(1), None, Lang::En),
            "0/1 commune at the NTM standard"
        );
        assert_eq!(
            one(Metric::ModelVillages, None, Some(2.0)),
            "1–2 model villages"
        );
        assert_eq!(
            metric_value(Metric::CommunesStandard, 2.0, None, None, Lang::En),
            "2 communes at the NTM standard"
        );
        for metric in [
            Metric::CommunesStandard,
            Metric::CommunesAdvanced,
            Metric::CommunesModel,
            Metric::ModelVillages,
            Metric::DistrictsStandard,
        ] {
            let vi = metric_value(metric, 1.0, None, None, Lang::Vi);
            let vi_many = metric_value(metric, 2.0, None, None, Lang::Vi);
            assert_eq!(vi.replacen('1', "2", 1), vi_many, "no plural in Vietnamese");
        }
    }

    #[test]
    fn table_rows_link_to_profiles() {
        let index = demo();
        let step = index.step_by_key("2022").expect("step");
        let rows = crate::table::rows(&index, index.find("181"), step.date);
        let html = table_rows(&index, &rows, Lang::En);
        assert_eq!(html.matches("<tr>").count(), rows.len());
        assert!(html.contains("<a href=\"?lang=en&amp;view=profile&amp;unit=06463\" data-unit=\"06463\" data-page=\"profile\">Tú Mịch Commune</a>"), "{html}");
        assert!(html.contains("<span class=\"badge illustrative\">Illustrative</span>"));
    }

    #[test]
    fn summary_has_shares_change_targets_and_published_figures() {
        let index = demo();
        let province = index.find("20");
        let html = summary(
            &index,
            province,
            index.step_by_key("2025-06").expect("step"),
            Lang::Vi,
        );
        assert!(html.contains("Tổng số 5 xã"), "{html}");
        assert!(
            html.contains("<span class=\"figure-share\">3/5 · 60,0\u{a0}%</span>"),
            "{html}"
        );
        assert!(
            html.contains("so với 2024: không đổi số xã đạt chuẩn"),
            "{html}"
        );
        assert!(
            html.contains("Mục tiêu 2025: 60\u{a0}% đạt chuẩn NTM"),
            "{html}"
        );
        assert!(html.contains("công bố 3/5 xã đạt chuẩn NTM"), "{html}");
        assert!(
            html.contains("<span class=\"verdict agree\">khớp</span>"),
            "{html}"
        );
        let en = summary(
            &index,
            province,
            index.step_by_key("2022").expect("step"),
            Lang::En,
        );
        assert!(en.contains("<dt>criteria met per commune on average</dt><dd><span class=\"figure-value\">2.00 of 3</span>"), "{en}");
        assert!(
            !en.contains("Published figures"),
            "no figures published for 2022"
        );
    }

    #[test]
    fn search_options_mark_the_active_one() {
        let index = demo();
        let si = crate::search::SearchIndex::new(&index);
        let hits = si.search(&index, "dong quan", crate::model::Era::Post2025, 8);
        let html = search_options(&index, &hits, Some(1), index.last_step().date, Lang::Vi);
        assert!(html.starts_with("<li id=\"search-option-0\" role=\"option\" class=\"search-option\" aria-selected=\"false\" data-index=\"0\">"), "{html}");
        assert!(
            html.contains("aria-selected=\"true\" data-index=\"1\""),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"search-note\">gồm xã Đông Quan cũ</span>"),
            "{html}"
        );
        // A tier's swatch for communes of the date; none for a district or a town, nor for a
        // commune of the other era (the demo dataset's units).
        let index = DatasetIndex::new(
            crate::load::parse_dataset(include_str!("../../../public/data/ntm.json"))
                .expect("demo dataset"),
        );
        let june = index.default_step().date;
        let named = |name: &str| {
            (0..index.len())
                .filter(|&u| crate::names::full_name(index.unit(u), Lang::Vi) == name)
                .collect::<Vec<_>>()
        };
        for (name, swatch) in [
            ("Huyện Đình Lập", false),
            ("Thị trấn Đình Lập", false),
            ("Tỉnh Lạng Sơn", false),
        ] {
            let units = named(name);
            assert!(!units.is_empty(), "{name}");
            assert!(
                units
                    .iter()
                    .all(|&u| has_tier_swatch(&index, u, june) == swatch),
                "{name}"
            );
        }
        // Xã Đình Lập: the old commune on 30/6/2025, the new one of the same name after.
        let xa = named("Xã Đình Lập");
        assert_eq!(xa.len(), 2);
        let last = index.last_step().date;
        let (old, new) = if index.unit(xa[0]).to.is_some() {
            (xa[0], xa[1])
        } else {
            (xa[1], xa[0])
        };
        assert!(has_tier_swatch(&index, old, june) && !has_tier_swatch(&index, old, last));
        assert!(!has_tier_swatch(&index, new, june) && has_tier_swatch(&index, new, last));
    }

    #[test]
    fn table_filters_offer_the_tiers_and_parents_of_the_rows() {
        let index = demo();
        let step = index.step_by_key("2022").expect("step");
        let rows = crate::table::rows(&index, index.find("20"), step.date);
        let filter = crate::table::Filter {
            status: Some(Status::Standard),
            ..Default::default()
        };
        let html = table_filters(&index, &rows, &filter, Lang::Vi);
        assert!(
            html.contains("<option value=\"standard\" selected=\"\">Đạt chuẩn NTM</option>"),
            "{html}"
        );
        assert!(
            html.contains("<option value=\"standard-up\">Đạt chuẩn NTM trở lên</option>"),
            "{html}"
        );
        assert!(
            !html.contains("value=\"no_data\""),
            "only tiers present: {html}"
        );
        assert!(html.contains("<span>Huyện</span><select name=\"parent\"><option value=\"\" selected=\"\">Tất cả</option><option value=\"182\">Đình Lập</option><option value=\"181\">Lộc Bình</option>"), "{html}");
        assert!(html.contains("<input type=\"checkbox\" name=\"disadvantaged\"><span>Chỉ xã đặc biệt khó khăn</span>"), "{html}");
    }

    #[test]
    fn about_lists_sources_sets_and_attributions() {
        let index = demo();
        let html = about(&index, Lang::Vi);
        assert!(html.contains("href=\"https://vanphong.langson.gov.vn/vi/node/74804\""));
        assert!(html.contains("<strong>QĐ 318/QĐ-TTg</strong>"));
        assert!(html.contains("Natural Earth"));
        assert!(html.contains("vietnamadminunits"));
        assert!(
            html.contains("phiên bản t, số liệu đến 31/12/2026"),
            "{html}"
        );
    }
}
