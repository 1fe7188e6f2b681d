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
///
/// Keyboards differ in how they write a mark, not in what it spells: marks sent apart from
/// their letter ("a" + U+0323) are joined to it ("ạ"), and the tone of "oa", "oe" and "uy",
/// written on either letter ("Hoà", "Hòa"), is put on the first ("hòa").
pub fn fold_case(text: &str) -> String {
    let mut out = normalize(text, false);
    if !out.is_ascii() {
        out = tone_on_first_of_pair(&out);
    }
    out
}

/// The letter a combining mark makes of the one before it: a tone (U+0300 huyền, U+0301 sắc,
/// U+0309 hỏi, U+0303 ngã, U+0323 nặng) or a circumflex, breve or horn ("o" + U+031B → "ơ").
fn compose(letter: char, mark: char) -> Option<char> {
    let (base, tone) = untone(letter);
    let (base, tone) = match mark {
        '\u{300}' => (base, 1),
        '\u{301}' => (base, 2),
        '\u{309}' => (base, 3),
        '\u{303}' => (base, 4),
        '\u{323}' => (base, 5),
        '\u{302}' => (
            match base {
                'a' => 'â',
                'e' => 'ê',
                'o' => 'ô',
                _ => return None,
            },
            tone,
        ),
        '\u{306}' if base == 'a' => ('ă', tone),
        '\u{31b}' => (
            match base {
                'o' => 'ơ',
                'u' => 'ư',
                _ => return None,
            },
            tone,
        ),
        _ => return None,
    };
    with_tone(base, tone)
}

/// A vowel with a tone (0–5, as in [`TONED`]): ('ê', 5) → 'ệ'.
pub(crate) fn with_tone(base: char, tone: u8) -> Option<char> {
    TONED
        .iter()
        .find(|(b, _, _)| *b == base)
        .and_then(|(_, _, forms)| forms.chars().nth(usize::from(tone)))
}

/// Moves the tone of "oa", "oe" and "uy" to their first letter: "hoà" → "hòa", "thuỷ" →
/// "thủy", "hoàng" → "hòang" (a search key, never shown).
fn tone_on_first_of_pair(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for i in 1..chars.len() {
        let (first, t1) = untone(chars[i - 1]);
        let (second, t2) = untone(chars[i]);
        let pair = matches!((first, second), ('o', 'a' | 'e') | ('u', 'y'));
        if pair
            && t1 == 0
            && t2 != 0
            && let (Some(a), Some(b)) = (with_tone(first, t2), with_tone(second, 0))
        {
            chars[i - 1] = a;
            chars[i] = b;
        }
    }
    chars.into_iter().collect()
}

fn normalize(text: &str, strip_marks: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            if strip_marks {
                continue;
            }
            let joined = out.chars().next_back().filter(|_| !space);
            if let Some(joined) = joined.and_then(|l| compose(l, c)) {
                out.pop();
                out.push(joined);
                continue;
            }
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

/// The vowels of Vietnamese, without tones.
const VOWELS: &str = "aăâeêioôơuưy";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

/// Reads the keys of Telex ("tus michj", "ddinh laapj", "cawm lys") or VNI ("tu1 mi5ch") left
/// in text typed while the Vietnamese keyboard was off or half working: the Vietnamese they
/// spell ("tú mịch"), or `None` when the text holds no such keys. Takes text folded by
/// [`fold_case`]. A tone key counts only after a vowel, at the end of its word or before the
/// final consonants ("mijch"), so a word spelt without marks ("bac son") is never changed: no
/// Vietnamese syllable ends in s, f, r, x or j or holds "w", "dd", "aa", "ee" or "oo".
pub fn read_keys(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match read_word(word) {
            Some(read) => {
                changed = true;
                out.push_str(&read);
            }
            None => out.push_str(word),
        }
    }
    changed.then_some(out)
}

