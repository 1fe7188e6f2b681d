//! Headline numbers for a scope on a date: how many communes are at each tier, the average
//! number of criteria met, model villages, and the published figures to compare against.

use std::sync::Arc;

use crate::date::Date;
use crate::index::{DatasetIndex, Status, Step, UnitIx};
use crate::model::{Indicator, IndicatorKind, Metric};
use crate::table::RowProvenance;

/// Counts of communes per status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts {
    counts: [usize; 7],
}

impl StatusCounts {
    fn slot(status: Status) -> usize {
        Status::LEGEND
            .iter()
            .position(|&s| s == status)
            .unwrap_or(0)
    }

    /// Adds one commune.
    pub fn add(&mut self, status: Status) {
        self.counts[Self::slot(status)] += 1;
    }

    /// Communes with exactly this status.
    pub fn get(&self, status: Status) -> usize {
        self.counts[Self::slot(status)]
    }

    /// Communes at this status or above (e.g. at least standard).
    pub fn at_least(&self, status: Status) -> usize {
        Status::LEGEND
            .iter()
            .filter(|&&s| s >= status)
            .map(|&s| self.get(s))
            .sum()
    }

    /// Communes the criteria apply to (xã).
    pub fn assessable(&self) -> usize {
        Status::LEGEND
            .iter()
            .filter(|s| s.is_assessable())
            .map(|&s| self.get(s))
            .sum()
    }

    /// The xã shares are of: every xã except those with no data at all (a province outside
    /// the dataset's records must not dilute the shares). Communes not yet re-assessed after
    /// the reform do count: none of them holds a tier. The cards, the charts and the table all
    /// use this one basis.
    pub fn share_basis(&self) -> usize {
        self.assessable() - self.get(Status::NoData)
    }

    /// Communes with a known status (assessable and not "no data").
    pub fn known(&self) -> usize {
        self.at_least(Status::NotYet)
    }
}

/// The headline numbers of a scope on a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The day described.
    pub date: Date,
    /// Communes per status.
    pub counts: StatusCounts,
    /// Average criteria met, and the size of the set, over communes with an assessment in
    /// the set in force (never mixing sets).
    pub avg_criteria: Option<(f64, usize)>,
    /// Model villages recognised so far.
    pub model_villages: usize,
    /// Those of them whose record has no source of its own.
    pub unsourced_villages: usize,
    /// The same counts on the previous step, for "change from the previous year".
    pub previous: Option<StatusCounts>,
    /// Of the communes at the standard or above, those whose tier rests on a record with no
    /// source of its own (illustrative or synthetic).
    pub unsourced_tiers: usize,
    /// Communes counted in the average criteria, and those of them whose assessment has no
    /// source of its own.
    pub assessed: usize,
    /// See [`Summary::assessed`].
    pub unsourced_assessed: usize,
    /// What the unsourced records are: illustrative (a demo) or synthetic (a benchmark).
    pub unsourced_kind: Option<RowProvenance>,
}

impl Summary {
    /// Communes at standard or above.
    pub fn standard(&self) -> usize {
        self.counts.at_least(Status::Standard)
    }

    /// Communes at advanced or above.
    pub fn advanced(&self) -> usize {
        self.counts.at_least(Status::Advanced)
    }

    /// Model communes.
    pub fn model(&self) -> usize {
        self.counts.get(Status::Model)
    }

    /// The xã in scope the shares are of: every xã except those with no data at all (a
    /// province outside the dataset's records must not dilute the shares). Communes not yet
    /// re-assessed after the reform do count: none of them holds a tier.
    pub fn total(&self) -> usize {
        self.counts.share_basis()
    }

    /// Xã in scope without any data (not counted in [`Summary::total`]).
    pub fn no_data(&self) -> usize {
        self.counts.get(Status::NoData)
    }

    /// Change in communes at standard or above since the previous step.
    pub fn standard_change(&self) -> Option<i64> {
        let prev = self.previous?;
        Some(self.standard() as i64 - prev.at_least(Status::Standard) as i64)
    }
}

