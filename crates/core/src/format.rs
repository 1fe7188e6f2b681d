//! Numbers as readers of each language expect them: "1.234" and "60,6 %" in Vietnamese,
//! "1,234" and "60.6%" in English.

use crate::i18n::Lang;

/// A no-break space, so that "60,6 %" never wraps between the number and the sign.
pub const NBSP: char = '\u{a0}';

/// Formats an integer with thousands separators.
pub fn int(lang: Lang, n: i64) -> String {
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Formats an unsigned count.
pub fn count(lang: Lang, n: usize) -> String {
    int(lang, i64::try_from(n).unwrap_or(i64::MAX))
}

/// Formats a decimal number with a fixed number of decimals (rounded half away from zero).
pub fn decimal(lang: Lang, x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "–".to_owned();
    }
    let factor = 10f64.powi(decimals as i32);
    let scaled = (x.abs() * factor).round();
    let whole = (scaled / factor).trunc();
    let frac = scaled - whole * factor;
    let mut out = String::new();
    if x < 0.0 && scaled > 0.0 {
        out.push('-');
    }
    out.push_str(&int(lang, whole as i64));
    if decimals > 0 {
        out.push(match lang {
            Lang::Vi => ',',
            Lang::En => '.',
        });
        let frac = (frac as u64).to_string();
        out.extend(std::iter::repeat_n(
            '0',
            decimals.saturating_sub(frac.len()),
        ));
        out.push_str(&frac);
    }
    out
}

/// Formats a percentage with one decimal: "60,6 %" / "60.6%".
pub fn percent(lang: Lang, pct: f64) -> String {
    let number = decimal(lang, pct, 1);
    match lang {
        Lang::Vi => format!("{number}{NBSP}%"),
        Lang::En => format!("{number}%"),
    }
}

/// A published percentage as it was published: whole numbers without a decimal ("60 %",
/// a target), others with one ("60,6 %"). Shares computed from records use [`percent`].
pub fn percent_published(lang: Lang, pct: f64) -> String {
    if (pct - pct.round()).abs() < 0.05 {
        let number = decimal(lang, pct, 0);
        match lang {
            Lang::Vi => format!("{number}{NBSP}%"),
            Lang::En => format!("{number}%"),
        }
    } else {
        percent(lang, pct)
    }
}

/// The share `part / whole` as a percentage, or `None` when `whole` is zero.
pub fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// Formats a byte size for messages ("52,4 MB").
pub fn bytes(lang: Lang, n: u64) -> String {
    let n = n as f64;
    if n >= 1_000_000.0 {
        format!("{}{NBSP}MB", decimal(lang, n / 1_000_000.0, 1))
    } else if n >= 1_000.0 {
        format!("{}{NBSP}KB", decimal(lang, n / 1_000.0, 1))
    } else {
        format!("{}{NBSP}B", decimal(lang, n, 0))
    }
}

/// A signed change ("+3", "−2", "0").
pub fn signed(lang: Lang, n: i64) -> String {
    match n {
        0 => "0".to_owned(),
        n if n > 0 => format!("+{}", int(lang, n)),
        n => format!("\u{2212}{}", int(lang, -n)),
    }
}

/// Items in a sentence: "A, B và C" / "A, B and C".
pub fn list(items: &[String], lang: Lang) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!(
            "{}{}{last}",
            rest.join(", "),
            crate::i18n::Msg::And.text(lang)
        ),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(int(Lang::Vi, 1234), "1.234");
        assert_eq!(int(Lang::Vi, 1_234_567), "1.234.567");
        assert_eq!(int(Lang::Vi, 999), "999");
        assert_eq!(int(Lang::Vi, -10_040), "-10.040");
        assert_eq!(percent(Lang::Vi, 106.0 * 100.0 / 175.0), "60,6\u{a0}%");
        assert_eq!(decimal(Lang::Vi, 15.21, 2), "15,21");
    }

    #[test]
    fn english_numbers() {
        assert_eq!(int(Lang::En, 1234), "1,234");
        assert_eq!(percent(Lang::En, 84.615), "84.6%");
        assert_eq!(decimal(Lang::En, 0.05, 1), "0.1");
        assert_eq!(decimal(Lang::En, -0.04, 1), "0.0");
        assert_eq!(signed(Lang::En, -2), "\u{2212}2");
    }

    #[test]
    fn shares() {
        assert_eq!(share(1, 0), None);
        assert_eq!(
            share(154, 182).map(|s| percent(Lang::Vi, s)),
            Some("84,6\u{a0}%".into())
        );
    }

    #[test]
    fn lists_end_with_and() {
        let items: Vec<String> = ["Tam Dị", "Bảo Sơn", "Thanh Lâm"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(list(&items, Lang::Vi), "Tam Dị, Bảo Sơn và Thanh Lâm");
        assert_eq!(list(&items, Lang::En), "Tam Dị, Bảo Sơn and Thanh Lâm");
        assert_eq!(list(&items[..1], Lang::En), "Tam Dị");
        assert_eq!(list(&[], Lang::En), "");
    }
}
