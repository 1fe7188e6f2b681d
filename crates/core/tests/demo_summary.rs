//! The headline numbers on the demo dataset (`public/data/ntm.json`) across the 2025 reform.

use ntm_core::i18n::Lang;
use ntm_core::index::DatasetIndex;
use ntm_core::markup::summary;

fn demo() -> DatasetIndex {
    let text = include_str!("../../../public/data/ntm.json");
    DatasetIndex::new(ntm_core::load::parse_dataset(text).expect("the demo dataset loads"))
}

#[test]
fn after_the_reform_the_summary_says_why_it_starts_from_zero_and_what_came_before() {
    let index = demo();
    let province = index.find("20");
    let step = |key| index.step_by_key(key).expect("step");
    let before = summary(&index, province, step("2025-06"), Lang::Vi);
    assert!(!before.contains("summary-reform"), "{before}");
    // Every old commune of Lạng Sơn went into a new one: the figure of 30/6/2025, as published.
    assert!(before.contains("106/175 · 60,6\u{a0}%"), "{before}");
    let after = summary(&index, province, step("2026"), Lang::Vi);
    assert!(after.contains("bắt đầu lại từ 0"), "{after}");
    assert!(
        after.contains(
            "Trước sắp xếp (30/6/2025), các xã cũ ở đây: 106/175 đạt chuẩn NTM (60,6\u{a0}%)."
        ),
        "{after}"
    );
    let en = summary(&index, province, step("2026"), Lang::En);
    assert!(
        en.contains(
            "Before the reform (30 June 2025), the old communes here: 106/175 at the NTM standard (60.6%)."
        ),
        "{en}"
    );
}
