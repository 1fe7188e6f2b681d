//! Search over the demo dataset (`public/data/ntm.json`) as a reader types: with or without
//! diacritics, and with them, the names spelt that way first.

use ntm_core::i18n::Lang;
use ntm_core::index::DatasetIndex;
use ntm_core::model::Era;
use ntm_core::search::{MatchVia, SearchIndex, describe};

fn demo() -> DatasetIndex {
    let text = include_str!("../../../public/data/ntm.json");
    DatasetIndex::new(ntm_core::load::parse_dataset(text).expect("the demo dataset loads"))
}

fn ids(index: &DatasetIndex, search: &SearchIndex, query: &str) -> Vec<String> {
    search
        .search(index, query, Era::Pre2025, 8)
        .iter()
        .map(|h| index.unit(h.unit).id.clone())
        .collect()
}

#[test]
fn a_query_typed_with_diacritics_ranks_the_names_spelt_that_way_first() {
    let index = demo();
    let search = SearchIndex::new(&index);
    // Lạng Sơn is the province (20) and its city (178); Lãng Sơn a commune of Yên Dũng (07723).
    // Without marks every one matches as a whole name: the commune first.
    assert_eq!(ids(&index, &search, "lang son")[0], "07723");
    // With them, the name the reader spelt: the province, then its city (a screen-reader
    // tryout looking for the province found the city first), then the commune.
    let hits = ids(&index, &search, "Lạng Sơn");
    assert_eq!(hits[..2], ["20", "178"]);
    assert!(hits.contains(&"07723".to_owned()), "{hits:?}");
    assert_eq!(ids(&index, &search, "Lãng Sơn")[0], "07723");
    // A start of a name: "Lạng" is Lạng Giang before Lãng Ngâm and Lãng Sơn, which follow.
    let hits = ids(&index, &search, "LẠNG");
    let first_lang = hits.iter().position(|id| id == "07723" || id == "09478");
    let first_lang_giang = hits.iter().position(|id| id == "217");
    assert!(first_lang_giang < first_lang, "{hits:?}");
    assert_eq!(ids(&index, &search, "lãng")[..2], ["09478", "07723"]);
    // Without marks, nothing changes: "đ" and "d" find the same first commune.
    assert_eq!(
        ids(&index, &search, "đông quan")[0],
        ids(&index, &search, "dong quan")[0]
    );
}

/// A farmer's "xa tu" put Thị trấn Tây Yên Tử first, found by an old name ("Xã tuan mau"),
/// above Xã Tú Đoạn and Xã Tú Mịch: a unit's current name now outranks a former one matched as
/// well (both here the start of the name).
#[test]
fn current_names_rank_above_former_names() {
    let index = demo();
    let search = SearchIndex::new(&index);
    for q in ["xa tu", "xã tú", "Xã Tú"] {
        assert_eq!(
            ids(&index, &search, q)[..3],
            ["06562", "06547", "06277"],
            "{q:?}"
        );
    }
    // Every match on a current name of the era before any on a former name.
    let hits = search.search(&index, "xa tu", Era::Pre2025, 8);
    let last_by_name = hits
        .iter()
        .rposition(|h| h.via == MatchVia::Name && !h.other_era);
    let first_by_alias = hits
        .iter()
        .position(|h| matches!(h.via, MatchVia::Alias(_)));
    assert!(
        last_by_name.zip(first_by_alias).is_some_and(|(n, a)| n < a),
        "{:?}",
        ids(&index, &search, "xa tu")
    );
    // A whole old name still comes before a start of a current one.
    assert_eq!(ids(&index, &search, "xa tuan mau")[0], "07616");
}

/// The kind written short, as the app itself writes it ("TP Lạng Sơn", "TX Chũ"), or as a
/// reader does ("TT Lộc Bình", "tp. Lạng Sơn").
#[test]
fn kind_words_and_their_short_forms() {
    let index = demo();
    let search = SearchIndex::new(&index);
    assert_eq!(ids(&index, &search, "tp lang son")[0], "178");
    assert_eq!(ids(&index, &search, "TP. Lạng Sơn")[0], "178");
    assert_eq!(ids(&index, &search, "tt loc binh")[0], "06529");
    assert_eq!(ids(&index, &search, "thị trấn lộc bình")[0], "06529");
    assert_eq!(ids(&index, &search, "tx chu")[0], "224");
    // A kind word that does not fit (a township called "phường"): the township, in its era.
    assert_eq!(ids(&index, &search, "phuong loc binh")[0], "06529");
}

