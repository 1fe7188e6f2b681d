//! Targets and published figures set against the commune records: how far a scope is from its
//! targets, and whether the published totals agree with what the records add up to.
//!
//! Pipeline stage after [`crate::summary`]: both functions read a
//! [`Summary`](crate::summary::Summary) and the indicators of the scope.

use crate::index::{DatasetIndex, UnitIx};
use crate::model::{Indicator, IndicatorKind, Metric};
use crate::summary::{Summary, published};

/// The value of a metric computed from the commune records of a summary.
pub fn records_value(summary: &Summary, metric: Metric) -> Option<f64> {
    let total = summary.total();
    let share = |n: usize| crate::format::share(n, total);
    match metric {
        Metric::CommunesStandard => Some(summary.standard() as f64),
        Metric::CommunesStandardShare => share(summary.standard()),
        Metric::CommunesAdvanced => Some(summary.advanced() as f64),
        Metric::CommunesAdvancedShare => share(summary.advanced()),
        Metric::CommunesModel => Some(summary.model() as f64),
        Metric::ModelVillages => Some(summary.model_villages as f64),
        Metric::AverageCriteria => summary.avg_criteria.map(|(avg, _)| avg),
        Metric::DistrictsStandard => None,
    }
}

/// A target and how far the scope is from it.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetProgress {
    /// The target.
    pub target: Indicator,
    /// The value from the records on the summary's date.
    pub current: f64,
    /// When the value is of another day than the summary's: a target for 2025 or earlier,
    /// seen after the reform, is measured on the old communes' last day (30/6/2025), as the
    /// new communes start afresh.
    pub measured_on: Option<crate::date::Date>,
    /// Whether the records' value rests on records without a source of their own, and of
    /// which kind (said beside it: "hiện 4 [Minh họa]").
    pub current_unsourced: Option<crate::table::RowProvenance>,
}

/// Whether the records behind a metric's value include unsourced ones.
fn unsourced_behind(summary: &Summary, metric: Metric) -> Option<crate::table::RowProvenance> {
    let n = match metric {
        Metric::CommunesStandard
        | Metric::CommunesStandardShare
        | Metric::CommunesAdvanced
        | Metric::CommunesAdvancedShare
        | Metric::CommunesModel => summary.unsourced_tiers,
        Metric::ModelVillages => summary.unsourced_villages,
        Metric::AverageCriteria => summary.unsourced_assessed,
        Metric::DistrictsStandard => 0,
    };
    (n > 0).then_some(summary.unsourced_kind).flatten()
}

impl TargetProgress {
    /// Whether the target is reached (its lower bound).
    pub fn reached(&self) -> bool {
        self.current + 1e-9 >= self.target.value
    }

    /// What is still missing (0 when reached).
    pub fn remaining(&self) -> f64 {
        (self.target.value - self.current).max(0.0)
    }

    /// Progress towards the target, 0–1.
    pub fn fraction(&self) -> f64 {
        if self.target.value <= 0.0 {
            1.0
        } else {
            (self.current / self.target.value).clamp(0.0, 1.0)
        }
    }
}

/// The targets of a scope for the summary's year or later, the nearest one per metric, with
/// the records' value on the summary's date.
pub fn target_progress(
    index: &DatasetIndex,
    scope: UnitIx,
    summary: &Summary,
) -> Vec<TargetProgress> {
    let year = summary.date.year;
    let mut nearest: Vec<&Indicator> = Vec::new();
    for ind in index.indicators_of(scope, IndicatorKind::Target) {
        if ind.year < year {
            continue;
        }
        match nearest.iter_mut().find(|n| n.metric == ind.metric) {
            Some(n) if ind.year < n.year => *n = ind,
            Some(_) => {}
            None => nearest.push(ind),
        }
    }
    let mut out: Vec<TargetProgress> = nearest
        .into_iter()
        .filter_map(|t| progress(index, scope, summary, t))
        .collect();
    crate::order::sort_by_key(&mut out, |t| (t.target.year, metric_order(t.target.metric)));
    out
}

/// A target with the records' value: on the summary's date, or for a target of the old
/// communes' period seen after the reform, on their last day.
fn progress(
    index: &DatasetIndex,
    scope: UnitIx,
    summary: &Summary,
    target: &Indicator,
) -> Option<TargetProgress> {
    use crate::date::{LAST_PRE_REFORM_DAY, REFORM_DATE};
    let old_period = summary.date >= REFORM_DATE && target.year <= LAST_PRE_REFORM_DAY.year;
    if old_period {
        let before = crate::summary::summarize(
            index,
            Some(scope),
            crate::index::Step {
                date: LAST_PRE_REFORM_DAY,
            },
        );
        return Some(TargetProgress {
            target: target.clone(),
            current: records_value(&before, target.metric)?,
            measured_on: Some(LAST_PRE_REFORM_DAY),
            current_unsourced: unsourced_unless_published(index, scope, &before, target.metric),
        });
    }
    Some(TargetProgress {
        target: target.clone(),
        current: records_value(summary, target.metric)?,
        measured_on: None,
        current_unsourced: unsourced_unless_published(index, scope, summary, target.metric),
    })
}

