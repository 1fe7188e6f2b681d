//! The loaded dataset, indexed for the questions the app asks: which units are in force on a
//! date, what tier a commune held then, which criteria it met, what it was formed from.
//!
//! Built once after loading ([`DatasetIndex::new`]); everything downstream (map colours,
//! summaries, charts, the table, profiles) is a pure function of the index and the view.

use rustc_hash::FxHashMap as HashMap;

use crate::date::{Date, LAST_PRE_REFORM_DAY, REFORM_DATE};
use crate::model::{
    Assessment, CriteriaSet, Dataset, Era, Indicator, IndicatorKind, Level, Metric, Reached,
    Recognition, Tier, Unit, UnitKind,
};
use crate::table::RowProvenance;

/// Position of a unit in [`Dataset::units`].
pub type UnitIx = usize;

/// What the map shows for a commune on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// A ward or township: the commune criteria do not apply.
    NotApplicable,
    /// Nothing is known for this commune on this date.
    NoData,
    /// A commune created by the 2025 merger that has not been re-assessed yet.
    NotReassessed,
    /// Assessed or covered, but not recognised at the standard.
    NotYet,
    /// Đạt chuẩn NTM.
    Standard,
    /// NTM nâng cao.
    Advanced,
    /// NTM kiểu mẫu.
    Model,
}

impl Status {
    /// The statuses in legend order.
    pub const LEGEND: [Status; 7] = [
        Status::Model,
        Status::Advanced,
        Status::Standard,
        Status::NotYet,
        Status::NotReassessed,
        Status::NoData,
        Status::NotApplicable,
    ];

    /// The status a recognised tier gives.
    pub fn from_tier(tier: Tier) -> Option<Status> {
        match tier {
            Tier::Standard => Some(Status::Standard),
            Tier::Advanced => Some(Status::Advanced),
            Tier::Model => Some(Status::Model),
            Tier::ModelVillage => None,
        }
    }

    /// Whether the commune is at the standard or above.
    pub fn at_least_standard(self) -> bool {
        self >= Status::Standard
    }

    /// Whether the commune counts in the denominator of NTM shares (it is a xã that exists).
    pub fn is_assessable(self) -> bool {
        self != Status::NotApplicable
    }

    /// The catalogue message naming the status.
    pub fn msg(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            Status::NotApplicable => Msg::TierNotApplicable,
            Status::NoData => Msg::TierNoData,
            Status::NotReassessed => Msg::TierNotReassessed,
            Status::NotYet => Msg::TierNotYet,
            Status::Standard => Msg::TierStandard,
            Status::Advanced => Msg::TierAdvanced,
            Status::Model => Msg::TierModel,
        }
    }

    /// A stable short name, for CSV export and the URL.
    pub fn slug(self) -> &'static str {
        match self {
            Status::NotApplicable => "not_applicable",
            Status::NoData => "no_data",
            Status::NotReassessed => "not_reassessed",
            Status::NotYet => "not_yet",
            Status::Standard => "standard",
            Status::Advanced => "advanced",
            Status::Model => "model",
        }
    }

    /// Parses [`Status::slug`].
    pub fn from_slug(s: &str) -> Option<Status> {
        Status::LEGEND.into_iter().find(|st| st.slug() == s)
    }
}

/// A point on the timeline: the status of every unit on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Step {
    /// The day described.
    pub date: Date,
}

impl Step {
    /// The era of the step.
    pub fn era(self) -> Era {
        Era::of(self.date)
    }

    /// The key used in URLs: `2019`, or `2025-06` for the last day before the reform.
    pub fn key(self) -> String {
        if self.date == LAST_PRE_REFORM_DAY {
            "2025-06".to_owned()
        } else {
            self.date.year.to_string()
        }
    }

    /// The step named for a reader: "2019"; the two steps of 2025 say which side of the
    /// reform they are ("30/6/2025 (trước sắp xếp)", "31/12/2025 (sau sắp xếp)"), and a step
    /// that is not a year's end has its date ("30/6/2026", the data's last day).
    pub fn display(self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Msg;
        if self.date == LAST_PRE_REFORM_DAY {
            Msg::StepMid2025.text(lang).to_owned()
        } else if self.date.year == LAST_PRE_REFORM_DAY.year {
            Msg::StepEnd2025.text(lang).to_owned()
        } else {
            self.in_text(lang)
        }
    }

