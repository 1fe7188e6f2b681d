//! How units and their statuses are named to readers: "Xã Tú Mịch" / "Tú Mịch Commune" on
//! their own, "xã Tú Mịch" inside a sentence ("Mục tiêu của xã Tú Mịch"), and the accessible
//! name of a commune on the map ("Xã Tú Mịch, huyện Lộc Bình — đạt chuẩn NTM năm 2020").

use crate::date::{Date, LAST_PRE_REFORM_DAY};
use crate::i18n::{Lang, Msg, fill};
use crate::index::{DatasetIndex, Status, UnitIx};
use crate::model::{Tier, Unit, UnitKind};

/// The official name, standing on its own (a heading, a list item, a table cell): "Xã Tú Mịch"
/// in Vietnamese, "Tú Mịch Commune" in English. Inside a sentence use [`name_in_sentence`].
pub fn full_name(unit: &Unit, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} {}", unit.kind.prefix_vi(), unit.name),
        Lang::En => format!("{} {}", unit.name, unit.kind.suffix_en()),
    }
}

/// The name where the kind goes without saying (a row of districts, a list of provinces):
/// the name alone, with the kind only for cities and towns, shortened as Vietnamese writes
/// them ("TP Bắc Giang", "TX Chũ"), so two places of one name stay apart on a narrow screen.
pub fn short_name(name: &str, kind: UnitKind, lang: Lang) -> String {
    match (kind, lang) {
        (UnitKind::ThanhPho, Lang::Vi) => format!("TP {name}"),
        (UnitKind::ThiXa, Lang::Vi) => format!("TX {name}"),
        (UnitKind::ThanhPho, Lang::En) => format!("{name} City"),
        (UnitKind::ThiXa, Lang::En) => format!("{name} Town"),
        _ => name.to_owned(),
    }
}

/// The official name inside a sentence or after a comma, where Vietnamese writes the kind in
/// lower case: "huyện Lộc Bình", "Mục tiêu của tỉnh Lạng Sơn"; English is unchanged
/// ("Lộc Bình District").
pub fn name_in_sentence(unit: &Unit, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} {}", unit.kind.prefix_vi().to_lowercase(), unit.name),
        Lang::En => full_name(unit, lang),
    }
}

/// "Xã Tú Mịch, huyện Lộc Bình": a commune with the district (or province) it lies in.
pub fn name_with_parent(index: &DatasetIndex, ix: UnitIx, lang: Lang) -> String {
    let unit = index.unit(ix);
    match index.parent(ix) {
        Some(p) => format!(
            "{}, {}",
            full_name(unit, lang),
            name_in_sentence(index.unit(p), lang)
        ),
        None => full_name(unit, lang),
    }
}

/// A short phrase for a commune's status on a date, with the year it was reached.
pub fn status_phrase(
    index: &DatasetIndex,
    ix: UnitIx,
    status: Status,
    at: Date,
    lang: Lang,
) -> String {
    // "2016 hoặc trước đó" where the source counts the commune only "by the end of 2016".
    let since = |tier: Tier| match index.first_reached(ix, tier, at) {
        Some(r) if r.by_year => fill(
            Msg::YearOrEarlier.text(lang),
            &[("year", &r.year.to_string())],
        ),
        Some(r) => r.year.to_string(),
        None => String::new(),
    };
    match status {
        Status::Standard => fill(
            Msg::PhraseStandardSince.text(lang),
            &[("year", &since(Tier::Standard))],
        ),
        Status::Advanced => fill(
            Msg::PhraseAdvancedSince.text(lang),
            &[("year", &since(Tier::Advanced))],
        ),
        Status::Model => fill(
            Msg::PhraseModelSince.text(lang),
            &[("year", &since(Tier::Model))],
        ),
        Status::NotYet => match index.assessment_at(ix, at).and_then(|a| {
            let set = index.criteria_set(&a.set)?;
            Some((a.met_count(), set.criteria.len(), set, a.year))
        }) {
            // An assessment against a set no longer in force says which and when (Châu Sơn's
            // 2025 "17/19" under QĐ 318 read as a 2026 result).
            Some((met, of, set, year))
                if index
                    .commune_set_for_year(at.year)
                    .is_some_and(|now| now.id != set.id) =>
            {
                fill(
                    Msg::PhraseNotYetOldSet.text(lang),
                    &[
                        ("met", &met.to_string()),
                        ("of", &of.to_string()),
                        ("document", &set.document),
                        ("year", &year.to_string()),
                    ],
                )
            }
            Some((met, of, _, _)) => fill(
                Msg::PhraseNotYetCriteria.text(lang),
                &[("met", &met.to_string()), ("of", &of.to_string())],
            ),
            None => Msg::TierNotYet.text(lang).to_lowercase(),
        },
        Status::NoData => Msg::TierNoData.text(lang).to_lowercase(),
        Status::NotReassessed => Msg::TierNotReassessed.text(lang).to_lowercase(),
        // A district or province is not a ward: its communes have tiers, it has none.
        // A district recognised as such (Lục Nam, QĐ 37/QĐ-TTg for 2023) says so first: "its
        // tiers are its communes'" above its own recognition read as a contradiction.
        Status::NotApplicable
            if index.unit(ix).kind.level() != crate::model::Level::Commune
                && index.first_year_at(ix, Tier::Standard, at).is_some() =>
        {
            fill(
                Msg::PhraseAreaRecognised.text(lang),
                &[("year", &since(Tier::Standard))],
            )
        }
        Status::NotApplicable if index.unit(ix).kind.level() != crate::model::Level::Commune => {
            Msg::PhraseArea.text(lang).to_owned()
        }
        Status::NotApplicable => Msg::PhraseNotApplicable.text(lang).to_owned(),
    }
}

