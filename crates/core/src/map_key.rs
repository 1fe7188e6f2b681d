//! The key to the map's colours for a colouring and a date: the legend beside the map and the
//! key drawn under a downloaded map picture are built from it, so the two cannot disagree.

use crate::date::Date;
use crate::format;
use crate::i18n::{Lang, Msg, fill};
use crate::index::{DatasetIndex, Status};
use crate::model::{Era, Reached};
use crate::palette::{Paint, Pattern, Rgb, sequential, status_paint};
use crate::view::Colouring;

/// One swatch of a ramp: its colour, its label as shown (empty where labels would crowd) and
/// as said (every swatch, for a screen reader).
#[derive(Clone, Debug, PartialEq)]
pub struct RampStep {
    /// The map's colour for this value.
    pub colour: Rgb,
    /// The label under the swatch, or empty.
    pub shown: String,
    /// The label said for the swatch.
    pub said: String,
}

/// A swatch for a status (a tier, or a kind of "no value") with its label.
#[derive(Clone, Debug, PartialEq)]
pub struct KeySwatch {
    /// The status painted.
    pub status: Status,
    /// How the map paints it.
    pub paint: Paint,
    /// Its name, with the count of communes in view where the key counts them.
    pub label: String,
}

/// What the colours of the map mean.
#[derive(Clone, Debug, PartialEq)]
pub struct MapKey {
    /// What the colours show ("Mức đạt NTM", "Số tiêu chí đạt", "Năm đạt chuẩn").
    pub title: Msg,
    /// A ramp of values (criteria met, year reached); empty for the tiers.
    pub ramp: Vec<RampStep>,
    /// The statuses: the tiers with their counts, or the colours of the communes without a
    /// value on the ramp.
    pub swatches: Vec<KeySwatch>,
}

/// A status's name in the key on a date of an era: after the reform there are no townships,
/// so the not-assessed entry names wards only.
pub fn status_name(status: Status, era: Era) -> Msg {
    if era == Era::Post2025 && status == Status::NotApplicable {
        Msg::TierNotApplicablePost
    } else {
        status.msg()
    }
}

/// Whether the key shows a tier whatever its count (the four tiers always; "no data" and
/// "not assessed" only when some commune in view has them).
pub fn always_shown(status: Status) -> bool {
    matches!(
        status,
        Status::Standard | Status::Advanced | Status::Model | Status::NotYet
    )
}

/// A status with its count, as the legend says it: "NTM kiểu mẫu 3 xã" (wards and townships
/// are counted as units, not communes).
pub fn counted_name(status: Status, era: Era, n: usize, lang: Lang) -> String {
    let msg = if status == Status::NotApplicable {
        Msg::LegendItemNameUnits
    } else {
        Msg::LegendItemName
    };
    fill(
        msg.counted(n).text(lang),
        &[
            ("name", status_name(status, era).text(lang)),
            ("n", &format::count(lang, n)),
        ],
    )
}

/// The count of a status among counts per status (0 when it has none).
pub fn count_in(counts: &[(Status, usize)], status: Status) -> usize {
    counts
        .iter()
        .find(|(s, _)| *s == status)
        .map_or(0, |(_, n)| *n)
}

/// A ramp's labels as (shown, said): all said, shown on the first, the last and about every
/// fifth of the way between (not crowding the last), so a phone's narrow swatches can hold
/// them.
pub fn sparse(said: Vec<String>) -> Vec<(String, String)> {
    let last = said.len().saturating_sub(1);
    let every = last.div_ceil(5).max(1);
    said.into_iter()
        .enumerate()
        .map(|(k, s)| {
            let shown = k == last || (k % every == 0 && last - k > every / 2);
            (if shown { s.clone() } else { String::new() }, s)
        })
        .collect()
}

/// The key for a colouring on a date. `counts` are the communes in view per status (the
/// tiers' key counts them; the ramps' does not).
pub fn map_key(
    index: &DatasetIndex,
    colouring: Colouring,
    at: Date,
    counts: &[(Status, usize)],
    lang: Lang,
) -> MapKey {
    let era = Era::of(at);
    let plain = |status: Status| KeySwatch {
        status,
        paint: status_paint(status),
        label: status_name(status, era).text(lang).to_owned(),
    };
    let ramp = |said: Vec<String>| {
        let n = said.len();
        sparse(said)
            .into_iter()
            .enumerate()
            .map(|(i, (shown, said))| RampStep {
                colour: sequential(i, n),
                shown,
                said,
            })
            .collect::<Vec<_>>()
    };
    match colouring {
        Colouring::Tier => MapKey {
            title: Msg::ColourTier,
            ramp: Vec::new(),
            swatches: Status::LEGEND
                .iter()
                .filter_map(|&status| {
                    let n = count_in(counts, status);
                    (always_shown(status) || n > 0).then(|| KeySwatch {
                        status,
                        paint: status_paint(status),
                        label: counted_name(status, era, n, lang),
                    })
                })
                .collect(),
        },
        Colouring::Criteria => {
            // One swatch per count, in the map's colour for it (`sequential(met, size + 1)`).
            let size = index
                .commune_set_for_year(at.year)
                .map_or(19, |s| s.criteria.len());
            MapKey {
                title: Msg::ColourCriteria,
                ramp: ramp((0..=size).map(|k| k.to_string()).collect()),
                swatches: [Status::NoData, Status::NotApplicable]
                    .into_iter()
                    .map(plain)
                    .collect(),
            }
        }
        Colouring::Year => {
            // One swatch per year, in the map's colours for it; the first "≤ 2016" where its
            // counts are "by the end of" it.
            let (first, last) = index.standard_years(at);
            let years = (first.year..=last)
                .map(|year| {
                    let by_year = year == first.year && first.by_year;
                    Reached { year, by_year }.display()
                })
                .collect();
            // "Not re-assessed" only after the reform, where it can be.
            let others: &[Status] = if era == Era::Post2025 {
                &[
                    Status::NotYet,
                    Status::NotReassessed,
                    Status::NoData,
                    Status::NotApplicable,
                ]
            } else {
                &[Status::NotYet, Status::NoData, Status::NotApplicable]
            };
            MapKey {
                title: Msg::ColourYear,
                ramp: ramp(years),
                swatches: others.iter().copied().map(plain).collect(),
            }
        }
    }
}

