//! The shareable state of the app, and its URL form.
//!
//! The URL is the single source of shareable state: `?lang=en&year=2019&scope=218&unit=07519`.
//! Only values that differ from the defaults are written; unknown parameters are ignored; junk
//! values fall back to the default. Parsing needs no data: values that name units or years are
//! checked later against the dataset by [`ViewState::resolve`].

use crate::i18n::Lang;
use crate::index::{DatasetIndex, Step, UnitIx};

/// The main views of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Page {
    /// The map (default).
    #[default]
    Map,
    /// Charts of progress, comparison and criteria.
    Charts,
    /// The table of units.
    Table,
    /// One unit's profile.
    Profile,
    /// Sources and attributions.
    About,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Page; 5] = [
        Page::Map,
        Page::Charts,
        Page::Table,
        Page::Profile,
        Page::About,
    ];

    /// URL value.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Map => "map",
            Page::Charts => "charts",
            Page::Table => "table",
            Page::Profile => "profile",
            Page::About => "about",
        }
    }

    fn from_slug(s: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.slug() == s)
    }
}

/// What the map colours communes by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Colouring {
    /// NTM tier (default).
    #[default]
    Tier,
    /// Number of criteria met.
    Criteria,
    /// Year first recognised at the standard.
    Year,
}

impl Colouring {
    /// Every colouring.
    pub const ALL: [Colouring; 3] = [Colouring::Tier, Colouring::Criteria, Colouring::Year];

    /// URL value.
    pub fn slug(self) -> &'static str {
        match self {
            Colouring::Tier => "tier",
            Colouring::Criteria => "criteria",
            Colouring::Year => "year",
        }
    }

    fn from_slug(s: &str) -> Option<Colouring> {
        Colouring::ALL.into_iter().find(|c| c.slug() == s)
    }
}

/// Everything a shared link restores.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ViewState {
    /// Interface language.
    pub lang: Lang,
    /// Main view.
    pub page: Page,
    /// Timeline step key ("2019", "2025-06"); `None` is the default step
    /// ([`DatasetIndex::default_step`]).
    pub year: Option<String>,
    /// Scope unit id (province or district); `None` is everything loaded.
    pub scope: Option<String>,
    /// Selected unit id.
    pub unit: Option<String>,
    /// Map colouring.
    pub colour: Colouring,
    /// Embed mode: compact chrome for an iframe.
    pub embed: bool,
    /// Data-saver ("lite") mode: `Some(true)` on, `Some(false)` off, `None` automatic (on when
    /// the browser asks to save data or the screen is small).
    pub lite: Option<bool>,
    /// The table's order and filters (in the URL of the table page only).
    pub table: TableQuery,
    /// The charts shown as tables, by slug ([`CHART_SLUGS`]), on the charts and profile pages:
    /// `?view=charts&tables=progress-criteria`.
    pub tables: Vec<&'static str>,
}

/// The charts a link can show as tables, in URL order.
pub const CHART_SLUGS: [&str; 4] = ["progress", "comparison", "criteria", "profile"];

impl ViewState {
    /// Whether a chart is shown as its table.
    pub fn shows_table(&self, slug: &str) -> bool {
        self.tables.contains(&slug)
    }

    /// Shows a chart as its table, or as a chart again.
    pub fn toggle_table(&mut self, slug: &str) {
        if let Some(k) = self.tables.iter().position(|s| *s == slug) {
            self.tables.remove(k);
        } else if let Some(known) = CHART_SLUGS.iter().find(|s| **s == slug) {
            self.tables.push(known);
            self.tables
                .sort_by_key(|s| CHART_SLUGS.iter().position(|k| k == s));
        }
    }
}