/// After the reform, how the old communes merged into a scope's communes stood on the last
/// day before it (30/6/2025): the new communes start from nothing, and this is what they
/// were formed from. `None` before the reform, or with no old communes on record.
pub fn before_reform(
    index: &DatasetIndex,
    scope: Option<UnitIx>,
    at: Date,
) -> Option<StatusCounts> {
    if crate::model::Era::of(at) != crate::model::Era::Post2025 {
        return None;
    }
    let mut old: Vec<UnitIx> = index
        .communes_in(scope, at)
        .into_iter()
        .flat_map(|c| index.predecessors(c).iter().map(|&(p, _)| p))
        .collect();
    crate::order::sort_by(&mut old, Ord::cmp);
    old.dedup();
    (!old.is_empty()).then(|| count_statuses(index, &old, crate::date::LAST_PRE_REFORM_DAY))
}

/// Counts statuses of communes in a scope on a date.
pub fn count_statuses(index: &DatasetIndex, communes: &[UnitIx], at: Date) -> StatusCounts {
    let table = index.statuses_at(at);
    let mut counts = StatusCounts::default();
    for &c in communes {
        counts.add(table[c]);
    }
    counts
}

/// The summary of a scope (`None`: the whole dataset) on a step.
///
/// Computed once per scope and date and shared: the live region, the summary panel and the
/// targets read the same figures.
pub fn summarize(index: &DatasetIndex, scope: Option<UnitIx>, step: Step) -> Arc<Summary> {
    index
        .summary_cache
        .get_or((scope, step.date), || Arc::new(compute(index, scope, step)))
}

fn compute(index: &DatasetIndex, scope: Option<UnitIx>, step: Step) -> Summary {
    let at = step.date;
    let communes = index.communes_in(scope, at);
    let counts = count_statuses(index, &communes, at);
    let set = index.commune_set_for_year(at.year);
    let mut met_total = 0usize;
    let mut assessed = 0usize;
    let mut villages = 0usize;
    let (mut unsourced_tiers, mut unsourced_assessed) = (0usize, 0usize);
    let mut unsourced_kind = None;
    let mut unsourced = |p: RowProvenance| {
        let unsourced = p != RowProvenance::Sourced;
        if unsourced {
            unsourced_kind = unsourced_kind.max(Some(p));
        }
        usize::from(unsourced)
    };
    let mut unsourced_villages = 0usize;
    for &c in &communes {
        for v in index.model_villages_iter(c, at) {
            villages += 1;
            unsourced_villages += unsourced(RowProvenance::of(v.provenance()));
        }
        if let Some((_, p)) = index.held_tier(c, at) {
            unsourced_tiers += unsourced(p);
        }
        if let (Some(a), Some(set)) = (index.assessment_at(c, at), set)
            && a.set == set.id
        {
            met_total += a.met_count();
            assessed += 1;
            unsourced_assessed += unsourced(RowProvenance::of(a.provenance()));
        }
    }
    let avg_criteria = set
        .filter(|_| assessed > 0)
        .map(|s| (met_total as f64 / assessed as f64, s.criteria.len()));
    let previous = index
        .steps()
        .iter()
        .rev()
        .find(|s| s.date < at && s.era() == step.era())
        .map(|prev| {
            let communes = index.communes_in(scope, prev.date);
            count_statuses(index, &communes, prev.date)
        });
    Summary {
        date: at,
        counts,
        avg_criteria,
        model_villages: villages,
        unsourced_villages,
        previous,
        unsourced_tiers,
        assessed,
        unsourced_assessed,
        unsourced_kind,
    }
}

/// Published figures for a scope on exactly this day, for comparison with the records.
pub fn published(index: &DatasetIndex, scope: Option<UnitIx>, at: Date) -> Vec<&Indicator> {
    let Some(scope) = scope else {
        return Vec::new();
    };
    index
        .indicators_of(scope, IndicatorKind::Reported)
        .filter(|i| i.effective() == at)
        .collect()
}

/// The target of a scope for a metric, nearest in the future of (or at) a year.
pub fn target_for(
    index: &DatasetIndex,
    scope: UnitIx,
    metric: Metric,
    year: u16,
) -> Option<&Indicator> {
    index
        .indicators_of(scope, IndicatorKind::Target)
        .filter(|i| i.metric == metric && i.year >= year)
        .min_by_key(|i| i.year)
}
