//! Type-ahead search over the units of both eras, with or without diacritics, by current name,
//! full official name or former name (`aliases`).
//!
//! Beside the pipeline: built once per dataset ([`SearchIndex::new`]), queried on each key
//! press. Viewing a date after the 2025 reform, a pre-reform commune's name also finds the new
//! commune it became, so a reader who knows only the old name lands on today's unit.

use crate::i18n::{Lang, Msg, fill};
use crate::index::{DatasetIndex, UnitIx};
use crate::model::{Era, Level};
use crate::names::{full_name, name_with_parent};
use crate::text::{compare_vi, fold, fold_case, matches_folded};

/// One searchable name of a unit.
#[derive(Clone, Debug)]
struct Name {
    folded: String,
    /// Lowercase with its diacritics, for a query typed with them.
    written: String,
    /// The former name, when this is an alias.
    alias: Option<String>,
}

/// The folded names of every unit, built once.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    names: Vec<(UnitIx, Name)>,
}

/// How a hit matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatchVia {
    /// By the unit's own name.
    Name,
    /// By one of its former names.
    Alias(String),
    /// By the name of an old unit that became (part of) this one.
    Former(UnitIx),
    /// By its GSO code, typed whole ("07519").
    Code,
}

/// A search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    /// The unit offered.
    pub unit: UnitIx,
    /// How it matched.
    pub via: MatchVia,
    /// Whether the unit is not in force in the era being viewed (selecting it moves the year).
    pub other_era: bool,
    /// Match quality, lower is better: a query typed with diacritics that the name does not
    /// have ("Lạng" for "Lãng Sơn") ranks after every name that has them, then whole name,
    /// start of the name, start of words.
    rank: (bool, u8),
}

/// How well a folded name matches a folded query: whole name, start of the name, start of
/// words.
fn rank_of(name: &str, query: &str) -> Option<u8> {
    if name == query {
        Some(0)
    } else if name.starts_with(query) {
        Some(1)
    } else if matches_folded(name, query) {
        Some(2)
    } else {
        None
    }
}

impl SearchIndex {
    /// Folds every unit's short name, official names in both languages and aliases.
    pub fn new(index: &DatasetIndex) -> Self {
        let mut names = Vec::new();
        for ix in 0..index.len() {
            let unit = index.unit(ix);
            let mut own = vec![
                unit.name.clone(),
                full_name(unit, Lang::Vi),
                full_name(unit, Lang::En),
            ];
            own.dedup();
            for name in own {
                names.push((
                    ix,
                    Name {
                        folded: fold(&name),
                        written: fold_case(&name),
                        alias: None,
                    },
                ));
            }
            for alias in &unit.aliases {
                names.push((
                    ix,
                    Name {
                        folded: fold(alias),
                        written: fold_case(alias),
                        alias: Some(alias.clone()),
                    },
                ));
            }
        }
        Self { names }
    }