/// The table's order and filters as a link carries them:
/// `?view=table&sort=criteria-desc&tier=not_yet&in=181&dbkk=1&q=tu+mich`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TableQuery {
    /// The order; `None` is by name, A to Z.
    pub sort: Option<crate::table::Sort>,
    /// Only this status.
    pub tier: Option<crate::index::Status>,
    /// [`TableQuery::tier`] and the tiers above it (`tier=standard-up`).
    pub tier_up: bool,
    /// Only the units of this district (or province) id.
    pub within: Option<String>,
    /// Only especially disadvantaged communes.
    pub disadvantaged: bool,
    /// The name filter as typed.
    pub name: String,
}

/// Longest value kept from the URL; anything longer is junk.
const MAX_VALUE_LEN: usize = 40;

/// Decodes `%XX` escapes and `+`; invalid escapes are kept literally.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a value for a query string (unreserved characters kept).
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// A unit id or year key as the URL may carry it: short, and only digits, letters and `-`.
fn clean_id(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()
        && v.len() <= MAX_VALUE_LEN
        && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    .then(|| v.to_owned())
}

fn flag(v: &str) -> bool {
    matches!(v, "1" | "true" | "yes")
}

impl ViewState {
    /// Parses a query string (with or without the leading `?`). Never fails: what cannot be
    /// understood is left at its default.
    pub fn from_query(query: &str) -> Self {
        let mut state = ViewState::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').take(64) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            if k.len() > 16 || v.len() > 3 * MAX_VALUE_LEN {
                continue;
            }
            let v = percent_decode(v);
            match k {
                "lang" => state.lang = Lang::from_tag(&v).unwrap_or_default(),
                "view" => state.page = Page::from_slug(&v).unwrap_or_default(),
                "year" => state.year = clean_id(&v),
                "scope" => state.scope = clean_id(&v),
                "unit" => state.unit = clean_id(&v),
                "colour" => state.colour = Colouring::from_slug(&v).unwrap_or_default(),
                "embed" => state.embed = flag(&v),
                // The default order is no order in the URL (so a link round-trips).
                "sort" => {
                    state.table.sort = crate::table::Sort::from_slug(&v)
                        .filter(|s| *s != crate::table::Sort::default());
                }
                "tier" => {
                    let (slug, up) = v
                        .strip_suffix("-up")
                        .map_or((v.as_str(), false), |s| (s, true));
                    state.table.tier = crate::index::Status::from_slug(slug);
                    state.table.tier_up = up && state.table.tier.is_some();
                }
                "in" => state.table.within = clean_id(&v),
                "tables" => {
                    for slug in v.split('-') {
                        if !state.shows_table(slug) {
                            state.toggle_table(slug);
                        }
                    }
                }
                "dbkk" => state.table.disadvantaged = flag(&v),
                // What a reader typed: any letters, cut at the length a name can have (in
                // bytes, so that it is read back after encoding, at most 3 per byte).
                "q" => {
                    let mut name = String::new();
                    for c in v.trim_start().chars() {
                        if name.len() + c.len_utf8() > MAX_VALUE_LEN {
                            break;
                        }
                        name.push(c);
                    }
                    state.table.name = name;
                }
                "lite" => {
                    state.lite = match v.as_str() {
                        "1" | "true" | "yes" => Some(true),
                        "0" | "false" | "no" => Some(false),
                        _ => None,
                    }
                }
                _ => {}
            }
        }
        // The table's order and filters belong to its page's URL only.
        if state.page != Page::Table {
            state.table = TableQuery::default();
        }
        if !matches!(state.page, Page::Charts | Page::Profile) {
            state.tables.clear();
        }
        state
    }

    /// The query string for this state: only what differs from the defaults, in a fixed
    /// order; empty for the default view.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |k: &str, v: &str| parts.push(format!("{k}={}", percent_encode(v)));
        if self.lang != Lang::default() {
            push("lang", self.lang.tag());
        }
        if self.page != Page::default() {
            push("view", self.page.slug());
        }
        if let Some(y) = &self.year {
            push("year", y);
        }
        if let Some(s) = &self.scope {
            push("scope", s);
        }
        if let Some(u) = &self.unit {
            push("unit", u);
        }
        if self.colour != Colouring::default() {
            push("colour", self.colour.slug());
        }
        if self.embed {
            push("embed", "1");
        }
        if let Some(lite) = self.lite {
            push("lite", if lite { "1" } else { "0" });
        }
        if matches!(self.page, Page::Charts | Page::Profile) && !self.tables.is_empty() {
            push("tables", &self.tables.join("-"));
        }
        // The table's order and filters belong to its page: a link to the map does not carry
        // them (they stay in the view for the next visit to the table).
        if self.page == Page::Table {
            let t = &self.table;
            if let Some(sort) = t.sort.filter(|s| *s != crate::table::Sort::default()) {
                push("sort", &sort.slug());
            }
            if let Some(tier) = t.tier {
                let up = if t.tier_up { "-up" } else { "" };
                push("tier", &format!("{}{up}", tier.slug()));
            }
            if let Some(within) = &t.within {
                push("in", within);
            }
            if t.disadvantaged {
                push("dbkk", "1");
            }
            if !t.name.is_empty() {
                push("q", &t.name);
            }
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Checks the state against a dataset: an unknown year becomes the default step, unknown
    /// units are dropped (both marked, for the page to say so), and a profile without a unit
    /// falls back to the map.
    pub fn resolve(&self, index: &DatasetIndex) -> ResolvedView {
        let asked = self.year.as_deref().map(|k| index.step_by_key(k));
        let step = asked.flatten().unwrap_or_else(|| index.default_step());
        let era = step.era();
        let scope = self
            .scope
            .as_deref()
            .and_then(|s| index.find(s))
            .filter(|&s| index.unit(s).kind.level() != crate::model::Level::Commune)
            .and_then(|s| index.scope_in_era(s, era));
        let unit = self.unit.as_deref().and_then(|u| index.find(u));
        let page = if self.page == Page::Profile && unit.is_none() {
            Page::Map
        } else {
            self.page
        };
        ResolvedView {
            step,
            scope,
            unit,
            page,
            year_unknown: asked.is_some_and(|s| s.is_none()),
            unit_unknown: self.unit.is_some() && unit.is_none(),
        }
    }
}