    /// The step in a sentence or a heading: the year ("2019"), or the full date of the step
    /// that is not a year's end ("30/6/2025", "30 June 2025"), never the axis's "6/2025".
    pub fn in_text(self, lang: crate::i18n::Lang) -> String {
        // The data's last day mid-year ("30/6/2026"): "2026" read as the whole year.
        if self.date == LAST_PRE_REFORM_DAY || self.date != Date::year_end(self.date.year) {
            self.date.display(lang)
        } else {
            self.date.year.to_string()
        }
    }

    /// A short label for the year control and the charts' axes: "2019"; the month as well
    /// for a step that is not a year's end and for both steps of the reform's year ("6/2025",
    /// "12/2025", "6/2026"): "6/2025" beside "2025" read as the same year twice.
    pub fn label(self) -> String {
        if self.date != Date::year_end(self.date.year) || self.date.year == LAST_PRE_REFORM_DAY.year
        {
            format!("{}/{}", self.date.month, self.date.year)
        } else {
            self.date.year.to_string()
        }
    }
}

/// One recognition or revocation of a unit, in date order.
#[derive(Clone, Copy, Debug)]
struct TierEvent {
    date: Date,
    tier: Tier,
    revoke: bool,
    /// Reached by the end of that year at the latest (`Recognition::by_year`).
    by_year: bool,
    /// Where the record comes from (a summary counts the tiers with no source of their own).
    provenance: RowProvenance,
}

/// The dataset with lookups built.
#[derive(Debug)]
pub struct DatasetIndex {
    /// The dataset itself.
    pub data: Dataset,
    by_id: HashMap<String, UnitIx>,
    children: Vec<Vec<UnitIx>>,
    predecessors: Vec<Vec<(UnitIx, bool)>>,
    tier_events: Vec<Vec<TierEvent>>,
    assessments: Vec<Vec<usize>>,
    recognitions: Vec<Vec<usize>>,
    sets: HashMap<String, usize>,
    covered: Vec<Vec<(Option<Date>, Option<Date>)>>,
    steps: Vec<Step>,
    default_step: Step,
    parents: Vec<Option<UnitIx>>,
    era_communes: [Vec<UnitIx>; 2],
    /// For a commune of 1/7/2025 on, the districts (ended by the reform) its communes came
    /// from: after the reform a district's area goes on in those communes
    /// ([`DatasetIndex::within`]).
    former_districts: Vec<Vec<UnitIx>>,
    /// Whether a district's communes went into any new commune ([`Self::has_successor_area`]).
    succeeded: Vec<bool>,
    /// The earliest year a commune reached the standard, and whether "by the end of" it
    /// ([`Self::standard_years`]): found once, not on each year step.
    first_standard: Reached,
    /// Status of every unit per date, computed once per date: the year control, the map, the
    /// legend, the summary and the live region all read the same table.
    status_cache: Cache<Date, std::sync::Arc<Vec<Status>>>,
    /// Summaries per scope and step, for the same reason (see [`crate::summary::summarize`]).
    pub(crate) summary_cache:
        Cache<(Option<UnitIx>, Date), std::sync::Arc<crate::summary::Summary>>,
    /// [`DatasetIndex::provinces_with_communes`] by date.
    provinces_cache: Cache<Date, Vec<UnitIx>>,
}

/// Values computed once per key and shared by every reader. Bounded: past `limit` keys it
/// starts again, so a long session stepping through many dates keeps at most a timeline's
/// worth. A panic while computing (a poisoned lock) does not make it unusable.
#[derive(Debug)]
pub(crate) struct Cache<K, V> {
    map: std::sync::Mutex<HashMap<K, V>>,
    limit: usize,
}

impl<K: std::hash::Hash + Eq, V: Clone> Cache<K, V> {
    fn new(limit: usize) -> Self {
        Self {
            map: std::sync::Mutex::new(HashMap::default()),
            limit,
        }
    }

