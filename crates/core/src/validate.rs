//! Checks a dataset against the rules of the programme and of the schema, collecting every
//! problem with its location instead of stopping at the first.
//!
//! Shared by the app (which shows what is still usable) and the `ntm-data` CLI (which maps
//! each record back to its CSV file and line).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::date::{Date, REFORM_DATE};
use crate::i18n::{Lang, Msg, fill};
use crate::model::{Dataset, Level, Metric, Provenance, SetLevel, Tier, Unit, UnitKind};

/// The first year of the programme (QĐ 800/QĐ-TTg, 2010).
pub const PROGRAMME_START: u16 = 2010;

/// The last year a target may name (the 2026–2035 programme).
pub const LAST_TARGET_YEAR: u16 = 2035;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Suspicious but usable.
    Warning,
    /// Wrong: the record is not trusted.
    Error,
}

/// Which list of the dataset a record is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum List {
    /// `units`.
    Units,
    /// `criteria_sets`.
    CriteriaSets,
    /// `recognitions`.
    Recognitions,
    /// `revocations`.
    Revocations,
    /// `assessments`.
    Assessments,
    /// `indicators`.
    Indicators,
    /// `sources`.
    Sources,
    /// `coverage`.
    Coverage,
    /// A geometry file's `shapes`.
    Shapes,
    /// A geometry file's `arcs`.
    Arcs,
    /// The top level of the file.
    Dataset,
}

impl List {
    /// The JSON field name.
    pub fn name(self) -> &'static str {
        match self {
            List::Units => "units",
            List::CriteriaSets => "criteria_sets",
            List::Recognitions => "recognitions",
            List::Revocations => "revocations",
            List::Assessments => "assessments",
            List::Indicators => "indicators",
            List::Sources => "sources",
            List::Coverage => "coverage",
            List::Shapes => "shapes",
            List::Arcs => "arcs",
            List::Dataset => "dataset",
        }
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// An id used twice.
    DuplicateId {
        /// The id.
        id: String,
        /// Index of the first record with it.
        first: usize,
    },
    /// A reference to a unit that does not exist.
    UnknownUnit {
        /// The id referenced.
        id: String,
    },
    /// A reference to a source that does not exist.
    UnknownSource {
        /// The id referenced.
        id: String,
    },
    /// A reference to a criteria set that does not exist.
    UnknownSet {
        /// The id referenced.
        id: String,
    },
    /// Neither a source nor the `illustrative` flag.
    NoProvenance,
    /// Both a source and a flag, or both flags.
    ConflictingProvenance,
    /// `from` after `to`.
    InvertedPeriod {
        /// Start.
        from: Date,
        /// End.
        to: Date,
    },
    /// Two units with the same GSO code in force at the same time.
    OverlappingPeriod {
        /// The other unit's id.
        other: String,
    },
    /// A successor that starts before its predecessor ends.
    SuccessorOverlaps {
        /// The successor's id.
        successor: String,
    },
    /// A parent of the wrong level (a commune's parent must be a district or province).
    WrongParentLevel {
        /// The parent's id.
        parent: String,
    },
    /// A record dated outside its unit's validity.
    OutsideValidity {
        /// The record's date.
        date: Date,
        /// The unit's first day, if it has one.
        from: Option<Date>,
        /// The unit's last day, if it has one.
        to: Option<Date>,
    },
    /// A tier recognised again with no revocation in between.
    RepeatedTier {
        /// The tier.
        tier: Tier,
        /// The year of the earlier recognition.
        year: u16,
        /// Index of the earlier recognition.
        first: usize,
    },
    /// A revocation of a tier the unit was not recognised at by then.
    RevokedNotHeld {
        /// The tier.
        tier: Tier,
    },
    /// A decision dated in neither the recognition's year nor the next.
    DecisionYear {
        /// The decision's year.
        date_year: u16,
        /// The recognition's year.
        year: u16,
    },
    /// A recognition given as "by the end of" its year that also has a decision date: the
    /// date says when it was reached.
    ByYearWithDate,
    /// A tier recognised before its prerequisite.
    TierOrder {
        /// The tier.
        tier: Tier,
        /// The tier it needs first.
        needs: Tier,
    },
    /// A unit created by the reform carrying a tier dated before it existed: merged communes
    /// do not inherit the tiers of the communes they were formed from.
    InheritedTier {
        /// The year of the recognition.
        year: u16,
    },
    /// A commune tier for a unit that is not a xã.
    NotACommune {
        /// The unit's kind.
        kind: UnitKind,
    },
    /// The `met` string does not fit the criteria set.
    CriteriaMismatch {
        /// Characters given.
        given: usize,
        /// Criteria in the set.
        expected: usize,
    },
    /// A character other than `1`, `0`, `-` in `met`.
    BadCriterionMark {
        /// Position (criterion number).
        n: usize,
        /// The character.
        found: char,
    },
    /// Criteria numbers out of order or out of range in a set.
    CriterionNumber {
        /// The number found.
        n: u8,
        /// The number expected.
        expected: u8,
    },
    /// A criterion naming a group the set does not have.
    UnknownGroup {
        /// The group id.
        group: String,
    },
    /// An assessment against a set not in force in its year.
    SetNotInForce {
        /// The set.
        set: String,
        /// The year.
        year: u16,
    },
    /// An assessment describing a day before its criteria set was issued (2021 results
    /// "under QĐ 318", signed 8/3/2022).
    SetNotYetIssued {
        /// The set.
        set: String,
        /// Its deciding document.
        document: String,
        /// The day it was issued.
        issued: Date,
        /// The day the assessment describes.
        assessed: Date,
    },
    /// A standard recognition while the latest assessment shows criteria not met.
    RecognisedWithUnmetCriteria {
        /// Criteria met.
        met: usize,
        /// Criteria in the set.
        of: usize,
        /// The criteria marked "not met", by number.
        unmet: Vec<usize>,
        /// The assessment's year.
        year: u16,
    },
    /// A year outside the programme's range.
    YearOutOfRange {
        /// The year.
        year: u16,
        /// Smallest allowed.
        min: u16,
        /// Largest allowed.
        max: u16,
    },
    /// A percentage outside 0–100.
    PercentOutOfRange {
        /// The value.
        value: f64,
    },
    /// A negative or non-finite number.
    BadNumber {
        /// The value.
        value: f64,
    },
    /// An average number of criteria above the most any set has.
    AboveCriteria {
        /// The value.
        value: f64,
        /// The most criteria a set has.
        max: u8,
    },
    /// An assessment's number of criteria met that its marks contradict: fewer than the
    /// criteria marked met, or more than the criteria not marked "not met".
    CountOutsideMarks {
        /// The number given.
        count: u8,
        /// The fewest the marks allow (criteria marked met).
        min: usize,
        /// The most the marks allow (criteria not marked "not met").
        max: usize,
    },
    /// A record dated after the dataset's "as of" date: the app never shows it.
    AfterAsOf {
        /// The record's date.
        date: Date,
        /// The dataset's "as of" date.
        as_of: Date,
    },
    /// A count with a fraction ("1.062" read as 1.062 where 1062 was meant).
    NotWhole {
        /// The value.
        value: f64,
    },
    /// A count larger than the total it is out of.
    MoreThanTotal {
        /// The count.
        value: f64,
        /// The total.
        of: u32,
    },
    /// A centroid outside Vietnam's bounding box or not finite.
    BadCentroid {
        /// Latitude.
        lat: f64,
        /// Longitude.
        lon: f64,
    },
    /// An empty required text.
    Empty,
    /// A name with control characters.
    ControlCharacters,
    /// Geometry for a code the dataset does not have.
    GeometryUnknownUnit {
        /// The id.
        id: String,
    },
    /// A commune without a shape in its era's geometry.
    MissingGeometry {
        /// The unit id.
        id: String,
    },
    /// A shape with no rings or fewer than three points.
    EmptyGeometry,
    /// A coordinate that is NaN or infinite, or an arc index out of range.
    BadCoordinate {
        /// What exactly is wrong.
        detail: GeoFault,
    },
    /// A ring whose edges cross: the boundary crosses itself.
    SelfIntersection {
        /// Longitude of the crossing.
        lon: f64,
        /// Latitude of the crossing.
        lat: f64,
    },
    /// A name far longer than any real unit name (a pasted paragraph, a broken export).
    NameTooLong {
        /// Characters in the name.
        chars: usize,
        /// The most expected.
        max: usize,
    },
}

