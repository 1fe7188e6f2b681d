//! Every validation rule with a minimal broken input: a tiny valid dataset built in code,
//! broken in one place, must give exactly the expected problem at the expected location.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use ntm_core::criteria::{QD51, QD318, QD1980, national_sets};
use ntm_core::date::Date;
use ntm_core::geometry;
use ntm_core::index::DatasetIndex;
use ntm_core::model::{
    Assessment, Coverage, Dataset, Indicator, IndicatorKind, Metric, Recognition, Revocation,
    SCHEMA_VERSION, Source, Succession, Text, Tier, Unit, UnitKind,
};
use ntm_core::validate::{Issue, List, Problem, Report, Severity, validate};

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn unit(id: &str, kind: UnitKind, parent: Option<&str>) -> Unit {
    Unit {
        id: id.into(),
        code: id.split('-').next().unwrap().into(),
        name: format!("Unit {id}"),
        kind,
        parent: parent.map(Into::into),
        from: None,
        to: None,
        became: Vec::new(),
        flags: Vec::new(),
        flags_illustrative: false,
        at: Some([21.7, 106.9]),
        aliases: Vec::new(),
        source: Some("s".into()),
        synthetic: false,
    }
}

fn recognition(unit: &str, tier: Tier, year: u16) -> Recognition {
    Recognition {
        unit: unit.into(),
        tier,
        year,
        date: None,
        decision: None,
        by_year: false,
        set: None,
        village: None,
        former: None,
        source: Some("s".into()),
        illustrative: false,
        synthetic: false,
    }
}

fn assessment(unit: &str, year: u16, set: &str, met: &str) -> Assessment {
    Assessment {
        unit: unit.into(),
        year,
        date: None,
        set: set.into(),
        met: met.into(),
        count: None,
        source: None,
        illustrative: true,
        synthetic: false,
    }
}

fn indicator(unit: &str, metric: Metric, value: f64) -> Indicator {
    Indicator {
        unit: unit.into(),
        kind: IndicatorKind::Reported,
        metric,
        year: 2019,
        date: None,
        value,
        max: None,
        of: None,
        note: None,
        source: Some("s".into()),
        illustrative: false,
        synthetic: false,
    }
}

/// A province, a district, two communes and a township before the reform, one commune after.
fn base() -> Dataset {
    let end = d(2025, 6, 30);
    let mut district = unit("188", UnitKind::Huyen, Some("20"));
    district.to = Some(end);
    let mut a = unit("06547", UnitKind::Xa, Some("188"));
    a.to = Some(end);
    a.became = vec![Succession {
        unit: "06547-2025".into(),
        part: false,
    }];
    let mut b = unit("06565", UnitKind::Xa, Some("188"));
    b.to = Some(end);
    b.became = vec![Succession {
        unit: "06547-2025".into(),
        part: false,
    }];
    let mut town = unit("06418", UnitKind::ThiTran, Some("188"));
    town.to = Some(end);
    let mut new = unit("06547-2025", UnitKind::Xa, Some("20"));
    new.from = Some(d(2025, 7, 1));
    Dataset {
        schema: SCHEMA_VERSION,
        id: "t".into(),
        version: "1".into(),
        title: Text::new("Thử", "Test"),
        as_of: d(2025, 12, 31),
        first_year: 2016,
        last_year: 2025,
        coverage: vec![Coverage {
            unit: "188".into(),
            from: None,
            to: Some(end),
        }],
        units: vec![unit("20", UnitKind::Tinh, None), district, a, b, town, new],
        criteria_sets: national_sets(),
        recognitions: vec![recognition("06547", Tier::Standard, 2019)],
        revocations: Vec::new(),
        assessments: vec![assessment("06547", 2019, QD1980, &"1".repeat(19))],
        indicators: vec![indicator("188", Metric::CommunesStandard, 1.0)],
        sources: vec![Source {
            id: "s".into(),
            title: "Nguồn".into(),
            title_en: None,
            publisher: "P".into(),
            date: None,
            url: None,
            file: None,
        }],
        geometry: Vec::new(),
    }
}