    /// The value for `key`, computed by `compute` the first time.
    pub(crate) fn get_or(&self, key: K, compute: impl FnOnce() -> V) -> V {
        let mut map = match self.map.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(v) = map.get(&key) {
            return v.clone();
        }
        let v = compute();
        if map.len() >= self.limit {
            map.clear();
        }
        map.insert(key, v.clone());
        v
    }
}

impl DatasetIndex {
    /// Indexes a dataset. References to unknown units are skipped here; validation reports
    /// them, so a partly broken dataset still shows what is sound.
    pub fn new(data: Dataset) -> Self {
        let n = data.units.len();
        let mut by_id = HashMap::with_capacity_and_hasher(n, rustc_hash::FxBuildHasher);
        for (i, u) in data.units.iter().enumerate() {
            by_id.entry(u.id.clone()).or_insert(i);
        }
        let mut children = vec![Vec::new(); n];
        let mut predecessors = vec![Vec::new(); n];
        for (i, u) in data.units.iter().enumerate() {
            if let Some(p) = u.parent.as_ref().and_then(|p| by_id.get(p)) {
                children[*p].push(i);
            }
            for s in &u.became {
                if let Some(&j) = by_id.get(&s.unit) {
                    predecessors[j].push((i, s.part));
                }
            }
        }
        let mut tier_events = vec![Vec::new(); n];
        let mut recognitions = vec![Vec::new(); n];
        for (ri, r) in data.recognitions.iter().enumerate() {
            if let Some(&i) = by_id.get(&r.unit) {
                recognitions[i].push(ri);
                if r.tier != Tier::ModelVillage && r.former.is_none() {
                    tier_events[i].push(TierEvent {
                        date: r.effective_for(&data.units[i]),
                        tier: r.tier,
                        revoke: false,
                        by_year: r.by_year,
                        provenance: RowProvenance::of(r.provenance()),
                    });
                }
            }
        }
        for r in &data.revocations {
            if let Some(&i) = by_id.get(&r.unit) {
                tier_events[i].push(TierEvent {
                    date: r.date,
                    tier: r.tier,
                    revoke: true,
                    by_year: false,
                    provenance: RowProvenance::of(r.provenance()),
                });
            }
        }
        for ev in &mut tier_events {
            crate::order::sort_by_key(ev, |e| (e.date, e.revoke));
        }
        let mut assessments = vec![Vec::new(); n];
        for (ai, a) in data.assessments.iter().enumerate() {
            if let Some(&i) = by_id.get(&a.unit) {
                assessments[i].push(ai);
            }
        }
        for (i, list) in assessments.iter_mut().enumerate() {
            let u = &data.units[i];
            crate::order::sort_by_key(list, |&ai| data.assessments[ai].effective_for(u));
        }
        let mut covered = vec![Vec::new(); n];
        for c in &data.coverage {
            if let Some(&i) = by_id.get(&c.unit) {
                covered[i].push((c.from, c.to));
            }
        }
        let sets = data
            .criteria_sets
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let steps = timeline(&data);
        let default_step = Step { date: data.as_of };
        let parents: Vec<Option<UnitIx>> = data
            .units
            .iter()
            .map(|u| u.parent.as_ref().and_then(|p| by_id.get(p).copied()))
            .collect();
        let era_communes: [Vec<UnitIx>; 2] = Era::ALL.map(|era| {
            data.units
                .iter()
                .enumerate()
                .filter(|(_, u)| u.kind.level() == Level::Commune && u.in_era(era))
                .map(|(i, _)| i)
                .collect()
        });
        let mut first_standard = Reached {
            year: data.first_year,
            by_year: false,
        };
        for r in &data.recognitions {
            if r.tier != Tier::Standard || r.former.is_some() || r.year > first_standard.year {
                continue;
            }
            if r.year < first_standard.year {
                first_standard = r.reached();
            } else {
                first_standard.by_year |= r.by_year;
            }
        }
        let mut former_districts: Vec<Vec<UnitIx>> = vec![Vec::new(); n];
        let mut succeeded = vec![false; n];
        for &c in &era_communes[1] {
            for &(p, _) in &predecessors[c] {
                let d = parents[p].filter(|&d: &UnitIx| {
                    let u = &data.units[d];
                    u.kind.level() == Level::District && !u.in_era(Era::Post2025)
                });
                if let Some(d) = d
                    && !former_districts[c].contains(&d)
                {
                    former_districts[c].push(d);
                    succeeded[d] = true;
                }
            }
        }
        let mut index = Self {
            data,
            by_id,
            children,
            predecessors,
            tier_events,
            assessments,
            recognitions,
            sets,
            covered,
            steps,
            default_step,
            parents,
            era_communes,
            former_districts,
            succeeded,
            first_standard,
            status_cache: Cache::new(64),
            summary_cache: Cache::new(256),
            provinces_cache: Cache::new(64),
        };
        index.default_step = index.compute_default_step();
        index
    }

