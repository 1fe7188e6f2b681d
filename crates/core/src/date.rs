//! Calendar dates as the dataset writes them ("2025-06-30").
//!
//! The dataset needs no time zones or clocks, only ordering and formatting of whole days, so a
//! small value type keeps the wasm free of a date library.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31 (checked against the month).
    pub day: u8,
}

/// The first day of the post-reform era: provinces 63 → 34, districts abolished (1/7/2025).
pub const REFORM_DATE: Date = Date {
    year: 2025,
    month: 7,
    day: 1,
};

/// The last day of the pre-reform era.
pub const LAST_PRE_REFORM_DAY: Date = Date {
    year: 2025,
    month: 6,
    day: 30,
};

impl Date {
    /// Builds a date, checking the month and the day of month (leap years included).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// The last day of a year (31 December).
    pub const fn year_end(year: u16) -> Self {
        Self {
            year,
            month: 12,
            day: 31,
        }
    }

    /// Parses `YYYY-MM-DD`. Also accepts `DD/MM/YYYY`, as Vietnamese spreadsheets write dates.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some((d, rest)) = text.split_once('/') {
            let (m, y) = rest.split_once('/')?;
            // "05/11/20" is not the year 20: a two-digit year is refused, not guessed.
            if y.len() != 4 {
                return None;
            }
            return Self::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        }
        let mut parts = text.splitn(3, '-');
        let y = parts.next()?;
        let m = parts.next()?;
        let d = parts.next()?;
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Self::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Formats as `D/M/YYYY` in Vietnamese ("1/7/2025", as the programme's documents and the
    /// year control write it) or `D Month YYYY` in English.
    pub fn display(self, lang: crate::i18n::Lang) -> String {
        match lang {
            crate::i18n::Lang::Vi => format!("{}/{}/{}", self.day, self.month, self.year),
            crate::i18n::Lang::En => {
                format!(
                    "{} {} {}",
                    self.day,
                    crate::i18n::month_name_en(self.month),
                    self.year
                )
            }
        }
    }
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("\"{text}\" is not a date of the form YYYY-MM-DD"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_and_vietnamese_order() {
        assert_eq!(Date::parse("2025-06-30"), Date::new(2025, 6, 30));
        assert_eq!(Date::parse("31/10/2018"), Date::new(2018, 10, 31));
        assert_eq!(Date::parse("2024-02-29"), Date::new(2024, 2, 29));
    }

    #[test]
    fn rejects_impossible_days() {
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2025-13-01"), None);
        assert_eq!(Date::parse("2025-6-30"), None);
        assert_eq!(Date::parse("tomorrow"), None);
        // A two-digit year is not the year 20 AD.
        assert_eq!(Date::parse("05/11/20"), None);
    }

    #[test]
    fn orders_chronologically() {
        assert!(LAST_PRE_REFORM_DAY < REFORM_DATE);
        assert!(Date::year_end(2024) < LAST_PRE_REFORM_DAY);
    }
}