/// The single problem of a dataset, checked for list, index, field and severity.
fn only(data: &Dataset, list: List, index: usize, field: &str, severity: Severity) -> Issue {
    let problems = validate(data).problems;
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
    let p: &Problem = &problems[0];
    assert_eq!(
        (p.list, p.index, p.field, p.severity),
        (list, index, field, severity),
        "{p:#?}"
    );
    // Every problem has a message in both languages without unfilled placeholders.
    for lang in ntm_core::i18n::Lang::ALL {
        let m = p.message(lang);
        assert!(!m.is_empty() && !m.contains('{'), "{m}");
    }
    p.issue.clone()
}

fn error(data: &Dataset, list: List, index: usize, field: &str) -> Issue {
    only(data, list, index, field, Severity::Error)
}

#[test]
fn the_base_dataset_is_clean() {
    let problems = validate(&base()).problems;
    assert!(problems.is_empty(), "{problems:#?}");
}

// ---- Sources, sets, dataset ------------------------------------------------------------------

#[test]
fn duplicate_source_id() {
    let mut data = base();
    data.sources.push(data.sources[0].clone());
    let issue = error(&data, List::Sources, 1, "id");
    assert_eq!(
        issue,
        Issue::DuplicateId {
            id: "s".into(),
            first: 0
        }
    );
}

#[test]
fn empty_source_title() {
    let mut data = base();
    data.sources[0].title = " ".into();
    assert_eq!(error(&data, List::Sources, 0, "title"), Issue::Empty);
}

#[test]
fn duplicate_criteria_set() {
    let mut data = base();
    data.criteria_sets.push(data.criteria_sets[0].clone());
    assert!(matches!(
        error(&data, List::CriteriaSets, 4, "id"),
        Issue::DuplicateId { .. }
    ));
}

#[test]
fn criteria_set_period_inverted() {
    let mut data = base();
    data.criteria_sets[2].from_year = 2031;
    assert!(matches!(
        error(&data, List::CriteriaSets, 2, "to_year"),
        Issue::YearOutOfRange { year: 2030, .. }
    ));
}

#[test]
fn criteria_numbered_wrongly() {
    let mut data = base();
    data.criteria_sets[2].criteria[3].n = 7;
    assert_eq!(
        error(&data, List::CriteriaSets, 2, "criteria"),
        Issue::CriterionNumber { n: 7, expected: 4 }
    );
}

#[test]
fn criterion_in_unknown_group() {
    let mut data = base();
    data.criteria_sets[2].criteria[0].group = "IX".into();
    assert_eq!(
        error(&data, List::CriteriaSets, 2, "criteria"),
        Issue::UnknownGroup { group: "IX".into() }
    );
}

#[test]
fn first_year_after_last_year() {
    let mut data = base();
    data.first_year = 2026;
    assert!(matches!(
        error(&data, List::Dataset, 0, "first_year"),
        Issue::YearOutOfRange { .. }
    ));
    data.first_year = 2005;
    assert!(matches!(
        error(&data, List::Dataset, 0, "first_year"),
        Issue::YearOutOfRange { .. }
    ));
}

// ---- Units -----------------------------------------------------------------------------------

#[test]
fn duplicate_unit_id() {
    let mut data = base();
    let mut copy = data.units[3].clone();
    copy.id = "06565".into();
    data.units.push(copy);
    let problems = validate(&data).problems;
    assert!(problems.iter().any(|p| p.list == List::Units
        && p.index == 6
        && p.issue
            == Issue::DuplicateId {
                id: "06565".into(),
                first: 3
            }));
}

#[test]
fn same_code_in_force_at_the_same_time() {
    let mut data = base();
    let mut twin = data.units[3].clone();
    twin.id = "06565-bis".into();
    data.units.push(twin);
    assert_eq!(
        error(&data, List::Units, 6, "code"),
        Issue::OverlappingPeriod {
            other: "06565".into()
        }
    );
}

#[test]
fn empty_name_and_code() {
    let mut data = base();
    data.units[3].name = String::new();
    assert_eq!(error(&data, List::Units, 3, "name"), Issue::Empty);
    let mut data = base();
    data.units[4].code = " ".into();
    assert_eq!(error(&data, List::Units, 4, "code"), Issue::Empty);
}

#[test]
fn control_characters_in_a_name() {
    let mut data = base();
    data.units[3].name = "Khuất\u{202e}Xá".into();
    assert_eq!(
        error(&data, List::Units, 3, "name"),
        Issue::ControlCharacters
    );
}