    /// The unit with an id.
    pub fn find(&self, id: &str) -> Option<UnitIx> {
        self.by_id.get(id).copied()
    }

    /// The unit at an index.
    pub fn unit(&self, ix: UnitIx) -> &Unit {
        &self.data.units[ix]
    }

    /// The number of units.
    pub fn len(&self) -> usize {
        self.data.units.len()
    }

    /// Whether the dataset has no units.
    pub fn is_empty(&self) -> bool {
        self.data.units.is_empty()
    }

    /// Direct children of a unit.
    pub fn children(&self, ix: UnitIx) -> &[UnitIx] {
        &self.children[ix]
    }

    /// The parent of a unit.
    pub fn parent(&self, ix: UnitIx) -> Option<UnitIx> {
        self.parents.get(ix).copied().flatten()
    }

    /// The province a unit lies in (itself for a province).
    pub fn province_of(&self, ix: UnitIx) -> UnitIx {
        let mut cur = ix;
        for _ in 0..4 {
            if self.unit(cur).kind.level() == Level::Province {
                return cur;
            }
            match self.parent(cur) {
                Some(p) => cur = p,
                None => break,
            }
        }
        cur
    }

    /// The district a pre-reform commune lies in.
    pub fn district_of(&self, ix: UnitIx) -> Option<UnitIx> {
        self.parent(ix)
            .filter(|&p| self.unit(p).kind.level() == Level::District)
    }

    /// The units an ended unit became.
    pub fn successors(&self, ix: UnitIx) -> Vec<(UnitIx, bool)> {
        self.unit(ix)
            .became
            .iter()
            .filter_map(|s| Some((self.find(&s.unit)?, s.part)))
            .collect()
    }

    /// The units a new unit was formed from, with `true` where only part of one came.
    pub fn predecessors(&self, ix: UnitIx) -> &[(UnitIx, bool)] {
        &self.predecessors[ix]
    }

    /// The timeline: one step per year, plus 30/6/2025, the last day before the reform.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The step with a URL key, if the timeline has it.
    ///
    /// A month written out finds the step of that month too ("2025-12" is 31/12/2025, whose
    /// key is "2025"; "2026-06" is 30/6/2026): the year control writes the steps of 2025 as
    /// months, and a reader typed one into a link, which opened another date without a word.
    pub fn step_by_key(&self, key: &str) -> Option<Step> {
        self.steps
            .iter()
            .copied()
            .find(|s| s.key() == key)
            .or_else(|| {
                let (year, month) = key.split_once('-')?;
                let (year, month) = (year.parse::<u16>().ok()?, month.parse::<u8>().ok()?);
                self.steps
                    .iter()
                    .copied()
                    .find(|s| s.date.year == year && s.date.month == month)
            })
    }

    /// The step a reader sees first: the latest step whose share of communes with a known
    /// status is close to the best of the timeline. Right after the 2025 reform most new
    /// communes are not re-assessed yet, so the demo opens on 30/6/2025, the last day with full
    /// results; later years are one step away on the timeline.
    pub fn default_step(&self) -> Step {
        self.default_step
    }