/// A record dated outside its unit's life, with that life for the message.
fn outside(date: Date, u: &Unit) -> Issue {
    Issue::OutsideValidity {
        date,
        from: u.from,
        to: u.to,
    }
}

/// Degrees to five decimals (about a metre), without trailing zeros: `107.35`, `2e301`, `inf`.
fn degrees(v: f64) -> String {
    if !v.is_finite() {
        v.to_string()
    } else if v.abs() < 1e12 {
        ((v * 1e5).round() / 1e5).to_string()
    } else {
        format!("{v:e}")
    }
}

/// What is wrong with the coordinates of a geometry file.
#[derive(Clone, Debug, PartialEq)]
pub enum GeoFault {
    /// An arc that is not an even list of at least four numbers.
    ArcLength {
        /// The arc.
        arc: usize,
        /// How many numbers it has.
        numbers: usize,
    },
    /// An arc with a point that is not a finite longitude and latitude.
    NotLonLat {
        /// The arc.
        arc: usize,
        /// Longitude decoded.
        lon: f64,
        /// Latitude decoded.
        lat: f64,
    },
    /// A ring referring to an arc that does not exist.
    ArcReference {
        /// The reference as written.
        reference: i32,
    },
    /// A ring using an arc that was refused.
    BrokenArc {
        /// The arc.
        arc: usize,
    },
    /// More points than a phone can draw.
    TooManyPoints {
        /// The limit.
        limit: usize,
    },
}

impl GeoFault {
    /// The detail in a reader's language.
    pub fn message(&self, lang: Lang) -> String {
        let n = |v: usize| v.to_string();
        match self {
            GeoFault::ArcLength { arc, numbers } => fill(
                Msg::GeoArcLength.text(lang),
                &[("arc", &n(*arc)), ("numbers", &n(*numbers))],
            ),
            GeoFault::NotLonLat { arc, lon, lat } => fill(
                Msg::GeoNotLonLat.text(lang),
                &[
                    ("arc", &n(*arc)),
                    ("lon", &degrees(*lon)),
                    ("lat", &degrees(*lat)),
                ],
            ),
            GeoFault::ArcReference { reference } => fill(
                Msg::GeoArcReference.text(lang),
                &[("reference", &reference.to_string())],
            ),
            GeoFault::BrokenArc { arc } => fill(Msg::GeoBrokenArc.text(lang), &[("arc", &n(*arc))]),
            GeoFault::TooManyPoints { limit } => {
                fill(Msg::GeoTooManyPoints.text(lang), &[("limit", &n(*limit))])
            }
        }
    }
}

/// One problem, located.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The list the record is in.
    pub list: List,
    /// The record's position in its list.
    pub index: usize,
    /// The record's own id or unit, to help find it.
    pub record: String,
    /// The field at fault.
    pub field: &'static str,
    /// What is wrong.
    pub issue: Issue,
}

impl Problem {
    /// The JSON path of the record, e.g. `recognitions[12].tier`.
    pub fn path(&self) -> String {
        if self.list == List::Dataset {
            return self.field.to_owned();
        }
        format!("{}[{}].{}", self.list.name(), self.index, self.field)
    }

