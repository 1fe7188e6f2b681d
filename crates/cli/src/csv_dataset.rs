//! A folder of CSV files → a [`Dataset`], with an origin table mapping every record back to
//! its file and line, so that core validation problems can be reported as `file:line: column`.
//!
//! Units are referenced by GSO code and date, never by internal id: the reform of 1/7/2025
//! reuses codes, so a code is resolved to the unit in force on the record's date. The CSV
//! formats are documented in `docs/data-format.md`.

use std::collections::HashMap;
use std::path::Path;

use ntm_core::criteria;
use ntm_core::date::{Date, LAST_PRE_REFORM_DAY, REFORM_DATE};
use ntm_core::i18n::Msg;
use ntm_core::model::{
    Assessment, Coverage, Dataset, Era, GeometryFile, Indicator, IndicatorKind, Level, Metric,
    Recognition, Revocation, SCHEMA_VERSION, Source, Succession, Text, Tier, Unit, UnitFlag,
    UnitKind,
};
use ntm_core::text::fold;
use ntm_core::validate::{Issue, List, Problem, Severity};

use crate::csv_input::{
    Diagnostic, Diagnostics, Message, Spec, Table, Val, normalise_code, parse_count, parse_date,
    parse_number, parse_year, read_table, text,
};

/// Where a record came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The CSV file name.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
}

const DATASET: Spec = Spec {
    file: "dataset.csv",
    required: &["key", "value"],
    optional: &[],
    extra: None,
};
const UNITS: Spec = Spec {
    file: "units.csv",
    required: &["code", "name"],
    optional: &[
        "id",
        "parent_code",
        "valid_from",
        "valid_to",
        "lat",
        "lon",
        "flags",
        "flags_source",
        "aliases",
        "source",
    ],
    extra: None,
};
const REFORM: Spec = Spec {
    file: "reform.csv",
    required: &["old_code", "new_code", "relation"],
    optional: &["date"],
    extra: None,
};
const SOURCES: Spec = Spec {
    file: "sources.csv",
    required: &["id", "title"],
    optional: &["publisher", "date", "url", "file", "title_en"],
    extra: None,
};
const RECOGNITIONS: Spec = Spec {
    file: "recognitions.csv",
    required: &["code", "tier", "year", "source"],
    optional: &[
        "name",
        "date",
        "decision",
        "by_year",
        "criteria_set",
        "village",
        "former",
    ],
    extra: None,
};
const REVOCATIONS: Spec = Spec {
    file: "revocations.csv",
    required: &["code", "tier", "date", "source"],
    optional: &["name", "decision"],
    extra: None,
};
const ASSESSMENTS: Spec = Spec {
    file: "assessments.csv",
    required: &["code", "year", "source"],
    optional: &["name", "date", "criteria_set", "met_count"],
    extra: Some(is_criterion_column),
};
const INDICATORS: Spec = Spec {
    file: "indicators.csv",
    required: &["code", "kind", "metric", "year", "value", "source"],
    optional: &["name", "date", "max", "of", "note_vi", "note_en"],
    extra: None,
};
const COVERAGE: Spec = Spec {
    file: "coverage.csv",
    required: &["code"],
    optional: &["name", "from", "to"],
    extra: None,
};

/// Every file the folder may hold, in reading order.
pub const FILES: [&str; 9] = [
    "dataset.csv",
    "sources.csv",
    "units.csv",
    "reform.csv",
    "coverage.csv",
    "recognitions.csv",
    "revocations.csv",
    "assessments.csv",
    "indicators.csv",
];

/// The highest criterion column read (`tc19`).
const MAX_CRITERIA: u8 = 19;

fn is_criterion_column(name: &str) -> bool {
    criterion_number(name).is_some()
}

fn criterion_number(name: &str) -> Option<u8> {
    let n: u8 = name.strip_prefix("tc")?.parse().ok()?;
    (1..=MAX_CRITERIA).contains(&n).then_some(n)
}

/// Every metric with its file name and the Vietnamese words accepted for it.
const METRICS: [(Metric, &str, &str); 8] = [
    (
        Metric::CommunesStandard,
        "communes_standard",
        "xã đạt chuẩn",
    ),
    (
        Metric::CommunesStandardShare,
        "communes_standard_share",
        "tỷ lệ xã đạt chuẩn",
    ),
    (Metric::CommunesAdvanced, "communes_advanced", "xã nâng cao"),
    (
        Metric::CommunesAdvancedShare,
        "communes_advanced_share",
        "tỷ lệ xã nâng cao",
    ),
    (Metric::CommunesModel, "communes_model", "xã kiểu mẫu"),
    (Metric::ModelVillages, "model_villages", "thôn kiểu mẫu"),
    (
        Metric::AverageCriteria,
        "average_criteria",
        "tiêu chí bình quân",
    ),
    (
        Metric::DistrictsStandard,
        "districts_standard",
        "huyện đạt chuẩn",
    ),
];

/// The dataset built from CSV, with the origin of every record.
pub struct Built {
    /// The dataset (not yet validated).
    pub dataset: Dataset,
    origins: HashMap<(List, usize), Origin>,
    became: HashMap<(String, String), Origin>,
    keys: HashMap<String, usize>,
}

/// A record with its origin, before sorting.
struct Placed<T> {
    item: T,
    origin: Origin,
}

fn sort_placed<T, K: Ord>(list: &mut [Placed<T>], key: impl Fn(&T) -> K) {
    list.sort_by(|a, b| {
        key(&a.item)
            .cmp(&key(&b.item))
            .then(a.origin.line.cmp(&b.origin.line))
    });
}

/// How a provenance cell reads.
struct Provenance {
    source: Option<String>,
    illustrative: bool,
    synthetic: bool,
}

fn parse_provenance(cell: &str) -> Provenance {
    let folded = fold(cell);
    match folded.as_str() {
        "minh hoa" | "illustrative" => Provenance {
            source: None,
            illustrative: true,
            synthetic: false,
        },
        "tong hop" | "synthetic" => Provenance {
            source: None,
            illustrative: false,
            synthetic: true,
        },
        _ => Provenance {
            source: Some(cell.trim().to_owned()),
            illustrative: false,
            synthetic: false,
        },
    }
}

fn parse_tier(cell: &str) -> Option<Tier> {
    match fold(cell).trim_start_matches("xa ") {
        "dat chuan" | "dat chuan ntm" | "standard" | "chuan" => Some(Tier::Standard),
        "nang cao" | "ntm nang cao" | "advanced" => Some(Tier::Advanced),
        "kieu mau" | "ntm kieu mau" | "model" => Some(Tier::Model),
        "thon kieu mau" | "thon ntm kieu mau" | "model village" => Some(Tier::ModelVillage),
        _ => None,
    }
}

fn parse_metric(cell: &str) -> Option<Metric> {
    let f = fold(cell);
    METRICS
        .iter()
        .find(|(_, slug, vi)| fold(slug) == f || fold(vi) == f)
        .map(|m| m.0)
}