/// One word of [`read_keys`].
fn read_word(word: &str) -> Option<String> {
    // A code ("06463") is not VNI.
    if !word.chars().any(char::is_alphabetic) {
        return None;
    }
    let keys: Vec<char> = word.chars().collect();
    let mut letters: Vec<char> = Vec::with_capacity(keys.len());
    let mut tone = 0;
    let mut changed = false;
    for (i, &key) in keys.iter().enumerate() {
        let (key, marked) = untone(key);
        if marked != 0 {
            tone = marked;
        }
        let after_vowel = letters.iter().any(|&l| is_vowel(l));
        let ends_syllable = keys[i + 1..]
            .iter()
            .all(|&r| "cghmnpt".contains(r) || r.is_ascii_digit());
        let tone_key = match key {
            'f' | '2' => Some(1),
            's' | '1' => Some(2),
            'r' | '3' => Some(3),
            'x' | '4' => Some(4),
            'j' | '5' => Some(5),
            'z' | '0' => Some(0),
            _ => None,
        };
        if let Some(t) = tone_key.filter(|_| after_vowel && ends_syllable) {
            tone = t;
            changed = true;
            continue;
        }
        let last = letters.last().copied();
        let modified = match key {
            // Telex: "aa" â, "ee" ê, "oo" ô, "dd" đ.
            'a' | 'e' | 'o' | 'd' if last == Some(key) => {
                letters.pop();
                letters.push(match key {
                    'a' => 'â',
                    'e' => 'ê',
                    'o' => 'ô',
                    _ => 'đ',
                });
                true
            }
            // Telex "w": ă, ơ, ư ("uow" ươ); alone, ư.
            'w' => {
                if !horn_or_breve(&mut letters, "aou") {
                    letters.push('ư');
                }
                true
            }
            // VNI: 6 circumflex, 7 horn, 8 breve, 9 đ.
            '6' => horn_or_breve(&mut letters, "aeo"),
            '7' => horn_or_breve(&mut letters, "ou"),
            '8' => horn_or_breve(&mut letters, "a"),
            '9' => match letters.iter().position(|&l| l == 'd') {
                Some(d) => {
                    letters[d] = 'đ';
                    true
                }
                None => false,
            },
            _ => false,
        };
        if modified {
            changed = true;
        } else {
            letters.push(key);
        }
    }
    if !changed {
        return None;
    }
    if tone != 0
        && let Some(at) = tone_position(&letters)
    {
        letters[at] = with_tone(letters[at], tone).unwrap_or(letters[at]);
    }
    Some(letters.into_iter().collect())
}

/// Puts a circumflex ("aeo"), horn ("ou", "uo" both) or breve ("a") on the last vowel of
/// `on` in the word so far; whether there was one.
fn horn_or_breve(letters: &mut [char], on: &str) -> bool {
    let Some(at) = letters.iter().rposition(|&l| on.contains(l)) else {
        return false;
    };
    let circumflex = on.contains('e');
    let mark = |c: char| match (c, circumflex) {
        ('a', true) => 'â',
        ('e', _) => 'ê',
        ('o', true) => 'ô',
        ('a', false) => 'ă',
        ('o', false) => 'ơ',
        ('u', _) => 'ư',
        (c, _) => c,
    };
    // "uo" takes the horn on both letters: "duongw", "uow" → "ươ".
    if !circumflex && letters[at] == 'o' && at > 0 && letters[at - 1] == 'u' {
        letters[at - 1] = 'ư';
    }
    letters[at] = mark(letters[at]);
    true
}