    /// The best matches for a query while viewing an era, at most `limit`: units of the era
    /// first, then the new units old names became (after the reform), then units of the other
    /// era; within each, whole-name matches before prefixes, communes by Vietnamese order.
    pub fn search(
        &self,
        index: &DatasetIndex,
        query: &str,
        era: Era,
        limit: usize,
    ) -> Vec<SearchHit> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        // Typed with diacritics (or "đ"): names spelt that way come first.
        let typed = fold_case(query);
        let marked = typed != q;
        let mut hits: Vec<SearchHit> = Vec::new();
        let mut offer = |hit: SearchHit| match hits.iter_mut().find(|h| h.unit == hit.unit) {
            Some(h) if (hit.rank, hit.other_era) < (h.rank, h.other_era) => *h = hit,
            Some(_) => {}
            None => hits.push(hit),
        };
        // A GSO code, typed whole: the units that hold it (an old commune and the new one
        // that kept its code), the era's first. An office's spreadsheet names communes by code.
        if (2..=5).contains(&q.len()) && q.bytes().all(|b| b.is_ascii_digit()) {
            for ix in 0..index.len() {
                let unit = index.unit(ix);
                if unit.code == q {
                    offer(SearchHit {
                        unit: ix,
                        via: MatchVia::Code,
                        other_era: !unit.in_era(era),
                        rank: (false, 0),
                    });
                }
            }
        }
        for (ix, name) in &self.names {
            let Some(rank) = rank_of(&name.folded, &q) else {
                continue;
            };
            // A name kept without diacritics (most former names in the registry: "xa van an")
            // cannot be spelt with them: not "misspelt" by a query that has them ("Văn An"
            // ranked Điềm He, which Văn An went into, after Vạn An and Vân An).
            let unmarked = name.alias.as_deref().is_some_and(|a| !is_written_name(a));
            let misspelt = marked && !unmarked && rank_of(&name.written, &typed).is_none();
            let unit = index.unit(*ix);
            let via = name.alias.clone().map_or(MatchVia::Name, MatchVia::Alias);
            if unit.in_era(era) {
                offer(SearchHit {
                    unit: *ix,
                    via,
                    other_era: false,
                    rank: (misspelt, rank * 3),
                });
                continue;
            }
            // An old unit viewed after the reform: offer what it became, saying so.
            if era == Era::Post2025 {
                for (successor, _) in index.successors(*ix) {
                    if index.unit(successor).in_era(era) {
                        offer(SearchHit {
                            unit: successor,
                            via: MatchVia::Former(*ix),
                            other_era: false,
                            rank: (misspelt, rank * 3 + 1),
                        });
                    }
                }
            }
            offer(SearchHit {
                unit: *ix,
                via,
                other_era: true,
                rank: (misspelt, rank * 3 + 2),
            });
        }
        // Communes first (what the box is for); then a province before the city or district
        // of the same name ("Lạng Sơn": the province, then Thành phố Lạng Sơn).
        let level_order = |ix: UnitIx| match index.unit(ix).kind.level() {
            Level::Commune => 0,
            Level::Province => 1,
            Level::District => 2,
        };
        crate::order::sort_by(&mut hits, |a, b| {
            (a.other_era, a.rank, level_order(a.unit))
                .cmp(&(b.other_era, b.rank, level_order(b.unit)))
                .then_with(|| compare_vi(&index.unit(a.unit).name, &index.unit(b.unit).name))
                .then(a.unit.cmp(&b.unit))
        });
        hits.truncate(limit);
        hits
    }
}

