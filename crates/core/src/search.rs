//! Type-ahead search over the units of both eras, with or without diacritics, by current name,
//! full official name or former name (`aliases`).
//!
//! Beside the pipeline: built once per dataset ([`SearchIndex::new`]), queried on each key
//! press. Viewing a date after the 2025 reform, a pre-reform commune's name also finds the new
//! commune it became, so a reader who knows only the old name lands on today's unit.

use crate::i18n::{Lang, Msg, fill};
use crate::index::{DatasetIndex, UnitIx};
use crate::model::{Era, Level, UnitKind};
use crate::names::{full_name, name_with_parent};
use crate::text::{
    compare_vi, fold, fold_case, matches_folded, matches_with_one_edit, one_edit_possible,
    read_keys,
};

/// One searchable name of a unit.
#[derive(Clone, Debug)]
struct Name {
    folded: String,
    /// Lowercase with its diacritics, for a query typed with them.
    written: String,
    /// The former name, when this is an alias.
    alias: Option<String>,
    /// A former name kept without diacritics (most in the registry: "xa van an"), which
    /// cannot be spelt with them: not "misspelt" by a query that has them ("Văn An" ranked
    /// Điềm He, which Văn An went into, after Vạn An and Vân An).
    unmarked: bool,
}

/// The folded names of every unit, built once.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    names: Vec<(UnitIx, Name)>,
    /// Where each unit's names start in `names`, and where the last one's end.
    starts: Vec<usize>,
    /// Where in `names` the names of provinces and districts are (units with children).
    upper: Vec<usize>,
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

/// How a query that found nothing as typed was read to find a hit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// With the Telex or VNI keys it holds read as the marks they type ("tus michj" → "tú
    /// mịch"): typed with the Vietnamese keyboard off or half working.
    Keys(String),
    /// With one letter wrong, added, missing, or two swapped ("tu mitch").
    OneEdit,
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
    /// How the query was read, when as typed it found nothing.
    pub read: Option<Reading>,
    /// Match quality, lower is better: a query typed with diacritics that the name does not
    /// have ("Lạng" for "Lãng Sơn") ranks after every name that has them, then whole name,
    /// start of the name, start of words; of two matches alike, the unit's current name before
    /// a former one, and that before an old unit's name ("xa tu": Xã Tú Đoạn before Thị trấn
    /// Tây Yên Tử, once "Xã tuan mau").
    rank: (bool, u8, u8),
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

/// A query, folded both ways, the kinds written short spelt out ("tp", "tx", "tt").
struct Query {
    folded: String,
    typed: String,
    /// Typed with diacritics (or "đ"): names spelt that way come first.
    marked: bool,
}

impl Query {
    fn new(text: &str) -> Self {
        let folded = fold(text);
        let typed = fold_case(text);
        let marked = typed != folded;
        Self {
            folded: spell_out_kinds(folded, false),
            typed: spell_out_kinds(typed, true),
            marked,
        }
    }

    /// Whether a name matched without its marks is spelt otherwise than typed.
    fn misspells(&self, name: &Name) -> bool {
        self.marked && !name.unmarked && rank_of(&name.written, &self.typed).is_none()
    }

    /// The first `k` words and the rest.
    fn split(&self, k: usize) -> Option<(Query, Query)> {
        let (folded_a, folded_b) = split_words(&self.folded, k)?;
        let (typed_a, typed_b) = split_words(&self.typed, k).unwrap_or((folded_a, folded_b));
        let part = |folded: &str, typed: &str| Query {
            folded: folded.to_owned(),
            typed: typed.to_owned(),
            marked: self.marked && typed != folded,
        };
        Some((part(folded_a, typed_a), part(folded_b, typed_b)))
    }
}