/// A [`ViewState`] checked against the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResolvedView {
    /// The timeline step shown.
    pub step: Step,
    /// The scope, mapped into the step's era.
    pub scope: Option<UnitIx>,
    /// The selected unit, if it exists.
    pub unit: Option<UnitIx>,
    /// The page shown.
    pub page: Page,
    /// The link asked for a date the timeline does not have (the default step is shown).
    pub year_unknown: bool,
    /// The link asked for a unit the dataset does not have (none is selected).
    pub unit_unknown: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_state_has_an_empty_query() {
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(ViewState::from_query(""), ViewState::default());
        assert_eq!(ViewState::from_query("?"), ViewState::default());
    }

    #[test]
    fn round_trips_every_field() {
        let state = ViewState {
            lang: Lang::En,
            page: Page::Profile,
            year: Some("2025-06".into()),
            scope: Some("218".into()),
            unit: Some("07519".into()),
            colour: Colouring::Criteria,
            embed: true,
            lite: Some(true),
            table: TableQuery::default(),
            tables: vec!["profile"],
        };
        let q = state.to_query();
        assert_eq!(
            q,
            "?lang=en&view=profile&year=2025-06&scope=218&unit=07519&colour=criteria&embed=1&lite=1&tables=profile"
        );
        assert_eq!(ViewState::from_query(&q), state);
    }

    #[test]
    fn junk_falls_back_to_defaults() {
        let s = ViewState::from_query(
            "lang=xx&view=%3Cscript%3E&year=-1%27&unit=%E1%BA%A1&colour=&embed=maybe&zzz=1&%ZZ",
        );
        assert_eq!(s.lang, Lang::Vi);
        assert_eq!(s.page, Page::Map);
        assert_eq!(s.year, None);
        assert_eq!(s.unit, None);
        assert!(!s.embed);
        let huge = format!("unit={}", "9".repeat(10_000));
        assert_eq!(ViewState::from_query(&huge).unit, None);
    }

    #[test]
    fn keeps_order_independent_of_input() {
        let a = ViewState::from_query("unit=1&lang=en");
        let b = ViewState::from_query("lang=en&unit=1");
        assert_eq!(a, b);
        assert_eq!(a.to_query(), "?lang=en&unit=1");
    }

    #[test]
    fn the_table_order_and_filters_round_trip_on_the_table_page_only() {
        use crate::index::Status;
        use crate::table::{Column, Sort};
        let state = ViewState {
            page: Page::Table,
            scope: Some("20".into()),
            table: TableQuery {
                sort: Some(Sort {
                    column: Column::Criteria,
                    ascending: false,
                }),
                tier: Some(Status::NotYet),
                tier_up: false,
                within: Some("181".into()),
                disadvantaged: true,
                name: "Tú Mịch".into(),
            },
            ..ViewState::default()
        };
        let q = state.to_query();
        assert_eq!(
            q,
            "?view=table&scope=20&sort=criteria-desc&tier=not_yet&in=181&dbkk=1&q=T%C3%BA%20M%E1%BB%8Bch"
        );
        assert_eq!(ViewState::from_query(&q), state);
        // The map's link leaves them out; junk is dropped.
        let map = ViewState {
            page: Page::Map,
            ..state
        };
        assert_eq!(map.to_query(), "?scope=20");
        let junk = ViewState::from_query("view=table&sort=criteria-up&tier=gold-up&in=%3Cb%3E");
        assert_eq!(junk.table, TableQuery::default());
        let up = ViewState::from_query("view=table&tier=standard-up");
        assert_eq!(up.table.tier, Some(Status::Standard));
        assert!(up.table.tier_up);
        assert_eq!(up.to_query(), "?view=table&tier=standard-up");
        // A default order is not written.
        let by_name = ViewState {
            page: Page::Table,
            table: TableQuery {
                sort: Some(Sort::default()),
                ..TableQuery::default()
            },
            ..ViewState::default()
        };
        assert_eq!(by_name.to_query(), "?view=table");
    }

    #[test]
    fn table_parts_round_trip_whatever_the_url_holds() {
        for query in [
            "tier=standard&sort=criteria-desc&q=abc",
            "view=table&sort=name-asc",
            "view=table&q=%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B%E1%BB%8B",
            "view=table&tier=-up&q=+++a",
        ] {
            let first = ViewState::from_query(query);
            let written = first.to_query();
            assert_eq!(
                ViewState::from_query(&written),
                first,
                "{query} -> {written}"
            );
        }
        assert_eq!(
            ViewState::from_query("tier=standard").table,
            TableQuery::default()
        );
    }

    #[test]
    fn charts_shown_as_tables_round_trip_on_their_pages_only() {
        let mut v = ViewState::from_query("view=charts&tables=criteria-bogus-progress-progress");
        assert_eq!(v.tables, ["progress", "criteria"]);
        assert_eq!(v.to_query(), "?view=charts&tables=progress-criteria");
        v.toggle_table("progress");
        assert!(!v.shows_table("progress") && v.shows_table("criteria"));
        v.toggle_table("comparison");
        assert_eq!(v.to_query(), "?view=charts&tables=comparison-criteria");
        assert!(ViewState::from_query("tables=progress").tables.is_empty());
        let map = ViewState {
            page: Page::Map,
            ..v
        };
        assert_eq!(map.to_query(), "");
    }

    #[test]
    fn lite_is_on_off_or_automatic() {
        assert_eq!(ViewState::from_query("lite=1").lite, Some(true));
        assert_eq!(ViewState::from_query("lite=0").lite, Some(false));
        assert_eq!(ViewState::from_query("lite=-5").lite, None);
        let off = ViewState {
            lite: Some(false),
            ..ViewState::default()
        };
        assert_eq!(off.to_query(), "?lite=0");
    }
}
