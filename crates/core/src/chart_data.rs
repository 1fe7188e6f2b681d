//! Chart models: the numbers behind each chart, computed from the index with no pixels.
//!
//! Pipeline stage between [`crate::index`] and [`crate::charts`]: every function here is pure,
//! takes the index and the view's scope and step, and returns a plain value the drawing code
//! lays out. The models carry the unit names they show, so drawing needs no index.

use crate::date::Date;
use crate::index::{DatasetIndex, Status, Step, UnitIx};
use crate::model::{CriteriaGroup, Era, IndicatorKind, Level, Metric, Text, Tier, Unit, UnitKind};
use crate::summary::{StatusCounts, count_statuses};
use crate::text::compare_vi;

/// One bar of the progress chart: the communes of the scope per status on a step.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressPoint {
    /// The step described.
    pub step: Step,
    /// Communes per status.
    pub counts: StatusCounts,
}

impl ProgressPoint {
    /// The bar's 100 %: the xã with data (see [`StatusCounts::share_basis`]).
    pub fn total(&self) -> usize {
        self.counts.share_basis()
    }
}

/// A published target drawn as a line on the progress chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetMark {
    /// The year the target is for.
    pub year: u16,
    /// The tier the target counts (standard, advanced or model, "or above" for the first two).
    pub status: Status,
    /// The target as a share of communes, in percent.
    pub share: f64,
    /// The target as published (a count or a percentage).
    pub value: f64,
    /// What the target measures.
    pub metric: Metric,
    /// The era whose communes the target counts: 2025 targets of a pre-reform unit count the
    /// old communes, later ones the merged communes.
    pub era: Era,
}

/// The progress chart: communes per tier at every step, targets and the reform.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressModel {
    /// One point per step of the timeline, oldest first.
    pub points: Vec<ProgressPoint>,
    /// Targets of the scope.
    pub targets: Vec<TargetMark>,
    /// Index of the first point after the 2025 reform, if the timeline crosses it.
    pub reform_at: Option<usize>,
    /// Index of the point of the selected step.
    pub current: Option<usize>,
    /// When the scope after the reform is another area than before it (Bắc Giang's bars after
    /// 1/7/2025 count the new Bắc Ninh, merged from Bắc Giang and Bắc Ninh): that area, and
    /// the areas it was formed from. Said under the chart.
    pub after_reform: Option<(Unit, Vec<Unit>)>,
    /// For a district (abolished on 1/7/2025): the district and how many new communes its
    /// communes went into, which the bars after the reform count (Lục Nam's 8, not the 66 of
    /// the new Bắc Ninh). Said under the chart.
    pub successor_communes: Option<(Box<Unit>, usize)>,
}

/// The catalogue name of a recognition tier.
pub fn tier_name(tier: Tier) -> crate::i18n::Msg {
    use crate::i18n::Msg;
    match tier {
        Tier::Standard => Msg::TierStandard,
        Tier::Advanced => Msg::TierAdvanced,
        Tier::Model => Msg::TierModel,
        Tier::ModelVillage => Msg::TierModelVillage,
    }
}

/// The tier a metric counts, for metrics about communes' tiers.
pub fn metric_status(metric: Metric) -> Option<Status> {
    match metric {
        Metric::CommunesStandard | Metric::CommunesStandardShare => Some(Status::Standard),
        Metric::CommunesAdvanced | Metric::CommunesAdvancedShare => Some(Status::Advanced),
        Metric::CommunesModel => Some(Status::Model),
        Metric::ModelVillages | Metric::AverageCriteria | Metric::DistrictsStandard => None,
    }
}

/// Communes counted for a tier: "at least" for standard and advanced, exactly for model.
pub fn count_for(counts: &StatusCounts, status: Status) -> usize {
    if status == Status::Model {
        counts.get(Status::Model)
    } else {
        counts.at_least(status)
    }
}