#[test]
fn inverted_validity() {
    let mut data = base();
    data.units[4].from = Some(d(2026, 1, 1));
    assert!(matches!(
        error(&data, List::Units, 4, "to"),
        Issue::InvertedPeriod { .. }
    ));
}

#[test]
fn unknown_parent() {
    let mut data = base();
    data.units[3].parent = Some("999".into());
    assert_eq!(
        error(&data, List::Units, 3, "parent"),
        Issue::UnknownUnit { id: "999".into() }
    );
}

#[test]
fn parent_of_the_wrong_level() {
    let mut data = base();
    data.units[1].parent = Some("06565".into());
    assert_eq!(
        error(&data, List::Units, 1, "parent"),
        Issue::WrongParentLevel {
            parent: "06565".into()
        }
    );
}

#[test]
fn unknown_successor() {
    let mut data = base();
    data.units[3].became[0].unit = "99999-2025".into();
    assert_eq!(
        error(&data, List::Units, 3, "became"),
        Issue::UnknownUnit {
            id: "99999-2025".into()
        }
    );
}

#[test]
fn successor_starting_before_the_end() {
    let mut data = base();
    data.units[3].became[0].unit = "06418".into();
    assert_eq!(
        error(&data, List::Units, 3, "became"),
        Issue::SuccessorOverlaps {
            successor: "06418".into()
        }
    );
}

#[test]
fn centroid_outside_vietnam_or_not_finite() {
    let mut data = base();
    data.units[3].at = Some([48.8, 2.3]);
    assert!(matches!(
        error(&data, List::Units, 3, "at"),
        Issue::BadCentroid { .. }
    ));
    data.units[3].at = Some([f64::NAN, 106.0]);
    assert!(matches!(
        error(&data, List::Units, 3, "at"),
        Issue::BadCentroid { .. }
    ));
}

#[test]
fn unit_with_unknown_source() {
    let mut data = base();
    data.units[0].source = Some("nowhere".into());
    assert_eq!(
        error(&data, List::Units, 0, "source"),
        Issue::UnknownSource {
            id: "nowhere".into()
        }
    );
}

// ---- Recognitions ----------------------------------------------------------------------------

#[test]
fn recognition_without_provenance() {
    let mut data = base();
    data.recognitions[0].source = None;
    assert_eq!(
        error(&data, List::Recognitions, 0, "source"),
        Issue::NoProvenance
    );
}

#[test]
fn recognition_with_two_provenances() {
    let mut data = base();
    data.recognitions[0].illustrative = true;
    let problems = validate(&data).problems;
    assert!(
        problems
            .iter()
            .any(|p| p.issue == Issue::ConflictingProvenance && p.field == "source")
    );
}

#[test]
fn recognition_with_unknown_source() {
    let mut data = base();
    data.recognitions[0].source = Some("x".into());
    assert_eq!(
        error(&data, List::Recognitions, 0, "source"),
        Issue::UnknownSource { id: "x".into() }
    );
}

#[test]
fn recognition_year_out_of_range() {
    let mut data = base();
    data.recognitions
        .push(recognition("06565", Tier::Standard, 2009));
    assert!(matches!(
        error(&data, List::Recognitions, 1, "year"),
        Issue::YearOutOfRange { year: 2009, .. }
    ));
}

#[test]
fn recognition_with_unknown_set() {
    let mut data = base();
    data.recognitions[0].set = Some("qd0".into());
    assert_eq!(
        error(&data, List::Recognitions, 0, "set"),
        Issue::UnknownSet { id: "qd0".into() }
    );
}

#[test]
fn recognition_of_unknown_unit() {
    let mut data = base();
    data.recognitions
        .push(recognition("77777", Tier::Standard, 2019));
    assert_eq!(
        error(&data, List::Recognitions, 1, "unit"),
        Issue::UnknownUnit { id: "77777".into() }
    );
}

#[test]
fn recognition_outside_the_units_lifetime() {
    let mut data = base();
    let mut r = recognition("06565", Tier::Standard, 2025);
    r.date = Some(d(2025, 9, 1));
    data.recognitions.push(r);
    assert!(matches!(
        error(&data, List::Recognitions, 1, "date"),
        Issue::OutsideValidity { .. }
    ));
}

