//! The dataset as it travels: the JSON schema of `public/data/*.json`, as Rust types.
//!
//! This is the one schema of NTM Atlas. The `ntm-data` CLI writes it, the app reads it, and
//! `docs/data-format.md` documents it field by field. Records stay close to what a provincial
//! office keeps: administrative units of both eras, recognition decisions, criteria assessments,
//! targets and published figures, each naming its source or flagged `illustrative`.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// The schema version this build of NTM Atlas reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Text given in Vietnamese, and in English where a translation exists.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    /// Vietnamese (always present).
    pub vi: String,
    /// English; falls back to Vietnamese when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// Text with both languages.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            vi: vi.into(),
            en: Some(en.into()),
        }
    }

    /// The text in a language, falling back to Vietnamese.
    pub fn get(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::En => self.en.as_deref().unwrap_or(&self.vi),
            crate::i18n::Lang::Vi => &self.vi,
        }
    }
}

/// A whole dataset: the statistics file. Geometry lives in separate files listed in
/// [`Dataset::geometry`], so that numbers can be shown before shapes arrive.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Dataset {
    /// Schema version ([`SCHEMA_VERSION`] for this build).
    pub schema: u32,
    /// Short identifier, e.g. `ntm-demo`.
    pub id: String,
    /// Version of this dataset's content, e.g. `2026.11.22`.
    pub version: String,
    /// Human title.
    pub title: Text,
    /// The date the data describes ("data as of").
    pub as_of: Date,
    /// First year shown on the timeline.
    pub first_year: u16,
    /// Last year shown on the timeline.
    pub last_year: u16,
    /// Where and when the recognitions are complete (see [`Coverage`]).
    #[serde(default)]
    pub coverage: Vec<Coverage>,
    /// Administrative units of both eras.
    pub units: Vec<Unit>,
    /// Versioned criteria sets.
    pub criteria_sets: Vec<CriteriaSet>,
    /// Recognition decisions.
    #[serde(default)]
    pub recognitions: Vec<Recognition>,
    /// Revocations of earlier recognitions.
    #[serde(default)]
    pub revocations: Vec<Revocation>,
    /// Criteria assessments.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Targets and published figures.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Sources cited by records.
    pub sources: Vec<Source>,
    /// Geometry files, one per era.
    #[serde(default)]
    pub geometry: Vec<GeometryFile>,
}

impl Dataset {
    /// Whether any recognition or assessment is illustrative (a demo): the page's footer and a
    /// downloaded chart say so.
    pub fn has_illustrative(&self) -> bool {
        self.recognitions.iter().any(|r| r.illustrative)
            || self.assessments.iter().any(|a| a.illustrative)
    }
}

/// The two administrative eras around the reform of 1 July 2025.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Era {
    /// Units in force until 30/6/2025: provinces, districts, communes.
    Pre2025,
    /// Units from 1/7/2025: 34 provinces and 3,321 communes, no districts.
    Post2025,
}

impl Era {
    /// Both eras, oldest first.
    pub const ALL: [Era; 2] = [Era::Pre2025, Era::Post2025];

    /// The era a date falls in.
    pub fn of(date: Date) -> Self {
        if date < crate::date::REFORM_DATE {
            Era::Pre2025
        } else {
            Era::Post2025
        }
    }

    /// The name used in file names and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Era::Pre2025 => "pre2025",
            Era::Post2025 => "post2025",
        }
    }

    /// The data-saver's coarse geometry of one province in this era, relative to the
    /// dataset's folder (`ntm-data lite` writes it; the app and the start-up preload read it).
    pub fn lite_file(self, province_id: &str) -> String {
        format!("lite/{}-{province_id}.json", self.slug())
    }
}

/// The kind of an administrative unit, as the GSO registry names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Tỉnh (province).
    Tinh,
    /// Thành phố trực thuộc trung ương (centrally governed city).
    ThanhPhoTw,
    /// Huyện (rural district).
    Huyen,
    /// Quận (urban district).
    Quan,
    /// Thị xã (district-level town).
    ThiXa,
    /// Thành phố thuộc tỉnh (provincial city).
    ThanhPho,
    /// Xã (commune): the unit the NTM commune criteria apply to.
    Xa,
    /// Phường (ward).
    Phuong,
    /// Thị trấn (township).
    ThiTran,
    /// Đặc khu (special zone, from 2025).
    DacKhu,
}