    /// The message in a reader's language.
    pub fn message(&self, lang: Lang) -> String {
        let d = |d: Date| d.display(lang);
        let tier = |t: Tier| match t {
            Tier::Standard => Msg::TierStandard.text(lang),
            Tier::Advanced => Msg::TierAdvanced.text(lang),
            Tier::Model => Msg::TierModel.text(lang),
            Tier::ModelVillage => Msg::TierModelVillage.text(lang),
        };
        let t = |m: Msg, v: &[(&str, &str)]| fill(m.text(lang), v);
        match &self.issue {
            Issue::DuplicateId { id, first } => t(
                Msg::ProbDuplicateId,
                &[("id", id), ("first", &first.to_string())],
            ),
            Issue::UnknownUnit { id } => t(Msg::ProbUnknownUnit, &[("id", id)]),
            Issue::UnknownSource { id } => t(Msg::ProbUnknownSource, &[("id", id)]),
            Issue::UnknownSet { id } => t(Msg::ProbUnknownSet, &[("id", id)]),
            Issue::NoProvenance => t(Msg::ProbNoProvenance, &[]),
            Issue::ConflictingProvenance => t(Msg::ProbConflictingProvenance, &[]),
            Issue::InvertedPeriod { from, to } => t(
                Msg::ProbInvertedPeriod,
                &[("from", &d(*from)), ("to", &d(*to))],
            ),
            Issue::OverlappingPeriod { other } => {
                t(Msg::ProbOverlappingPeriod, &[("other", other)])
            }
            Issue::SuccessorOverlaps { successor } => {
                t(Msg::ProbSuccessorOverlaps, &[("successor", successor)])
            }
            Issue::WrongParentLevel { parent } => {
                t(Msg::ProbWrongParentLevel, &[("parent", parent)])
            }
            Issue::OutsideValidity { date, from, to } => {
                let life = match (from, to) {
                    (Some(f), Some(e)) => {
                        t(Msg::ProbLifeFromTo, &[("from", &d(*f)), ("to", &d(*e))])
                    }
                    (Some(f), None) => t(Msg::ProbLifeFrom, &[("from", &d(*f))]),
                    (None, Some(e)) => t(Msg::ProbLifeTo, &[("to", &d(*e))]),
                    (None, None) => String::new(),
                };
                let mut m = t(
                    Msg::ProbOutsideValidity,
                    &[("date", &d(*date)), ("life", &life)],
                );
                if to.is_some_and(|e| e == crate::date::LAST_PRE_REFORM_DAY && *date > e) {
                    m.push_str(Msg::ProbAfterReformHint.text(lang));
                }
                m
            }
            Issue::TierOrder { tier: a, needs } => t(
                Msg::ProbTierOrder,
                &[("tier", tier(*a)), ("needs", tier(*needs))],
            ),
            Issue::RepeatedTier { tier: a, year, .. } => t(
                Msg::ProbRepeatedTier,
                &[("tier", tier(*a)), ("year", &year.to_string())],
            ),
            Issue::RevokedNotHeld { tier: a } => t(Msg::ProbRevokedNotHeld, &[("tier", tier(*a))]),
            Issue::DecisionYear { date_year, year } => t(
                Msg::ProbDecisionYear,
                &[
                    ("date_year", &date_year.to_string()),
                    ("year", &year.to_string()),
                ],
            ),
            Issue::ByYearWithDate => t(Msg::ProbByYearWithDate, &[]),
            Issue::InheritedTier { year } => {
                t(Msg::ProbInheritedTier, &[("year", &year.to_string())])
            }
            Issue::NotACommune { kind } => t(Msg::ProbNotACommune, &[("kind", kind.prefix_vi())]),
            Issue::CriteriaMismatch { given, expected } => t(
                Msg::ProbCriteriaMismatch,
                &[
                    ("given", &given.to_string()),
                    ("expected", &expected.to_string()),
                ],
            ),
            Issue::BadCriterionMark { n, found } => t(
                Msg::ProbBadCriterionMark,
                &[
                    ("n", &n.to_string()),
                    ("found", &found.escape_debug().to_string()),
                ],
            ),
            Issue::CriterionNumber { n, expected } => t(
                Msg::ProbCriterionNumber,
                &[("n", &n.to_string()), ("expected", &expected.to_string())],
            ),
            Issue::UnknownGroup { group } => t(Msg::ProbUnknownGroup, &[("group", group)]),
            Issue::SetNotInForce { set, year } => t(
                Msg::ProbSetNotInForce,
                &[("set", set), ("year", &year.to_string())],
            ),
            Issue::SetNotYetIssued {
                set,
                document,
                issued,
                assessed,
            } => t(
                Msg::ProbSetNotYetIssued,
                &[
                    ("set", set),
                    ("document", document),
                    ("issued", &issued.display(lang)),
                    ("assessed", &assessed.display(lang)),
                ],
            ),
            Issue::RecognisedWithUnmetCriteria {
                met,
                of,
                unmet,
                year,
            } => {
                let unmet: Vec<String> = unmet.iter().map(|n| format!("tc{n}")).collect();
                t(
                    Msg::ProbRecognisedUnmet,
                    &[
                        ("met", &met.to_string()),
                        ("of", &of.to_string()),
                        ("unmet", &unmet.join(", ")),
                        ("year", &year.to_string()),
                    ],
                )
            }
            Issue::YearOutOfRange { year, min, max } => t(
                Msg::ProbYearOutOfRange,
                &[
                    ("year", &year.to_string()),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            Issue::PercentOutOfRange { value } => {
                t(Msg::ProbPercentOutOfRange, &[("value", &value.to_string())])
            }
            Issue::BadNumber { value } => t(Msg::ProbBadNumber, &[("value", &value.to_string())]),
            Issue::AboveCriteria { value, max } => t(
                Msg::ProbAboveCriteria,
                &[
                    ("value", &crate::format::decimal(lang, *value, 2)),
                    ("max", &max.to_string()),
                ],
            ),
            Issue::CountOutsideMarks { count, min, max } => t(
                Msg::ProbCountOutsideMarks,
                &[
                    ("count", &count.to_string()),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            Issue::AfterAsOf { date, as_of } => t(
                Msg::ProbAfterAsOf,
                &[
                    ("date", &date.display(lang)),
                    ("as_of", &as_of.display(lang)),
                ],
            ),
            Issue::NotWhole { value } => t(
                Msg::ProbNotWhole,
                &[("value", &crate::format::decimal(lang, *value, 3))],
            ),
            Issue::MoreThanTotal { value, of } => t(
                Msg::ProbMoreThanTotal,
                &[
                    ("value", &crate::format::decimal(lang, *value, 0)),
                    ("of", &of.to_string()),
                ],
            ),
            Issue::BadCentroid { lat, lon } => t(
                Msg::ProbBadCentroid,
                &[("lat", &lat.to_string()), ("lon", &lon.to_string())],
            ),
            Issue::Empty => t(Msg::ProbEmpty, &[]),
            Issue::ControlCharacters => t(Msg::ProbControlCharacters, &[]),
            Issue::GeometryUnknownUnit { id } => t(Msg::ProbGeometryUnknownUnit, &[("id", id)]),
            Issue::MissingGeometry { id } => t(Msg::ProbMissingGeometry, &[("id", id)]),
            Issue::EmptyGeometry => t(Msg::ProbEmptyGeometry, &[]),
            Issue::BadCoordinate { detail } => {
                t(Msg::ProbBadCoordinate, &[("detail", &detail.message(lang))])
            }
            Issue::SelfIntersection { lon, lat } => t(
                Msg::ProbSelfIntersection,
                &[("lon", &degrees(*lon)), ("lat", &degrees(*lat))],
            ),
            Issue::NameTooLong { chars, max } => t(
                Msg::ProbNameTooLong,
                &[("chars", &chars.to_string()), ("max", &max.to_string())],
            ),
        }
    }
}

/// Collects problems while walking a dataset.
#[derive(Default)]
pub struct Report {
    /// Every problem found, in the order found.
    pub problems: Vec<Problem>,
}

impl Report {
    /// Records a problem.
    pub fn push(
        &mut self,
        severity: Severity,
        list: List,
        index: usize,
        record: &str,
        field: &'static str,
        issue: Issue,
    ) {
        self.problems.push(Problem {
            severity,
            list,
            index,
            record: record.to_owned(),
            field,
            issue,
        });
    }

    /// Records an error.
    pub fn error(
        &mut self,
        list: List,
        index: usize,
        record: &str,
        field: &'static str,
        issue: Issue,
    ) {
        self.push(Severity::Error, list, index, record, field, issue);
    }

    /// Number of errors (warnings not counted).
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }
}

fn check_provenance(
    report: &mut Report,
    list: List,
    i: usize,
    record: &str,
    p: Provenance<'_>,
    sources: &HashSet<&str>,
) {
    match p {
        Provenance::Sourced(id) if !sources.contains(id) => {
            report.error(
                list,
                i,
                record,
                "source",
                Issue::UnknownSource { id: id.to_owned() },
            );
        }
        Provenance::Missing => {
            report.error(list, i, record, "source", Issue::NoProvenance);
        }
        _ => {}
    }
}

fn conflicting(source: Option<&String>, illustrative: bool, synthetic: bool) -> bool {
    usize::from(source.is_some()) + usize::from(illustrative) + usize::from(synthetic) > 1
}

/// Control characters (C0, C1) and the invisible characters that change the direction of
/// text (bidi embeddings, overrides, isolates and marks), which can make a name read backwards
/// or swallow the text after it. Letters of right-to-left scripts are text and pass.
pub fn has_control_chars(s: &str) -> bool {
    s.chars().any(|c| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

/// The longest unit name expected, in characters: the longest official names are about 40
/// ("Thành phố Phan Rang - Tháp Chàm"); a longer one is a warning, not an error.
pub const MAX_NAME_CHARS: usize = 100;

/// Validates a dataset and returns every problem found.
pub fn validate(data: &Dataset) -> Report {
    let mut report = Report::default();
    let r = &mut report;
    let max_year = data.as_of.year;

    // Sources.
    let mut source_ids: HashMap<&str, usize> = HashMap::default();
    for (i, s) in data.sources.iter().enumerate() {
        if let Some(&first) = source_ids.get(s.id.as_str()) {
            r.error(
                List::Sources,
                i,
                &s.id,
                "id",
                Issue::DuplicateId {
                    id: s.id.clone(),
                    first,
                },
            );
        } else {
            source_ids.insert(&s.id, i);
        }
        if s.title.trim().is_empty() {
            r.error(List::Sources, i, &s.id, "title", Issue::Empty);
        }
    }
    let sources: HashSet<&str> = source_ids.keys().copied().collect();

    // Criteria sets.
    let mut set_ids: HashMap<&str, usize> = HashMap::default();
    for (i, s) in data.criteria_sets.iter().enumerate() {
        if let Some(&first) = set_ids.get(s.id.as_str()) {
            r.error(
                List::CriteriaSets,
                i,
                &s.id,
                "id",
                Issue::DuplicateId {
                    id: s.id.clone(),
                    first,
                },
            );
        } else {
            set_ids.insert(&s.id, i);
        }
        if s.from_year > s.to_year {
            r.error(
                List::CriteriaSets,
                i,
                &s.id,
                "to_year",
                Issue::YearOutOfRange {
                    year: s.to_year,
                    min: s.from_year,
                    max: LAST_TARGET_YEAR,
                },
            );
        }
        let groups: HashSet<&str> = s.groups.iter().map(|g| g.id.as_str()).collect();
        for (k, c) in s.criteria.iter().enumerate() {
            let expected = (k + 1) as u8;
            if c.n != expected {
                r.error(
                    List::CriteriaSets,
                    i,
                    &s.id,
                    "criteria",
                    Issue::CriterionNumber { n: c.n, expected },
                );
            }
            if !groups.contains(c.group.as_str()) {
                r.error(
                    List::CriteriaSets,
                    i,
                    &s.id,
                    "criteria",
                    Issue::UnknownGroup {
                        group: c.group.clone(),
                    },
                );
            }
        }
    }

    // Units.
    let mut unit_ids: HashMap<&str, usize> = HashMap::default();
    for (i, u) in data.units.iter().enumerate() {
        if let Some(&first) = unit_ids.get(u.id.as_str()) {
            r.error(
                List::Units,
                i,
                &u.id,
                "id",
                Issue::DuplicateId {
                    id: u.id.clone(),
                    first,
                },
            );
        } else {
            unit_ids.insert(&u.id, i);
        }
    }
    let unit = |id: &str| unit_ids.get(id).map(|&i| &data.units[i]);
    let mut by_code: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, u) in data.units.iter().enumerate() {
        // A blank code is reported on its own; it is not a shared code.
        if !u.code.trim().is_empty() {
            by_code.entry(&u.code).or_default().push(i);
        }
        if u.name.trim().is_empty() {
            r.error(List::Units, i, &u.id, "name", Issue::Empty);
        } else if has_control_chars(&u.name) {
            r.error(List::Units, i, &u.id, "name", Issue::ControlCharacters);
        }
        let chars = u.name.chars().count();
        if chars > MAX_NAME_CHARS {
            r.push(
                Severity::Warning,
                List::Units,
                i,
                &u.id,
                "name",
                Issue::NameTooLong {
                    chars,
                    max: MAX_NAME_CHARS,
                },
            );
        }
        if u.aliases.iter().any(|a| has_control_chars(a)) {
            r.error(List::Units, i, &u.id, "aliases", Issue::ControlCharacters);
        }
        if u.code.trim().is_empty() {
            r.error(List::Units, i, &u.id, "code", Issue::Empty);
        }
        if let (Some(from), Some(to)) = (u.from, u.to)
            && from > to
        {
            r.error(
                List::Units,
                i,
                &u.id,
                "to",
                Issue::InvertedPeriod { from, to },
            );
        }
        if let Some(p) = &u.parent {
            match unit(p) {
                None => r.error(
                    List::Units,
                    i,
                    &u.id,
                    "parent",
                    Issue::UnknownUnit { id: p.clone() },
                ),
                Some(parent) if parent.kind.level() >= u.kind.level() => {
                    r.error(
                        List::Units,
                        i,
                        &u.id,
                        "parent",
                        Issue::WrongParentLevel { parent: p.clone() },
                    );
                }
                Some(_) => {}
            }
        }
        for s in &u.became {
            match unit(&s.unit) {
                None => r.error(
                    List::Units,
                    i,
                    &u.id,
                    "became",
                    Issue::UnknownUnit { id: s.unit.clone() },
                ),
                Some(next) => {
                    let ends = u.to.unwrap_or(Date::year_end(9999));
                    if next.from.is_none_or(|f| f <= ends) {
                        r.error(
                            List::Units,
                            i,
                            &u.id,
                            "became",
                            Issue::SuccessorOverlaps {
                                successor: s.unit.clone(),
                            },
                        );
                    }
                }
            }
        }
        if let Some([lat, lon]) = u.at
            && !(lat.is_finite()
                && lon.is_finite()
                && (5.0..=25.0).contains(&lat)
                && (100.0..=120.0).contains(&lon))
        {
            r.error(List::Units, i, &u.id, "at", Issue::BadCentroid { lat, lon });
        }
        if let Some(src) = &u.source
            && !sources.contains(src.as_str())
        {
            r.error(
                List::Units,
                i,
                &u.id,
                "source",
                Issue::UnknownSource { id: src.clone() },
            );
        }
    }
    // Units sharing a code at the same level (codes are unique per level: a commune and a
    // province never share one) must not be in force at the same time. Sorted by start, each
    // unit is compared with the one reaching furthest before it: one problem per overlapping
    // unit, in O(n log n), so that thousands of units with the same (or a blank) code cannot
    // freeze the app with millions of pairs.
    for list in by_code.values().filter(|l| l.len() > 1) {
        let from = |u: usize| data.units[u].from.unwrap_or(Date::year_end(0));
        let to = |u: usize| data.units[u].to.unwrap_or(Date::year_end(9999));
        for level in [Level::Province, Level::District, Level::Commune] {
            let mut group: Vec<usize> = list
                .iter()
                .copied()
                .filter(|&u| data.units[u].kind.level() == level)
                .collect();
            crate::order::sort_by_key(&mut group, |&u| from(u));
            let mut reach: Option<usize> = None;
            for &b in &group {
                if let Some(a) = reach
                    && from(b) <= to(a)
                {
                    let (first, later) = (a.min(b), a.max(b));
                    r.error(
                        List::Units,
                        later,
                        &data.units[later].id,
                        "code",
                        Issue::OverlappingPeriod {
                            other: data.units[first].id.clone(),
                        },
                    );
                }
                if reach.is_none_or(|a| to(b) > to(a)) {
                    reach = Some(b);
                }
            }
        }
    }

    // Recognitions.
    let year_range = |r: &mut Report, list: List, i: usize, id: &str, year: u16, max: u16| {
        if !(PROGRAMME_START..=max).contains(&year) {
            r.error(
                list,
                i,
                id,
                "year",
                Issue::YearOutOfRange {
                    year,
                    min: PROGRAMME_START,
                    max,
                },
            );
        }
    };
    // A record dated after the data's "as of" day would never be shown: an update that added
    // records without moving `as_of` (a deployer's new 2026 decisions vanished).
    let after_as_of = |r: &mut Report, list: List, i: usize, id: &str, date: Option<Date>| {
        if let Some(date) = date
            && date > data.as_of
        {
            r.error(
                list,
                i,
                id,
                "date",
                Issue::AfterAsOf {
                    date,
                    as_of: data.as_of,
                },
            );
        }
    };
    let mut tiers_by_unit: HashMap<&str, Vec<(Date, Tier, usize)>> = HashMap::default();
    for (i, rec) in data.recognitions.iter().enumerate() {
        let id = rec.unit.as_str();
        if conflicting(rec.source.as_ref(), rec.illustrative, rec.synthetic) {
            r.error(
                List::Recognitions,
                i,
                id,
                "source",
                Issue::ConflictingProvenance,
            );
        }
        if !conflicting(rec.source.as_ref(), rec.illustrative, rec.synthetic) {
            check_provenance(r, List::Recognitions, i, id, rec.provenance(), &sources);
        }
        year_range(r, List::Recognitions, i, id, rec.year, max_year);
        after_as_of(r, List::Recognitions, i, id, rec.date);
        // A decision may come early the next year ("công nhận … năm 2022", 26/01/2023), not
        // before the year or later than the next.
        if let Some(d) = rec.date
            && (d.year < rec.year || d.year > rec.year + 1)
        {
            r.push(
                Severity::Warning,
                List::Recognitions,
                i,
                id,
                "date",
                Issue::DecisionYear {
                    date_year: d.year,
                    year: rec.year,
                },
            );
        }
        // "By the end of the year, perhaps earlier" and a dated decision cannot both hold.
        if rec.by_year && rec.date.is_some() {
            r.push(
                Severity::Warning,
                List::Recognitions,
                i,
                id,
                "by_year",
                Issue::ByYearWithDate,
            );
        }
        if let Some(set) = &rec.set
            && !set_ids.contains_key(set.as_str())
        {
            r.error(
                List::Recognitions,
                i,
                id,
                "set",
                Issue::UnknownSet { id: set.clone() },
            );
        }
        let Some(u) = unit(id) else {
            r.error(
                List::Recognitions,
                i,
                id,
                "unit",
                Issue::UnknownUnit { id: id.to_owned() },
            );
            continue;
        };
        let when = rec.effective();
        if u.from == Some(REFORM_DATE) && rec.year < REFORM_DATE.year && rec.former.is_none() {
            r.error(
                List::Recognitions,
                i,
                id,
                "year",
                Issue::InheritedTier { year: rec.year },
            );
        } else if rec.former.is_some() {
            // The record of a former commune is dated by that commune's life, before it was
            // merged into this unit; it cannot be later than this unit's end.
            if u.to
                .is_some_and(|t| when > t && !(t.year == rec.year && rec.date.is_none()))
            {
                r.error(List::Recognitions, i, id, "date", outside(when, u));
            }
        } else if !u.valid_on(rec.effective_for(u)) {
            r.error(
                List::Recognitions,
                i,
                id,
                "date",
                outside(rec.effective_for(u), u),
            );
        }
        match rec.tier {
            Tier::ModelVillage => {}
            _ if rec.former.is_some() => {}
            _ if u.kind.level() == Level::Commune && !u.kind.is_ntm_commune() => {
                r.push(
                    Severity::Warning,
                    List::Recognitions,
                    i,
                    id,
                    "tier",
                    Issue::NotACommune { kind: u.kind },
                );
            }
            _ => {}
        }
        if rec.former.is_none() {
            tiers_by_unit
                .entry(id)
                .or_default()
                .push((when, rec.tier, i));
        }
    }
    let mut revoked: HashMap<&str, Vec<(Date, Tier)>> = HashMap::default();
    for rev in &data.revocations {
        revoked
            .entry(rev.unit.as_str())
            .or_default()
            .push((rev.date, rev.tier));
    }
    for revs in revoked.values_mut() {
        crate::order::sort_by_key(revs, |r| *r);
    }
    for (unit_id, events) in &mut tiers_by_unit {
        crate::order::sort_by_key(events, |e| (e.0, e.1));
        // A commune tier recognised again with no revocation in between is a repeated row
        // (or a typo in the year), not two facts.
        let revs = revoked.get(unit_id).map_or(&[][..], Vec::as_slice);
        let mut last: HashMap<Tier, (Date, usize)> = HashMap::default();
        for &(when, tier, i) in events.iter() {
            if tier == Tier::ModelVillage {
                continue;
            }
            let earlier = last.insert(tier, (when, i));
            if let Some((before, first)) = earlier
                && !revs[revs.partition_point(|r| r.0 < before)..]
                    .iter()
                    .take_while(|r| r.0 <= when)
                    .any(|&(_, t)| t <= tier)
            {
                r.push(
                    Severity::Warning,
                    List::Recognitions,
                    i,
                    unit_id,
                    "year",
                    Issue::RepeatedTier {
                        tier,
                        year: data.recognitions[first].year,
                        first,
                    },
                );
            }
        }
        // The first date each tier was recognised: a prerequisite is met when its tier was
        // recognised on or before the day (linear, whatever the number of records).
        let mut first: HashMap<Tier, Date> = HashMap::default();
        for &(when, tier, _) in events.iter() {
            first.entry(tier).or_insert(when);
        }
        for &(when, tier, i) in events.iter() {
            if let Some(needs) = tier.prerequisite()
                && first.get(&needs).is_none_or(|&w| w > when)
            {
                let rec = &data.recognitions[i];
                r.error(
                    List::Recognitions,
                    i,
                    &rec.unit,
                    "tier",
                    Issue::TierOrder { tier, needs },
                );
            }
        }
    }

    // Revocations.
    for (i, rev) in data.revocations.iter().enumerate() {
        let id = rev.unit.as_str();
        if conflicting(rev.source.as_ref(), rev.illustrative, rev.synthetic) {
            r.error(
                List::Revocations,
                i,
                id,
                "source",
                Issue::ConflictingProvenance,
            );
        }
        if !conflicting(rev.source.as_ref(), rev.illustrative, rev.synthetic) {
            check_provenance(r, List::Revocations, i, id, rev.provenance(), &sources);
        }
        after_as_of(r, List::Revocations, i, id, Some(rev.date));
        match unit(id) {
            None => r.error(
                List::Revocations,
                i,
                id,
                "unit",
                Issue::UnknownUnit { id: id.to_owned() },
            ),
            Some(u) if !u.valid_on(rev.date) => {
                r.error(List::Revocations, i, id, "date", outside(rev.date, u));
            }
            Some(_) => {
                // Withdrawing a tier the commune was never recognised at, by that day, is a
                // wrong commune or tier: it would withdraw nothing.
                let held = tiers_by_unit.get(id).is_some_and(|events| {
                    events.iter().any(|e| e.1 == rev.tier && e.0 <= rev.date)
                });
                if !held {
                    r.push(
                        Severity::Warning,
                        List::Revocations,
                        i,
                        id,
                        "tier",
                        Issue::RevokedNotHeld { tier: rev.tier },
                    );
                }
            }
        }
    }

    // Assessments.
    for (i, a) in data.assessments.iter().enumerate() {
        let id = a.unit.as_str();
        after_as_of(r, List::Assessments, i, id, a.date);
        if conflicting(a.source.as_ref(), a.illustrative, a.synthetic) {
            r.error(
                List::Assessments,
                i,
                id,
                "source",
                Issue::ConflictingProvenance,
            );
        }
        if !conflicting(a.source.as_ref(), a.illustrative, a.synthetic) {
            check_provenance(r, List::Assessments, i, id, a.provenance(), &sources);
        }
        year_range(r, List::Assessments, i, id, a.year, max_year);
        match unit(id) {
            None => r.error(
                List::Assessments,
                i,
                id,
                "unit",
                Issue::UnknownUnit { id: id.to_owned() },
            ),
            Some(u) if !u.valid_on(a.effective_for(u)) => {
                r.error(
                    List::Assessments,
                    i,
                    id,
                    "year",
                    outside(a.effective_for(u), u),
                );
            }
            Some(_) => {}
        }
        match set_ids.get(a.set.as_str()).map(|&s| &data.criteria_sets[s]) {
            None => r.error(
                List::Assessments,
                i,
                id,
                "set",
                Issue::UnknownSet { id: a.set.clone() },
            ),
            Some(set) => {
                let given = a.met.chars().count();
                if given != set.criteria.len() {
                    r.error(
                        List::Assessments,
                        i,
                        id,
                        "met",
                        Issue::CriteriaMismatch {
                            given,
                            expected: set.criteria.len(),
                        },
                    );
                }
                if let Some((n, found)) = a
                    .met
                    .chars()
                    .enumerate()
                    .find(|(_, c)| !matches!(c, '0' | '1' | '-'))
                {
                    r.error(
                        List::Assessments,
                        i,
                        id,
                        "met",
                        Issue::BadCriterionMark { n: n + 1, found },
                    );
                }
                // A count the source gives must agree with the criteria it names.
                if let Some(count) = a.count {
                    let min = a.marked_met();
                    let max = a.met.bytes().filter(|&b| b != b'0').count();
                    if !(min..=max).contains(&usize::from(count)) {
                        r.error(
                            List::Assessments,
                            i,
                            id,
                            "count",
                            Issue::CountOutsideMarks { count, min, max },
                        );
                    }
                }
                // A result of a day before the set existed was reached under the set before it.
                if a.effective() < set.date {
                    r.push(
                        Severity::Warning,
                        List::Assessments,
                        i,
                        id,
                        "set",
                        Issue::SetNotYetIssued {
                            set: set.id.clone(),
                            document: set.document.clone(),
                            issued: set.date,
                            assessed: a.effective(),
                        },
                    );
                }
                // A set stays in use in the year after its period until the next one is
                // issued (QĐ 1980 of 2016–2020 for results of 2021: QĐ 318 came on 8/3/2022).
                let lingering = a.year == set.to_year + 1
                    && !data.criteria_sets.iter().any(|o| {
                        o.level == set.level && o.from_year > set.to_year && o.date <= a.effective()
                    });
                if set.level == SetLevel::Commune
                    && (a.year < set.from_year || (a.year > set.to_year && !lingering))
                {
                    r.push(
                        Severity::Warning,
                        List::Assessments,
                        i,
                        id,
                        "set",
                        Issue::SetNotInForce {
                            set: set.id.clone(),
                            year: a.year,
                        },
                    );
                }
            }
        }
    }

    check_recognised_criteria(data, r);

    // Indicators.
    for (i, ind) in data.indicators.iter().enumerate() {
        let id = ind.unit.as_str();
        if conflicting(ind.source.as_ref(), ind.illustrative, ind.synthetic) {
            r.error(
                List::Indicators,
                i,
                id,
                "source",
                Issue::ConflictingProvenance,
            );
        }
        if !conflicting(ind.source.as_ref(), ind.illustrative, ind.synthetic) {
            check_provenance(r, List::Indicators, i, id, ind.provenance(), &sources);
        }
        year_range(r, List::Indicators, i, id, ind.year, LAST_TARGET_YEAR);
        if unit(id).is_none() {
            r.error(
                List::Indicators,
                i,
                id,
                "unit",
                Issue::UnknownUnit { id: id.to_owned() },
            );
        }
        for (field, v) in [("value", Some(ind.value)), ("max", ind.max)] {
            let Some(v) = v else { continue };
            if !v.is_finite() || v < 0.0 {
                r.error(
                    List::Indicators,
                    i,
                    id,
                    field,
                    Issue::BadNumber { value: v },
                );
            } else if ind.metric.is_percent() && v > 100.0 {
                r.error(
                    List::Indicators,
                    i,
                    id,
                    field,
                    Issue::PercentOutOfRange { value: v },
                );
            } else if ind.metric == Metric::AverageCriteria && v > 19.0 {
                r.error(
                    List::Indicators,
                    i,
                    id,
                    field,
                    Issue::AboveCriteria { value: v, max: 19 },
                );
            } else if ind.metric.is_count() && v.fract() != 0.0 {
                r.error(List::Indicators, i, id, field, Issue::NotWhole { value: v });
            }
        }
        if let (Some(of), false) = (ind.of, ind.metric.is_percent())
            && ind.value > f64::from(of)
        {
            r.error(
                List::Indicators,
                i,
                id,
                "of",
                Issue::MoreThanTotal {
                    value: ind.value,
                    of,
                },
            );
        }
    }

    // Coverage.
    for (i, c) in data.coverage.iter().enumerate() {
        if unit(&c.unit).is_none() {
            r.error(
                List::Coverage,
                i,
                &c.unit,
                "unit",
                Issue::UnknownUnit { id: c.unit.clone() },
            );
        }
        if let (Some(from), Some(to)) = (c.from, c.to)
            && from > to
        {
            r.error(
                List::Coverage,
                i,
                &c.unit,
                "to",
                Issue::InvertedPeriod { from, to },
            );
        }
    }

    if data.last_year > LAST_TARGET_YEAR {
        r.error(
            List::Dataset,
            0,
            &data.id,
            "last_year",
            Issue::YearOutOfRange {
                year: data.last_year,
                min: data.first_year,
                max: LAST_TARGET_YEAR,
            },
        );
    }
    if data.first_year > data.last_year || data.first_year < PROGRAMME_START {
        r.error(
            List::Dataset,
            0,
            &data.id,
            "first_year",
            Issue::YearOutOfRange {
                year: data.first_year,
                min: PROGRAMME_START,
                max: data.last_year,
            },
        );
    }
    // Some checks walk hash maps; sorting by record makes the order of problems the same on
    // every run (stable, so problems of one record keep the order they were found in).
    crate::order::sort_by_key(&mut report.problems, |p| (p.list as u8, p.index));
    report
}

/// The criteria an assessment marks "not met", numbered from 1.
fn unmet_criteria(a: &crate::model::Assessment) -> Vec<usize> {
    a.met
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'0')
        .map(|(k, _)| k + 1)
        .collect()
}

/// Recognised communes meet every criterion of the set they are assessed against: an
/// assessment showing an unmet criterion while the unit holds the standard (or higher), or a
/// recognition whose assessment of that year (or the latest before it) in a set then in force
/// shows one, is suspicious. A
/// warning, not an error: assessments can lag behind decisions in real records.
fn check_recognised_criteria(data: &Dataset, r: &mut Report) {
    let mut events: HashMap<&str, Vec<(Date, bool)>> = HashMap::default();
    for rec in &data.recognitions {
        if matches!(rec.tier, Tier::Standard | Tier::Advanced | Tier::Model) && rec.former.is_none()
        {
            events
                .entry(rec.unit.as_str())
                .or_default()
                .push((rec.effective(), true));
        }
    }
    for rev in &data.revocations {
        if rev.tier == Tier::Standard {
            events
                .entry(rev.unit.as_str())
                .or_default()
                .push((rev.date, false));
        }
    }
    for ev in events.values_mut() {
        // On the same day a revocation comes after the recognition it withdraws.
        crate::order::sort_by_key(ev, |&(d, grant)| (d, !grant));
    }
    let holds = |unit: &str, at: Date| {
        events
            .get(unit)
            .and_then(|ev| ev.iter().take_while(|e| e.0 <= at).last())
            .is_some_and(|e| e.1)
    };
    let mut by_unit: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, a) in data.assessments.iter().enumerate() {
        by_unit.entry(a.unit.as_str()).or_default().push(i);
    }
    for list in by_unit.values_mut() {
        crate::order::sort_by_key(list, |&i| data.assessments[i].effective());
    }
    let sets: HashMap<&str, &crate::model::CriteriaSet> = data
        .criteria_sets
        .iter()
        .rev()
        .map(|s| (s.id.as_str(), s))
        .collect();
    let set_size = |id: &str| sets.get(id).map(|s| s.criteria.len());
    for (i, a) in data.assessments.iter().enumerate() {
        if a.met.contains('0') && holds(&a.unit, a.effective()) {
            let of = set_size(&a.set).unwrap_or(a.met.len());
            r.push(
                Severity::Warning,
                List::Assessments,
                i,
                &a.unit,
                "met",
                Issue::RecognisedWithUnmetCriteria {
                    met: a.met_count(),
                    of,
                    unmet: unmet_criteria(a),
                    year: a.year,
                },
            );
        }
    }
    for (i, rec) in data.recognitions.iter().enumerate() {
        if !matches!(rec.tier, Tier::Standard | Tier::Advanced | Tier::Model)
            || rec.former.is_some()
        {
            continue;
        }
        let Some(list) = by_unit.get(rec.unit.as_str()) else {
            continue;
        };
        let Some(a) = list
            .iter()
            .map(|&k| &data.assessments[k])
            .take_while(|a| a.year <= rec.year)
            .last()
        else {
            continue;
        };
        let in_force = sets
            .get(a.set.as_str())
            .is_some_and(|s| (s.from_year..=s.to_year).contains(&rec.year));
        if in_force && a.met.contains('0') {
            let of = set_size(&a.set).unwrap_or(a.met.len());
            r.push(
                Severity::Warning,
                List::Recognitions,
                i,
                &rec.unit,
                "tier",
                Issue::RecognisedWithUnmetCriteria {
                    met: a.met_count(),
                    of,
                    unmet: unmet_criteria(a),
                    year: a.year,
                },
            );
        }
    }
}