    fn compute_default_step(&self) -> Step {
        let share = |s: &Step| {
            let mut assessable = 0usize;
            let mut known = 0usize;
            for c in self.communes_in(None, s.date) {
                if self.unit(c).kind.is_ntm_commune() {
                    assessable += 1;
                    if self.status(c, s.date) >= Status::NotYet {
                        known += 1;
                    }
                }
            }
            if assessable == 0 {
                0.0
            } else {
                known as f64 / assessable as f64
            }
        };
        let shares: Vec<f64> = self.steps.iter().map(share).collect();
        let best = shares.iter().copied().fold(0.0, f64::max);
        self.steps
            .iter()
            .zip(&shares)
            .rev()
            .find(|(_, sh)| best > 0.0 && **sh >= best * 0.9)
            .map_or_else(|| self.last_step(), |(s, _)| *s)
    }

    /// The latest step.
    pub fn last_step(&self) -> Step {
        self.steps.last().copied().unwrap_or(Step {
            date: self.data.as_of,
        })
    }

    /// A criteria set by id.
    pub fn criteria_set(&self, id: &str) -> Option<&CriteriaSet> {
        self.sets.get(id).map(|&i| &self.data.criteria_sets[i])
    }

    /// The commune criteria set in force in a year.
    pub fn commune_set_for_year(&self, year: u16) -> Option<&CriteriaSet> {
        self.data.criteria_sets.iter().find(|s| {
            s.level == crate::model::SetLevel::Commune && s.from_year <= year && year <= s.to_year
        })
    }

    /// Recognitions of a unit, oldest first.
    pub fn recognitions_of(&self, ix: UnitIx) -> Vec<&Recognition> {
        let mut v: Vec<&Recognition> = self.recognitions[ix]
            .iter()
            .map(|&i| &self.data.recognitions[i])
            .collect();
        crate::order::sort_by_key(&mut v, |r| (r.effective(), r.tier));
        v
    }

    /// Assessments of a unit, oldest first.
    pub fn assessments_of(&self, ix: UnitIx) -> impl Iterator<Item = &Assessment> {
        self.assessments[ix]
            .iter()
            .map(|&i| &self.data.assessments[i])
    }

    /// The latest assessment of a unit on or before a date.
    pub fn assessment_at(&self, ix: UnitIx, at: Date) -> Option<&Assessment> {
        self.assessments_of(ix)
            .take_while(|a| a.effective_for(&self.data.units[ix]) <= at)
            .last()
    }

    /// The highest commune tier a unit holds on a date, after revocations.
    pub fn tier_at(&self, ix: UnitIx, at: Date) -> Option<Tier> {
        self.held_tier(ix, at).map(|(t, _)| t)
    }

    /// The highest commune tier a unit holds on a date, with the provenance of the
    /// recognition that gave it.
    pub fn held_tier(&self, ix: UnitIx, at: Date) -> Option<(Tier, RowProvenance)> {
        let mut held: [Option<RowProvenance>; 3] = [None; 3];
        for e in self.tier_events[ix].iter().take_while(|e| e.date <= at) {
            let slot = match e.tier {
                Tier::Standard => 0,
                Tier::Advanced => 1,
                Tier::Model => 2,
                Tier::ModelVillage => continue,
            };
            if e.revoke {
                // Losing a tier loses every tier above it.
                for h in &mut held[slot..] {
                    *h = None;
                }
            } else {
                held[slot] = Some(e.provenance);
            }
        }
        [Tier::Model, Tier::Advanced, Tier::Standard]
            .into_iter()
            .zip([held[2], held[1], held[0]])
            .find_map(|(t, h)| h.map(|p| (t, p)))
    }

    /// The first year a unit was recognised at a tier (and not since revoked before `at`).
    pub fn first_year_at(&self, ix: UnitIx, tier: Tier, at: Date) -> Option<u16> {
        self.first_reached(ix, tier, at).map(|r| r.year)
    }

    /// The years the map's year colouring spans on a date: from the earliest year a commune
    /// reached the standard in the data (the data's first year if none is earlier), and
    /// whether that earliest year is "by the end of" it (its swatch then reads "≤ 2016"), to
    /// the date's year. The map and its legend colour a year alike from this.
    pub fn standard_years(&self, at: Date) -> (Reached, u16) {
        let first = self.first_standard;
        (first, at.year.max(first.year))
    }