/// The three levels of the administrative hierarchy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Provinces and centrally governed cities.
    Province,
    /// Districts, towns and provincial cities (pre-2025 only).
    District,
    /// Communes, wards, townships and special zones.
    Commune,
}

impl UnitKind {
    /// Every kind, in the order of the hierarchy.
    pub const ALL: [UnitKind; 10] = [
        UnitKind::Tinh,
        UnitKind::ThanhPhoTw,
        UnitKind::Huyen,
        UnitKind::Quan,
        UnitKind::ThiXa,
        UnitKind::ThanhPho,
        UnitKind::Xa,
        UnitKind::Phuong,
        UnitKind::ThiTran,
        UnitKind::DacKhu,
    ];

    /// The level of the hierarchy this kind belongs to.
    pub fn level(self) -> Level {
        match self {
            UnitKind::Tinh | UnitKind::ThanhPhoTw => Level::Province,
            UnitKind::Huyen | UnitKind::Quan | UnitKind::ThiXa | UnitKind::ThanhPho => {
                Level::District
            }
            UnitKind::Xa | UnitKind::Phuong | UnitKind::ThiTran | UnitKind::DacKhu => {
                Level::Commune
            }
        }
    }

    /// Whether the NTM commune criteria apply (only rural communes, xã, are assessed).
    pub fn is_ntm_commune(self) -> bool {
        self == UnitKind::Xa
    }

    /// Whether the NTM district criteria apply (huyện, and towns and cities with communes).
    pub fn is_ntm_district(self) -> bool {
        matches!(self, UnitKind::Huyen | UnitKind::ThiXa | UnitKind::ThanhPho)
    }

    /// The Vietnamese prefix used in official names ("Xã", "Huyện"…).
    pub fn prefix_vi(self) -> &'static str {
        match self {
            UnitKind::Tinh => "Tỉnh",
            UnitKind::ThanhPhoTw | UnitKind::ThanhPho => "Thành phố",
            UnitKind::Huyen => "Huyện",
            UnitKind::Quan => "Quận",
            UnitKind::ThiXa => "Thị xã",
            UnitKind::Xa => "Xã",
            UnitKind::Phuong => "Phường",
            UnitKind::ThiTran => "Thị trấn",
            UnitKind::DacKhu => "Đặc khu",
        }
    }

    /// The English noun used after a name ("Commune", "District"…).
    pub fn suffix_en(self) -> &'static str {
        match self {
            UnitKind::Tinh => "Province",
            UnitKind::ThanhPhoTw | UnitKind::ThanhPho => "City",
            UnitKind::Huyen | UnitKind::Quan => "District",
            UnitKind::ThiXa => "Town",
            UnitKind::Xa => "Commune",
            UnitKind::Phuong => "Ward",
            UnitKind::ThiTran => "Township",
            UnitKind::DacKhu => "Special Zone",
        }
    }

    /// Splits an official Vietnamese name ("Thị trấn Đồi Ngô") into kind and short name.
    /// "Thành phố" is ambiguous between a provincial and a central city; `level` decides.
    pub fn split_official_name(full: &str, level: Level) -> Option<(UnitKind, &str)> {
        let full = full.trim();
        for kind in UnitKind::ALL {
            if kind.level() != level {
                continue;
            }
            let prefix = kind.prefix_vi();
            if let Some(rest) = strip_prefix_ci(full, prefix) {
                let rest = rest.trim();
                if !rest.is_empty() {
                    return Some((kind, rest));
                }
            }
        }
        None
    }
}

/// Case-insensitive match of a whole-word prefix ("Thị Xã" matches "Thị xã").
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut chars = text.chars();
    for p in prefix.chars() {
        if !chars.next()?.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    chars.as_str().strip_prefix(' ')
}

/// A flag on a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitFlag {
    /// Xã đặc biệt khó khăn: an especially disadvantaged commune.
    Disadvantaged,
}