fn metric_list() -> String {
    METRICS
        .iter()
        .map(|(_, slug, vi)| format!("{slug} ({vi})"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn parse_indicator_kind(cell: &str) -> Option<IndicatorKind> {
    match fold(cell).as_str() {
        "target" | "muc tieu" | "chi tieu" => Some(IndicatorKind::Target),
        "reported" | "cong bo" | "so lieu cong bo" => Some(IndicatorKind::Reported),
        _ => None,
    }
}

fn parse_flag(cell: &str) -> Option<UnitFlag> {
    match fold(cell).as_str() {
        "disadvantaged" | "dac biet kho khan" | "dbkk" | "xa dac biet kho khan" => {
            Some(UnitFlag::Disadvantaged)
        }
        _ => None,
    }
}

/// A criteria set by id (`qd318-2022`) or by decision number (`QĐ 318/QĐ-TTg`, `318`).
fn find_set(cell: &str) -> Option<&'static str> {
    const IDS: [(&str, &str); 4] = [
        (criteria::QD1980, "1980"),
        (criteria::QD318, "318"),
        (criteria::QD51, "51"),
        (criteria::QD320, "320"),
    ];
    let lower = cell.trim().to_lowercase();
    if let Some((id, _)) = IDS.iter().find(|(id, _)| *id == lower) {
        return Some(id);
    }
    let digits: String = lower
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    IDS.iter().find(|(_, n)| *n == digits).map(|(id, _)| *id)
}

fn set_list() -> String {
    criteria::national_sets()
        .iter()
        .map(|s| format!("{} ({})", s.id, s.document))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The day before a date (for the last day of units replaced on that date).
fn day_before(d: Date) -> Date {
    if d.day > 1 {
        return Date {
            day: d.day - 1,
            ..d
        };
    }
    if d.month > 1 {
        let month = d.month - 1;
        let day = (28..=31)
            .rev()
            .find(|&day| Date::new(d.year, month, day).is_some())
            .unwrap_or(28);
        return Date {
            year: d.year,
            month,
            day,
        };
    }
    Date::year_end(d.year.saturating_sub(1))
}

/// Finds units by code on a date.
struct Resolver<'a> {
    units: &'a [Unit],
    by_code: HashMap<&'a str, Vec<usize>>,
    by_id: HashMap<&'a str, usize>,
}

enum Resolved {
    Unit(usize),
    Unknown,
    NotOnDate(String),
}

impl<'a> Resolver<'a> {
    fn new(units: &'a [Unit]) -> Self {
        let mut by_code: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_id = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            by_code.entry(u.code.as_str()).or_default().push(i);
            by_id.entry(u.id.as_str()).or_insert(i);
        }
        Self {
            units,
            by_code,
            by_id,
        }
    }

    /// The unit with a code in force on a date. A cell holding an internal id
    /// (`06637-2025`) names that unit directly. A code held by one unit only resolves to it
    /// whatever the date, so that validation can say precisely what is wrong with the date
    /// (outside the unit's lifetime, or a merged commune inheriting an older tier).
    fn resolve(&self, code: &str, at: Date) -> Resolved {
        let Some(candidates) = self.by_code.get(code) else {
            return match self.by_id.get(code) {
                Some(&i) => Resolved::Unit(i),
                None => Resolved::Unknown,
            };
        };
        if let Some(&i) = candidates.iter().find(|&&i| self.units[i].valid_on(at)) {
            return Resolved::Unit(i);
        }
        if let [only] = candidates.as_slice() {
            return Resolved::Unit(*only);
        }
        let units: Vec<&Unit> = candidates.iter().map(|&i| &self.units[i]).collect();
        Resolved::NotOnDate(Self::describe(&units))
    }

    /// For a record with a year but no date: `Err` with the units' descriptions when more
    /// than one unit held the code during the year and the name does not single one out.
    fn undated_in_year(&self, code: &str, year: u16, name: Option<&str>) -> Result<(), String> {
        let Some(candidates) = self.by_code.get(code) else {
            return Ok(());
        };
        let alive: Vec<&Unit> = candidates
            .iter()
            .map(|&i| &self.units[i])
            .filter(|u| {
                u.from.is_none_or(|f| f.year <= year) && u.to.is_none_or(|t| t.year >= year)
            })
            .collect();
        if alive.len() < 2 {
            return Ok(());
        }
        let named = |u: &&Unit| {
            name.is_some_and(|n| {
                fold(n) == fold(&u.name)
                    || fold(n) == fold(&format!("{} {}", u.kind.prefix_vi(), u.name))
            })
        };
        if alive.iter().filter(|u| named(u)).count() == 1 {
            return Ok(());
        }
        Err(Self::describe(&alive))
    }

    fn describe(units: &[&Unit]) -> String {
        units
            .iter()
            .map(|u| {
                let from = u.from.map(|d| d.to_string()).unwrap_or_default();
                let to = u.to.map(|d| d.to_string()).unwrap_or_default();
                format!("{} {} ({from}–{to})", u.kind.prefix_vi(), u.name)
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Reads the folder. Returns `None` when a required file is missing or unusable; every
/// problem is in `diags`. Every file is read even when an earlier one is unusable, so that
/// one run reports all problems.
pub fn read_folder(dir: &Path, diags: &mut Diagnostics) -> Option<Built> {
    let mut reader = Reader {
        diags,
        keys: HashMap::new(),
    };
    reader.check_folder(dir);
    let meta = reader.dataset_meta(dir);
    let sources = reader.sources(dir);
    // Without dataset.csv, codes are still resolved (for the other files' messages) as of
    // the reform's aftermath.
    let as_of = meta.as_ref().map_or(Date::year_end(2030), |m| m.as_of);
    let units = reader.units(dir, as_of);
    let complete = meta.is_some() && sources.is_some() && units.is_some();
    let (mut units, unit_origins) = units.unwrap_or_default();
    let became = reader.reform(dir, &mut units);
    let resolver_units = units.clone();
    let resolver = Resolver::new(&resolver_units);
    let coverage = reader.coverage(dir, &resolver, as_of);
    let recognitions = reader.recognitions(dir, &resolver);
    let revocations = reader.revocations(dir, &resolver);
    let assessments = reader.assessments(dir, &resolver);
    let indicators = reader.indicators(dir, &resolver);
    let (Some(meta), Some(sources), true) = (meta, sources, complete) else {
        return None;
    };

    let mut origins = HashMap::new();
    macro_rules! unzip {
        ($list:expr, $kind:expr) => {{
            let mut out = Vec::with_capacity($list.len());
            for (i, p) in $list.into_iter().enumerate() {
                origins.insert(($kind, i), p.origin);
                out.push(p.item);
            }
            out
        }};
    }
    let mut placed_units: Vec<Placed<Unit>> = units
        .into_iter()
        .zip(unit_origins)
        .map(|(item, origin)| Placed { item, origin })
        .collect();
    sort_placed(&mut placed_units, |u| {
        (
            u.from.is_some(),
            u.from,
            u.kind.level(),
            u.code.clone(),
            u.id.clone(),
        )
    });
    let units = unzip!(placed_units, List::Units);
    let sources = unzip!(sources, List::Sources);
    let coverage = unzip!(coverage, List::Coverage);
    let recognitions = unzip!(recognitions, List::Recognitions);
    let revocations = unzip!(revocations, List::Revocations);
    let assessments = unzip!(assessments, List::Assessments);
    let indicators = unzip!(indicators, List::Indicators);
    let dataset = Dataset {
        schema: SCHEMA_VERSION,
        id: meta.id,
        version: meta.version,
        title: meta.title,
        as_of: meta.as_of,
        first_year: meta.first_year,
        last_year: meta.last_year,
        coverage,
        units,
        criteria_sets: criteria::national_sets(),
        recognitions,
        revocations,
        assessments,
        indicators,
        sources,
        geometry: meta.geometry,
    };
    let keys = reader.keys;
    Some(Built {
        dataset,
        origins,
        became,
        keys,
    })
}

struct Meta {
    id: String,
    version: String,
    title: Text,
    as_of: Date,
    first_year: u16,
    last_year: u16,
    geometry: Vec<GeometryFile>,
}

struct Reader<'d> {
    diags: &'d mut Diagnostics,
    keys: HashMap<String, usize>,
}

impl Reader<'_> {
    fn check_folder(&mut self, dir: &Path) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.to_lowercase().ends_with(".csv"))
            .collect();
        names.sort();
        for name in names {
            if !FILES.contains(&name.as_str()) {
                self.diags.push(
                    Severity::Warning,
                    &name,
                    None,
                    "-",
                    Msg::CliUnknownFile,
                    vec![("known", text(FILES.join(", ")))],
                );
            }
        }
    }

    fn table(&mut self, dir: &Path, spec: &Spec, required: bool) -> Option<Table> {
        let path = dir.join(spec.file);
        if !path.exists() {
            if required {
                self.diags.push(
                    Severity::Error,
                    spec.file,
                    None,
                    "-",
                    Msg::CliMissingFile,
                    vec![
                        ("file", text(spec.file)),
                        ("dir", text(dir.display().to_string())),
                    ],
                );
            }
            return None;
        }
        read_table(&path, spec, self.diags)
    }

    fn bad(&mut self, t: &Table, line: usize, col: &str, found: &str, expected: Val) {
        self.diags.error(
            &t.file,
            line,
            col,
            Msg::CliBadValue,
            vec![("found", text(found)), ("expected", expected)],
        );
    }

    /// A code cell resolved to a unit on a date, with the optional name checked.
    fn unit_ref(
        &mut self,
        t: &Table,
        i: usize,
        resolver: &Resolver<'_>,
        at: Date,
        undated_year: Option<u16>,
    ) -> Option<String> {
        let raw = t.required(i, "code", Val::Msg(Msg::ExpCode), self.diags)?;
        let line = t.rows[i].line;
        let code = self.code(t, line, "code", &raw);
        let unit = match resolver.resolve(&code, at) {
            Resolved::Unit(u) => &resolver.units[u],
            Resolved::Unknown => {
                self.diags.error(
                    &t.file,
                    line,
                    "code",
                    Msg::CliUnknownCode,
                    vec![("code", text(&code))],
                );
                return None;
            }
            Resolved::NotOnDate(units) => {
                self.diags.error(
                    &t.file,
                    line,
                    "code",
                    Msg::CliCodeNotOnDate,
                    vec![
                        ("code", text(&code)),
                        ("date", text(at.to_string())),
                        ("units", text(units)),
                    ],
                );
                return None;
            }
        };
        if let Some(name) = t.get(&t.rows[i], "name") {
            let full = format!("{} {}", unit.kind.prefix_vi(), unit.name);
            if fold(name) != fold(&full) && fold(name) != fold(&unit.name) {
                self.diags.error(
                    &t.file,
                    line,
                    "name",
                    Msg::CliNameMismatch,
                    vec![
                        ("found", text(name)),
                        ("code", text(&code)),
                        ("date", text(at.to_string())),
                        ("expected", text(full)),
                    ],
                );
            }
        }
        // An undated recognition of a year in which two units held the code (the old commune
        // to 30/6/2025, the new one from 1/7/2025) goes by the rule to the unit of 31 December;
        // say so, unless the name singles it out, since the old commune may have been meant.
        if let Some(year) = undated_year {
            let name = t.get(&t.rows[i], "name");
            if let Err(units) = resolver.undated_in_year(&code, year, name) {
                let chosen = format!("{} {}", unit.kind.prefix_vi(), unit.name);
                self.diags.warning(
                    &t.file,
                    line,
                    "date",
                    Msg::CliCodeTwoUnitsInYear,
                    vec![
                        ("code", text(&code)),
                        ("year", text(year.to_string())),
                        ("units", text(units)),
                        ("at", text(at.to_string())),
                        ("chosen", text(chosen)),
                    ],
                );
            }
        }
        Some(unit.id.clone())
    }

    /// A GSO code, restoring a leading zero Excel dropped.
    fn code(&mut self, t: &Table, line: usize, col: &str, raw: &str) -> String {
        let (code, fixed) = normalise_code(raw);
        if fixed {
            self.diags.warning(
                &t.file,
                line,
                col,
                Msg::CliCodeLeadingZero,
                vec![("found", text(raw)), ("code", text(&code))],
            );
        }
        code
    }

    fn year(&mut self, t: &Table, i: usize, col: &str) -> Option<u16> {
        let raw = t.required(i, col, Val::Msg(Msg::ExpYear), self.diags)?;
        let y = parse_year(&raw);
        if y.is_none() {
            self.bad(t, t.rows[i].line, col, &raw, Val::Msg(Msg::ExpYear));
        }
        y
    }

    /// An optional date: `Ok(None)` when empty, `Err(())` when unreadable (reported).
    fn opt_date(&mut self, t: &Table, i: usize, col: &str) -> Result<Option<Date>, ()> {
        let Some(raw) = t.get(&t.rows[i], col) else {
            return Ok(None);
        };
        match parse_date(raw) {
            Some(d) => Ok(Some(d)),
            None => {
                let raw = raw.to_owned();
                self.bad(t, t.rows[i].line, col, &raw, Val::Msg(Msg::ExpDate));
                Err(())
            }
        }
    }

    /// A yes-or-no cell: blank, "có" / "yes" / "x" / "1", or "không" / "no" / "0".
    fn opt_yes(&mut self, t: &Table, i: usize, col: &str, expected: Msg) -> Result<bool, ()> {
        let Some(raw) = t.get(&t.rows[i], col) else {
            return Ok(false);
        };
        match fold(raw).as_str() {
            "co" | "yes" | "x" | "1" | "true" => Ok(true),
            "khong" | "no" | "0" | "false" => Ok(false),
            _ => {
                let raw = raw.to_owned();
                self.bad(t, t.rows[i].line, col, &raw, Val::Msg(expected));
                Err(())
            }
        }
    }

    fn opt_text(t: &Table, i: usize, col: &str) -> Option<String> {
        t.get(&t.rows[i], col).map(str::to_owned)
    }

    fn provenance(&mut self, t: &Table, i: usize) -> Option<Provenance> {
        let raw = t.required(i, "source", Val::Msg(Msg::ExpSource), self.diags)?;
        Some(parse_provenance(&raw))
    }

    fn origin(t: &Table, spec: &Spec, i: usize) -> Origin {
        Origin {
            file: spec.file,
            line: t.rows[i].line,
        }
    }

    fn dataset_meta(&mut self, dir: &Path) -> Option<Meta> {
        const KEYS: [&str; 9] = [
            "id",
            "version",
            "title_vi",
            "title_en",
            "as_of",
            "first_year",
            "last_year",
            "geometry_pre2025",
            "geometry_post2025",
        ];
        const REQUIRED: [&str; 6] = [
            "id",
            "version",
            "title_vi",
            "as_of",
            "first_year",
            "last_year",
        ];
        let t = self.table(dir, &DATASET, true)?;
        let mut values: HashMap<&'static str, (String, usize)> = HashMap::new();
        for i in 0..t.rows.len() {
            let line = t.rows[i].line;
            let Some(key) = t.required(i, "key", Val::Msg(Msg::ExpText), self.diags) else {
                continue;
            };
            let key_l = key.to_lowercase();
            let Some(&k) = KEYS.iter().find(|k| **k == key_l) else {
                self.diags.warning(
                    &t.file,
                    line,
                    "key",
                    Msg::CliUnknownKey,
                    vec![("key", text(&key)), ("known", text(KEYS.join(", ")))],
                );
                continue;
            };
            if let Some((_, first)) = values.get(k) {
                let first = *first;
                self.diags.error(
                    &t.file,
                    line,
                    "key",
                    Msg::CliDuplicateKey,
                    vec![("key", text(k)), ("line", text(first.to_string()))],
                );
                continue;
            }
            let value = t.get(&t.rows[i], "value").unwrap_or("").to_owned();
            self.keys.insert(k.to_owned(), line);
            values.insert(k, (value, line));
        }
        let mut ok = true;
        for k in REQUIRED {
            if values.get(k).is_none_or(|(v, _)| v.is_empty()) {
                self.diags.push(
                    Severity::Error,
                    &t.file,
                    values.get(k).map(|(_, l)| *l),
                    k,
                    Msg::CliMissingKey,
                    vec![("key", text(k))],
                );
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let get = |k: &str| {
            values
                .get(k)
                .map(|(v, l)| (v.clone(), *l))
                .unwrap_or_default()
        };
        let (as_of_raw, as_of_line) = get("as_of");
        let as_of = parse_date(&as_of_raw);
        if as_of.is_none() {
            self.bad(&t, as_of_line, "as_of", &as_of_raw, Val::Msg(Msg::ExpDate));
        }
        let mut year = |k: &str| {
            let (raw, line) = get(k);
            let y = parse_year(&raw);
            if y.is_none() {
                self.bad(&t, line, k, &raw, Val::Msg(Msg::ExpYear));
            }
            y
        };
        let first_year = year("first_year");
        let last_year = year("last_year");
        let title_en = get("title_en").0;
        let geometry = Era::ALL
            .iter()
            .map(|&era| {
                let key = format!("geometry_{}", era.slug());
                let file = values
                    .get(key.as_str())
                    .map(|(v, _)| v.clone())
                    .filter(|v| !v.is_empty())
                    .unwrap_or_else(|| format!("geo-{}.json", era.slug()));
                GeometryFile { era, file }
            })
            .collect();
        Some(Meta {
            id: get("id").0,
            version: get("version").0,
            title: Text {
                vi: get("title_vi").0,
                en: (!title_en.is_empty()).then_some(title_en),
            },
            as_of: as_of?,
            first_year: first_year?,
            last_year: last_year?,
            geometry,
        })
    }

    fn sources(&mut self, dir: &Path) -> Option<Vec<Placed<Source>>> {
        let t = self.table(dir, &SOURCES, true)?;
        let mut out = Vec::new();
        for i in 0..t.rows.len() {
            let Some(id) = t.required(i, "id", Val::Msg(Msg::ExpText), self.diags) else {
                continue;
            };
            let title = Self::opt_text(&t, i, "title").unwrap_or_default();
            let Ok(date) = self.opt_date(&t, i, "date") else {
                continue;
            };
            out.push(Placed {
                item: Source {
                    id,
                    title,
                    title_en: Self::opt_text(&t, i, "title_en"),
                    publisher: Self::opt_text(&t, i, "publisher").unwrap_or_default(),
                    date,
                    url: Self::opt_text(&t, i, "url"),
                    file: Self::opt_text(&t, i, "file"),
                },
                origin: Self::origin(&t, &SOURCES, i),
            });
        }
        Some(out)
    }

    /// Units, with parents resolved; the origins are parallel to the units.
    fn units(&mut self, dir: &Path, as_of: Date) -> Option<(Vec<Unit>, Vec<Origin>)> {
        let t = self.table(dir, &UNITS, true)?;
        let mut units = Vec::new();
        let mut origins = Vec::new();
        let mut parents: Vec<Option<String>> = Vec::new();
        for i in 0..t.rows.len() {
            let line = t.rows[i].line;
            let Some(raw_code) = t.required(i, "code", Val::Msg(Msg::ExpCode), self.diags) else {
                continue;
            };
            let code = self.code(&t, line, "code", &raw_code);
            let level = match code.len() {
                2 => Level::Province,
                3 => Level::District,
                5 => Level::Commune,
                n => {
                    self.diags.error(
                        &t.file,
                        line,
                        "code",
                        Msg::CliCodeLength,
                        vec![("found", text(&code)), ("n", text(n.to_string()))],
                    );
                    continue;
                }
            };
            if !code.bytes().all(|b| b.is_ascii_digit()) {
                self.bad(&t, line, "code", &code, Val::Msg(Msg::ExpCode));
                continue;
            }
            let Some(full) = t.required(i, "name", Val::Msg(Msg::ExpOfficialName), self.diags)
            else {
                continue;
            };
            let Some((kind, short)) = UnitKind::split_official_name(&full, level) else {
                let level_msg = match level {
                    Level::Province => Msg::LevelProvince,
                    Level::District => Msg::LevelDistrict,
                    Level::Commune => Msg::LevelCommune,
                };
                self.diags.error(
                    &t.file,
                    line,
                    "name",
                    Msg::CliNamePrefix,
                    vec![
                        ("found", text(&full)),
                        ("level", Val::Msg(level_msg)),
                        ("expected", Val::Msg(Msg::ExpOfficialName)),
                    ],
                );
                continue;
            };
            let Ok(from) = self.opt_date(&t, i, "valid_from") else {
                continue;
            };
            let Ok(to) = self.opt_date(&t, i, "valid_to") else {
                continue;
            };
            let mut flags = Vec::new();
            for part in t.get(&t.rows[i], "flags").unwrap_or("").split(['|', ';']) {
                if part.trim().is_empty() {
                    continue;
                }
                match parse_flag(part) {
                    Some(f) if !flags.contains(&f) => flags.push(f),
                    Some(_) => {}
                    None => self.bad(&t, line, "flags", part.trim(), Val::Msg(Msg::ExpFlag)),
                }
            }
            let mut flags_illustrative = false;
            if let Some(fs) = t.get(&t.rows[i], "flags_source") {
                let p = parse_provenance(fs);
                if p.illustrative {
                    flags_illustrative = true;
                } else if p.source.as_deref() != t.get(&t.rows[i], "source") {
                    let fs = fs.to_owned();
                    self.bad(&t, line, "flags_source", &fs, Val::Msg(Msg::ExpFlagSource));
                }
            }
            let lat = t.get(&t.rows[i], "lat");
            let lon = t.get(&t.rows[i], "lon");
            let at = match (lat, lon) {
                (None, None) => None,
                (Some(la), Some(lo)) => match (parse_number(la), parse_number(lo)) {
                    (Some(a), Some(b)) => Some([a, b]),
                    (a, _) => {
                        let (col, raw, exp) = if a.is_none() {
                            ("lat", la, Msg::ExpLat)
                        } else {
                            ("lon", lo, Msg::ExpLon)
                        };
                        let raw = raw.to_owned();
                        self.bad(&t, line, col, &raw, Val::Msg(exp));
                        None
                    }
                },
                (None, Some(_)) => {
                    self.diags.error(
                        &t.file,
                        line,
                        "lat",
                        Msg::CliEmptyCell,
                        vec![("expected", Val::Msg(Msg::ExpLat))],
                    );
                    None
                }
                (Some(_), None) => {
                    self.diags.error(
                        &t.file,
                        line,
                        "lon",
                        Msg::CliEmptyCell,
                        vec![("expected", Val::Msg(Msg::ExpLon))],
                    );
                    None
                }
            };
            let (source, synthetic) = match t.get(&t.rows[i], "source").map(parse_provenance) {
                Some(p) if p.synthetic => (None, true),
                Some(p) if p.illustrative => {
                    let raw = t.get(&t.rows[i], "source").unwrap_or("").to_owned();
                    self.bad(&t, line, "source", &raw, Val::Msg(Msg::ExpUnitSource));
                    (None, false)
                }
                Some(p) => (p.source, false),
                None => (None, false),
            };
            let id = Self::opt_text(&t, i, "id").unwrap_or_else(|| match from {
                Some(f) if f >= REFORM_DATE => format!("{code}-{}", f.year),
                _ => code.clone(),
            });
            let aliases = t
                .get(&t.rows[i], "aliases")
                .unwrap_or("")
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect();
            parents.push(
                t.get(&t.rows[i], "parent_code")
                    .map(|p| self.code(&t, line, "parent_code", p)),
            );
            units.push(Unit {
                id,
                code,
                name: short.to_owned(),
                kind,
                parent: None,
                from,
                to,
                became: Vec::new(),
                flags,
                flags_illustrative,
                at,
                aliases,
                source,
                synthetic,
            });
            origins.push(Self::origin(&t, &UNITS, i));
        }
        // Parents: resolved on a day the child is in force.
        let resolver_units = units.clone();
        let resolver = Resolver::new(&resolver_units);
        for (k, parent) in parents.into_iter().enumerate() {
            let Some(code) = parent else { continue };
            let u = &units[k];
            let at = u.from.or(u.to).unwrap_or(as_of);
            let line = origins[k].line;
            match resolver.resolve(&code, at) {
                Resolved::Unit(p) => units[k].parent = Some(resolver_units[p].id.clone()),
                Resolved::Unknown => self.diags.error(
                    &t.file,
                    line,
                    "parent_code",
                    Msg::CliUnknownCode,
                    vec![("code", text(&code))],
                ),
                Resolved::NotOnDate(list) => self.diags.error(
                    &t.file,
                    line,
                    "parent_code",
                    Msg::CliCodeNotOnDate,
                    vec![
                        ("code", text(&code)),
                        ("date", text(at.to_string())),
                        ("units", text(list)),
                    ],
                ),
            }
        }
        Some((units, origins))
    }

    fn reform(&mut self, dir: &Path, units: &mut [Unit]) -> HashMap<(String, String), Origin> {
        let mut became = HashMap::new();
        let Some(t) = self.table(dir, &REFORM, false) else {
            return became;
        };
        let snapshot = units.to_vec();
        let resolver = Resolver::new(&snapshot);
        for i in 0..t.rows.len() {
            let line = t.rows[i].line;
            let Ok(date) = self.opt_date(&t, i, "date") else {
                continue;
            };
            let new_from = date.unwrap_or(REFORM_DATE);
            let old_to = if date.is_some() {
                day_before(new_from)
            } else {
                LAST_PRE_REFORM_DAY
            };
            let old = t.required(i, "old_code", Val::Msg(Msg::ExpCode), self.diags);
            let new = t.required(i, "new_code", Val::Msg(Msg::ExpCode), self.diags);
            let rel = t.required(i, "relation", Val::Msg(Msg::ExpRelation), self.diags);
            let (Some(old), Some(new), Some(rel)) = (old, new, rel) else {
                continue;
            };
            let part = match fold(&rel).as_str() {
                "whole" | "toan bo" => false,
                "part" | "mot phan" | "part main" | "part default" => true,
                _ => {
                    self.bad(&t, line, "relation", &rel, Val::Msg(Msg::ExpRelation));
                    continue;
                }
            };
            let old = self.code(&t, line, "old_code", &old);
            let new = self.code(&t, line, "new_code", &new);
            let mut resolve = |code: &str, at: Date, col: &str| match resolver.resolve(code, at) {
                Resolved::Unit(u) => Some(u),
                Resolved::Unknown => {
                    self.diags.error(
                        &t.file,
                        line,
                        col,
                        Msg::CliUnknownCode,
                        vec![("code", text(code))],
                    );
                    None
                }
                Resolved::NotOnDate(list) => {
                    self.diags.error(
                        &t.file,
                        line,
                        col,
                        Msg::CliCodeNotOnDate,
                        vec![
                            ("code", text(code)),
                            ("date", text(at.to_string())),
                            ("units", text(list)),
                        ],
                    );
                    None
                }
            };
            let (Some(o), Some(n)) = (
                resolve(&old, old_to, "old_code"),
                resolve(&new, new_from, "new_code"),
            ) else {
                continue;
            };
            let succ = snapshot[n].id.clone();
            let key = (snapshot[o].id.clone(), succ.clone());
            if let Some(first) = became.get(&key) {
                let first: &Origin = first;
                let first_line = first.line;
                self.diags.warning(
                    &t.file,
                    line,
                    "new_code",
                    Msg::CliDuplicateRow,
                    vec![("line", text(first_line.to_string()))],
                );
                continue;
            }
            units[o].became.push(Succession { unit: succ, part });
            became.insert(
                key,
                Origin {
                    file: REFORM.file,
                    line,
                },
            );
        }
        became
    }

    fn coverage(
        &mut self,
        dir: &Path,
        resolver: &Resolver<'_>,
        as_of: Date,
    ) -> Vec<Placed<Coverage>> {
        let mut out = Vec::new();
        let Some(t) = self.table(dir, &COVERAGE, false) else {
            return out;
        };
        for i in 0..t.rows.len() {
            let (Ok(from), Ok(to)) = (self.opt_date(&t, i, "from"), self.opt_date(&t, i, "to"))
            else {
                continue;
            };
            let at = to.or(from).unwrap_or(as_of);
            let Some(unit) = self.unit_ref(&t, i, resolver, at, None) else {
                continue;
            };
            out.push(Placed {
                item: Coverage { unit, from, to },
                origin: Self::origin(&t, &COVERAGE, i),
            });
        }
        sort_placed(&mut out, |c| (c.unit.clone(), c.from, c.to));
        out
    }

    fn tier(&mut self, t: &Table, i: usize) -> Option<Tier> {
        let raw = t.required(i, "tier", Val::Msg(Msg::ExpTier), self.diags)?;
        let tier = parse_tier(&raw);
        if tier.is_none() {
            self.bad(t, t.rows[i].line, "tier", &raw, Val::Msg(Msg::ExpTier));
        }
        tier
    }

    fn set_cell(&mut self, t: &Table, i: usize) -> Result<Option<String>, ()> {
        let Some(raw) = t.get(&t.rows[i], "criteria_set") else {
            return Ok(None);
        };
        match find_set(raw) {
            Some(id) => Ok(Some(id.to_owned())),
            None => {
                let raw = raw.to_owned();
                self.bad(
                    t,
                    t.rows[i].line,
                    "criteria_set",
                    &raw,
                    Val::MsgWith(Msg::ExpCriteriaSet, "list", set_list()),
                );
                Err(())
            }
        }
    }

    fn recognitions(&mut self, dir: &Path, resolver: &Resolver<'_>) -> Vec<Placed<Recognition>> {
        let mut out: Vec<Placed<Recognition>> = Vec::new();
        if !dir.join(RECOGNITIONS.file).exists() {
            // Allowed (a dataset of assessments only), but a map where every commune is "not
            // yet" is more likely a file left behind: said, not silent.
            self.diags.push(
                Severity::Warning,
                RECOGNITIONS.file,
                None,
                "-",
                Msg::CliNoRecognitions,
                vec![("dir", text(dir.display().to_string()))],
            );
        }
        let Some(t) = self.table(dir, &RECOGNITIONS, false) else {
            return out;
        };
        for i in 0..t.rows.len() {
            let tier = self.tier(&t, i);
            let year = self.year(&t, i, "year");
            let date = self.opt_date(&t, i, "date");
            let by_year = self.opt_yes(&t, i, "by_year", Msg::ExpByYear);
            let set = self.set_cell(&t, i);
            let prov = self.provenance(&t, i);
            let (Some(tier), Some(year), Ok(date), Ok(by_year), Ok(set), Some(prov)) =
                (tier, year, date, by_year, set, prov)
            else {
                continue;
            };
            let mut rec = Recognition {
                unit: String::new(),
                tier,
                year,
                date,
                decision: Self::opt_text(&t, i, "decision"),
                by_year,
                set,
                village: Self::opt_text(&t, i, "village"),
                former: Self::opt_text(&t, i, "former"),
                source: prov.source,
                illustrative: prov.illustrative,
                synthetic: prov.synthetic,
            };
            let Some(unit) = self.unit_ref(
                &t,
                i,
                resolver,
                rec.effective(),
                rec.date
                    .is_none_or(|d| d.year != rec.year)
                    .then_some(rec.year),
            ) else {
                continue;
            };
            rec.unit = unit;
            let origin = Self::origin(&t, &RECOGNITIONS, i);
            if let Some(first) = out.iter().find(|p| {
                p.item.unit == rec.unit
                    && p.item.tier == rec.tier
                    && p.item.year == rec.year
                    && p.item.village == rec.village
                    && (rec.tier != Tier::ModelVillage || rec.village.is_some())
            }) {
                // A row repeated word for word is dropped with a warning; one that repeats the
                // unit, tier and year with other details (date, decision, source) is an error:
                // which is right cannot be told.
                let first_line = first.origin.line;
                if first.item == rec {
                    self.diags.warning(
                        &t.file,
                        origin.line,
                        "code",
                        Msg::CliDuplicateRow,
                        vec![("line", text(first_line.to_string()))],
                    );
                } else {
                    self.diags.error(
                        &t.file,
                        origin.line,
                        "code",
                        Msg::CliConflictingRow,
                        vec![("line", text(first_line.to_string()))],
                    );
                }
                continue;
            }
            out.push(Placed { item: rec, origin });
        }
        // Grouped by tier and date rather than by unit: similar records side by side compress
        // best, and the order carries no meaning (the index groups by unit).
        sort_placed(&mut out, |r| {
            (r.tier, r.effective(), r.unit.clone(), r.village.clone())
        });
        out
    }

    fn revocations(&mut self, dir: &Path, resolver: &Resolver<'_>) -> Vec<Placed<Revocation>> {
        let mut out = Vec::new();
        let Some(t) = self.table(dir, &REVOCATIONS, false) else {
            return out;
        };
        for i in 0..t.rows.len() {
            let tier = self.tier(&t, i);
            let date = t.required(i, "date", Val::Msg(Msg::ExpDate), self.diags);
            let prov = self.provenance(&t, i);
            let (Some(tier), Some(date_raw), Some(prov)) = (tier, date, prov) else {
                continue;
            };
            let Some(date) = parse_date(&date_raw) else {
                self.bad(
                    &t,
                    t.rows[i].line,
                    "date",
                    &date_raw,
                    Val::Msg(Msg::ExpDate),
                );
                continue;
            };
            let Some(unit) = self.unit_ref(&t, i, resolver, date, None) else {
                continue;
            };
            out.push(Placed {
                item: Revocation {
                    unit,
                    tier,
                    date,
                    decision: Self::opt_text(&t, i, "decision"),
                    source: prov.source,
                    illustrative: prov.illustrative,
                    synthetic: prov.synthetic,
                },
                origin: Self::origin(&t, &REVOCATIONS, i),
            });
        }
        sort_placed(&mut out, |r| (r.unit.clone(), r.date, r.tier));
        out
    }

    fn assessments(&mut self, dir: &Path, resolver: &Resolver<'_>) -> Vec<Placed<Assessment>> {
        let mut out: Vec<Placed<Assessment>> = Vec::new();
        let Some(t) = self.table(dir, &ASSESSMENTS, false) else {
            return out;
        };
        let sets = criteria::national_sets();
        let criterion_columns: Vec<(u8, String)> = {
            let mut v: Vec<(u8, String)> = t
                .column_names()
                .filter_map(|c| criterion_number(c).map(|n| (n, c.to_owned())))
                .collect();
            v.sort();
            v
        };
        // (set, criterion) → rows of that set with no column for the criterion.
        let mut missing_columns: std::collections::BTreeMap<(String, usize), usize> =
            std::collections::BTreeMap::new();
        for i in 0..t.rows.len() {
            let line = t.rows[i].line;
            let year = self.year(&t, i, "year");
            let date = self.opt_date(&t, i, "date");
            let set = self.set_cell(&t, i);
            let prov = self.provenance(&t, i);
            let (Some(year), Ok(date), Ok(set), Some(prov)) = (year, date, set, prov) else {
                continue;
            };
            let Some(set_id) =
                set.or_else(|| criteria::commune_set_for_year(year).map(str::to_owned))
            else {
                self.diags.error(
                    &t.file,
                    line,
                    "criteria_set",
                    Msg::CliEmptyCell,
                    vec![(
                        "expected",
                        Val::MsgWith(Msg::ExpCriteriaSet, "list", set_list()),
                    )],
                );
                continue;
            };
            let size = sets
                .iter()
                .find(|s| s.id == set_id)
                .map_or(0, |s| s.criteria.len());
            let mut met = vec!['-'; size];
            let mut ok = true;
            for (n, col) in &criterion_columns {
                let Some(cell) = t.get(&t.rows[i], col) else {
                    continue;
                };
                let mark = match fold(cell).as_str() {
                    "1" | "dat" | "co" => Some('1'),
                    "0" | "chua dat" | "khong dat" | "khong" => Some('0'),
                    "x" | "-" | "?" => Some('-'),
                    _ => None,
                };
                let n_us = usize::from(*n);
                if n_us > size {
                    if mark != Some('-') {
                        self.diags.error(
                            &t.file,
                            line,
                            col,
                            Msg::CliMarkOutOfSet,
                            vec![
                                ("n", text(n.to_string())),
                                ("set", text(&set_id)),
                                ("count", text(size.to_string())),
                                ("found", text(cell)),
                            ],
                        );
                        ok = false;
                    }
                    continue;
                }
                match mark {
                    Some(m) => met[n_us - 1] = m,
                    None => {
                        let cell = cell.to_owned();
                        self.bad(&t, line, col, &cell, Val::Msg(Msg::ExpMark));
                        ok = false;
                    }
                }
            }
            // A source that gives only how many criteria were met ("17/19") without naming
            // them: the number in `met_count`, the unnamed criteria left blank.
            let count = match Self::opt_text(&t, i, "met_count") {
                None => None,
                Some(cell) => match cell.trim().parse::<u8>() {
                    Ok(n) if usize::from(n) <= size => Some(n),
                    _ => {
                        self.bad(&t, line, "met_count", &cell, Val::Msg(Msg::ExpMetCount));
                        ok = false;
                        None
                    }
                },
            };
            if !ok {
                continue;
            }
            for n in 1..=size {
                if !criterion_columns.iter().any(|(c, _)| usize::from(*c) == n) {
                    *missing_columns.entry((set_id.clone(), n)).or_default() += 1;
                }
            }
            let mut a = Assessment {
                unit: String::new(),
                year,
                date,
                set: set_id,
                met: met.into_iter().collect(),
                count,
                source: prov.source,
                illustrative: prov.illustrative,
                synthetic: prov.synthetic,
            };
            let Some(unit) = self.unit_ref(&t, i, resolver, a.effective(), None) else {
                continue;
            };
            a.unit = unit;
            let origin = Self::origin(&t, &ASSESSMENTS, i);
            if let Some(first) = out
                .iter()
                .find(|p| p.item.unit == a.unit && p.item.effective() == a.effective())
            {
                let first_line = first.origin.line;
                self.diags.error(
                    &t.file,
                    line,
                    "year",
                    Msg::CliDuplicateRecord,
                    vec![("line", text(first_line.to_string()))],
                );
                continue;
            }
            out.push(Placed { item: a, origin });
        }
        // A whole column left out (tc19 deleted in Excel) would make every row "18/19":
        // reported once per criterion, at the header.
        for ((set, n), rows) in missing_columns {
            self.diags.warning(
                &t.file,
                1,
                &format!("tc{n}"),
                Msg::CliCriterionColumnMissing,
                vec![
                    ("column", text(format!("tc{n}"))),
                    ("n", text(n.to_string())),
                    ("set", text(set)),
                    ("rows", text(rows.to_string())),
                ],
            );
        }
        sort_placed(&mut out, |a| (a.effective(), a.unit.clone()));
        out
    }

    fn indicators(&mut self, dir: &Path, resolver: &Resolver<'_>) -> Vec<Placed<Indicator>> {
        let mut out = Vec::new();
        let Some(t) = self.table(dir, &INDICATORS, false) else {
            return out;
        };
        for i in 0..t.rows.len() {
            let line = t.rows[i].line;
            let kind = t
                .required(i, "kind", Val::Msg(Msg::ExpIndicatorKind), self.diags)
                .and_then(|raw| {
                    let k = parse_indicator_kind(&raw);
                    if k.is_none() {
                        self.bad(&t, line, "kind", &raw, Val::Msg(Msg::ExpIndicatorKind));
                    }
                    k
                });
            let metric = t
                .required(
                    i,
                    "metric",
                    Val::MsgWith(Msg::ExpMetric, "list", metric_list()),
                    self.diags,
                )
                .and_then(|raw| {
                    let m = parse_metric(&raw);
                    if m.is_none() {
                        self.bad(
                            &t,
                            line,
                            "metric",
                            &raw,
                            Val::MsgWith(Msg::ExpMetric, "list", metric_list()),
                        );
                    }
                    m
                });
            let year = self.year(&t, i, "year");
            let date = self.opt_date(&t, i, "date");
            let value = self.number(&t, i, "value", true);
            let max = self.number(&t, i, "max", false);
            let of = match t.get(&t.rows[i], "of") {
                None => Ok(None),
                Some(raw) => match parse_count(raw) {
                    Some(n) => Ok(Some(n)),
                    None => {
                        let raw = raw.to_owned();
                        self.bad(&t, line, "of", &raw, Val::Msg(Msg::ExpCount));
                        Err(())
                    }
                },
            };
            let prov = self.provenance(&t, i);
            let (
                Some(kind),
                Some(metric),
                Some(year),
                Ok(date),
                Ok(Some(value)),
                Ok(max),
                Ok(of),
                Some(prov),
            ) = (kind, metric, year, date, value, max, of, prov)
            else {
                continue;
            };
            let note_vi = Self::opt_text(&t, i, "note_vi");
            let note_en = Self::opt_text(&t, i, "note_en");
            let note = match (note_vi, note_en) {
                (None, None) => None,
                (vi, en) => Some(Text {
                    vi: vi.or_else(|| en.clone()).unwrap_or_default(),
                    en,
                }),
            };
            let mut ind = Indicator {
                unit: String::new(),
                kind,
                metric,
                year,
                date,
                value,
                max,
                of,
                note,
                source: prov.source,
                illustrative: prov.illustrative,
                synthetic: prov.synthetic,
            };
            // A target for a year refers to the unit in force at the start of that year (the
            // plan was made for it); a published figure to the unit on the figure's day.
            let at = match (kind, date) {
                (IndicatorKind::Target, None) => Date {
                    year,
                    month: 1,
                    day: 1,
                },
                _ => ind.effective(),
            };
            let Some(unit) = self.unit_ref(&t, i, resolver, at, None) else {
                continue;
            };
            ind.unit = unit;
            out.push(Placed {
                item: ind,
                origin: Self::origin(&t, &INDICATORS, i),
            });
        }
        sort_placed(&mut out, |ind| {
            (
                ind.unit.clone(),
                ind.kind == IndicatorKind::Target,
                ind.effective(),
                metric_rank(ind.metric),
            )
        });
        out
    }

    /// A number cell: `Ok(None)` when empty and optional, `Err(())` when reported.
    fn number(
        &mut self,
        t: &Table,
        i: usize,
        col: &str,
        required: bool,
    ) -> Result<Option<f64>, ()> {
        let raw = if required {
            match t.required(i, col, Val::Msg(Msg::ExpNumber), self.diags) {
                Some(r) => r,
                None => return Err(()),
            }
        } else {
            match t.get(&t.rows[i], col) {
                Some(r) => r.to_owned(),
                None => return Ok(None),
            }
        };
        match parse_number(&raw) {
            Some(v) => Ok(Some(v)),
            None => {
                self.bad(t, t.rows[i].line, col, &raw, Val::Msg(Msg::ExpNumber));
                Err(())
            }
        }
    }
}

fn metric_rank(m: Metric) -> usize {
    METRICS.iter().position(|x| x.0 == m).unwrap_or(usize::MAX)
}

impl Built {
    /// Locates a core validation problem in the CSV files.
    pub fn locate(&self, p: &Problem) -> Diagnostic {
        let mut message = Message::Core(Box::new(p.clone()));
        if p.list == List::CriteriaSets {
            return Diagnostic {
                severity: p.severity,
                file: "(criteria)".to_owned(),
                line: None,
                field: p.path(),
                message,
            };
        }
        let origin = if p.list == List::Dataset {
            let line = self.keys.get(p.field).copied();
            return Diagnostic {
                severity: p.severity,
                file: DATASET.file.to_owned(),
                line,
                field: p.field.to_owned(),
                message,
            };
        } else if p.list == List::Units && p.field == "became" {
            let succ = match &p.issue {
                Issue::UnknownUnit { id } => Some(id.clone()),
                Issue::SuccessorOverlaps { successor } => Some(successor.clone()),
                _ => None,
            };
            succ.and_then(|s| self.became.get(&(p.record.clone(), s)).copied())
        } else {
            None
        };
        let origin = origin.or_else(|| self.origins.get(&(p.list, p.index)).copied());
        let Some(origin) = origin else {
            return Diagnostic {
                severity: p.severity,
                file: "ntm.json".to_owned(),
                line: None,
                field: p.path(),
                message,
            };
        };
        let field = match (p.list, p.field, &p.issue) {
            (List::Units, "became", _) => "new_code".to_owned(),
            (List::Units, "id" | "code" | "geometry", _) | (_, "unit", _) => "code".to_owned(),
            (List::Units, "parent", _) => "parent_code".to_owned(),
            (List::Units, "from", _) => "valid_from".to_owned(),
            (List::Units, "to", _) => "valid_to".to_owned(),
            (List::Units, "at", _) => "lat".to_owned(),
            (List::Assessments, "met", Issue::BadCriterionMark { n, .. }) => format!("tc{n}"),
            (List::Assessments, "met", Issue::CriteriaMismatch { expected, .. }) => {
                format!("tc{}", expected + 1)
            }
            (List::Assessments, "met", _) => "tc1…tc19".to_owned(),
            (List::Assessments, "count", _) => "met_count".to_owned(),
            (_, "set", _) => "criteria_set".to_owned(),
            (List::Coverage, "to", _) => "to".to_owned(),
            (_, f, _) => f.to_owned(),
        };
        if let Issue::DuplicateId { id, first } = &p.issue {
            let first_line = self.origins.get(&(p.list, *first)).map_or(0, |o| o.line);
            let msg = if p.list == List::Units {
                Msg::CliDuplicateCode
            } else {
                Msg::CliDuplicateKey
            };
            let key = if p.list == List::Units { "code" } else { "key" };
            message = Message::Cli(
                msg,
                vec![(key, text(id)), ("line", text(first_line.to_string()))],
            );
        }
        Diagnostic {
            severity: p.severity,
            file: origin.file.to_owned(),
            line: Some(origin.line),
            field,
            message,
        }
    }

    /// The number of records of all kinds (for the summary line).
    pub fn record_count(&self) -> usize {
        let d = &self.dataset;
        d.recognitions.len()
            + d.revocations.len()
            + d.assessments.len()
            + d.indicators.len()
            + d.coverage.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tiers_and_metrics_in_both_languages() {
        assert_eq!(parse_tier("Đạt chuẩn"), Some(Tier::Standard));
        assert_eq!(parse_tier("NÂNG CAO"), Some(Tier::Advanced));
        assert_eq!(parse_tier("model_village"), Some(Tier::ModelVillage));
        assert_eq!(parse_tier("thôn kiểu mẫu"), Some(Tier::ModelVillage));
        assert_eq!(parse_tier("gold"), None);
        assert_eq!(
            parse_metric("Tỷ lệ xã đạt chuẩn"),
            Some(Metric::CommunesStandardShare)
        );
        assert_eq!(
            parse_metric("average_criteria"),
            Some(Metric::AverageCriteria)
        );
        assert_eq!(
            parse_indicator_kind("Mục tiêu"),
            Some(IndicatorKind::Target)
        );
        assert_eq!(
            parse_indicator_kind("công bố"),
            Some(IndicatorKind::Reported)
        );
    }

    #[test]
    fn finds_sets_by_id_or_decision_number() {
        assert_eq!(find_set("qd318-2022"), Some(criteria::QD318));
        assert_eq!(find_set("QĐ 1980/QĐ-TTg"), Some(criteria::QD1980));
        assert_eq!(find_set("51"), Some(criteria::QD51));
        assert_eq!(find_set("QĐ 999"), None);
    }

    #[test]
    fn reads_provenance_words() {
        assert!(parse_provenance("Minh họa").illustrative);
        assert!(parse_provenance("minh hoạ").illustrative);
        assert!(parse_provenance("illustrative").illustrative);
        assert_eq!(parse_provenance("qd37").source.as_deref(), Some("qd37"));
    }

    #[test]
    fn steps_back_one_day() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(day_before(d(2025, 7, 1)), d(2025, 6, 30));
        assert_eq!(day_before(d(2024, 3, 1)), d(2024, 2, 29));
        assert_eq!(day_before(d(2025, 1, 1)), d(2024, 12, 31));
    }
}