/// The progress of a scope over the whole timeline. `scope` is any unit (of either era); on
/// each step it is mapped into that step's era ([`DatasetIndex::scope_in_era`]).
pub fn progress(
    index: &DatasetIndex,
    scope: Option<UnitIx>,
    current: Option<Step>,
) -> ProgressModel {
    // A district ends with the reform; after it, its story goes on in the new communes its
    // communes went into (whole or in part), not in the whole new province: the index maps it
    // to itself, standing for those communes.
    let successors: Option<usize> = scope.filter(|&s| index.has_successor_area(s)).map(|s| {
        index
            .communes_of_era(Era::Post2025)
            .filter(|&c| index.within(c, s))
            .count()
    });
    let points: Vec<ProgressPoint> = index
        .steps()
        .iter()
        .map(|&step| {
            let scope_here = scope.and_then(|s| index.scope_in_era(s, step.era()));
            let communes = if scope.is_some() && scope_here.is_none() {
                Vec::new()
            } else {
                index.communes_in(scope_here, step.date)
            };
            ProgressPoint {
                step,
                counts: count_statuses(index, &communes, step.date),
            }
        })
        .collect();
    let reform_at = points
        .iter()
        .position(|p| p.step.era() == Era::Post2025)
        .filter(|&i| i > 0);
    let mut targets = Vec::new();
    if let Some(scope) = scope {
        let mut scopes = vec![scope];
        for era in Era::ALL {
            if let Some(s) = index.scope_in_era(scope, era)
                && !scopes.contains(&s)
            {
                scopes.push(s);
            }
        }
        for s in scopes {
            for ind in index.indicators_of(s, IndicatorKind::Target) {
                let Some(status) = metric_status(ind.metric) else {
                    continue;
                };
                // The point the target is measured against: the last step of its year on
                // which the target's unit is in force (a 2025 target of a pre-reform province
                // counts the communes of 30/6/2025, not the merged ones).
                let unit = index.unit(s);
                let total = points
                    .iter()
                    .rev()
                    .filter(|p| p.step.date.year <= ind.year && p.total() > 0)
                    .find(|p| unit.valid_on(p.step.date))
                    .map_or(0, ProgressPoint::total);
                let share = if ind.metric.is_percent() {
                    ind.value
                } else if total > 0 {
                    ind.value * 100.0 / total as f64
                } else {
                    continue;
                };
                let era = if ind.year <= crate::date::REFORM_DATE.year && unit.in_era(Era::Pre2025)
                {
                    Era::Pre2025
                } else {
                    Era::Post2025
                };
                targets.push(TargetMark {
                    era,
                    year: ind.year,
                    status,
                    share: share.clamp(0.0, 100.0),
                    value: ind.value,
                    metric: ind.metric,
                });
            }
        }
    }
    // One mark per year and tier; where a share was published beside the count, the
    // published share is kept (Lục Nam's 2025 target: "5 xã … 21,7 %"; 5 over the 22 communes
    // of the data would read 22,7 %).
    crate::order::sort_by(&mut targets, |a, b| {
        a.year
            .cmp(&b.year)
            .then(a.status.cmp(&b.status))
            .then(b.metric.is_percent().cmp(&a.metric.is_percent()))
    });
    targets.dedup_by(|a, b| a.year == b.year && a.status == b.status);
    let current = current.and_then(|c| points.iter().position(|p| p.step == c));
    let successor_communes = reform_at
        .and(scope)
        .zip(successors)
        .map(|(s, n)| (Box::new(index.unit(s).clone()), n));
    let after_reform = reform_at
        .and(scope)
        .filter(|_| successors.is_none())
        .and_then(|scope| {
            let after = index.scope_in_era(scope, Era::Post2025)?;
            let from: Vec<Unit> = index
                .predecessors(after)
                .iter()
                .map(|&(u, _)| index.unit(u).clone())
                .collect();
            let same = from.len() <= 1 && index.unit(after).name == index.unit(scope).name;
            (!same).then(|| (index.unit(after).clone(), from))
        });
    ProgressModel {
        points,
        targets,
        reform_at,
        current,
        after_reform,
        successor_communes,
    }
}

/// What the comparison chart compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComparisonKind {
    /// Districts or provinces: shares of their communes per tier.
    Areas,
    /// Communes of one district or province: criteria met, coloured by tier.
    Communes,
}

/// One row of the comparison chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow {
    /// The unit compared.
    pub unit: UnitIx,
    /// Its short name ("Lộc Bình").
    pub name: String,
    /// Its kind, so a city reads "TP Lạng Sơn" beside the province of the same name.
    pub kind: UnitKind,
    /// Its communes per status (for a commune: its own status, counted once).
    pub counts: StatusCounts,
    /// For a commune: its status on the step.
    pub status: Status,
    /// For a commune: criteria met and the size of the set in force, if assessed in it.
    pub criteria: Option<(usize, usize)>,
}

impl ComparisonRow {
    /// The row's label: the short name, with "TP" / "TX" (or "City" / "Town") for cities and
    /// towns, which often share their name with a province or district.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        crate::names::short_name(&self.name, self.kind, lang)
    }

    /// The communes the row's shares are of (see [`StatusCounts::share_basis`]).
    pub fn basis(&self) -> usize {
        self.counts.share_basis()
    }

    /// Share of communes at standard or above, in percent (`None` without data).
    pub fn standard_share(&self) -> Option<f64> {
        crate::format::share(self.counts.at_least(Status::Standard), self.basis())
    }

    /// Share of communes at a tier (at least, or exactly for model), in percent (`None`
    /// without data).
    pub fn share(&self, status: Status) -> Option<f64> {
        crate::format::share(count_for(&self.counts, status), self.basis())
    }
}

/// The comparison chart: units side by side for one step, sorted, with the selection marked.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonModel {
    /// What the rows are.
    pub kind: ComparisonKind,
    /// Rows drawn, best first.
    pub rows: Vec<ComparisonRow>,
    /// Units with nothing to draw (areas without any data; communes with neither a tier nor
    /// criteria, such as new communes not yet reassessed), in name order: named under the
    /// chart and listed in its table instead of as empty rows.
    pub without_data: Vec<ComparisonRow>,
    /// Communes drawn by their tier whose latest assessment is against another criteria set
    /// than the date's (a new commune assessed before the reform under the old set): their
    /// criteria cannot be compared with the others', so the chart says what they are.
    pub other_set: Vec<OtherSetAssessment>,
    /// The row of the selected unit (or of the area containing it).
    pub selected: Option<usize>,
    /// The step compared.
    pub step: Step,
}

/// A commune's assessment against another criteria set than the one compared.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherSetAssessment {
    /// The commune's name.
    pub name: String,
    /// Criteria met.
    pub met: usize,
    /// Criteria in its set.
    pub of: usize,
    /// The set's deciding document, e.g. "QĐ 318/QĐ-TTg".
    pub document: String,
}

