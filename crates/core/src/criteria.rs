//! The national criteria sets, built in so that a provincial office never types them.
//!
//! `ntm-data build` adds these to every dataset; records refer to them by id. Scores are never
//! compared across sets: the 2016–2020 and 2021–2025 commune sets both have 19 criteria with the
//! same numbering but different thresholds, and the 2026–2030 set has 10.

use crate::date::Date;
use crate::model::{CriteriaGroup, CriteriaSet, Criterion, SetLevel, Text};

/// Id of the 2016–2020 commune set (QĐ 1980/QĐ-TTg).
pub const QD1980: &str = "qd1980-2016";
/// Id of the 2021–2025 commune set (QĐ 318/QĐ-TTg).
pub const QD318: &str = "qd318-2022";
/// Id of the 2026–2030 commune set (QĐ 51/2025/QĐ-TTg).
pub const QD51: &str = "qd51-2025";
/// Id of the 2021–2025 district set (QĐ 320/QĐ-TTg).
pub const QD320: &str = "qd320-2022";

fn date(y: u16, m: u8, d: u8) -> Date {
    Date {
        year: y,
        month: m,
        day: d,
    }
}

/// The five groups of the 19-criteria commune sets.
fn commune_groups() -> Vec<CriteriaGroup> {
    [
        ("I", "Quy hoạch", "Planning"),
        (
            "II",
            "Hạ tầng kinh tế – xã hội",
            "Socio-economic infrastructure",
        ),
        (
            "III",
            "Kinh tế và tổ chức sản xuất",
            "Economy and production organisation",
        ),
        (
            "IV",
            "Văn hóa – Xã hội – Môi trường",
            "Culture, society and environment",
        ),
        ("V", "Hệ thống chính trị", "Political system"),
    ]
    .into_iter()
    .map(|(id, vi, en)| CriteriaGroup {
        id: id.to_owned(),
        name: Text::new(vi, en),
    })
    .collect()
}

/// The 19 commune criteria in QĐ 318 wording; `older` gives the QĐ 1980 wording of 3, 11,
/// 12 and 13.
fn nineteen(older: bool) -> Vec<Criterion> {
    let rows: [(&str, &str, &str); 19] = [
        ("I", "Quy hoạch", "Planning"),
        ("II", "Giao thông", "Transport"),
        (
            "II",
            "Thủy lợi và phòng, chống thiên tai",
            "Irrigation and disaster prevention",
        ),
        ("II", "Điện", "Electricity"),
        ("II", "Trường học", "Schools"),
        ("II", "Cơ sở vật chất văn hóa", "Cultural facilities"),
        (
            "II",
            "Cơ sở hạ tầng thương mại nông thôn",
            "Rural commercial infrastructure",
        ),
        (
            "II",
            "Thông tin và Truyền thông",
            "Information and communications",
        ),
        ("II", "Nhà ở dân cư", "Housing"),
        ("III", "Thu nhập", "Income"),
        ("III", "Nghèo đa chiều", "Multidimensional poverty"),
        ("III", "Lao động", "Labour"),
        (
            "III",
            "Tổ chức sản xuất và phát triển kinh tế nông thôn",
            "Production organisation and rural economy",
        ),
        ("IV", "Giáo dục và Đào tạo", "Education and training"),
        ("IV", "Y tế", "Health"),
        ("IV", "Văn hóa", "Culture"),
        (
            "IV",
            "Môi trường và an toàn thực phẩm",
            "Environment and food safety",
        ),
        (
            "V",
            "Hệ thống chính trị và tiếp cận pháp luật",
            "Political system and access to law",
        ),
        ("V", "Quốc phòng và An ninh", "Defence and security"),
    ];
    rows.iter()
        .enumerate()
        .map(|(i, &(group, vi, en))| {
            let n = (i + 1) as u8;
            let (vi, en) = match (older, n) {
                (true, 3) => ("Thủy lợi", "Irrigation"),
                (true, 11) => ("Hộ nghèo", "Poor households"),
                (true, 12) => ("Lao động có việc làm", "Employment"),
                (true, 13) => ("Tổ chức sản xuất", "Production organisation"),
                _ => (vi, en),
            };
            Criterion {
                n,
                group: group.to_owned(),
                name: Text::new(vi, en),
            }
        })
        .collect()
}

/// The 2026–2030 commune set: 10 criteria (47 indicators, thresholds per commune group).
fn ten() -> Vec<Criterion> {
    [
        ("Quy hoạch", "Planning"),
        ("Hạ tầng kinh tế – xã hội", "Socio-economic infrastructure"),
        ("Phát triển kinh tế nông thôn", "Rural economic development"),
        (
            "Đào tạo nguồn nhân lực nông thôn",
            "Rural workforce training",
        ),
        ("Văn hóa, giáo dục, y tế", "Culture, education and health"),
        (
            "Giảm nghèo và an sinh xã hội",
            "Poverty reduction and social security",
        ),
        (
            "Khoa học công nghệ và chuyển đổi số",
            "Science, technology and digital transformation",
        ),
        (
            "Môi trường và cảnh quan nông thôn",
            "Rural environment and landscape",
        ),
        (
            "Xây dựng hệ thống chính trị và hành chính công",
            "Political system and public administration",
        ),
        (
            "Tiếp cận pháp luật và an ninh, quốc phòng",
            "Access to law, security and defence",
        ),
    ]
    .iter()
    .enumerate()
    .map(|(i, &(vi, en))| Criterion {
        n: (i + 1) as u8,
        group: "I".to_owned(),
        name: Text::new(vi, en),
    })
    .collect()
}