#[test]
fn a_date_after_the_merger_names_the_units_last_day_and_the_new_unit() {
    let mut data = base();
    let mut r = recognition("06565", Tier::Standard, 2025);
    r.date = Some(d(2025, 8, 15));
    data.recognitions.push(r);
    let p = &validate(&data).problems[0];
    assert_eq!(
        p.message(ntm_core::i18n::Lang::Vi),
        "ngày 15/8/2025 nằm ngoài thời gian tồn tại của đơn vị (đến hết 30/6/2025); \
         đơn vị này đã được sắp xếp từ 1/7/2025 — ghi công nhận sau ngày đó cho đơn vị mới"
    );
    assert_eq!(
        p.message(ntm_core::i18n::Lang::En),
        "the date 15 August 2025 is outside the unit's lifetime (until 30 June 2025); \
         this unit was merged on 1/7/2025: record what came after on the new unit"
    );
}

#[test]
fn an_undated_recognition_in_the_year_a_commune_was_merged_is_held_until_the_merger() {
    // Recognised in 2025 with no decision date, merged on 1/7/2025: valid, and the tier is
    // shown on the commune's last day (the year's end would be after the commune ended).
    let mut data = base();
    data.recognitions
        .push(recognition("06565", Tier::Standard, 2025));
    data.assessments
        .push(assessment("06565", 2025, QD318, &"1".repeat(19)));
    assert_eq!(validate(&data).problems, Vec::new());
    let index = DatasetIndex::new(data);
    let ix = index.find("06565").expect("unit");
    assert_eq!(index.tier_at(ix, d(2025, 6, 30)), Some(Tier::Standard));
    assert_eq!(index.tier_at(ix, d(2025, 6, 29)), None);
    assert!(index.assessment_at(ix, d(2025, 6, 30)).is_some());
}

#[test]
fn merged_commune_inheriting_a_tier() {
    let mut data = base();
    data.recognitions
        .push(recognition("06547-2025", Tier::Standard, 2019));
    assert_eq!(
        error(&data, List::Recognitions, 1, "year"),
        Issue::InheritedTier { year: 2019 }
    );
}

#[test]
fn advanced_before_standard() {
    let mut data = base();
    data.recognitions
        .push(recognition("06565", Tier::Advanced, 2020));
    assert_eq!(
        error(&data, List::Recognitions, 1, "tier"),
        Issue::TierOrder {
            tier: Tier::Advanced,
            needs: Tier::Standard
        }
    );
    // Recognised standard only later: still out of order.
    data.recognitions
        .push(recognition("06565", Tier::Standard, 2021));
    assert!(matches!(
        error(&data, List::Recognitions, 1, "tier"),
        Issue::TierOrder { .. }
    ));
}

#[test]
fn model_without_advanced() {
    let mut data = base();
    data.recognitions
        .push(recognition("06547", Tier::Model, 2022));
    assert_eq!(
        error(&data, List::Recognitions, 1, "tier"),
        Issue::TierOrder {
            tier: Tier::Model,
            needs: Tier::Advanced
        }
    );
}

#[test]
fn commune_tier_on_a_township_is_a_warning() {
    let mut data = base();
    data.recognitions
        .push(recognition("06418", Tier::Standard, 2019));
    let issue = only(&data, List::Recognitions, 1, "tier", Severity::Warning);
    assert_eq!(
        issue,
        Issue::NotACommune {
            kind: UnitKind::ThiTran
        }
    );
}

#[test]
fn a_former_communes_recognition_is_history_only() {
    let mut data = base();
    // Xã Văn An, merged into this township: no tier order, township or inheritance problem,
    // and the township holds no tier.
    let mut r = recognition("06418", Tier::Advanced, 2019);
    r.former = Some("Xã Văn An".into());
    data.recognitions.push(r);
    let mut r = recognition("06547-2025", Tier::Standard, 2018);
    r.former = Some("Xã Cũ".into());
    data.recognitions.push(r);
    assert!(
        validate(&data).problems.is_empty(),
        "{:#?}",
        validate(&data).problems
    );
    let index = DatasetIndex::new(data);
    let town = index.find("06418").unwrap();
    assert_eq!(index.tier_at(town, d(2024, 12, 31)), None);
}