/// A swatch's pixels (RGBA, row by row) as the map paints the status: its fill, with its
/// pattern's ink where the map's pattern has ink. `dpr` is device pixels per CSS pixel.
pub fn swatch_rgba(paint: Paint, width: usize, height: usize, dpr: f32) -> Vec<u8> {
    let unit = (6.0 * dpr).round() as usize;
    let bit = paint.pattern.bit();
    let mut out = Vec::with_capacity(width * height * 4);
    for y in 0..height {
        for x in 0..width {
            let Rgb(r, g, b) =
                if paint.pattern != Pattern::None && Pattern::mask_at(x, y, unit) & bit != 0 {
                    paint.ink
                } else {
                    paint.fill
                };
            out.extend_from_slice(&[r, g, b, 255]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> DatasetIndex {
        DatasetIndex::new(
            crate::load::parse_dataset(include_str!("../../../public/data/ntm.json"))
                .expect("demo dataset"),
        )
    }

    #[test]
    fn the_tier_key_counts_each_tier_and_drops_empty_optional_ones() {
        let index = demo();
        let at = Date::new(2021, 12, 31).unwrap();
        let counts = [
            (Status::Model, 1),
            (Status::Standard, 172),
            (Status::NoData, 0),
            (Status::NotApplicable, 123),
        ];
        let key = map_key(&index, Colouring::Tier, at, &counts, Lang::Vi);
        assert_eq!(key.title, Msg::ColourTier);
        assert!(key.ramp.is_empty());
        let labels: Vec<&str> = key.swatches.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "NTM kiểu mẫu 1 xã",
                "NTM nâng cao 0 xã",
                "Đạt chuẩn NTM 172 xã",
                "Chưa đạt chuẩn 0 xã",
                "Phường, thị trấn (không xét) 123 đơn vị",
            ]
        );
        assert_eq!(key.swatches[2].paint, status_paint(Status::Standard));
        let en = map_key(&index, Colouring::Tier, at, &counts, Lang::En);
        assert_eq!(en.swatches[0].label, "Model NTM 1 commune");
    }

    #[test]
    fn ramps_have_a_colour_per_value_and_sparse_labels() {
        let index = demo();
        let at = Date::new(2021, 12, 31).unwrap();
        let key = map_key(&index, Colouring::Criteria, at, &[], Lang::Vi);
        assert_eq!(key.ramp.len(), 20);
        assert_eq!(key.ramp[0].shown, "0");
        assert_eq!(key.ramp[19].shown, "19");
        assert!(key.ramp.iter().any(|s| s.shown.is_empty()));
        assert!(key.ramp.iter().all(|s| !s.said.is_empty()));
        assert_eq!(key.ramp[5].colour, sequential(5, 20));
        let years = map_key(&index, Colouring::Year, at, &[], Lang::Vi);
        assert_eq!(years.ramp.last().map(|s| s.said.as_str()), Some("2021"));
        assert!(
            !years
                .swatches
                .iter()
                .any(|s| s.status == Status::NotReassessed)
        );
        let after = map_key(
            &index,
            Colouring::Year,
            Date::new(2026, 6, 30).unwrap(),
            &[],
            Lang::Vi,
        );
        assert!(
            after
                .swatches
                .iter()
                .any(|s| s.status == Status::NotReassessed)
        );
    }

    #[test]
    fn a_swatch_is_painted_as_the_map_paints_its_status() {
        let paint = status_paint(Status::Advanced);
        let px = swatch_rgba(paint, 24, 12, 2.0);
        assert_eq!(px.len(), 24 * 12 * 4);
        let colours: std::collections::HashSet<[u8; 3]> =
            px.chunks(4).map(|p| [p[0], p[1], p[2]]).collect();
        let Rgb(r, g, b) = paint.fill;
        let Rgb(ir, ig, ib) = paint.ink;
        assert_eq!(colours, [[r, g, b], [ir, ig, ib]].into_iter().collect());
        let plain = swatch_rgba(status_paint(Status::NotYet), 4, 4, 1.0);
        assert!(plain.chunks(4).all(|p| p == [0xff, 0xff, 0xcc, 255]));
    }

    #[test]
    fn sparse_labels_show_the_ends_and_a_few_between() {
        let said: Vec<String> = (0..=19).map(|k| k.to_string()).collect();
        let shown: Vec<String> = sparse(said).into_iter().map(|(s, _)| s).collect();
        let at: Vec<usize> = (0..shown.len()).filter(|&k| !shown[k].is_empty()).collect();
        assert_eq!(at, [0, 4, 8, 12, 16, 19]);
        // Not crowding the last: 18 would sit beside 19.
        let said: Vec<String> = (0..=18).map(|k| k.to_string()).collect();
        let shown: Vec<String> = sparse(said).into_iter().map(|(s, _)| s).collect();
        let at: Vec<usize> = (0..shown.len()).filter(|&k| !shown[k].is_empty()).collect();
        assert_eq!(at, [0, 4, 8, 12, 18]);
    }
}