/// "7 of 19 criteria met" on a date, for a card or a tooltip under [`status_phrase`]; `None`
/// without an assessment, and for "not yet", whose phrase already gives the count.
pub fn criteria_line(
    index: &DatasetIndex,
    ix: UnitIx,
    status: Status,
    at: Date,
    lang: Lang,
) -> Option<String> {
    if status == Status::NotYet {
        return None;
    }
    let a = index.assessment_at(ix, at)?;
    let set = index.criteria_set(&a.set)?;
    Some(fill(
        Msg::CriteriaMet.text(lang),
        &[
            ("met", &a.met_count().to_string()),
            ("of", &set.criteria.len().to_string()),
        ],
    ))
}

/// The accessible name of a commune on the map.
pub fn accessible_name(index: &DatasetIndex, ix: UnitIx, at: Date, lang: Lang) -> String {
    let status = index.status(ix, at);
    format!(
        "{} — {}",
        name_with_parent(index, ix, lang),
        status_phrase(index, ix, status, at, lang)
    )
}

/// The date a successor's tier is said on: the selected date once it is after the reform (the
/// date the reader sees on the map and the year control), else the data's last date (what
/// the old commune's successor is now).
pub fn successor_date(index: &DatasetIndex, selected: Date) -> Date {
    if selected > LAST_PRE_REFORM_DAY {
        selected
    } else {
        index.last_step().date
    }
}

/// The tier shown beside a related unit: a constituent's last tier before the reform (`on` =
/// `None`), or a successor's on a named date, said with that date so that it is never read as
/// the tier of the date the reader has selected. One rule for the detail card and the profile.
pub fn related_tier(index: &DatasetIndex, ix: UnitIx, on: Option<Date>, lang: Lang) -> String {
    match on {
        // With what it was short of ("chưa đạt chuẩn (đạt 5/10 tiêu chí)"): the old commune's
        // card read "đạt chuẩn NTM năm 2020", then its successor's bare "chưa đạt chuẩn", which
        // alarmed a reader who did not know the new commune was assessed afresh.
        Some(at) => fill(
            Msg::TierOn.text(lang),
            &[
                ("date", &at.display(lang)),
                (
                    "tier",
                    &status_phrase(index, ix, index.status(ix, at), at, lang),
                ),
            ],
        ),
        None => fill(
            Msg::LastTier.text(lang),
            &[(
                "tier",
                index
                    .status(ix, last_day_before_reform(index, ix))
                    .msg()
                    .text(lang),
            )],
        ),
    }
}

/// An old unit's last day in force, no later than the day before the reform: where its "last
/// tier" is read.
fn last_day_before_reform(index: &DatasetIndex, ix: UnitIx) -> Date {
    index
        .unit(ix)
        .to
        .unwrap_or(LAST_PRE_REFORM_DAY)
        .min(LAST_PRE_REFORM_DAY)
}

/// Where the status [`related_tier`] shows comes from: an illustrative one says so beside it
/// (a successor's "30/6/2026: chưa đạt chuẩn" rested on a made-up assessment, unflagged).
pub fn related_provenance(
    index: &DatasetIndex,
    ix: UnitIx,
    on: Option<Date>,
) -> crate::table::RowProvenance {
    let at = on.unwrap_or_else(|| last_day_before_reform(index, ix));
    crate::table::status_provenance(index, ix, at)
}