#[test]
fn recognised_commune_with_an_unmet_criterion() {
    let mut data = base();
    let mut met = "1".repeat(19);
    met.replace_range(9..10, "0");
    data.assessments[0].met = met;
    let problems = validate(&data).problems;
    assert_eq!(problems.len(), 2, "{problems:#?}");
    for p in &problems {
        assert_eq!(p.severity, Severity::Warning);
        assert_eq!(
            p.issue,
            Issue::RecognisedWithUnmetCriteria {
                met: 18,
                of: 19,
                unmet: vec![10],
                year: 2019
            }
        );
    }
    assert!(
        problems
            .iter()
            .any(|p| p.list == List::Assessments && p.field == "met")
    );
    assert!(
        problems
            .iter()
            .any(|p| p.list == List::Recognitions && p.field == "tier")
    );
}

// ---- Revocations -----------------------------------------------------------------------------

fn revocation(unit: &str, date: Date) -> Revocation {
    Revocation {
        unit: unit.into(),
        tier: Tier::Standard,
        date,
        decision: None,
        source: Some("s".into()),
        illustrative: false,
        synthetic: false,
    }
}

#[test]
fn a_tier_recognised_again_needs_a_revocation_in_between() {
    let mut data = base();
    data.recognitions
        .push(recognition("06547", Tier::Standard, 2021));
    assert_eq!(
        only(&data, List::Recognitions, 1, "year", Severity::Warning),
        Issue::RepeatedTier {
            tier: Tier::Standard,
            year: 2019,
            first: 0
        }
    );
    // Revoked in 2020, recognised again in 2021: two facts.
    data.revocations.push(revocation("06547", d(2020, 3, 1)));
    assert_eq!(validate(&data).problems, Vec::new());
}

#[test]
fn withdrawing_a_tier_never_held_and_a_decision_years_off_are_warned() {
    let mut data = base();
    let mut rev = revocation("06547", d(2021, 3, 1));
    rev.tier = Tier::Advanced;
    data.revocations.push(rev);
    assert_eq!(
        only(&data, List::Revocations, 0, "tier", Severity::Warning),
        Issue::RevokedNotHeld {
            tier: Tier::Advanced
        }
    );
    let mut data = base();
    data.recognitions[0].date = Some(d(2017, 5, 1));
    assert_eq!(
        only(&data, List::Recognitions, 0, "date", Severity::Warning),
        Issue::DecisionYear {
            date_year: 2017,
            year: 2019
        }
    );
    // Early the next year is how decisions often come.
    data.recognitions[0].date = Some(d(2020, 1, 26));
    assert_eq!(validate(&data).problems, Vec::new());
}

#[test]
fn by_the_end_of_a_year_with_a_decision_date_is_warned() {
    let mut data = base();
    data.recognitions[0].by_year = true;
    // "By the end of 2019, perhaps earlier": no date to say when.
    assert_eq!(validate(&data).problems, Vec::new());
    data.recognitions[0].date = Some(d(2019, 10, 31));
    assert_eq!(
        only(&data, List::Recognitions, 0, "by_year", Severity::Warning),
        Issue::ByYearWithDate
    );
}

#[test]
fn revocation_rules() {
    let mut data = base();
    data.revocations.push(revocation("06547", d(2021, 3, 1)));
    assert!(validate(&data).problems.is_empty());

    let mut bad = data.clone();
    bad.revocations[0].source = None;
    assert_eq!(
        error(&bad, List::Revocations, 0, "source"),
        Issue::NoProvenance
    );

    let mut bad = data.clone();
    bad.revocations[0].synthetic = true;
    assert!(
        validate(&bad)
            .problems
            .iter()
            .any(|p| p.issue == Issue::ConflictingProvenance)
    );

    let mut bad = data.clone();
    bad.revocations[0].unit = "12345".into();
    assert!(matches!(
        error(&bad, List::Revocations, 0, "unit"),
        Issue::UnknownUnit { .. }
    ));

    let mut bad = data;
    bad.revocations[0].date = d(2025, 8, 1);
    assert!(matches!(
        error(&bad, List::Revocations, 0, "date"),
        Issue::OutsideValidity { .. }
    ));
}

// ---- Assessments -----------------------------------------------------------------------------