/// An administrative unit with its validity period.
///
/// In JSON, `id` is omitted when it equals `code` (most units), which keeps the demo within
/// its size budget; a missing `id` reads as the code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "UnitWire", into = "UnitWire")]
pub struct Unit {
    /// Identifier, unique in the dataset: the GSO code for units valid before 1/7/2025,
    /// the code followed by `-2025` for units created on 1/7/2025 (the reform reuses codes).
    pub id: String,
    /// GSO code (2 digits for provinces, 3 for districts, 5 for communes).
    pub code: String,
    /// Short name without the kind ("Tú Mịch").
    pub name: String,
    /// Kind of unit.
    pub kind: UnitKind,
    /// The enclosing unit's id (a district before the reform, a province after it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// First day in force; absent when it predates the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day in force (inclusive); absent while still in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// The unit(s) this one became when it ended.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub became: Vec<Succession>,
    /// Flags such as especially disadvantaged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<UnitFlag>,
    /// Set when the flags are made up for the demo (no source lists them), so the app can
    /// mark them "illustrative" like any other unsourced record.
    #[serde(default, skip_serializing_if = "is_false")]
    pub flags_illustrative: bool,
    /// Centroid as `[latitude, longitude]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<[f64; 2]>,
    /// Former names, searchable ("Tiên Hưng" for a ward that absorbed it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Source id of the unit's record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Set when the unit is made up (synthetic national benchmark data).
    #[serde(default, skip_serializing_if = "is_false")]
    pub synthetic: bool,
}

/// [`Unit`] as stored: `id` only where it differs from `code`.
#[derive(Serialize, Deserialize)]
struct UnitWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    code: String,
    name: String,
    kind: UnitKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    became: Vec<Succession>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    flags: Vec<UnitFlag>,
    #[serde(default, skip_serializing_if = "is_false")]
    flags_illustrative: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<[f64; 2]>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    synthetic: bool,
}

impl From<UnitWire> for Unit {
    fn from(w: UnitWire) -> Self {
        Unit {
            id: w.id.unwrap_or_else(|| w.code.clone()),
            code: w.code,
            name: w.name,
            kind: w.kind,
            parent: w.parent,
            from: w.from,
            to: w.to,
            became: w.became,
            flags: w.flags,
            flags_illustrative: w.flags_illustrative,
            at: w.at,
            aliases: w.aliases,
            source: w.source,
            synthetic: w.synthetic,
        }
    }
}

impl From<Unit> for UnitWire {
    fn from(u: Unit) -> Self {
        UnitWire {
            id: (u.id != u.code).then_some(u.id),
            code: u.code,
            name: u.name,
            kind: u.kind,
            parent: u.parent,
            from: u.from,
            to: u.to,
            became: u.became,
            flags: u.flags,
            flags_illustrative: u.flags_illustrative,
            at: u.at,
            aliases: u.aliases,
            source: u.source,
            synthetic: u.synthetic,
        }
    }
}

impl Unit {
    /// Whether the unit is in force on a date.
    pub fn valid_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }

    /// The era(s) in which the unit is in force.
    pub fn in_era(&self, era: Era) -> bool {
        match era {
            Era::Pre2025 => self.from.is_none_or(|f| f < crate::date::REFORM_DATE),
            Era::Post2025 => self.to.is_none_or(|t| t >= crate::date::REFORM_DATE),
        }
    }
}

/// A link from an ended unit to a unit it became part of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Succession {
    /// The id of the new unit.
    pub unit: String,
    /// True when only part of the old unit's area went to the new unit.
    #[serde(default, skip_serializing_if = "is_false")]
    pub part: bool,
}

/// The level a criteria set is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetLevel {
    /// Commune criteria (xã).
    Commune,
    /// District criteria (huyện).
    District,
}

/// A versioned national criteria set, as decided by a Prime Minister's decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriteriaSet {
    /// Identifier, e.g. `qd318-2022`.
    pub id: String,
    /// The deciding document, e.g. "QĐ 318/QĐ-TTg".
    pub document: String,
    /// Date of the decision.
    pub date: Date,
    /// First year of the period the set applies to.
    pub from_year: u16,
    /// Last year of the period.
    pub to_year: u16,
    /// Commune or district.
    pub level: SetLevel,
    /// Name of the set.
    pub name: Text,
    /// Groups, in order.
    pub groups: Vec<CriteriaGroup>,
    /// Criteria, numbered from 1.
    pub criteria: Vec<Criterion>,
}