/// Which letter of a syllable carries its tone: a vowel with a circumflex, breve or horn (the
/// last: "ươ"), else the last vowel before a final consonant ("oán"), else in an open syllable
/// the first of two ("mùa") or the middle of three ("ngoài"); "qu" and "gi" are consonants.
fn tone_position(letters: &[char]) -> Option<usize> {
    let mut start = letters.iter().position(|&c| is_vowel(c))?;
    if start > 0
        && letters.get(start + 1).is_some_and(|&c| is_vowel(c))
        && matches!(
            (letters[start - 1], letters[start]),
            ('q', 'u') | ('g', 'i')
        )
    {
        start += 1;
    }
    let end = letters[start..]
        .iter()
        .position(|&c| !is_vowel(c))
        .map_or(letters.len(), |n| start + n);
    let vowels = &letters[start..end];
    if let Some(p) = vowels.iter().rposition(|&c| "ăâêôơư".contains(c)) {
        return Some(start + p);
    }
    Some(
        start
            + match vowels.len() {
                1 => 0,
                n if end < letters.len() => n - 1,
                2 => usize::from(matches!(vowels, ['o', 'a' | 'e'] | ['u', 'y'])),
                _ => 1,
            },
    )
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

/// Whether a query word is one edit (a letter wrong, added, missing, or two swapped) from a
/// word of a name or its start: `Some(true)` from the whole word ("mitch", "mihc" → "mich"),
/// `Some(false)` from a start of it ("mitc" → "mic…"), `None` when further, or when it starts
/// the word as typed (no edit).
fn one_edit_from(q: &[u8], w: &[u8]) -> Option<bool> {
    if q.len() > w.len() + 1 {
        return None;
    }
    let i = q.iter().zip(w).take_while(|(a, b)| a == b).count();
    if i == q.len() {
        return None;
    }
    // The rests of both after the edit: a letter added to the query, then (where the name
    // goes on) a wrong letter, a missing one, two swapped.
    let goes_on = i < w.len();
    let swapped =
        goes_on && i + 1 < q.len() && i + 1 < w.len() && q[i] == w[i + 1] && q[i + 1] == w[i];
    let rests = [
        Some((&q[i + 1..], &w[i..])),
        goes_on.then(|| (&q[i + 1..], &w[i + 1..])),
        goes_on.then(|| (&q[i..], &w[i + 1..])),
        swapped.then(|| (&q[i + 2..], &w[i + 2..])),
    ];
    let rests = rests.iter().flatten();
    if rests.clone().any(|(q, w)| q == w) {
        Some(true)
    } else if rests.clone().any(|(q, w)| w.starts_with(q)) {
        Some(false)
    } else {
        None
    }
}

/// Whether a query word is long enough to be matched with an edit: four letters, or three
/// beside other words.
fn may_have_an_edit(word: &str, several: bool) -> bool {
    word.len() >= 4 || (word.len() == 3 && several)
}

/// Whether [`matches_with_one_edit`] can match anything for a folded query (none of its words
/// is long enough otherwise), so that a search need not try every name.
pub fn one_edit_possible(query: &str) -> bool {
    let several = query.contains(' ');
    query.split(' ').any(|w| may_have_an_edit(w, several))
}

/// [`matches_folded`] with one query word one edit from a word of the name (see
/// [`one_edit_from`]): a word of four letters or more, or of three beside other words, which
/// must then match as typed ("cam lyy"). `Some(0)` when that word is one edit from a whole
/// word, `Some(1)` from the start of one; `None` when no name word is that close, or when the
/// query matches without an edit.
pub fn matches_with_one_edit(name: &str, query: &str) -> Option<u8> {
    let several = query.contains(' ');
    let mut words = name.split(' ');
    let mut edit: Option<bool> = None;
    for q in query.split(' ').filter(|q| !q.is_empty()) {
        let may_edit = edit.is_none() && may_have_an_edit(q, several);
        let found = words.any(|w| {
            if w.starts_with(q) {
                return true;
            }
            let near = if may_edit {
                one_edit_from(q.as_bytes(), w.as_bytes())
            } else {
                None
            };
            if near.is_some() {
                edit = near;
            }
            near.is_some()
        });
        if !found {
            return None;
        }
    }
    edit.map(|whole| u8::from(!whole))
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
        // Marks sent apart are joined to their letter, in either order.
        assert_eq!(fold_case("Tu\u{301} Mi\u{323}ch"), "tú mịch");
        assert_eq!(fold_case("Lê\u{323}"), "lệ");
        assert_eq!(fold_case("Le\u{323}\u{302}"), "lệ");
        assert_eq!(fold_case("So\u{31b}n"), "sơn");
        // The tone of "oa", "oe", "uy" on the first letter, wherever it was typed.
        assert_eq!(fold_case("Hoà Bình"), fold_case("Hòa Bình"));
        assert_eq!(fold_case("Thuỷ"), "thủy");
        assert_eq!(fold_case("khoẻ"), "khỏe");
        assert_eq!(fold_case("Hoàng"), "hòang");
        assert_eq!(fold_case("hoặc"), "hoặc");
        assert_eq!(fold_case("Nguyễn"), "nguyễn");
    }

    #[test]
    fn reads_telex_and_vni_keys() {
        for (typed, read) in [
            ("tus michj", "tú mịch"),
            ("tuws mich", "tứ mich"),
            ("cawm lys", "căm lý"),
            ("caamr lys", "cẩm lý"),
            ("ddinh laapj", "đinh lập"),
            ("locj binhf", "lọc bình"),
            ("mijch", "mịch"),
            ("dduwowngf", "đường"),
            ("duongwf", "dường"),
            ("nguowif", "người"),
            ("hoaf", "hoà"),
            ("muaf", "mùa"),
            ("ngoaif", "ngoài"),
            ("quys", "quý"),
            ("giaf", "già"),
            ("tw", "tư"),
            ("xax tus", "xã tú"),
            ("tu1 mi5ch", "tú mịch"),
            ("lo65c bi2nh", "lộc bình"),
            ("d9i2nh la65p", "đình lập"),
            ("tú michj", "tú mịch"),
        ] {
            assert_eq!(read_keys(typed).as_deref(), Some(read), "{typed:?}");
        }
        // Nothing to read: plain words, marked words, codes.
        for typed in [
            "bac son",
            "tu mich",
            "tú mịch",
            "06463",
            "trang",
            "x",
            "tr",
            "lang son",
        ] {
            assert_eq!(read_keys(typed), None, "{typed:?}");
        }
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
    fn matches_with_one_letter_wrong() {
        for (name, query, rank) in [
            ("tu mich", "tu mitch", 0),
            ("tu mich", "tu mihc", 0),
            ("tu mich", "tu micg", 0),
            ("tu mich", "tu mch", 0),
            ("dinh lap", "dinh lapp", 0),
            ("cam ly", "cam lyy", 0),
            ("tu mich", "tu mitc", 1),
            ("tu mich", "mitch", 0),
        ] {
            assert_eq!(
                matches_with_one_edit(name, query),
                Some(rank),
                "{name:?} {query:?}"
            );
        }
        for (name, query) in [
            // Matches as typed: no edit.
            ("tu mich", "tu mi"),
            // Two edits.
            ("tu mich", "tu mitchh"),
            ("dinh lap", "dinx lapp"),
            // Too short to guess at: three letters alone, two beside others.
            ("cam ly", "lyy"),
            ("cam ly", "cam lx"),
        ] {
            assert_eq!(
                matches_with_one_edit(name, query),
                None,
                "{name:?} {query:?}"
            );
        }
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