/// The units the comparison chart shows for a scope on a date: the districts of a province
/// (before the reform), the communes of a district or of a province without districts; for
/// everything, the districts in force (or the provinces once districts are gone).
pub fn comparison_units(
    index: &DatasetIndex,
    scope: Option<UnitIx>,
    at: Date,
) -> (ComparisonKind, Vec<UnitIx>) {
    let era = Era::of(at);
    let in_force = |i: &UnitIx| index.unit(*i).valid_on(at) && index.unit(*i).in_era(era);
    let areas_of_level = |level: Level| -> Vec<UnitIx> {
        (0..index.len())
            .filter(|&i| index.unit(i).kind.level() == level && in_force(&i))
            .filter(|&i| scope.is_none_or(|s| index.within(i, s)))
            .filter(|&i| !index.communes_in(Some(i), at).is_empty())
            .collect()
    };
    match scope.map(|s| index.unit(s).kind.level()) {
        Some(Level::District) => (ComparisonKind::Communes, index.communes_in(scope, at)),
        Some(Level::Province) => {
            let districts = areas_of_level(Level::District);
            if districts.is_empty() {
                (ComparisonKind::Communes, index.communes_in(scope, at))
            } else {
                (ComparisonKind::Areas, districts)
            }
        }
        Some(Level::Commune) => (ComparisonKind::Communes, vec![]),
        // Everything: the provinces, where there are several (the first question across
        // provinces is how they compare; a province chosen compares its districts); else the
        // one province's districts.
        None => {
            let provinces = areas_of_level(Level::Province);
            let districts = areas_of_level(Level::District);
            if provinces.len() > 1 || districts.is_empty() {
                (ComparisonKind::Areas, provinces)
            } else {
                (ComparisonKind::Areas, districts)
            }
        }
    }
}

/// The comparison of units of a scope on a step. Areas sort by share at standard, then
/// advanced, then model; communes by tier, then criteria met; ties by Vietnamese name order.
pub fn comparison(
    index: &DatasetIndex,
    scope: Option<UnitIx>,
    step: Step,
    selected: Option<UnitIx>,
) -> ComparisonModel {
    let at = step.date;
    let (kind, units) = comparison_units(index, scope, at);
    let set = index.commune_set_for_year(at.year);
    let mut other_set = Vec::new();
    let mut rows: Vec<ComparisonRow> = units
        .into_iter()
        .map(|u| {
            let (counts, status, criteria) = match kind {
                ComparisonKind::Areas => {
                    let communes = index.communes_in(Some(u), at);
                    (count_statuses(index, &communes, at), Status::NoData, None)
                }
                ComparisonKind::Communes => {
                    let status = index.status(u, at);
                    let mut counts = StatusCounts::default();
                    counts.add(status);
                    let assessment = index.assessment_at(u, at);
                    let criteria = assessment.and_then(|a| {
                        let set = set.filter(|s| s.id == a.set)?;
                        Some((a.met_count(), set.criteria.len()))
                    });
                    if criteria.is_none()
                        && status.is_assessable()
                        && let Some(a) = assessment
                        && let Some(own) = index.criteria_set(&a.set)
                    {
                        other_set.push(OtherSetAssessment {
                            name: index.unit(u).name.clone(),
                            met: a.met_count(),
                            of: own.criteria.len(),
                            document: own.document.clone(),
                        });
                    }
                    (counts, status, criteria)
                }
            };
            ComparisonRow {
                unit: u,
                name: index.unit(u).name.clone(),
                kind: index.unit(u).kind,
                counts,
                status,
                criteria,
            }
        })
        .filter(|r| kind == ComparisonKind::Areas || r.status.is_assessable())
        .collect();
    crate::order::sort_by(&mut rows, |a, b| {
        let primary = match kind {
            // Areas without data go last: no share is not a share of 0.
            ComparisonKind::Areas => {
                let key = |r: &ComparisonRow, s: Status| r.share(s).unwrap_or(-1.0);
                key(b, Status::Standard)
                    .total_cmp(&key(a, Status::Standard))
                    .then(key(b, Status::Advanced).total_cmp(&key(a, Status::Advanced)))
                    .then(key(b, Status::Model).total_cmp(&key(a, Status::Model)))
            }
            ComparisonKind::Communes => b.status.cmp(&a.status).then(
                b.criteria
                    .map_or(0, |c| c.0)
                    .cmp(&a.criteria.map_or(0, |c| c.0)),
            ),
        };
        primary.then_with(|| compare_vi(&a.name, &b.name))
    });
    let (rows, without_data): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| match kind {
        ComparisonKind::Areas => r.basis() > 0,
        ComparisonKind::Communes => {
            r.criteria.is_some() || !matches!(r.status, Status::NoData | Status::NotReassessed)
        }
    });
    let mut without_data = without_data;
    crate::order::sort_by(&mut without_data, |a, b| compare_vi(&a.name, &b.name));
    let selected = selected.and_then(|sel| {
        rows.iter()
            .position(|r| r.unit == sel)
            .or_else(|| rows.iter().position(|r| index.within(sel, r.unit)))
    });
    crate::order::sort_by(&mut other_set, |a, b| compare_vi(&a.name, &b.name));
    ComparisonModel {
        kind,
        rows,
        without_data,
        other_set,
        selected,
        step,
    }
}

/// How many communes meet one criterion.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionCount {
    /// Number within the set, from 1.
    pub n: u8,
    /// Name of the criterion.
    pub name: Text,
    /// Communes meeting it.
    pub met: usize,
    /// Communes assessed as not meeting it.
    pub not_met: usize,
    /// Communes whose assessment does not say.
    pub unknown: usize,
}

impl CriterionCount {
    /// Communes whose assessment says whether they meet it.
    pub fn known(&self) -> usize {
        self.met + self.not_met
    }
}