/// A group of criteria ("I. Quy hoạch").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriteriaGroup {
    /// Roman numeral or short id, e.g. `II`.
    pub id: String,
    /// Name of the group.
    pub name: Text,
}

/// One criterion of a set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Number within the set, from 1.
    pub n: u8,
    /// Group id.
    pub group: String,
    /// Name.
    pub name: Text,
}

/// A recognition tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Đạt chuẩn NTM (standard).
    Standard,
    /// NTM nâng cao (advanced).
    Advanced,
    /// NTM kiểu mẫu (model), communes only.
    Model,
    /// Thôn NTM kiểu mẫu: a model village inside a commune.
    ModelVillage,
}

impl Tier {
    /// The tier a unit must hold before this one, if any.
    pub fn prerequisite(self) -> Option<Tier> {
        match self {
            Tier::Standard | Tier::ModelVillage => None,
            Tier::Advanced => Some(Tier::Standard),
            Tier::Model => Some(Tier::Advanced),
        }
    }
}

/// Where a record's figure comes from. Every record names a source or is flagged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance<'a> {
    /// Backed by the source with this id.
    Sourced(&'a str),
    /// Made up to illustrate the app, consistent with published totals.
    Illustrative,
    /// Made up for the national benchmark dataset.
    Synthetic,
    /// Neither: a validation error.
    Missing,
}

fn provenance(source: Option<&String>, illustrative: bool, synthetic: bool) -> Provenance<'_> {
    match (source, illustrative, synthetic) {
        (Some(s), false, false) => Provenance::Sourced(s),
        (None, true, false) => Provenance::Illustrative,
        (None, false, true) => Provenance::Synthetic,
        _ => Provenance::Missing,
    }
}

macro_rules! provenance_fields {
    ($t:ty) => {
        impl $t {
            /// Where this record's figure comes from.
            pub fn provenance(&self) -> Provenance<'_> {
                provenance(self.source.as_ref(), self.illustrative, self.synthetic)
            }
        }
    };
}

/// A decision recognising a unit at a tier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recognition {
    /// Unit id.
    pub unit: String,
    /// Tier recognised.
    pub tier: Tier,
    /// The year the recognition counts for (a decision of January 2023 may be "for 2022").
    pub year: u16,
    /// Date of the decision, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Decision number, e.g. "QĐ 2165/QĐ-UBND".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// The source counts the unit at the tier by the end of `year` without saying when it got
    /// there ("đến hết năm 2016, 30 xã đạt chuẩn"): it may have been any year up to `year`.
    /// Shown as "từ 2016 trở về trước" / "by 2016", never as "in 2016".
    #[serde(default, skip_serializing_if = "is_false")]
    pub by_year: bool,
    /// Criteria set the unit was assessed against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<String>,
    /// Village name, for a model village.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub village: Option<String>,
    /// The former commune the recognition was for, when that commune has since been merged
    /// into this unit ("Xã Văn An", now part of Xã Điềm He). Such a record is history: it is
    /// shown with the unit but gives the unit itself no tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub former: Option<String>,
    /// Source id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Flag for made-up demo records.
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    /// Flag for synthetic benchmark records.
    #[serde(default, skip_serializing_if = "is_false")]
    pub synthetic: bool,
}
provenance_fields!(Recognition);

/// When a unit reached a tier: the year, and whether the source says only "by the end of"
/// it (`Recognition::by_year`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reached {
    /// The year.
    pub year: u16,
    /// By the end of the year at the latest, perhaps earlier.
    pub by_year: bool,
}

impl Reached {
    /// "2019", or "≤ 2016" where the source says only "by the end of 2016" (a table cell, a
    /// history line, a legend's swatch).
    pub fn display(self) -> String {
        if self.by_year {
            format!("≤ {}", self.year)
        } else {
            self.year.to_string()
        }
    }
}

impl Recognition {
    /// When the recognition says the tier was reached.
    pub fn reached(&self) -> Reached {
        Reached {
            year: self.year,
            by_year: self.by_year,
        }
    }