/// [`unsourced_behind`], unless a published figure of that day agrees with the records' value:
/// then the value stands on the source, whatever the records behind it (Lạng Sơn's "hiện
/// 60,6 %" is the published 60,6 %, which the page marks "khớp"; it carried the illustrative
/// badge).
fn unsourced_unless_published(
    index: &DatasetIndex,
    scope: UnitIx,
    summary: &Summary,
    metric: Metric,
) -> Option<crate::table::RowProvenance> {
    let confirmed = published_vs_records(index, Some(scope), summary)
        .iter()
        .any(|c| c.published.metric == metric && c.agrees() == Some(true));
    if confirmed {
        None
    } else {
        unsourced_behind(summary, metric)
    }
}

/// Every target of a unit, past ones included, with the records' value on the summary's date
/// (for a commune's own targets: "reach the standard in 2020").
pub fn all_targets(index: &DatasetIndex, scope: UnitIx, summary: &Summary) -> Vec<TargetProgress> {
    let mut out: Vec<TargetProgress> = index
        .indicators_of(scope, IndicatorKind::Target)
        .filter_map(|t| progress(index, scope, summary, t))
        .collect();
    crate::order::sort_by_key(&mut out, |t| (t.target.year, metric_order(t.target.metric)));
    out
}

fn metric_order(metric: Metric) -> u8 {
    match metric {
        Metric::CommunesStandard => 0,
        Metric::CommunesStandardShare => 1,
        Metric::CommunesAdvanced => 2,
        Metric::CommunesAdvancedShare => 3,
        Metric::CommunesModel => 4,
        Metric::ModelVillages => 5,
        Metric::AverageCriteria => 6,
        Metric::DistrictsStandard => 7,
    }
}

/// A published figure next to the value the records give.
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedComparison {
    /// The published figure.
    pub published: Indicator,
    /// The records' value, where the records can give one.
    pub records: Option<f64>,
}

impl PublishedComparison {
    /// Whether the records agree with the published figure (to the published precision:
    /// counts exactly, percentages and averages to 0.05).
    pub fn agrees(&self) -> Option<bool> {
        let r = self.records?;
        let tolerance = match self.published.metric {
            Metric::CommunesStandardShare | Metric::CommunesAdvancedShare => 0.05,
            Metric::AverageCriteria => 0.005,
            _ => 1e-9,
        };
        Some((r - self.published.value).abs() <= tolerance)
    }
}

/// Published figures of a scope on the summary's exact date, each with the records' value.
pub fn published_vs_records(
    index: &DatasetIndex,
    scope: Option<UnitIx>,
    summary: &Summary,
) -> Vec<PublishedComparison> {
    let mut out: Vec<PublishedComparison> = published(index, scope, summary.date)
        .into_iter()
        .map(|p| PublishedComparison {
            published: p.clone(),
            records: records_value(summary, p.metric),
        })
        .collect();
    crate::order::sort_by_key(&mut out, |c| metric_order(c.published.metric));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data::tests::demo;
    use crate::summary::summarize;

    #[test]
    fn measures_the_distance_to_targets() {
        let index = demo();
        let province = index.find("20").expect("unit");
        let step = index.step_by_key("2022").expect("step");
        let summary = summarize(&index, Some(province), step);
        let t = target_progress(&index, province, &summary);
        assert_eq!(t.len(), 2);
        // 3 of 5 communes = 60 %: the 60 % target is reached.
        assert_eq!(t[0].target.metric, Metric::CommunesStandardShare);
        assert!(t[0].reached());
        // 1 advanced of the 2 targeted.
        assert_eq!(t[1].target.metric, Metric::CommunesAdvanced);
        assert!(!t[1].reached());
        assert!((t[1].remaining() - 1.0).abs() < 1e-9);
        assert!((t[1].fraction() - 0.5).abs() < 1e-9);
        // Past targets are not shown as the nearest, but are listed by `all_targets`.
        let all = all_targets(&index, province, &summary);
        assert_eq!(all.len(), 2);
        let later = summarize(
            &index,
            index.find("20-2025"),
            index.step_by_key("2026").expect("step"),
        );
        let t = target_progress(&index, index.find("20-2025").expect("unit"), &later);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].target.year, 2030);
    }

    #[test]
    fn sets_published_figures_against_the_records() {
        let index = demo();
        let province = index.find("20");
        let step = index.step_by_key("2025-06").expect("step");
        let summary = summarize(&index, province, step);
        let c = published_vs_records(&index, province, &summary);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].published.metric, Metric::CommunesStandard);
        assert_eq!(c[0].records, Some(3.0));
        assert_eq!(c[0].agrees(), Some(true));
        assert_eq!(c[1].agrees(), Some(true));
        // Average criteria over the communes assessed in the set in force: (2 + 1 + 3) / 3.
        assert_eq!(c[2].published.metric, Metric::AverageCriteria);
        assert_eq!(c[2].agrees(), Some(true));
        // No figures on other days.
        let other = summarize(&index, province, index.step_by_key("2022").expect("step"));
        assert!(published_vs_records(&index, province, &other).is_empty());
    }
}