/// One group of criteria with its counts.
#[derive(Clone, Debug, PartialEq)]
pub struct CriteriaGroupCount {
    /// The group.
    pub group: CriteriaGroup,
    /// Its criteria, in order.
    pub criteria: Vec<CriterionCount>,
}

/// The criteria chart: for the set in force on a step, how many communes of the scope meet
/// each criterion. Only assessments in that set count, so sets are never mixed.
#[derive(Clone, Debug, PartialEq)]
pub struct CriteriaModel {
    /// Id of the set in force.
    pub set_id: String,
    /// The deciding document ("QĐ 318/QĐ-TTg").
    pub document: String,
    /// Number of criteria in the set.
    pub set_size: usize,
    /// Groups in the set's order.
    pub groups: Vec<CriteriaGroupCount>,
    /// Communes with an assessment in the set on the step.
    pub assessed: usize,
    /// Communes of the scope (the criteria apply to).
    pub communes: usize,
    /// The step described.
    pub step: Step,
}

impl CriteriaModel {
    /// Every criterion count, in set order.
    pub fn criteria(&self) -> impl Iterator<Item = &CriterionCount> {
        self.groups.iter().flat_map(|g| g.criteria.iter())
    }

    /// The criterion met by the smallest share of the communes with a known result (the first of
    /// equals), if any.
    pub fn weakest(&self) -> Option<&CriterionCount> {
        if self.assessed == 0 {
            return None;
        }
        // The smallest share met among the communes whose result is known (compared by cross
        // multiplication); a criterion no assessment says anything about is not the weakest.
        self.criteria()
            .filter(|c| c.known() > 0)
            .fold(None, |best: Option<&CriterionCount>, c| match best {
                Some(b) if b.met * c.known() <= c.met * b.known() => Some(b),
                _ => Some(c),
            })
    }
}

/// The criteria chart of a scope (in the step's era) on a step; `None` when no commune criteria
/// set is in force that year.
pub fn criteria(index: &DatasetIndex, scope: Option<UnitIx>, step: Step) -> Option<CriteriaModel> {
    let at = step.date;
    let set = index.commune_set_for_year(at.year)?;
    // Over the communes with data, as the summary counts ("80 of 111 assessed"; it said 127
    // here, counting the communes the data knows nothing of).
    let communes: Vec<UnitIx> = index
        .communes_in(scope, at)
        .into_iter()
        .filter(|&c| index.unit(c).kind.is_ntm_commune() && index.status(c, at) != Status::NoData)
        .collect();
    let mut met = vec![0usize; set.criteria.len()];
    let mut not_met = vec![0usize; set.criteria.len()];
    let mut unknown = vec![0usize; set.criteria.len()];
    let mut assessed = 0;
    for &c in &communes {
        let Some(a) = index.assessment_at(c, at).filter(|a| a.set == set.id) else {
            continue;
        };
        assessed += 1;
        for (i, crit) in set.criteria.iter().enumerate() {
            match a.is_met(crit.n) {
                Some(true) => met[i] += 1,
                Some(false) => not_met[i] += 1,
                None => unknown[i] += 1,
            }
        }
    }
    let groups = set
        .groups
        .iter()
        .map(|g| CriteriaGroupCount {
            group: g.clone(),
            criteria: set
                .criteria
                .iter()
                .enumerate()
                .filter(|(_, c)| c.group == g.id)
                .map(|(i, c)| CriterionCount {
                    n: c.n,
                    name: c.name.clone(),
                    met: met[i],
                    not_met: not_met[i],
                    unknown: unknown[i],
                })
                .collect(),
        })
        .filter(|g| !g.criteria.is_empty())
        .collect();
    Some(CriteriaModel {
        set_id: set.id.clone(),
        document: set.document.clone(),
        set_size: set.criteria.len(),
        groups,
        assessed,
        communes: communes.len(),
        step,
    })
}

/// One criterion of a commune's assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionMark {
    /// Number within the set.
    pub n: u8,
    /// Group id.
    pub group: String,
    /// Name.
    pub name: Text,
    /// Met, not met, or not known.
    pub met: Option<bool>,
}

/// A commune's assessment laid out for the profile chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileCriteria {
    /// The set assessed against.
    pub set_id: String,
    /// Its document.
    pub document: String,
    /// The year of the assessment.
    pub year: u16,
    /// One mark per criterion.
    pub marks: Vec<CriterionMark>,
    /// Criteria met: the number the source gives, which may name fewer (or none) of them.
    pub met_count: usize,
}

impl ProfileCriteria {
    /// Criteria met.
    pub fn met(&self) -> usize {
        self.met_count
    }

    /// Whether the source gives more criteria met than it names (Châu Sơn: "17/19", none
    /// named).
    pub fn unnamed_met(&self) -> bool {
        self.met_count > self.marks.iter().filter(|m| m.met == Some(true)).count()
    }

    /// Criteria not met (known).
    pub fn not_met(&self) -> impl Iterator<Item = &CriterionMark> {
        self.marks.iter().filter(|m| m.met == Some(false))
    }
}

/// One step of a unit's tier timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimelineCell {
    /// The step.
    pub step: Step,
    /// The unit's status then, or `None` when it did not exist.
    pub status: Option<Status>,
}

/// The profile chart: a commune's criteria and its tier over time.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileModel {
    /// The latest assessment on the step, if any.
    pub criteria: Option<ProfileCriteria>,
    /// Status on every step of the timeline.
    pub timeline: Vec<TimelineCell>,
    /// Recognitions of the unit itself: year (perhaps "by the end of") and tier.
    pub events: Vec<(crate::model::Reached, Status)>,
    /// Index of the selected step in the timeline.
    pub current: Option<usize>,
}