    /// The day from which the recognition counts: the decision date if the decision was in
    /// the recognition year, else the last day of that year.
    pub fn effective(&self) -> Date {
        match self.date {
            Some(d) if d.year == self.year => d,
            _ => Date::year_end(self.year),
        }
    }

    /// [`Self::effective`] for the unit recognised: an undated recognition in the year the
    /// unit ended (a commune recognised in 2025 and merged on 1/7/2025) counts from the unit's
    /// last day, since it was made while the unit existed; the year's end would fall after it
    /// and the tier would never be shown.
    pub fn effective_for(&self, unit: &Unit) -> Date {
        let dated = self.date.is_some_and(|d| d.year == self.year);
        match unit.to {
            Some(end) if !dated && self.former.is_none() && end.year == self.year => end,
            _ => self.effective(),
        }
    }
}

/// A decision withdrawing a tier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Revocation {
    /// Unit id.
    pub unit: String,
    /// Tier withdrawn.
    pub tier: Tier,
    /// Date of the decision.
    pub date: Date,
    /// Decision number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// Source id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Flag for made-up demo records.
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    /// Flag for synthetic benchmark records.
    #[serde(default, skip_serializing_if = "is_false")]
    pub synthetic: bool,
}
provenance_fields!(Revocation);

/// Which criteria of a set a unit met in a year. An assessment holds until the next one
/// for the same unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Unit id.
    pub unit: String,
    /// Year assessed (status at the end of that year, or at `date`).
    pub year: u16,
    /// Date of the assessment, where it is not the end of the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Criteria set id.
    pub set: String,
    /// One character per criterion, in order: `1` met, `0` not met, `-` not assessed or not
    /// known (a source may give only the number of criteria met).
    pub met: String,
    /// The number of criteria met, where the source gives it without saying which (Châu Sơn:
    /// "17/19 tiêu chí"); the marks then say `-` for the criteria it does not name. Absent: the
    /// number of `1` marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u8>,
    /// Source id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Flag for made-up demo records.
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    /// Flag for synthetic benchmark records.
    #[serde(default, skip_serializing_if = "is_false")]
    pub synthetic: bool,
}
provenance_fields!(Assessment);

impl Assessment {
    /// The day the assessment describes.
    pub fn effective(&self) -> Date {
        self.date.unwrap_or(Date::year_end(self.year))
    }

    /// [`Self::effective`] for the unit assessed: an undated assessment in the year the unit
    /// ended describes its last day (see [`Recognition::effective_for`]).
    pub fn effective_for(&self, unit: &Unit) -> Date {
        match unit.to {
            Some(end) if self.date.is_none() && end.year == self.year => end,
            _ => self.effective(),
        }
    }

    /// Number of criteria met: the count the source gives, or the `1` marks.
    pub fn met_count(&self) -> usize {
        self.count.map_or_else(|| self.marked_met(), usize::from)
    }

    /// Number of criteria marked met (named by the source).
    pub fn marked_met(&self) -> usize {
        self.met.bytes().filter(|&b| b == b'1').count()
    }

    /// Whether criterion `n` (from 1) is met.
    pub fn is_met(&self, n: u8) -> Option<bool> {
        match self.met.as_bytes().get(usize::from(n).checked_sub(1)?)? {
            b'1' => Some(true),
            b'0' => Some(false),
            _ => None,
        }
    }
}

/// Whether an indicator is a target or a published actual figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// A target set by a plan or resolution.
    Target,
    /// A figure published by an authority or the press.
    Reported,
}

/// What an indicator measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Number of communes at standard or above.
    CommunesStandard,
    /// Share of communes at standard or above, in percent.
    CommunesStandardShare,
    /// Number of communes at advanced or above.
    CommunesAdvanced,
    /// Share of communes at advanced or above, in percent.
    CommunesAdvancedShare,
    /// Number of model communes.
    CommunesModel,
    /// Number of model villages.
    ModelVillages,
    /// Average number of criteria met per commune.
    AverageCriteria,
    /// Number of districts recognised at standard.
    DistrictsStandard,
}