/// The 2021–2025 district set: 9 criteria (names as commonly cited; to be verified against
/// the decision text).
fn district_nine() -> Vec<Criterion> {
    [
        ("Quy hoạch", "Planning"),
        ("Giao thông", "Transport"),
        (
            "Thủy lợi và phòng, chống thiên tai",
            "Irrigation and disaster prevention",
        ),
        ("Điện", "Electricity"),
        ("Y tế – Văn hóa – Giáo dục", "Health, culture and education"),
        ("Kinh tế", "Economy"),
        ("Môi trường", "Environment"),
        (
            "Chất lượng môi trường sống",
            "Quality of the living environment",
        ),
        (
            "Hệ thống chính trị – An ninh trật tự – Hành chính công",
            "Political system, public order and public administration",
        ),
    ]
    .iter()
    .enumerate()
    .map(|(i, &(vi, en))| Criterion {
        n: (i + 1) as u8,
        group: "I".to_owned(),
        name: Text::new(vi, en),
    })
    .collect()
}

fn single_group(vi: &str, en: &str) -> Vec<CriteriaGroup> {
    vec![CriteriaGroup {
        id: "I".to_owned(),
        name: Text::new(vi, en),
    }]
}

/// The national criteria sets, oldest first: the commune sets of 2016–2020 (QĐ 1980/QĐ-TTg),
/// 2021–2025 (QĐ 318/QĐ-TTg) and 2026–2030 (QĐ 51/2025/QĐ-TTg), and the district set of
/// 2021–2025 (QĐ 320/QĐ-TTg).
pub fn national_sets() -> Vec<CriteriaSet> {
    vec![
        CriteriaSet {
            id: QD1980.to_owned(),
            document: "QĐ 1980/QĐ-TTg".to_owned(),
            date: date(2016, 10, 17),
            from_year: 2016,
            to_year: 2020,
            level: SetLevel::Commune,
            name: Text::new(
                "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020",
                "National criteria for new rural communes, 2016–2020",
            ),
            groups: commune_groups(),
            criteria: nineteen(true),
        },
        CriteriaSet {
            id: QD318.to_owned(),
            document: "QĐ 318/QĐ-TTg".to_owned(),
            date: date(2022, 3, 8),
            from_year: 2021,
            to_year: 2025,
            level: SetLevel::Commune,
            name: Text::new(
                "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025",
                "National criteria for new rural communes, 2021–2025",
            ),
            groups: commune_groups(),
            criteria: nineteen(false),
        },
        CriteriaSet {
            id: QD51.to_owned(),
            document: "QĐ 51/2025/QĐ-TTg".to_owned(),
            date: date(2025, 12, 29),
            from_year: 2026,
            to_year: 2030,
            level: SetLevel::Commune,
            name: Text::new(
                "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030",
                "National criteria for new rural communes, 2026–2030",
            ),
            groups: single_group("Tiêu chí xã nông thôn mới", "New rural commune criteria"),
            criteria: ten(),
        },
        CriteriaSet {
            id: QD320.to_owned(),
            document: "QĐ 320/QĐ-TTg".to_owned(),
            date: date(2022, 3, 8),
            from_year: 2021,
            to_year: 2025,
            level: SetLevel::District,
            name: Text::new(
                "Bộ tiêu chí quốc gia về huyện nông thôn mới giai đoạn 2021–2025",
                "National criteria for new rural districts, 2021–2025",
            ),
            groups: single_group(
                "Tiêu chí huyện nông thôn mới",
                "New rural district criteria",
            ),
            criteria: district_nine(),
        },
    ]
}

/// The commune set in force in a year, among the national sets.
pub fn commune_set_for_year(year: u16) -> Option<&'static str> {
    match year {
        2016..=2020 => Some(QD1980),
        2021..=2025 => Some(QD318),
        2026..=2030 => Some(QD51),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_are_complete_and_numbered() {
        let sets = national_sets();
        let sizes: Vec<usize> = sets.iter().map(|s| s.criteria.len()).collect();
        assert_eq!(sizes, vec![19, 19, 10, 9]);
        for s in &sets {
            for (i, c) in s.criteria.iter().enumerate() {
                assert_eq!(usize::from(c.n), i + 1);
                assert!(s.groups.iter().any(|g| g.id == c.group));
                assert!(c.name.en.is_some());
            }
        }
        assert_eq!(sets[0].criteria[10].name.vi, "Hộ nghèo");
        assert_eq!(sets[1].criteria[10].name.vi, "Nghèo đa chiều");
    }

    #[test]
    fn picks_the_set_in_force() {
        assert_eq!(commune_set_for_year(2019), Some(QD1980));
        assert_eq!(commune_set_for_year(2025), Some(QD318));
        assert_eq!(commune_set_for_year(2026), Some(QD51));
        assert_eq!(commune_set_for_year(2015), None);
    }
}