/// Whether a former name is written as a name (with its diacritics and capitals: "Xã Tiên
/// Hưng"), not a bare search key ("Xã tien hung", "xabacai").
pub fn is_written_name(name: &str) -> bool {
    let proper = crate::model::UnitKind::split_official_name(name, Level::Commune)
        .map_or(name, |(_, rest)| rest);
    !proper.is_empty()
        && proper
            .split(' ')
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// What a result says: "Xã Tú Mịch, huyện Lộc Bình" and, where useful, how it matched
/// ("gồm xã cũ Tú Mịch", "tên cũ: …", "trước 1/7/2025").
pub fn describe(index: &DatasetIndex, hit: &SearchHit, lang: Lang) -> (String, Option<String>) {
    let title = name_with_parent(index, hit.unit, lang);
    let mut notes: Vec<String> = Vec::new();
    match &hit.via {
        MatchVia::Name => {}
        // Most former names in the registry are unaccented search keys ("Xã tan lang"): they
        // find the commune but are not shown as if they were its name.
        MatchVia::Alias(a) if is_written_name(a) => {
            notes.push(fill(Msg::SearchFormerName.text(lang), &[("name", a)]));
        }
        MatchVia::Alias(_) => notes.push(Msg::SearchFormerNameUnwritten.text(lang).to_owned()),
        MatchVia::Code => notes.push(fill(
            Msg::SearchByCode.text(lang),
            &[("code", &index.unit(hit.unit).code)],
        )),
        MatchVia::Former(old) => notes.push(fill(
            Msg::SearchIncludesFormer.text(lang),
            &[(
                "name",
                &crate::names::name_in_sentence(index.unit(*old), lang),
            )],
        )),
    }
    if hit.other_era {
        let unit = index.unit(hit.unit);
        notes.push(
            if unit.in_era(Era::Pre2025) {
                Msg::SearchBeforeReform
            } else {
                Msg::SearchAfterReform
            }
            .text(lang)
            .to_owned(),
        );
    }
    (title, (!notes.is_empty()).then(|| notes.join(" · ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data::tests::demo;

    fn names(index: &DatasetIndex, hits: &[SearchHit]) -> Vec<String> {
        hits.iter().map(|h| index.unit(h.unit).id.clone()).collect()
    }

    #[test]
    fn finds_a_unit_by_its_code() {
        let index = demo();
        let s = SearchIndex::new(&index);
        let hits = s.search(&index, "06463", Era::Pre2025, 8);
        assert_eq!(
            names(&index, &hits).first().map(String::as_str),
            Some("06463")
        );
        assert_eq!(hits[0].via, MatchVia::Code);
        assert_eq!(
            describe(&index, &hits[0], Lang::Vi).1.as_deref(),
            Some("mã 06463")
        );
        assert!(s.search(&index, "99999", Era::Pre2025, 8).is_empty());
    }

    #[test]
    fn finds_with_or_without_diacritics_and_case() {
        let index = demo();
        let s = SearchIndex::new(&index);
        for q in [
            "tu mich",
            "TÚ MỊCH",
            "Tú Mịch",
            "  tú   mịch ",
            "xa tu mich",
            "Tu Mich Commune",
            "tu mi",
        ] {
            let hits = s.search(&index, q, Era::Pre2025, 8);
            assert_eq!(
                names(&index, &hits).first().map(String::as_str),
                Some("06463"),
                "query {q:?}"
            );
            assert_eq!(hits[0].via, MatchVia::Name);
        }
        assert!(s.search(&index, "", Era::Pre2025, 8).is_empty());
        assert!(s.search(&index, "zzz", Era::Pre2025, 8).is_empty());
    }

    #[test]
    fn old_names_find_the_new_commune_after_the_reform() {
        let index = demo();
        let s = SearchIndex::new(&index);
        // "Đông Quan" has no alias on the new commune; the succession finds it.
        let hits = s.search(&index, "dong quan", Era::Post2025, 8);
        assert_eq!(names(&index, &hits), ["06500-2025", "06472"]);
        assert_eq!(
            hits[0].via,
            MatchVia::Former(index.find("06472").expect("unit"))
        );
        assert!(!hits[0].other_era);
        assert!(hits[1].other_era);
        let (title, note) = describe(&index, &hits[0], Lang::Vi);
        assert_eq!(title, "Xã Đình Lập, tỉnh Lạng Sơn");
        assert_eq!(note.as_deref(), Some("gồm xã Đông Quan cũ"));
        let (_, note) = describe(&index, &hits[1], Lang::En);
        assert_eq!(note.as_deref(), Some("before 1 July 2025"));
        // An alias on the new commune matches too, once.
        let hits = s.search(&index, "tu mich", Era::Post2025, 8);
        assert_eq!(names(&index, &hits), ["06463-2025", "06463"]);
        assert_eq!(hits[0].via, MatchVia::Alias("Tú Mịch".into()));
        let (_, note) = describe(&index, &hits[0], Lang::Vi);
        assert_eq!(note.as_deref(), Some("tên cũ: Tú Mịch"));
        // A search key for a former name finds the commune without being shown as its name.
        let key = SearchHit {
            via: MatchVia::Alias("Xã tu mich".into()),
            ..hits[0].clone()
        };
        assert_eq!(
            describe(&index, &key, Lang::Vi).1.as_deref(),
            Some("khớp một tên cũ (không dấu)")
        );
        for (name, written) in [
            ("Xã Tiên Hưng", true),
            ("Tú Mịch", true),
            ("Xã tan lang", false),
            ("xabacai", false),
            ("Thị trấn chu", false),
        ] {
            assert_eq!(is_written_name(name), written, "{name}");
        }
        // Before the reform the old commune comes first.
        let hits = s.search(&index, "tu mich", Era::Pre2025, 8);
        assert_eq!(names(&index, &hits), ["06463", "06463-2025"]);
    }

    #[test]
    fn ranks_whole_names_first_and_limits() {
        let index = demo();
        let s = SearchIndex::new(&index);
        let hits = s.search(&index, "loc binh", Era::Pre2025, 8);
        // The township and the district are both "Lộc Bình": commune level first.
        assert_eq!(names(&index, &hits)[..2], ["06418", "181"]);
        assert_eq!(s.search(&index, "l", Era::Pre2025, 2).len(), 2);
    }
}
