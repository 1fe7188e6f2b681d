//! The complete example in `docs/data-format.md` loads and validates without problems, so the
//! documentation cannot drift from the schema.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use ntm_core::load::parse_dataset;
use ntm_core::validate::validate;

#[test]
fn the_documented_example_is_a_valid_dataset() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/data-format.md"),
    )
    .unwrap();
    let start = doc.find("```json\n").expect("a json example") + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let data = parse_dataset(&doc[start..end]).unwrap();
    let problems = validate(&data).problems;
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(data.units[4].id, "06565-2025");
    assert_eq!(data.units[2].id, "06559", "an omitted id is the code");
}