#[test]
fn assessment_without_provenance() {
    let mut data = base();
    data.assessments[0].illustrative = false;
    assert_eq!(
        error(&data, List::Assessments, 0, "source"),
        Issue::NoProvenance
    );
}

#[test]
fn assessment_with_two_provenances() {
    let mut data = base();
    data.assessments[0].source = Some("s".into());
    assert_eq!(
        error(&data, List::Assessments, 0, "source"),
        Issue::ConflictingProvenance
    );
}

#[test]
fn assessment_year_out_of_range() {
    let mut data = base();
    data.assessments
        .push(assessment("06565", 2026, QD51, &"1".repeat(10)));
    data.as_of = d(2025, 12, 31);
    let problems = validate(&data).problems;
    assert!(problems.iter().any(|p| p.list == List::Assessments
        && p.field == "year"
        && matches!(p.issue, Issue::YearOutOfRange { year: 2026, .. })));
}

#[test]
fn assessment_of_unknown_unit_or_outside_its_lifetime() {
    let mut data = base();
    data.assessments
        .push(assessment("55555", 2019, QD1980, &"0".repeat(19)));
    assert!(matches!(
        error(&data, List::Assessments, 1, "unit"),
        Issue::UnknownUnit { .. }
    ));
    let mut data = base();
    data.assessments
        .push(assessment("06547-2025", 2024, QD318, &"0".repeat(19)));
    assert!(matches!(
        error(&data, List::Assessments, 1, "year"),
        Issue::OutsideValidity { .. }
    ));
}

#[test]
fn assessment_against_unknown_set() {
    let mut data = base();
    data.assessments[0].set = "qd999".into();
    assert_eq!(
        error(&data, List::Assessments, 0, "set"),
        Issue::UnknownSet { id: "qd999".into() }
    );
}

#[test]
fn criteria_outside_the_set() {
    // Twelve marks against the ten criteria of QĐ 51.
    let mut data = base();
    data.as_of = d(2026, 12, 31);
    data.last_year = 2026;
    data.assessments
        .push(assessment("06547-2025", 2026, QD51, "111111111111"));
    assert_eq!(
        error(&data, List::Assessments, 1, "met"),
        Issue::CriteriaMismatch {
            given: 12,
            expected: 10
        }
    );
}

#[test]
fn bad_criterion_mark() {
    let mut data = base();
    data.assessments
        .push(assessment("06565", 2019, QD1980, "111111111111111111x"));
    assert_eq!(
        error(&data, List::Assessments, 1, "met"),
        Issue::BadCriterionMark { n: 19, found: 'x' }
    );
}

#[test]
fn a_record_dated_after_as_of_is_an_error() {
    // An update added a decision of October without moving as_of: it would never be shown.
    let mut data = base();
    data.as_of = d(2025, 9, 30);
    let mut late = recognition("06547-2025", Tier::Standard, 2025);
    late.date = Some(d(2025, 10, 15));
    data.recognitions.push(late);
    let index = data.recognitions.len() - 1;
    assert_eq!(
        error(&data, List::Recognitions, index, "date"),
        Issue::AfterAsOf {
            date: d(2025, 10, 15),
            as_of: d(2025, 9, 30)
        }
    );
}

#[test]
fn a_count_of_criteria_met_must_agree_with_the_marks() {
    // "17/19" with none named: fine. 17 with 3 marked "not met": at most 16. 17 with 18
    // marked met: at least 18.
    let mut data = base();
    let mut count_only = assessment("06565", 2019, QD1980, &"-".repeat(19));
    count_only.count = Some(17);
    data.assessments.push(count_only);
    let mut three_missed = assessment("06565", 2020, QD1980, &format!("{}000", "-".repeat(16)));
    three_missed.count = Some(17);
    data.assessments.push(three_missed);
    let mut eighteen = assessment("06565", 2021, QD1980, &format!("{}-", "1".repeat(18)));
    eighteen.count = Some(17);
    data.assessments.push(eighteen);
    let report = ntm_core::validate::validate(&data);
    let counts: Vec<_> = report
        .problems
        .iter()
        .filter(|p| p.field == "count")
        .map(|p| (p.index, p.issue.clone()))
        .collect();
    assert_eq!(
        counts,
        vec![
            (
                2,
                Issue::CountOutsideMarks {
                    count: 17,
                    min: 0,
                    max: 16
                }
            ),
            (
                3,
                Issue::CountOutsideMarks {
                    count: 17,
                    min: 18,
                    max: 19
                }
            ),
        ]
    );
    assert_eq!(data.assessments[1].met_count(), 17);
}