    /// When a unit first reached a tier (and not since revoked before `at`): its year, and
    /// whether the source says only "by the end of" it.
    pub fn first_reached(&self, ix: UnitIx, tier: Tier, at: Date) -> Option<Reached> {
        self.tier_events[ix]
            .iter()
            .take_while(|e| e.date <= at)
            .find(|e| e.tier == tier && !e.revoke)
            .map(|e| Reached {
                year: e.date.year,
                by_year: e.by_year,
            })
    }

    fn is_covered(&self, ix: UnitIx, at: Date) -> bool {
        let mut cur = self.parent(ix);
        // At most the levels of the hierarchy: a unit that is its own ancestor (a parent
        // cycle, reported by validation) must not loop for ever.
        for _ in 0..4 {
            let Some(p) = cur else { break };
            if self.covered[p].iter().any(|&(from, to)| {
                from.is_none_or(|f| f <= at) && to.unwrap_or(self.data.as_of) >= at
            }) {
                return true;
            }
            cur = self.parent(p);
        }
        false
    }

    /// What the map shows for a commune-level unit on a date.
    pub fn status(&self, ix: UnitIx, at: Date) -> Status {
        let unit = self.unit(ix);
        if !unit.kind.is_ntm_commune() {
            return Status::NotApplicable;
        }
        if let Some(tier) = self.tier_at(ix, at) {
            return Status::from_tier(tier).unwrap_or(Status::NoData);
        }
        if self.assessment_at(ix, at).is_some() {
            return Status::NotYet;
        }
        // A commune created by the reform has no status until it is re-assessed, even where
        // the records of its province are complete; but one formed only from communes the data
        // knows nothing of (old Bắc Ninh's) is "no data", not a claim about its assessment.
        if unit.from == Some(REFORM_DATE) {
            return if self.knows_a_predecessor(ix) {
                Status::NotReassessed
            } else {
                Status::NoData
            };
        }
        if self.is_covered(ix, at) {
            Status::NotYet
        } else {
            Status::NoData
        }
    }

    /// Whether the data says anything of one of the units a new commune was formed from: a
    /// record of its own, complete records of its area on the last day before the reform, or a
    /// ward or township (known not to be assessed). A unit with no predecessor counts as known.
    fn knows_a_predecessor(&self, ix: UnitIx) -> bool {
        let before = self.predecessors(ix);
        before.is_empty()
            || before.iter().any(|&(p, _)| {
                !self.unit(p).kind.is_ntm_commune()
                    || !self.recognitions[p].is_empty()
                    || !self.assessments[p].is_empty()
                    || self.is_covered(p, LAST_PRE_REFORM_DAY)
            })
    }

    /// For every unit, whether any commune of the era within it (or it, a commune) has a
    /// record: a recognition, an assessment, or coverage of its area during the era (complete
    /// records, where a commune without a recognition is "not yet"). The area selector marks
    /// the areas without any ("Tỉnh Bắc Ninh (chưa có số liệu)"). One pass over the era's
    /// communes.
    pub fn areas_with_records(&self, era: Era) -> Vec<bool> {
        let (start, end) = match era {
            Era::Pre2025 => (None, Some(LAST_PRE_REFORM_DAY)),
            Era::Post2025 => (Some(REFORM_DATE), None),
        };
        let covers = |ranges: &[(Option<Date>, Option<Date>)]| {
            ranges.iter().any(|&(from, to)| {
                from.zip(end).is_none_or(|(f, e)| f <= e)
                    && to.zip(start).is_none_or(|(t, s)| t >= s)
            })
        };
        let mut out = vec![false; self.len()];
        for c in self.communes_of_era(era) {
            let mut known = !self.recognitions[c].is_empty() || !self.assessments[c].is_empty();
            let mut cur = self.parent(c);
            for _ in 0..4 {
                let Some(p) = cur else { break };
                known = known || covers(&self.covered[p]);
                cur = self.parent(p);
            }
            if !known {
                continue;
            }
            let mut cur = Some(c);
            for _ in 0..5 {
                let Some(u) = cur else { break };
                if std::mem::replace(&mut out[u], true) && u != c {
                    break;
                }
                cur = self.parent(u);
            }
        }
        out
    }