/// The latest assessment of a unit on a date, with the criteria names of its set.
pub fn assessment_marks(index: &DatasetIndex, ix: UnitIx, at: Date) -> Option<ProfileCriteria> {
    let a = index.assessment_at(ix, at)?;
    let set = index.criteria_set(&a.set)?;
    Some(ProfileCriteria {
        set_id: set.id.clone(),
        document: set.document.clone(),
        year: a.year,
        marks: set
            .criteria
            .iter()
            .map(|c| CriterionMark {
                n: c.n,
                group: c.group.clone(),
                name: c.name.clone(),
                met: a.is_met(c.n),
            })
            .collect(),
        met_count: a.met_count(),
    })
}

/// The profile chart of a unit, up to a step.
pub fn profile(index: &DatasetIndex, ix: UnitIx, step: Step) -> ProfileModel {
    let unit = index.unit(ix);
    let timeline = index
        .steps()
        .iter()
        .map(|&s| TimelineCell {
            step: s,
            status: (unit.valid_on(s.date) && unit.in_era(s.era()))
                .then(|| index.status(ix, s.date)),
        })
        .collect();
    let events = index
        .recognitions_of(ix)
        .into_iter()
        .filter(|r| r.former.is_none())
        .filter_map(|r| Some((r.reached(), Status::from_tier(r.tier)?)))
        .collect();
    let (at, _) = profile_date(index, ix, step);
    ProfileModel {
        criteria: assessment_marks(index, ix, at),
        timeline,
        events,
        current: index.steps().iter().position(|&s| s == step),
    }
}

/// The date a profile describes, and whether it is the step's own date: the step's date, or
/// the last day of a unit that had ended by then, or the latest step for a unit created later.
pub fn profile_date(index: &DatasetIndex, ix: UnitIx, step: Step) -> (Date, bool) {
    let unit = index.unit(ix);
    if unit.valid_on(step.date) && unit.in_era(step.era()) {
        return (step.date, true);
    }
    match unit.to {
        Some(to) if to < step.date => (to, false),
        _ => (index.last_step().date, false),
    }
}

/// What a commune still lacks for the next tier.
#[derive(Clone, Debug, PartialEq)]
pub struct NextTierGap {
    /// The next tier, if there is one above the current status.
    pub next: Option<Tier>,
    /// The latest assessment, if any.
    pub assessment: Option<ProfileCriteria>,
    /// Whether that assessment is in the set in force on the date.
    pub current_set: bool,
}

impl NextTierGap {
    /// Criteria not met in the latest assessment (what stands between the commune and the
    /// standard).
    pub fn missing(&self) -> Vec<&CriterionMark> {
        self.assessment
            .as_ref()
            .map(|a| a.not_met().collect())
            .unwrap_or_default()
    }

    /// Criteria the assessment does not report.
    pub fn unknown(&self) -> Vec<&CriterionMark> {
        self.assessment
            .as_ref()
            .map(|a| a.marks.iter().filter(|m| m.met.is_none()).collect())
            .unwrap_or_default()
    }
}