#[test]
fn set_not_in_force_is_a_warning() {
    let mut data = base();
    // QĐ 1980 (2016–2020) in 2023, after QĐ 318 was issued.
    data.assessments
        .push(assessment("06565", 2023, QD1980, &"0".repeat(19)));
    let issue = only(&data, List::Assessments, 1, "set", Severity::Warning);
    assert_eq!(
        issue,
        Issue::SetNotInForce {
            set: QD1980.into(),
            year: 2023
        }
    );
}

/// A result of 2021 "under QĐ 318" (signed 8/3/2022) was reached under QĐ 1980, which stayed
/// in use past its period until its successor was issued.
#[test]
fn a_result_dated_before_its_set_was_issued_is_a_warning() {
    let mut data = base();
    data.assessments
        .push(assessment("06565", 2021, QD318, &"0".repeat(19)));
    let issue = only(&data, List::Assessments, 1, "set", Severity::Warning);
    assert_eq!(
        issue,
        Issue::SetNotYetIssued {
            set: QD318.into(),
            document: "QĐ 318/QĐ-TTg".into(),
            issued: Date::new(2022, 3, 8).unwrap(),
            assessed: Date::year_end(2021),
        }
    );
    data.assessments[1].set = QD1980.into();
    assert_eq!(validate(&data).problems, vec![]);
}

// ---- Indicators ------------------------------------------------------------------------------

#[test]
fn indicator_provenance() {
    let mut data = base();
    data.indicators[0].source = None;
    assert_eq!(
        error(&data, List::Indicators, 0, "source"),
        Issue::NoProvenance
    );
    data.indicators[0].source = Some("s".into());
    data.indicators[0].illustrative = true;
    assert_eq!(
        error(&data, List::Indicators, 0, "source"),
        Issue::ConflictingProvenance
    );
}

#[test]
fn indicator_year_out_of_range() {
    let mut data = base();
    data.indicators[0].kind = IndicatorKind::Target;
    data.indicators[0].year = 2036;
    assert!(matches!(
        error(&data, List::Indicators, 0, "year"),
        Issue::YearOutOfRange {
            year: 2036,
            max: 2035,
            ..
        }
    ));
}

#[test]
fn indicator_of_unknown_unit() {
    let mut data = base();
    data.indicators[0].unit = "99".into();
    assert!(matches!(
        error(&data, List::Indicators, 0, "unit"),
        Issue::UnknownUnit { .. }
    ));
}

#[test]
fn percentage_above_100() {
    let mut data = base();
    data.indicators
        .push(indicator("20", Metric::CommunesStandardShare, 104.5));
    assert_eq!(
        error(&data, List::Indicators, 1, "value"),
        Issue::PercentOutOfRange { value: 104.5 }
    );
    let mut data = base();
    let mut range = indicator("20", Metric::CommunesAdvancedShare, 40.0);
    range.max = Some(140.0);
    data.indicators.push(range);
    assert!(matches!(
        error(&data, List::Indicators, 1, "max"),
        Issue::PercentOutOfRange { .. }
    ));
}

#[test]
fn negative_or_non_finite_numbers() {
    let mut data = base();
    data.indicators[0].value = -1.0;
    assert!(matches!(
        error(&data, List::Indicators, 0, "value"),
        Issue::BadNumber { .. }
    ));
    data.indicators[0].value = f64::INFINITY;
    assert!(matches!(
        error(&data, List::Indicators, 0, "value"),
        Issue::BadNumber { .. }
    ));
}

#[test]
fn average_above_nineteen_criteria() {
    let mut data = base();
    data.indicators
        .push(indicator("20", Metric::AverageCriteria, 19.5));
    let issue = error(&data, List::Indicators, 1, "value");
    assert_eq!(
        issue,
        Issue::AboveCriteria {
            value: 19.5,
            max: 19
        }
    );
}