    /// Commune-level units of an era, in dataset order.
    pub fn communes_of_era(&self, era: Era) -> impl Iterator<Item = UnitIx> + '_ {
        let list = match era {
            Era::Pre2025 => &self.era_communes[0],
            Era::Post2025 => &self.era_communes[1],
        };
        list.iter().copied()
    }

    /// The status of every unit on a date (units that are not communes, or not in force, get
    /// what [`DatasetIndex::status`] says of them). Computed once per date and shared.
    pub fn statuses_at(&self, at: Date) -> std::sync::Arc<Vec<Status>> {
        self.status_cache.get_or(at, || {
            let mut table = vec![Status::NotApplicable; self.len()];
            for c in self.communes_of_era(Era::of(at)) {
                table[c] = self.status(c, at);
            }
            std::sync::Arc::new(table)
        })
    }

    /// Provinces with communes on a date, in the order of the dataset. Asked on every year
    /// step by the data-saver (which files to load) and by the area selector, so each date's
    /// answer is kept.
    pub fn provinces_with_communes(&self, at: Date) -> Vec<UnitIx> {
        self.provinces_cache.get_or(at, || {
            let mut seen = vec![false; self.data.units.len()];
            let mut out: Vec<UnitIx> = Vec::new();
            for c in self.communes_in(None, at) {
                let p = self.province_of(c);
                if !std::mem::replace(&mut seen[p], true) {
                    out.push(p);
                }
            }
            out
        })
    }

    /// Whether `ix` lies within `scope` (or is it).
    pub fn within(&self, ix: UnitIx, scope: UnitIx) -> bool {
        let mut cur = Some(ix);
        for _ in 0..5 {
            match cur {
                Some(c) if c == scope => return true,
                Some(c) => cur = self.parent(c),
                None => break,
            }
        }
        // A district ended by the reform goes on in the new communes its communes went into,
        // whole or in part.
        self.former_districts[ix].contains(&scope)
    }

    /// Whether a district ended by the reform has new communes its communes went into: then
    /// after the reform it is a scope of its own (those communes), not its province.
    pub fn has_successor_area(&self, district: UnitIx) -> bool {
        self.succeeded[district]
    }

    /// Commune-level units in force on a date, within a scope (`None`: everything).
    pub fn communes_in(&self, scope: Option<UnitIx>, at: Date) -> Vec<UnitIx> {
        self.communes_of_era(Era::of(at))
            .filter(|&i| self.unit(i).valid_on(at))
            .filter(|&i| scope.is_none_or(|s| self.within(i, s)))
            .collect()
    }

    /// The equivalent of a scope unit in the era of a date: a district abolished by the reform
    /// stays itself, standing for the new communes its communes went into (or, with none of
    /// them in the data, maps to its province's successor); a province maps to the province
    /// it became, a new province to the largest it was formed from.
    pub fn scope_in_era(&self, scope: UnitIx, era: Era) -> Option<UnitIx> {
        let unit = self.unit(scope);
        if unit.in_era(era) {
            return Some(scope);
        }
        match era {
            Era::Post2025 if self.has_successor_area(scope) => Some(scope),
            Era::Post2025 => {
                let province = self.province_of(scope);
                if self.unit(province).in_era(era) {
                    return Some(province);
                }
                self.successors(province).first().map(|&(s, _)| s)
            }
            Era::Pre2025 => {
                // A new province maps back to the largest of the provinces it was formed from.
                self.predecessors(scope)
                    .iter()
                    .map(|&(p, _)| p)
                    .max_by_key(|&p| self.children(p).len())
            }
        }
    }

    /// Provinces and districts in force in an era, for the scope selector.
    pub fn scopes_of_era(&self, era: Era) -> Vec<UnitIx> {
        self.data
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.kind.level() != Level::Commune && u.in_era(era))
            .map(|(i, _)| i)
            .collect()
    }

    /// Indicators (targets or published figures) of a unit.
    pub fn indicators_of(
        &self,
        ix: UnitIx,
        kind: IndicatorKind,
    ) -> impl Iterator<Item = &Indicator> + '_ {
        let id = &self.unit(ix).id;
        self.data
            .indicators
            .iter()
            .filter(move |i| &i.unit == id && i.kind == kind)
    }

    /// The published figure for a unit, metric and exact day, if any.
    pub fn reported(&self, ix: UnitIx, metric: Metric, at: Date) -> Option<&Indicator> {
        self.indicators_of(ix, IndicatorKind::Reported)
            .find(|i| i.metric == metric && i.effective() == at)
    }

    /// Model villages recognised in a unit up to a date.
    pub fn model_villages(&self, ix: UnitIx, at: Date) -> Vec<&Recognition> {
        self.model_villages_iter(ix, at).collect()
    }

    /// How many model villages a commune has on a date.
    pub fn model_village_count(&self, ix: UnitIx, at: Date) -> usize {
        self.model_villages_iter(ix, at).count()
    }

    /// The model villages of a commune recognised by a date.
    pub fn model_villages_iter(&self, ix: UnitIx, at: Date) -> impl Iterator<Item = &Recognition> {
        self.recognitions[ix]
            .iter()
            .map(|&i| &self.data.recognitions[i])
            .filter(move |r| r.tier == Tier::ModelVillage && r.effective() <= at)
    }

    /// The kind of a unit.
    pub fn kind(&self, ix: UnitIx) -> UnitKind {
        self.unit(ix).kind
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&crate::model::Source> {
        self.data.sources.iter().find(|s| s.id == id)
    }
}

