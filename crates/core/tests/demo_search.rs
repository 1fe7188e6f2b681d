//! Search over the demo dataset (`public/data/ntm.json`) as a reader types: with or without
//! diacritics, and with them, the names spelt that way first.

use ntm_core::index::DatasetIndex;
use ntm_core::model::Era;
use ntm_core::search::SearchIndex;

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