/// The next tier of a commune on a date and the criteria it still misses.
pub fn next_tier_gap(index: &DatasetIndex, ix: UnitIx, at: Date) -> NextTierGap {
    let status = index.status(ix, at);
    let next = match status {
        Status::NotYet | Status::NotReassessed | Status::NoData => Some(Tier::Standard),
        Status::Standard => Some(Tier::Advanced),
        Status::Advanced => Some(Tier::Model),
        Status::Model | Status::NotApplicable => None,
    };
    let assessment = assessment_marks(index, ix, at);
    let current_set = assessment.as_ref().is_some_and(|a| {
        index
            .commune_set_for_year(at.year)
            .is_some_and(|s| s.id == a.set_id)
    });
    NextTierGap {
        next,
        assessment,
        current_set,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::index::DatasetIndex;

    /// A dataset across the reform: one province with two districts before 1/7/2025 and two
    /// merged communes after it, with assessments, targets and published figures.
    pub(crate) const DEMO: &str = r#"{
      "schema": 1, "id": "demo", "version": "t", "title": {"vi": "Thử", "en": "Test"},
      "as_of": "2026-12-31", "first_year": 2019, "last_year": 2026,
      "coverage": [{"unit": "20"}, {"unit": "20-2025"}],
      "units": [
        {"id": "20", "code": "20", "name": "Lạng Sơn", "kind": "tinh", "to": "2025-06-30", "became": [{"unit": "20-2025"}], "source": "reg"},
        {"id": "20-2025", "code": "20", "name": "Lạng Sơn", "kind": "tinh", "from": "2025-07-01", "source": "reg"},
        {"id": "181", "code": "181", "name": "Lộc Bình", "kind": "huyen", "parent": "20", "to": "2025-06-30", "source": "reg"},
        {"id": "182", "code": "182", "name": "Đình Lập", "kind": "huyen", "parent": "20", "to": "2025-06-30", "source": "reg"},
        {"id": "06418", "code": "06418", "name": "Lộc Bình", "kind": "thi_tran", "parent": "181", "to": "2025-06-30", "became": [{"unit": "06463-2025"}], "source": "reg"},
        {"id": "06463", "code": "06463", "name": "Tú Mịch", "kind": "xa", "parent": "181", "to": "2025-06-30", "became": [{"unit": "06463-2025"}], "source": "reg"},
        {"id": "06469", "code": "06469", "name": "Khuất Xá", "kind": "xa", "parent": "181", "to": "2025-06-30", "became": [{"unit": "06463-2025"}], "source": "reg"},
        {"id": "06472", "code": "06472", "name": "Đông Quan", "kind": "xa", "parent": "181", "to": "2025-06-30", "became": [{"unit": "06500-2025"}], "flags": ["disadvantaged"], "source": "reg"},
        {"id": "06500", "code": "06500", "name": "Bính Xá", "kind": "xa", "parent": "182", "to": "2025-06-30", "became": [{"unit": "06500-2025"}], "source": "reg"},
        {"id": "06503", "code": "06503", "name": "Đồng Thắng", "kind": "xa", "parent": "182", "to": "2025-06-30", "became": [{"unit": "06500-2025"}], "source": "reg"},
        {"id": "06463-2025", "code": "06463", "name": "Lộc Bình", "kind": "xa", "parent": "20-2025", "from": "2025-07-01", "aliases": ["Tú Mịch", "Khuất Xá"], "source": "reg"},
        {"id": "06500-2025", "code": "06500", "name": "Đình Lập", "kind": "xa", "parent": "20-2025", "from": "2025-07-01", "source": "reg"}
      ],
      "criteria_sets": [
        {"id": "s1", "document": "QĐ 1980/QĐ-TTg", "date": "2016-10-17", "from_year": 2016, "to_year": 2020, "level": "commune",
         "name": {"vi": "Bộ 2016–2020"}, "groups": [{"id": "I", "name": {"vi": "Quy hoạch", "en": "Planning"}}, {"id": "II", "name": {"vi": "Hạ tầng", "en": "Infrastructure"}}],
         "criteria": [{"n": 1, "group": "I", "name": {"vi": "Quy hoạch", "en": "Planning"}},
                      {"n": 2, "group": "II", "name": {"vi": "Giao thông", "en": "Transport"}},
                      {"n": 3, "group": "II", "name": {"vi": "Thủy lợi", "en": "Irrigation"}}]},
        {"id": "s2", "document": "QĐ 318/QĐ-TTg", "date": "2022-03-08", "from_year": 2021, "to_year": 2025, "level": "commune",
         "name": {"vi": "Bộ 2021–2025"}, "groups": [{"id": "I", "name": {"vi": "Quy hoạch", "en": "Planning"}}, {"id": "II", "name": {"vi": "Hạ tầng", "en": "Infrastructure"}}],
         "criteria": [{"n": 1, "group": "I", "name": {"vi": "Quy hoạch", "en": "Planning"}},
                      {"n": 2, "group": "II", "name": {"vi": "Giao thông", "en": "Transport"}},
                      {"n": 3, "group": "II", "name": {"vi": "Thủy lợi và phòng, chống thiên tai", "en": "Irrigation and disaster prevention"}}]},
        {"id": "s3", "document": "QĐ 51/2025/QĐ-TTg", "date": "2025-12-29", "from_year": 2026, "to_year": 2030, "level": "commune",
         "name": {"vi": "Bộ 2026–2030"}, "groups": [{"id": "I", "name": {"vi": "Tiêu chí", "en": "Criteria"}}],
         "criteria": [{"n": 1, "group": "I", "name": {"vi": "Quy hoạch", "en": "Planning"}},
                      {"n": 2, "group": "I", "name": {"vi": "Hạ tầng kinh tế – xã hội", "en": "Socio-economic infrastructure"}}]}
      ],
      "recognitions": [
        {"unit": "06500", "tier": "standard", "year": 2019, "decision": "QĐ 2165/QĐ-UBND", "source": "lso"},
        {"unit": "06463", "tier": "standard", "year": 2020, "illustrative": true},
        {"unit": "06469", "tier": "standard", "year": 2020, "illustrative": true},
        {"unit": "06469", "tier": "advanced", "year": 2022, "decision": "QĐ 99/QĐ-UBND", "source": "lso"},
        {"unit": "06469", "tier": "model", "year": 2024, "illustrative": true},
        {"unit": "06463", "tier": "model_village", "year": 2021, "village": "Thôn Bản Chu", "illustrative": true},
        {"unit": "06463-2025", "tier": "standard", "year": 2026, "illustrative": true}
      ],
      "assessments": [
        {"unit": "06472", "year": 2020, "set": "s1", "met": "100", "illustrative": true},
        {"unit": "06472", "year": 2022, "set": "s2", "met": "110", "illustrative": true},
        {"unit": "06503", "year": 2022, "set": "s2", "met": "1-0", "illustrative": true},
        {"unit": "06463", "year": 2022, "set": "s2", "met": "111", "illustrative": true},
        {"unit": "06500-2025", "year": 2026, "set": "s3", "met": "10", "illustrative": true},
        {"unit": "06463-2025", "year": 2026, "set": "s3", "met": "11", "illustrative": true}
      ],
      "indicators": [
        {"unit": "20", "kind": "target", "metric": "communes_standard_share", "year": 2025, "value": 60, "source": "lso"},
        {"unit": "20", "kind": "target", "metric": "communes_advanced", "year": 2025, "value": 2, "source": "lso"},
        {"unit": "20-2025", "kind": "target", "metric": "communes_standard_share", "year": 2030, "value": 65, "source": "lso"},
        {"unit": "06463", "kind": "target", "metric": "communes_standard", "year": 2020, "value": 1, "illustrative": true},
        {"unit": "20", "kind": "reported", "metric": "communes_standard", "year": 2025, "date": "2025-06-30", "value": 3, "of": 5, "source": "lso"},
        {"unit": "20", "kind": "reported", "metric": "communes_standard_share", "year": 2025, "date": "2025-06-30", "value": 60.0, "source": "lso"},
        {"unit": "20", "kind": "reported", "metric": "average_criteria", "year": 2025, "date": "2025-06-30", "value": 2.0, "illustrative": true}
      ],
      "sources": [
        {"id": "reg", "title": "vietnamadminunits 1.0.4", "publisher": "PyPI", "file": "vietnamadminunits-1.0.4"},
        {"id": "lso", "title": "Lạng Sơn", "publisher": "UBND tỉnh Lạng Sơn", "url": "https://vanphong.langson.gov.vn/vi/node/74804"}
      ]
    }"#;

    pub(crate) fn demo() -> DatasetIndex {
        DatasetIndex::new(crate::load::parse_dataset(DEMO).expect("demo fixture"))
    }

    fn step(index: &DatasetIndex, key: &str) -> Step {
        index.step_by_key(key).expect("step")
    }

    #[test]
    fn an_area_without_data_has_no_share_not_a_share_of_zero() {
        let mut counts = StatusCounts::default();
        for _ in 0..4 {
            counts.add(Status::NoData);
        }
        let row = ComparisonRow {
            unit: 0,
            name: "Yên Phong".into(),
            kind: UnitKind::Huyen,
            counts,
            status: Status::NoData,
            criteria: None,
        };
        assert_eq!(row.basis(), 0);
        assert_eq!(row.standard_share(), None);
        let mut known = row.clone();
        known.counts.add(Status::NotYet);
        known.counts.add(Status::Standard);
        assert_eq!(known.basis(), 2);
        assert_eq!(known.standard_share(), Some(50.0));
    }

    #[test]
    fn progress_counts_every_step_and_marks_the_reform() {
        let index = demo();
        let lang_son = index.find("20");
        let m = progress(&index, lang_son, Some(step(&index, "2022")));
        let keys: Vec<String> = m.points.iter().map(|p| p.step.key()).collect();
        assert_eq!(
            keys,
            [
                "2019", "2020", "2021", "2022", "2023", "2024", "2025-06", "2025", "2026"
            ]
        );
        assert_eq!(m.reform_at, Some(7));
        assert_eq!(m.current, Some(3));
        let p2022 = &m.points[3];
        assert_eq!(p2022.total(), 5);
        assert_eq!(p2022.counts.at_least(Status::Standard), 3);
        assert_eq!(p2022.counts.get(Status::Advanced), 1);
        let p2024 = &m.points[5];
        assert_eq!(p2024.counts.get(Status::Model), 1);
        // After the reform the province maps to its successor: two merged communes.
        let p2025 = &m.points[7];
        assert_eq!(p2025.total(), 2);
        // Communes created by the reform are "not re-assessed" until a record says otherwise,
        // even where the province's records are complete.
        assert_eq!(p2025.counts.get(Status::NotReassessed), 2);
        assert_eq!(m.points[8].counts.at_least(Status::Standard), 1);
    }

    #[test]
    fn progress_turns_targets_into_shares() {
        let index = demo();
        let m = progress(&index, index.find("20"), None);
        assert_eq!(m.targets.len(), 3);
        assert_eq!(
            (m.targets[0].year, m.targets[0].status),
            (2025, Status::Standard)
        );
        assert!((m.targets[0].share - 60.0).abs() < 1e-9);
        // 2 advanced communes of the 5 communes of 30/6/2025 (the province before the reform).
        assert_eq!(m.targets[1].status, Status::Advanced);
        assert!((m.targets[1].share - 40.0).abs() < 1e-9);
        assert_eq!(m.targets[2].year, 2030);
        // The same targets whichever era's unit is the scope.
        assert_eq!(
            progress(&index, index.find("20-2025"), None).targets.len(),
            3
        );
        assert!(progress(&index, None, None).targets.is_empty());
    }

    #[test]
    fn compares_districts_of_a_province_sorted_by_share() {
        let index = demo();
        let at = step(&index, "2022");
        let m = comparison(&index, index.find("20"), at, index.find("06472"));
        assert_eq!(m.kind, ComparisonKind::Areas);
        let names: Vec<&str> = m.rows.iter().map(|r| r.name.as_str()).collect();
        // Lộc Bình 2/3 = 66.7 %, Đình Lập 1/2 = 50 %.
        assert_eq!(names, ["Lộc Bình", "Đình Lập"]);
        assert!((m.rows[0].standard_share().unwrap() - 200.0 / 3.0).abs() < 1e-9);
        // Đông Quan lies in Lộc Bình: that row is highlighted.
        assert_eq!(m.selected, Some(0));
    }

    #[test]
    fn compares_communes_of_a_district_by_tier_then_criteria() {
        let index = demo();
        let at = step(&index, "2022");
        let m = comparison(&index, index.find("181"), at, index.find("06472"));
        assert_eq!(m.kind, ComparisonKind::Communes);
        let names: Vec<&str> = m.rows.iter().map(|r| r.name.as_str()).collect();
        // The township is not assessed and is left out.
        assert_eq!(names, ["Khuất Xá", "Tú Mịch", "Đông Quan"]);
        assert_eq!(m.rows[2].criteria, Some((2, 3)));
        assert_eq!(m.selected, Some(2));
        // Without districts after the reform, a province compares its communes.
        let m = comparison(&index, index.find("20-2025"), step(&index, "2026"), None);
        assert_eq!(m.kind, ComparisonKind::Communes);
        assert_eq!(m.rows.len(), 2);
        assert_eq!(m.rows[0].name, "Lộc Bình");
        // Everything, with one province: its districts before the reform, the province
        // after it.
        let all = comparison(&index, None, step(&index, "2022"), None);
        assert_eq!(all.rows.len(), 2);
        let all = comparison(&index, None, step(&index, "2026"), None);
        assert_eq!(all.kind, ComparisonKind::Areas);
        assert_eq!(all.rows.len(), 1);
    }

    #[test]
    fn cities_and_towns_are_labelled_as_such() {
        use crate::i18n::Lang;
        let row = |kind| ComparisonRow {
            unit: 0,
            name: "Lạng Sơn".into(),
            kind,
            counts: StatusCounts::default(),
            status: Status::NoData,
            criteria: None,
        };
        assert_eq!(row(UnitKind::ThanhPho).label(Lang::Vi), "TP Lạng Sơn");
        assert_eq!(row(UnitKind::ThanhPho).label(Lang::En), "Lạng Sơn City");
        assert_eq!(row(UnitKind::ThiXa).label(Lang::Vi), "TX Lạng Sơn");
        assert_eq!(row(UnitKind::Huyen).label(Lang::En), "Lạng Sơn");
    }

    #[test]
    fn criteria_counts_only_the_set_in_force() {
        let index = demo();
        let m = criteria(&index, index.find("20"), step(&index, "2022")).expect("set");
        assert_eq!(m.set_id, "s2");
        assert_eq!(m.communes, 5);
        // Đông Quan, Đồng Thắng and Tú Mịch have 2022 assessments in s2.
        assert_eq!(m.assessed, 3);
        let counts: Vec<(u8, usize, usize, usize)> = m
            .criteria()
            .map(|c| (c.n, c.met, c.not_met, c.unknown))
            .collect();
        assert_eq!(counts, [(1, 3, 0, 0), (2, 2, 0, 1), (3, 1, 2, 0)]);
        assert_eq!(m.groups.len(), 2);
        assert_eq!(m.groups[1].criteria.len(), 2);
        assert_eq!(m.weakest().map(|c| c.n), Some(3));
        // A criterion no assessment gives a result for is not the weakest (it was, with 0 met);
        // nor is one with fewer communes met but a larger share of those known.
        let mut unknown = m.clone();
        let c1 = &mut unknown.groups[0].criteria[0];
        (c1.met, c1.not_met, c1.unknown) = (0, 0, 3);
        assert_eq!(unknown.weakest().map(|c| c.n), Some(3));
        let c2 = &mut unknown.groups[1].criteria[0];
        (c2.met, c2.not_met, c2.unknown) = (1, 0, 2);
        assert_eq!(unknown.weakest().map(|c| c.n), Some(3));
        // In 2021 the 2020 assessment (old set) does not count.
        let m = criteria(&index, index.find("20"), step(&index, "2021")).expect("set");
        assert_eq!(m.set_id, "s2");
        assert_eq!(m.assessed, 0);
        assert!(m.weakest().is_none());
        // From 2026: the 10-criteria set (here 2), on the new communes.
        let m = criteria(&index, index.find("20-2025"), step(&index, "2026")).expect("set");
        assert_eq!((m.set_id.as_str(), m.set_size, m.assessed), ("s3", 2, 2));
    }

    #[test]
    fn profile_has_the_timeline_and_the_criteria() {
        let index = demo();
        let khuat_xa = index.find("06469").expect("unit");
        let m = profile(&index, khuat_xa, step(&index, "2024"));
        let statuses: Vec<Option<Status>> = m.timeline.iter().map(|c| c.status).collect();
        assert_eq!(
            statuses,
            [
                Some(Status::NotYet),
                Some(Status::Standard),
                Some(Status::Standard),
                Some(Status::Advanced),
                Some(Status::Advanced),
                Some(Status::Model),
                Some(Status::Model),
                None,
                None
            ]
        );
        assert_eq!(
            m.events
                .iter()
                .map(|(r, s)| (r.year, *s))
                .collect::<Vec<_>>(),
            [
                (2020, Status::Standard),
                (2022, Status::Advanced),
                (2024, Status::Model)
            ]
        );
        let dong_quan = index.find("06472").expect("unit");
        let m = profile(&index, dong_quan, step(&index, "2026"));
        let c = m.criteria.expect("assessed");
        assert_eq!((c.set_id.as_str(), c.year, c.met()), ("s2", 2022, 2));
    }

    #[test]
    fn next_tier_lists_the_missing_criteria() {
        let index = demo();
        let dong_quan = index.find("06472").expect("unit");
        let gap = next_tier_gap(&index, dong_quan, Date::year_end(2022));
        assert_eq!(gap.next, Some(Tier::Standard));
        assert!(gap.current_set);
        let missing: Vec<&str> = gap.missing().iter().map(|m| m.name.vi.as_str()).collect();
        assert_eq!(missing, ["Thủy lợi và phòng, chống thiên tai"]);
        let dong_thang = index.find("06503").expect("unit");
        let gap = next_tier_gap(&index, dong_thang, Date::year_end(2022));
        assert_eq!(gap.unknown().len(), 1);
        let khuat_xa = index.find("06469").expect("unit");
        assert_eq!(
            next_tier_gap(&index, khuat_xa, Date::year_end(2024)).next,
            None
        );
        assert_eq!(
            next_tier_gap(&index, khuat_xa, Date::year_end(2022)).next,
            Some(Tier::Model)
        );
    }
}