/// Telex (or VNI) keys left in the query when the Vietnamese keyboard is off or half working.
#[test]
fn telex_and_vni_leftovers_are_read_as_vietnamese() {
    let index = demo();
    let search = SearchIndex::new(&index);
    for (q, id) in [
        ("tuws mich", "06547"),
        ("tus michj", "06547"),
        ("tus mi", "06547"),
        ("cawm lys", "07519"),
        ("caamr lys", "07519"),
        ("ddinh laapj", "06613"),
        ("locj binhf", "06529"),
        ("tu1 mi5ch", "06547"),
        ("lo65c bi2nh", "06529"),
    ] {
        let hits = search.search(&index, q, Era::Pre2025, 8);
        assert_eq!(
            hits.first().map(|h| index.unit(h.unit).id.as_str()),
            Some(id),
            "{q:?}"
        );
    }
    let hits = search.search(&index, "tus michj", Era::Pre2025, 8);
    assert_eq!(
        describe(&index, &hits[0], Lang::Vi).1.as_deref(),
        Some("hiểu là “tú mịch”")
    );
    assert_eq!(
        describe(&index, &hits[0], Lang::En).1.as_deref(),
        Some("read as “tú mịch”")
    );
    // "tus" is "tú": the Tú communes before Tư Mại and Từ Sơn.
    assert_eq!(
        ids(&index, &search, "tus")[..3],
        ["06562", "06547", "06277"]
    );
    // A plain query is never read as Telex: nothing changes for it, and it has no note.
    let hits = search.search(&index, "bac son", Era::Pre2025, 8);
    assert_eq!(describe(&index, &hits[0], Lang::Vi).1, None);
}

/// One letter wrong, missing, added or swapped, as a last resort.
#[test]
fn one_letter_mistakes_find_the_name() {
    let index = demo();
    let search = SearchIndex::new(&index);
    for (q, id) in [
        ("tu mitch", "06547"),
        ("tu mihc", "06547"),
        ("tu micg", "06547"),
        ("cam lyy", "07519"),
        ("dinh lapp", "06613"),
        ("dinh lpa", "06613"),
        ("ddinh lapp", "06613"),
    ] {
        let hits = search.search(&index, q, Era::Pre2025, 8);
        assert_eq!(
            hits.first().map(|h| index.unit(h.unit).id.as_str()),
            Some(id),
            "{q:?}"
        );
    }
    let hits = search.search(&index, "tu mitch", Era::Pre2025, 8);
    assert_eq!(
        describe(&index, &hits[0], Lang::Vi).1.as_deref(),
        Some("tên gần giống")
    );
    // A prefix is not a mistake; short words are not guessed at.
    let hits = search.search(&index, "tu mic", Era::Pre2025, 8);
    assert_eq!(describe(&index, &hits[0], Lang::Vi).1, None);
    assert!(ids(&index, &search, "xyz").is_empty());
    assert!(ids(&index, &search, "zzzz").is_empty());
}

/// A commune named with its district (or province), in either order: the commune.
#[test]
fn a_commune_with_its_district() {
    let index = demo();
    let search = SearchIndex::new(&index);
    for q in [
        "xã tú mịch lộc bình",
        "loc binh tu mich",
        "tu mich loc binh",
        "Xã Tú Mịch, huyện Lộc Bình",
        "tu mich lang son",
        "loc binh tu m",
        "tus michj locj binhf",
    ] {
        assert_eq!(
            ids(&index, &search, q).first().map(String::as_str),
            Some("06547"),
            "{q:?}"
        );
    }
    // Two communes of one name, told apart by their district.
    assert_eq!(
        ids(&index, &search, "dinh lap dinh lap")[..2],
        ["06613", "06628"]
    );
    // After the reform: the new commune Tú Mịch went into, saying so.
    let hits = search.search(&index, "tu mich loc binh", Era::Post2025, 8);
    assert_eq!(index.unit(hits[0].unit).id, "06541-2025");
    assert_eq!(
        hits[0].via,
        MatchVia::Former(index.find("06547").expect("Tú Mịch"))
    );
}

/// Vietnamese keyboards put the tone of "oa", "oe" and "uy" on either letter ("Hoà" or "Hòa")
/// and some send it as a separate mark: all spell the same name. "Hoà" found Hoài, Hoàn and
/// Hoàng before the four Xã Hòa Bình.
#[test]
fn tone_placement_and_separate_marks_spell_the_same_name() {
    let index = demo();
    let search = SearchIndex::new(&index);
    let new_style = ids(&index, &search, "Hòa Bình");
    assert_eq!(new_style[0], "06103");
    assert_eq!(ids(&index, &search, "Hoà Bình"), new_style);
    assert_eq!(ids(&index, &search, "Ho\u{300}a Bi\u{300}nh"), new_style);
    assert_eq!(ids(&index, &search, "Hoà")[0], "06103");
    // Marks sent apart from their letters (tone, then the horn of "ơ"): the province first.
    assert_eq!(
        ids(&index, &search, "La\u{323}ng So\u{31b}n")[..2],
        ["20", "178"]
    );
    // Unchanged where a consonant follows: the tone is on the "a" either way.
    assert_eq!(ids(&index, &search, "Hoàng Đồng")[0], "05986");
}