/// For an old commune that held a tier when the 2025 reform merged it: whom it was merged
/// with, and that its tier stays on record while the new commune is assessed again. Without
/// it the card read "From 1/7/2025 part of Xã Mẫu Sơn — not yet at the standard", which a
/// tryout's farmer took for "we lost the standard".
pub fn merger_note(index: &DatasetIndex, ix: UnitIx, lang: Lang) -> Option<String> {
    let unit = index.unit(ix);
    let end = unit.to.filter(|&t| t == LAST_PRE_REFORM_DAY)?;
    let tier = index.tier_at(ix, end)?;
    let &(successor, _) = index.successors(ix).first()?;
    let others: Vec<String> = index
        .predecessors(successor)
        .iter()
        .filter(|&&(p, _)| p != ix)
        .map(|&(p, _)| name_in_sentence(index.unit(p), lang))
        .collect();
    let name = name_in_sentence(unit, lang);
    let merged = if others.is_empty() {
        fill(
            Msg::MergedAlone.text(lang),
            &[
                ("name", &name),
                ("new", &name_in_sentence(index.unit(successor), lang)),
            ],
        )
    } else {
        fill(
            Msg::MergedWith.text(lang),
            &[
                ("name", &name),
                ("others", &crate::format::list(&others, lang)),
                ("new", &name_in_sentence(index.unit(successor), lang)),
            ],
        )
    };
    // A ward is not assessed at all: "the new commune is assessed again" contradicted the
    // card's "not assessed" for a commune that went into a ward (Mai Pha, Phường Đông Kinh).
    let msg = if index.unit(successor).kind.is_ntm_commune() {
        Msg::TierKept
    } else {
        Msg::TierKeptWard
    };
    let kept = fill(
        msg.text(lang),
        &[
            ("tier", crate::chart_data::tier_name(tier).text(lang)),
            ("name", &name),
            ("new", &name_in_sentence(index.unit(successor), lang)),
        ],
    );
    Some(format!("{merged} {kept}"))
}

/// Under a new commune's list of the old ones it was formed from, when any of them had a tier:
/// their tiers did not pass to it (a commune's official read the new commune's "chưa xét lại"
/// beside an old one's "đạt chuẩn" with no word why).
pub fn formed_note(index: &DatasetIndex, ix: UnitIx, lang: Lang) -> Option<String> {
    let unit = index.unit(ix);
    if !unit.in_era(crate::model::Era::Post2025) || !unit.kind.is_ntm_commune() {
        return None;
    }
    let any_tier = index
        .predecessors(ix)
        .iter()
        .any(|&(p, _)| index.tier_at(p, LAST_PRE_REFORM_DAY).is_some());
    any_tier.then(|| Msg::FormedNote.text(lang).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> DatasetIndex {
        let text = include_str!("../../../tests/fixtures/tiny.json");
        DatasetIndex::new(crate::load::parse_dataset(text).expect("fixture"))
    }

    #[test]
    fn names_a_commune_with_its_district_and_status() {
        let index = tiny();
        let tu_mich = index.find("06463").expect("Tú Mịch");
        let at = Date::year_end(2021);
        assert_eq!(
            accessible_name(&index, tu_mich, at, Lang::Vi),
            "Xã Tú Mịch, huyện Lộc Bình — đạt chuẩn NTM năm 2020"
        );
        assert_eq!(
            accessible_name(&index, tu_mich, at, Lang::En),
            "Tú Mịch Commune, Lộc Bình District — NTM standard since 2020"
        );
        assert_eq!(
            name_in_sentence(index.unit(tu_mich), Lang::Vi),
            "xã Tú Mịch"
        );
        assert_eq!(
            name_in_sentence(index.unit(tu_mich), Lang::En),
            "Tú Mịch Commune"
        );
        let dong_quan = index.find("06472").expect("Đông Quan");
        assert_eq!(
            accessible_name(&index, dong_quan, at, Lang::Vi),
            "Xã Đông Quan, huyện Lộc Bình — chưa đạt chuẩn (đạt 1/2 tiêu chí)"
        );
    }

    #[test]
    fn a_successor_is_said_at_the_selected_date_after_the_reform_else_at_the_last() {
        let index = tiny();
        let last = index.last_step().date;
        assert_eq!(successor_date(&index, Date::year_end(2021)), last);
        assert_eq!(successor_date(&index, LAST_PRE_REFORM_DAY), last);
        let after = Date::year_end(2025);
        assert_eq!(successor_date(&index, after), after);
    }

    #[test]
    fn the_criteria_line_is_left_out_where_the_phrase_gives_the_count() {
        let index = tiny();
        let at = Date::year_end(2021);
        let dong_quan = index.find("06472").expect("Đông Quan");
        let status = index.status(dong_quan, at);
        assert_eq!(status, Status::NotYet);
        assert_eq!(criteria_line(&index, dong_quan, status, at, Lang::Vi), None);
        // The same assessment under another status is written out.
        assert_eq!(
            criteria_line(&index, dong_quan, Status::Standard, at, Lang::Vi).as_deref(),
            Some("đạt 1/2 tiêu chí")
        );
        assert_eq!(
            criteria_line(&index, dong_quan, Status::Standard, at, Lang::En).as_deref(),
            Some("1 of 2 criteria met")
        );
    }
}
