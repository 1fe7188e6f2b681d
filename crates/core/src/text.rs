//! Vietnamese text handling: search that works with or without diacritics, and sorting in
//! Vietnamese alphabetical order ("Đ" after "D", "Ă" and "Â" after "A", tones second).
//!
//! A table of the 12 toned vowels is all this needs; a Unicode normalisation crate would add
//! tens of kilobytes to the wasm for letters Vietnamese names never use.

use std::cmp::Ordering;

/// Each Vietnamese vowel with its six tones: ngang, huyền, sắc, hỏi, ngã, nặng.
const TONED: [(char, char, &str); 12] = [
    ('a', 'a', "aàáảãạ"),
    ('ă', 'a', "ăằắẳẵặ"),
    ('â', 'a', "âầấẩẫậ"),
    ('e', 'e', "eèéẻẽẹ"),
    ('ê', 'e', "êềếểễệ"),
    ('i', 'i', "iìíỉĩị"),
    ('o', 'o', "oòóỏõọ"),
    ('ô', 'o', "ôồốổỗộ"),
    ('ơ', 'o', "ơờớởỡợ"),
    ('u', 'u', "uùúủũụ"),
    ('ư', 'u', "ưừứửữự"),
    ('y', 'y', "yỳýỷỹỵ"),
];

/// The Vietnamese alphabet, with the Latin letters it does not use placed in Latin order.
const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

/// The text with its first letter in lower case, for a label used inside a sentence
/// ("Chưa xét lại sau sắp xếp" → "chưa xét lại sau sắp xếp").
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Splits a lowercase letter into (letter without tone, tone 0–5).
fn untone(c: char) -> (char, u8) {
    if c.is_ascii() {
        return (c, 0);
    }
    for (base, _, forms) in TONED {
        if let Some(tone) = forms.chars().position(|f| f == c) {
            return (base, tone as u8);
        }
    }
    (c, 0)
}

/// The ASCII letter under a Vietnamese letter ("ệ" → 'e', "đ" → 'd').
fn ascii_base(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    if c == 'đ' {
        return Some('d');
    }
    let (letter, _) = untone(c);
    TONED
        .iter()
        .find(|(b, _, _)| *b == letter)
        .map(|(_, a, _)| *a)
}

fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Folds text for searching: lowercase, no diacritics, single spaces, trimmed.
/// "TÚ MỊCH", "Tú Mịch" and "tu mich" all fold to "tu mich".
pub fn fold(text: &str) -> String {
    normalize(text, true)
}

/// Folds case and spaces only, keeping the diacritics: "TÚ  MỊCH" → "tú mịch". A query typed
/// with its marks ("Lạng") is compared in this form, so it ranks the name it spells ("Lạng
/// Sơn") above others that fold the same ("Lãng Sơn").
pub fn fold_case(text: &str) -> String {
    normalize(text, false)
}

fn normalize(text: &str, strip_marks: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if strip_marks && is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() || c == '-' || c == '_' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match ascii_base(c).filter(|_| strip_marks) {
            Some(a) => out.push(a),
            None => out.push(c),
        }
    }
    out
}

/// Whether a folded query matches a folded name: every word of the query starts a word of the
/// name, in order ("tu mi" matches "tu mich"; "mich" matches "tu mich").
pub fn matches_folded(name: &str, query: &str) -> bool {
    let mut words = name.split(' ');
    query
        .split(' ')
        .filter(|q| !q.is_empty())
        .all(|q| words.any(|w| w.starts_with(q)))
}

/// A sort key giving Vietnamese alphabetical order: letters first, tones as a tie-breaker.
pub fn collation_key(text: &str) -> Vec<u8> {
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let mut primary = Vec::with_capacity(lower.len() + 1);
    let mut tones = Vec::with_capacity(lower.len());
    for c in lower {
        if is_combining_mark(c) {
            continue;
        }
        let (letter, tone) = untone(c);
        let rank = if let Some(i) = ALPHABET.chars().position(|a| a == letter) {
            // Letters after digits, spaces and punctuation.
            100 + i as u8
        } else if letter.is_ascii_digit() {
            10 + (letter as u8 - b'0')
        } else if letter.is_whitespace() {
            1
        } else {
            // Other characters after the alphabet, in code point order where it fits.
            200u8.saturating_add((u32::from(letter) % 50) as u8)
        };
        primary.push(rank);
        tones.push(tone);
    }
    primary.push(0);
    primary.extend(tones);
    primary
}

/// Compares two names in Vietnamese alphabetical order.
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    collation_key(a)
        .cmp(&collation_key(b))
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_with_or_without_diacritics() {
        assert_eq!(fold("Tú Mịch"), "tu mich");
        assert_eq!(fold("TÚ MỊCH"), "tu mich");
        assert_eq!(fold("  tu   mich "), "tu mich");
        assert_eq!(fold("Đồi Ngô"), "doi ngo");
        assert_eq!(fold("Lục Nam"), "luc nam");
        // Decomposed input (as some keyboards send it).
        assert_eq!(fold("Tu\u{301} Mi\u{323}ch"), "tu mich");
        assert_eq!(fold("Ưu Đãi Ơn"), "uu dai on");
        // Case and spaces only, marks kept.
        assert_eq!(fold_case("  LẠNG   Sơn "), "lạng sơn");
        assert_eq!(fold_case("Đồi-Ngô"), "đồi ngô");
        assert_ne!(fold_case("Lãng Sơn"), fold_case("Lạng Sơn"));
    }

    #[test]
    fn matches_words_from_their_start() {
        assert!(matches_folded("tu mich", "tu mich"));
        assert!(matches_folded("tu mich", "tu mi"));
        assert!(matches_folded("tu mich", "mich"));
        assert!(!matches_folded("tu mich", "ich"));
        assert!(matches_folded("tu mich", ""));
    }

    #[test]
    fn sorts_in_vietnamese_order() {
        let mut names = vec![
            "Đông Hưng",
            "Dĩnh Trì",
            "Ân Thi",
            "Bảo Đài",
            "An Châu",
            "Ăn Lạc",
            "Đan Hội",
            "Yên Sơn",
        ];
        names.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(
            names,
            vec![
                "An Châu",
                "Ăn Lạc",
                "Ân Thi",
                "Bảo Đài",
                "Dĩnh Trì",
                "Đan Hội",
                "Đông Hưng",
                "Yên Sơn"
            ]
        );
    }

    #[test]
    fn tones_break_ties_only() {
        assert_eq!(compare_vi("Ma", "Mà"), Ordering::Less);
        assert_eq!(compare_vi("Mà", "Mb"), Ordering::Less);
    }
}