/// The timeline of a dataset: the end of each year, with 30/6/2025 added before the reform,
/// and the last step no later than the dataset's "as of" date.
/// Years outside the programme (2010–2035, flagged by validation) are left out, so a typo
/// such as `"last_year": 20255` cannot make a timeline of thousands of steps.
pub fn timeline(data: &Dataset) -> Vec<Step> {
    use crate::validate::{LAST_TARGET_YEAR, PROGRAMME_START};
    let first = data.first_year.max(PROGRAMME_START);
    let last = data.last_year.min(LAST_TARGET_YEAR).max(first);
    let mut steps = Vec::new();
    for year in first..=last {
        if year == REFORM_DATE.year && LAST_PRE_REFORM_DAY <= data.as_of {
            steps.push(Step {
                date: LAST_PRE_REFORM_DAY,
            });
        }
        let end = Date::year_end(year).min(data.as_of);
        if steps.last().is_none_or(|s| s.date < end) {
            steps.push(Step { date: end });
        }
        if end == data.as_of {
            break;
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_found_by_its_key_or_by_its_month() {
        let index = DatasetIndex::new(
            crate::load::parse_dataset(include_str!("../../../public/data/ntm.json"))
                .expect("demo dataset"),
        );
        let dec = index.step_by_key("2025").expect("31/12/2025");
        assert_eq!(index.step_by_key("2025-12"), Some(dec));
        assert_eq!(dec.date, Date::new(2025, 12, 31).unwrap());
        let june = index.step_by_key("2025-06").expect("30/6/2025");
        assert_eq!(june.date, Date::new(2025, 6, 30).unwrap());
        assert_eq!(index.step_by_key("2025-07"), None);
        assert_eq!(index.step_by_key("2025-xx"), None);
        assert_eq!(index.step_by_key("1999"), None);
        // A link's year or unit the data does not have is marked, for the page to say so.
        let resolve = |q: &str| crate::view::ViewState::from_query(q).resolve(&index);
        let r = resolve("?year=2031&unit=99999");
        assert!(r.year_unknown && r.unit_unknown);
        assert_eq!(r.step, index.default_step());
        assert_eq!(r.unit, None);
        let r = resolve("?year=2025-12&unit=07519");
        assert!(!r.year_unknown && !r.unit_unknown);
        assert_eq!(r.step, dec);
        assert!(!resolve("").year_unknown && !resolve("").unit_unknown);
    }
}