/// The text with each syllable-final "i" after a consonant written "y" and each such "y"
/// written "i", tone and case kept ("Cẩm Lí" → "Cẩm Lý", "ky lua" → "ki lua"): the two are
/// spelt either way (lí/lý, kì/kỳ, mĩ/mỹ). `None` when there is no such letter. A vowel
/// before it ("hai", "thuy") is left alone: there the letter is not a choice of spelling.
fn flip_final_iy(text: &str) -> Option<String> {
    const PAIRS: [(char, char); 12] = [
        ('i', 'y'),
        ('í', 'ý'),
        ('ì', 'ỳ'),
        ('ỉ', 'ỷ'),
        ('ĩ', 'ỹ'),
        ('ị', 'ỵ'),
        ('I', 'Y'),
        ('Í', 'Ý'),
        ('Ì', 'Ỳ'),
        ('Ỉ', 'Ỷ'),
        ('Ĩ', 'Ỹ'),
        ('Ị', 'Ỵ'),
    ];
    let other = |c: char| {
        PAIRS
            .iter()
            .find_map(|&(i, y)| (c == i).then_some(y).or((c == y).then_some(i)))
    };
    let mut changed = false;
    let words: Vec<String> = text
        .split(' ')
        .map(|word| {
            let chars: Vec<char> = word.chars().collect();
            let n = chars.len();
            let flip = n >= 2 && other(chars[n - 1]).is_some() && {
                let before = fold(&chars[n - 2].to_string());
                let consonant = before
                    .chars()
                    .next()
                    .is_some_and(|b| b.is_ascii_alphabetic() && !"aeiouy".contains(b));
                let qu = n >= 3 && before == "u" && fold(&chars[n - 3].to_string()) == "q";
                consonant || qu
            };
            if !flip {
                return word.to_owned();
            }
            changed = true;
            let mut out: String = chars[..n - 1].iter().collect();
            out.extend(other(chars[n - 1]));
            out
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// Whether a folded word or two name a kind of unit only ("huyen", "thi tran", "commune").
fn is_kind(folded: &str) -> bool {
    UnitKind::ALL
        .iter()
        .any(|k| fold(k.prefix_vi()) == folded || k.suffix_en().eq_ignore_ascii_case(folded))
}

/// Text cut before its `k`-th word.
fn split_words(text: &str, k: usize) -> Option<(&str, &str)> {
    let (at, _) = text.match_indices(' ').nth(k.checked_sub(1)?)?;
    Some((&text[..at], &text[at + 1..]))
}

/// "tp", "tx" and "tt", as the app writes cities and towns ("TP Lạng Sơn") and readers write
/// townships, spelt out as the official names have them.
fn spell_out_kinds(text: String, written: bool) -> String {
    let long = |word: &str| match (word, written) {
        ("tp", false) => Some("thanh pho"),
        ("tp", true) => Some("thành phố"),
        ("tx", false) => Some("thi xa"),
        ("tx", true) => Some("thị xã"),
        ("tt", false) => Some("thi tran"),
        ("tt", true) => Some("thị trấn"),
        _ => None,
    };
    if !text.split(' ').any(|w| long(w).is_some()) {
        return text;
    }
    text.split(' ')
        .map(|w| long(w).unwrap_or(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The hits found so far, one per unit, each at its best rank.
struct Hits<'a> {
    index: &'a DatasetIndex,
    era: Era,
    /// How the query is being read.
    read: Option<Reading>,
    found: Vec<SearchHit>,
}

impl Hits<'_> {
    fn offer(&mut self, unit: UnitIx, via: MatchVia, other_era: bool, rank: (bool, u8, u8)) {
        let hit = SearchHit {
            unit,
            via,
            other_era,
            read: self.read.clone(),
            rank,
        };
        match self.found.iter_mut().find(|h| h.unit == hit.unit) {
            Some(h) if (hit.rank, hit.other_era) < (h.rank, h.other_era) => *h = hit,
            Some(_) => {}
            None => self.found.push(hit),
        }
    }

    /// A unit found by one of its names: itself, and, for an old unit viewed after the
    /// reform, what it became, saying so.
    fn found_by(&mut self, ix: UnitIx, name: &Name, misspelt: bool, quality: u8) {
        let via = name.alias.clone().map_or(MatchVia::Name, MatchVia::Alias);
        let rank = (misspelt, quality, u8::from(name.alias.is_some()));
        let index = self.index;
        if index.unit(ix).in_era(self.era) {
            self.offer(ix, via, false, rank);
            return;
        }
        if self.era == Era::Post2025 {
            for (successor, _) in index.successors(ix) {
                if index.unit(successor).in_era(self.era) {
                    self.offer(
                        successor,
                        MatchVia::Former(ix),
                        false,
                        (misspelt, quality, 2),
                    );
                }
            }
        }
        self.offer(ix, via, true, rank);
    }
}

impl SearchIndex {
    /// Folds every unit's short name, official names in both languages and aliases.
    pub fn new(index: &DatasetIndex) -> Self {
        let mut names = Vec::new();
        let mut starts = Vec::with_capacity(index.len() + 1);
        let mut upper = Vec::new();
        for ix in 0..index.len() {
            let first = names.len();
            starts.push(first);
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
                        unmarked: false,
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
                        unmarked: !is_written_name(alias),
                    },
                ));
            }
            if !index.children(ix).is_empty() {
                upper.extend(first..names.len());
            }
        }
        starts.push(names.len());
        Self {
            names,
            starts,
            upper,
        }
    }

    /// The names of one unit.
    fn names_of(&self, ix: UnitIx) -> &[(UnitIx, Name)] {
        match (self.starts.get(ix), self.starts.get(ix + 1)) {
            (Some(&from), Some(&to)) => &self.names[from..to],
            _ => &[],
        }
    }

    /// The best matches for a query while viewing an era, at most `limit`: units of the era
    /// first, then the new units old names became (after the reform), then units of the other
    /// era; within each, whole-name matches before prefixes, communes by Vietnamese order.
    ///
    /// A query that finds nothing as typed is read again, each way only if the one before
    /// found nothing too (so a query that matches is never second-guessed, and each key press
    /// costs one pass over the names): with a kind word that does not fit dropped ("phường Lộc
    /// Bình"), as a commune with its district or province ("tú mịch lộc bình"), with its Telex
    /// or VNI keys read ("tus michj"), and last with one letter wrong ("tu mitch").
    pub fn search(
        &self,
        index: &DatasetIndex,
        query: &str,
        era: Era,
        limit: usize,
    ) -> Vec<SearchHit> {
        // "Xã Tú Mịch, huyện Lộc Bình", as a result reads; "TP. Lạng Sơn".
        let text: String = query
            .chars()
            .map(|c| if matches!(c, ',' | '.' | ';') { ' ' } else { c })
            .collect();
        let query = Query::new(&text);
        let q = query.folded.as_str();
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits = Hits {
            index,
            era,
            read: None,
            found: Vec::new(),
        };
        // A GSO code, typed whole: the units that hold it (an old commune and the new one
        // that kept its code), the era's first. An office's spreadsheet names communes by code.
        if (2..=5).contains(&q.len()) && q.bytes().all(|b| b.is_ascii_digit()) {
            for ix in 0..index.len() {
                let unit = index.unit(ix);
                if unit.code == q {
                    hits.offer(ix, MatchVia::Code, !unit.in_era(era), (false, 0, 0));
                }
            }
        }
        self.by_name(&mut hits, &query, None);
        if hits.found.is_empty() {
            self.other_kind(&mut hits, &query);
        }
        if hits.found.is_empty() {
            self.with_parent(&mut hits, &query);
        }
        // "Lí" for "Lý", "ki" for "kỳ": both spellings are in use, and a name has one.
        let flipped = if hits.found.is_empty() {
            flip_final_iy(&text).map(|t| Query::new(&t))
        } else {
            None
        };
        if let Some(other) = &flipped {
            self.by_name(&mut hits, other, None);
            if hits.found.is_empty() {
                self.with_parent(&mut hits, other);
            }
        }
        // "camly": a name typed without its spaces ("camli" too).
        for q in std::iter::once(&query).chain(flipped.as_ref()) {
            if hits.found.is_empty() {
                self.joined(&mut hits, q);
            }
        }
        let keys = if hits.found.is_empty() {
            read_keys(&fold_case(&text)).map(|read| (Query::new(&read), read))
        } else {
            None
        };
        if let Some((keyed, read)) = &keys {
            hits.read = Some(Reading::Keys(read.clone()));
            self.by_name(&mut hits, keyed, None);
            if hits.found.is_empty() {
                self.with_parent(&mut hits, keyed);
            }
        }
        if hits.found.is_empty() {
            hits.read = Some(Reading::OneEdit);
            self.one_edit(&mut hits, &query);
            if let Some((keyed, _)) = keys.as_ref().filter(|_| hits.found.is_empty()) {
                self.one_edit(&mut hits, keyed);
            }
        }
        let mut hits = hits.found;
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

    /// The units one of whose names matches the query (of those levels only, if given).
    fn by_name(&self, hits: &mut Hits, query: &Query, levels: Option<&[Level]>) {
        for (ix, name) in &self.names {
            let Some(quality) = rank_of(&name.folded, &query.folded) else {
                continue;
            };
            if levels.is_some_and(|l| !l.contains(&hits.index.unit(*ix).kind.level())) {
                continue;
            }
            hits.found_by(*ix, name, query.misspells(name), quality);
        }
    }

    /// A unit named with its district or province, before or after it ("tú mịch lộc bình",
    /// "lộc bình tú mịch", "Xã Tú Mịch, huyện Lộc Bình"): among the units in the districts and
    /// provinces one part of the query names, those the other part names.
    fn with_parent(&self, hits: &mut Hits, query: &Query) {
        let index = hits.index;
        let words = query.folded.split(' ').count();
        let mut parents: Vec<UnitIx> = Vec::new();
        let mut units: Vec<UnitIx> = Vec::new();
        for k in 1..words.min(8) {
            let Some((first, second)) = query.split(k) else {
                break;
            };
            for (own, parent) in [(&first, &second), (&second, &first)] {
                // A kind alone ("huyện") would name every district.
                if is_kind(&own.folded) || is_kind(&parent.folded) {
                    continue;
                }
                parents.clear();
                for &at in &self.upper {
                    let (ix, name) = &self.names[at];
                    if rank_of(&name.folded, &parent.folded).is_some() && !parents.contains(ix) {
                        parents.push(*ix);
                    }
                }
                // Their communes, and a province's districts and theirs.
                units.clear();
                for &p in &parents {
                    for &child in index.children(p) {
                        units.push(child);
                        units.extend_from_slice(index.children(child));
                    }
                }
                units.sort_unstable();
                units.dedup();
                for &ix in &units {
                    for (_, name) in self.names_of(ix) {
                        if let Some(quality) = rank_of(&name.folded, &own.folded) {
                            hits.found_by(ix, name, own.misspells(name), quality);
                        }
                    }
                }
            }
        }
    }

    /// A query that starts with a kind the unit is not ("phường Lộc Bình" for Thị trấn Lộc
    /// Bình, "xã" for any commune to many readers): the rest, among units of that level.
    fn other_kind(&self, hits: &mut Hits, query: &Query) {
        for kind in UnitKind::ALL {
            let prefix = fold(kind.prefix_vi());
            let words = prefix.split(' ').count();
            if !query
                .folded
                .strip_prefix(prefix.as_str())
                .is_some_and(|rest| rest.starts_with(' '))
            {
                continue;
            }
            if let Some((_, rest)) = query.split(words) {
                self.by_name(hits, &rest, Some(&[kind.level()]));
            }
        }
    }

    /// The units one of whose names, from one of its words on, reads as the query with the
    /// spaces left out ("camly", "tumich"): a single word of four letters or more.
    fn joined(&self, hits: &mut Hits, query: &Query) {
        let q = query.folded.as_str();
        if q.contains(' ') || q.len() < 4 {
            return;
        }
        for (ix, name) in &self.names {
            let compact: String = name.folded.split(' ').collect();
            let mut at = 0;
            for word in name.folded.split(' ') {
                if compact[at..].starts_with(q) {
                    let quality = if compact.len() - at == q.len() { 0 } else { 2 };
                    hits.found_by(*ix, name, false, quality);
                    break;
                }
                at += word.len();
            }
        }
    }

    /// The units one of whose names is one letter off the query (see
    /// [`matches_with_one_edit`]).
    fn one_edit(&self, hits: &mut Hits, query: &Query) {
        if !one_edit_possible(&query.folded) {
            return;
        }
        for (ix, name) in &self.names {
            if let Some(quality) = matches_with_one_edit(&name.folded, &query.folded) {
                hits.found_by(*ix, name, false, quality);
            }
        }
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
    match &hit.read {
        Some(Reading::Keys(read)) => {
            notes.push(fill(Msg::SearchReadAs.text(lang), &[("q", read)]));
        }
        Some(Reading::OneEdit) => notes.push(Msg::SearchNearName.text(lang).to_owned()),
        None => {}
    }
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

    /// The demo with a former name on Khuất Xá that starts like Tú Mịch's official name.
    fn demo_with_alias() -> DatasetIndex {
        let text = crate::chart_data::tests::DEMO.replace(
            r#""name": "Khuất Xá", "kind": "xa","#,
            r#""name": "Khuất Xá", "kind": "xa", "aliases": ["Xã tu khe"],"#,
        );
        DatasetIndex::new(crate::load::parse_dataset(&text).expect("demo"))
    }

    fn note(index: &DatasetIndex, hit: &SearchHit, lang: Lang) -> Option<String> {
        describe(index, hit, lang).1
    }

    #[test]
    fn a_current_name_ranks_above_a_former_one_matched_as_well() {
        let index = demo_with_alias();
        let s = SearchIndex::new(&index);
        // Both the start of a name: Xã Tú Mịch's own before Khuất Xá's old "Xã tu khe".
        let hits = s.search(&index, "xa tu", Era::Pre2025, 8);
        assert_eq!(names(&index, &hits), ["06463", "06469"]);
        assert_eq!(hits[1].via, MatchVia::Alias("Xã tu khe".into()));
        // A whole former name still comes before the start of a current one.
        let hits = s.search(&index, "xa tu khe", Era::Pre2025, 8);
        assert_eq!(names(&index, &hits), ["06469"]);
    }

    #[test]
    fn reads_telex_and_vni_keys_when_nothing_matches_as_typed() {
        let index = demo();
        let s = SearchIndex::new(&index);
        for q in ["tus michj", "tuws mich", "tu1 mi5ch", "TUS MICHJ"] {
            let hits = s.search(&index, q, Era::Pre2025, 8);
            assert_eq!(
                names(&index, &hits).first().map(String::as_str),
                Some("06463"),
                "{q:?}"
            );
        }
        let hits = s.search(&index, "ddoong quan", Era::Post2025, 8);
        assert_eq!(names(&index, &hits), ["06500-2025", "06472"]);
        assert_eq!(hits[0].read, Some(Reading::Keys("đông quan".into())));
        assert_eq!(
            note(&index, &hits[0], Lang::Vi).as_deref(),
            Some("hiểu là “đông quan” · gồm xã Đông Quan cũ")
        );
        assert_eq!(
            note(&index, &hits[1], Lang::En).as_deref(),
            Some("read as “đông quan” · before 1 July 2025")
        );
        // Matched as typed: not read again, no note.
        let hits = s.search(&index, "dong quan", Era::Pre2025, 8);
        assert_eq!(hits[0].read, None);
        assert_eq!(note(&index, &hits[0], Lang::Vi), None);
    }

    #[test]
    fn i_or_y_at_a_syllable_end_and_names_typed_without_spaces() {
        let index = DatasetIndex::new(
            crate::load::parse_dataset(include_str!("../../../public/data/ntm.json"))
                .expect("demo dataset"),
        );
        let s = SearchIndex::new(&index);
        for q in ["cam li", "Cẩm Lí", "cẩm lí", "camly", "CAMLY", "camli"] {
            let hits = s.search(&index, q, Era::Pre2025, 8);
            assert!(
                hits.iter().any(|h| index.unit(h.unit).name == "Cẩm Lý"),
                "{q:?}: {:?}",
                names(&index, &hits)
            );
        }
        assert_eq!(flip_final_iy("Cẩm Lí").as_deref(), Some("Cẩm Lý"));
        assert_eq!(flip_final_iy("ky lua").as_deref(), Some("ki lua"));
        assert_eq!(flip_final_iy("quy").as_deref(), Some("qui"));
        // After a vowel the letter is not a spelling choice.
        assert_eq!(flip_final_iy("hai thuy"), None);
        assert_eq!(flip_final_iy("tu mich"), None);
        // Short runs and queries with spaces are not read without their spaces.
        assert!(s.search(&index, "xyz", Era::Pre2025, 8).is_empty());
    }

    #[test]
    fn one_letter_off_finds_the_name_as_a_last_resort() {
        let index = demo();
        let s = SearchIndex::new(&index);
        for q in ["tu mitch", "tu mihc", "dong quanf", "khuat xaa"] {
            let hits = s.search(&index, q, Era::Pre2025, 8);
            assert!(!hits.is_empty(), "{q:?}");
        }
        let hits = s.search(&index, "tu mitch", Era::Pre2025, 8);
        assert_eq!(names(&index, &hits), ["06463", "06463-2025"]);
        assert_eq!(hits[0].read, Some(Reading::OneEdit));
        assert_eq!(
            note(&index, &hits[0], Lang::Vi).as_deref(),
            Some("tên gần giống")
        );
        assert_eq!(
            note(&index, &hits[0], Lang::En).as_deref(),
            Some("similar name")
        );
        // Too short to guess at, or two letters off.
        assert!(s.search(&index, "tuq", Era::Pre2025, 8).is_empty());
        assert!(s.search(&index, "tu mitchh", Era::Pre2025, 8).is_empty());
    }

    #[test]
    fn a_commune_with_its_district_or_province() {
        let index = demo();
        let s = SearchIndex::new(&index);
        for q in [
            "tu mich loc binh",
            "loc binh tu mich",
            "xã tú mịch lộc bình",
            "Xã Tú Mịch, huyện Lộc Bình",
            "tu mich lang son",
        ] {
            let hits = s.search(&index, q, Era::Pre2025, 8);
            assert_eq!(
                names(&index, &hits).first().map(String::as_str),
                Some("06463"),
                "{q:?}"
            );
            assert_eq!(hits[0].via, MatchVia::Name);
            assert_eq!(note(&index, &hits[0], Lang::Vi), None);
        }
        // After the reform, the new commune by its former name, in its province.
        let hits = s.search(&index, "tu mich lang son", Era::Post2025, 8);
        assert_eq!(names(&index, &hits)[0], "06463-2025");
        assert_eq!(hits[0].via, MatchVia::Alias("Tú Mịch".into()));
        // Not in that district; a kind word alone names no district.
        assert!(
            s.search(&index, "dong quan dinh lap", Era::Pre2025, 8)
                .is_empty()
        );
        assert!(
            s.search(&index, "tu mich huyen", Era::Pre2025, 8)
                .is_empty()
        );
    }

    #[test]
    fn kind_words_short_or_not_fitting() {
        let index = demo();
        let s = SearchIndex::new(&index);
        // "TT" as readers write a township; "phường" for a township.
        for q in ["tt loc binh", "TT. Lộc Bình", "phuong loc binh"] {
            let hits = s.search(&index, q, Era::Pre2025, 8);
            assert_eq!(
                names(&index, &hits).first().map(String::as_str),
                Some("06418"),
                "{q:?}"
            );
        }
        let hits = s.search(&index, "huyen dong quan", Era::Pre2025, 8);
        assert!(hits.is_empty(), "{:?}", names(&index, &hits));
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