impl Metric {
    /// Whether the value is a percentage (0–100).
    pub fn is_percent(self) -> bool {
        matches!(
            self,
            Metric::CommunesStandardShare | Metric::CommunesAdvancedShare
        )
    }

    /// Whether the metric counts things (communes, villages, districts): whole numbers.
    pub fn is_count(self) -> bool {
        !self.is_percent() && self != Metric::AverageCriteria
    }
}

/// A target or a published figure for a unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Unit id (a province, district or commune).
    pub unit: String,
    /// Target or reported.
    pub kind: IndicatorKind,
    /// What is measured.
    pub metric: Metric,
    /// The year the figure is for.
    pub year: u16,
    /// The exact date, where the figure is not for the end of the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The value (the lower bound of a range).
    pub value: f64,
    /// The upper bound, for a target given as a range ("25–30 villages").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The denominator, for a count published as "106/175".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<u32>,
    /// A note on scope or method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Source id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Flag for made-up demo records.
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    /// Flag for synthetic benchmark records.
    #[serde(default, skip_serializing_if = "is_false")]
    pub synthetic: bool,
}
provenance_fields!(Indicator);

impl Indicator {
    /// The day the figure describes.
    pub fn effective(&self) -> Date {
        self.date.unwrap_or(Date::year_end(self.year))
    }
}

/// A statement that recognitions are complete for a unit's communes over a period, so that
/// a commune with no recognition is "not yet" rather than "no data".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// A province or district id.
    pub unit: String,
    /// First day covered; absent means from the first year of the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day covered; absent means up to `as_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

/// A cited source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Identifier used by records.
    pub id: String,
    /// Title, in the source's language (the citation).
    pub title: String,
    /// The title in English, for English readers, where the source is not in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Publisher.
    pub publisher: String,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Web address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A file or package, where there is no web address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Source {
    /// The language of the title, for a screen reader's voice: Vietnamese where an English
    /// title is given beside it or it has Vietnamese letters, else English ("Around 64–65% of
    /// communes …").
    pub fn title_lang(&self) -> crate::i18n::Lang {
        let vietnamese = self.title_en.is_some()
            || self
                .title
                .chars()
                .any(|c| c.is_alphabetic() && !c.is_ascii());
        if vietnamese {
            crate::i18n::Lang::Vi
        } else {
            crate::i18n::Lang::En
        }
    }
}

/// A geometry file of one era.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeometryFile {
    /// The era the shapes belong to.
    pub era: Era,
    /// Path relative to the statistics file.
    pub file: String,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_official_names() {
        assert_eq!(
            UnitKind::split_official_name("Thị trấn Đồi Ngô", Level::Commune),
            Some((UnitKind::ThiTran, "Đồi Ngô"))
        );
        assert_eq!(
            UnitKind::split_official_name("Thị Xã Việt Yên", Level::District),
            Some((UnitKind::ThiXa, "Việt Yên"))
        );
        assert_eq!(
            UnitKind::split_official_name("Thành phố Lạng Sơn", Level::District),
            Some((UnitKind::ThanhPho, "Lạng Sơn"))
        );
        assert_eq!(
            UnitKind::split_official_name("Xã Xuân Dương", Level::Commune),
            Some((UnitKind::Xa, "Xuân Dương"))
        );
        // "Xã" must be a whole word: "Xãhội" is not a commune.
        assert_eq!(UnitKind::split_official_name("Xãhội", Level::Commune), None);
        assert_eq!(
            UnitKind::split_official_name("Phố Mới", Level::Commune),
            None
        );
    }

    #[test]
    fn recognition_counts_from_decision_or_year_end() {
        let mut r = Recognition {
            unit: "1".into(),
            tier: Tier::Advanced,
            year: 2022,
            date: Date::new(2023, 1, 26),
            decision: None,
            by_year: false,
            set: None,
            village: None,
            former: None,
            source: None,
            illustrative: true,
            synthetic: false,
        };
        assert_eq!(r.effective(), Date::year_end(2022));
        r.date = Date::new(2018, 10, 31);
        r.year = 2018;
        assert_eq!(r.effective(), Date::new(2018, 10, 31).expect("valid"));
        assert_eq!(r.provenance(), Provenance::Illustrative);
    }
}