#[test]
fn a_count_with_a_fraction_is_a_thousands_separator_misread() {
    let mut data = base();
    data.indicators[0].value = 1.062;
    assert_eq!(
        error(&data, List::Indicators, 0, "value"),
        Issue::NotWhole { value: 1.062 }
    );
    let p = &validate(&data).problems[0];
    assert!(
        p.message(ntm_core::i18n::Lang::Vi)
            .starts_with("1,062 không phải số nguyên")
    );
}

#[test]
fn count_above_its_denominator() {
    let mut data = base();
    data.indicators[0].value = 176.0;
    data.indicators[0].of = Some(175);
    assert_eq!(
        error(&data, List::Indicators, 0, "of"),
        Issue::MoreThanTotal {
            value: 176.0,
            of: 175
        }
    );
    assert_eq!(
        validate(&data).problems[0].message(ntm_core::i18n::Lang::En),
        "176 is more than the total of 175"
    );
}

// ---- Coverage --------------------------------------------------------------------------------

#[test]
fn coverage_rules() {
    let mut data = base();
    data.coverage[0].unit = "404".into();
    assert!(matches!(
        error(&data, List::Coverage, 0, "unit"),
        Issue::UnknownUnit { .. }
    ));
    let mut data = base();
    data.coverage[0].from = Some(d(2026, 1, 1));
    assert!(matches!(
        error(&data, List::Coverage, 0, "to"),
        Issue::InvertedPeriod { .. }
    ));
}

// ---- Geometry --------------------------------------------------------------------------------

/// Two unit squares sharing an arc, for communes `a` and `b`.
fn squares(a: &str, b: &str) -> String {
    format!(
        r#"{{"schema":1,"era":"pre2025","transform":{{"scale":[0.01,0.01],"translate":[106,21]}},
        "arcs":[[1,0,0,1],[1,1,-1,0,0,-1,1,0],[1,0,1,0,0,1,-1,0]],
        "shapes":[{{"unit":"{a}","polygons":[[[0,1]]],"approx":true}},
                  {{"unit":"{b}","polygons":[[[-1,2]]],"approx":true}}]}}"#
    )
}

fn geometry_problems(text: &str) -> Vec<Problem> {
    let mut report = Report::default();
    let g = geometry::decode(geometry::parse(text).unwrap(), &mut report);
    let index = DatasetIndex::new(base());
    geometry::check_units(&g, ntm_core::model::Era::Pre2025, &index, &mut report);
    report.problems
}

#[test]
fn geometry_for_an_unknown_unit_and_units_without_geometry() {
    let problems = geometry_problems(&squares("06547", "88888"));
    assert!(problems.iter().any(|p| p.list == List::Shapes
        && p.severity == Severity::Error
        && p.issue == Issue::GeometryUnknownUnit { id: "88888".into() }));
    // 06565 and the township 06418 have no shape: warnings.
    let missing: Vec<&str> = problems
        .iter()
        .filter_map(|p| match &p.issue {
            Issue::MissingGeometry { id } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(missing, vec!["06565", "06418"]);
    assert!(
        problems.iter().all(|p| p.severity == Severity::Warning
            || matches!(p.issue, Issue::GeometryUnknownUnit { .. }))
    );
}

#[test]
fn empty_shapes_and_broken_coordinates() {
    let text = squares("06547", "06565")
        .replace("[[[0,1]]]", "[]")
        .replace("[1,0,0,1]", "[1,0,0]");
    let problems = geometry_problems(&text);
    assert!(problems.iter().any(|p| p.issue == Issue::EmptyGeometry));
    assert!(
        problems
            .iter()
            .any(|p| matches!(p.issue, Issue::BadCoordinate { .. }))
    );
    let zero = squares("06547", "06565").replace("[0.01,0.01]", "[0,0.01]");
    assert!(geometry::parse(&zero).is_err());
}

// ---- Serialisation ---------------------------------------------------------------------------

#[test]
fn unit_ids_equal_to_codes_are_omitted_and_restored() {
    let data = base();
    let json = serde_json::to_string(&data).unwrap();
    assert!(!json.contains(r#""id":"06565""#));
    assert!(json.contains(r#""id":"06547-2025","code":"06547""#));
    let back = ntm_core::load::parse_dataset(&json).unwrap();
    assert_eq!(back.units, data.units);
}
