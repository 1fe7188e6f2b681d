//! Reading the CSV files a provincial office exports from Excel, tolerantly and with located
//! diagnostics.
//!
//! Excel writes CSV in many ways: UTF-8 with or without a byte-order mark, UTF-16 ("Unicode
//! text"), the legacy Vietnamese code page Windows-1258, commas or semicolons or tabs as
//! separators, decimal commas, and blank cells where cells were merged. This module turns all of
//! these into a [`Table`] of trimmed cells with 1-based line numbers, and every problem into a
//! [`Diagnostic`] naming the file, line and column, what was found and what was expected.

use std::fmt::Write as _;
use std::path::Path;

use ntm_core::date::Date;
use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::validate::{Problem, Severity};
use unicode_normalization::UnicodeNormalization;

/// A value inserted into a message: literal text, or another catalogue message (so that
/// "expected …" is translated too).
#[derive(Clone, Debug)]
pub enum Val {
    /// Literal text (what was found, a code, a file name).
    Text(String),
    /// A catalogue message without placeholders.
    Msg(Msg),
    /// A catalogue message with one placeholder filled.
    MsgWith(Msg, &'static str, String),
}

impl Val {
    fn render(&self, lang: Lang) -> String {
        match self {
            Val::Text(s) => s.clone(),
            Val::Msg(m) => m.text(lang).to_owned(),
            Val::MsgWith(m, k, v) => fill(m.text(lang), &[(k, v)]),
        }
    }
}

/// What a diagnostic says: a CLI message with values, or a core validation problem.
#[derive(Clone, Debug)]
pub enum Message {
    /// A message of the CLI, from the catalogue.
    Cli(Msg, Vec<(&'static str, Val)>),
    /// A problem found by core validation.
    Core(Box<Problem>),
}

impl Message {
    /// The message in a language.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Message::Cli(msg, vals) => {
                let rendered: Vec<(&str, String)> =
                    vals.iter().map(|(k, v)| (*k, v.render(lang))).collect();
                let pairs: Vec<(&str, &str)> =
                    rendered.iter().map(|(k, v)| (*k, v.as_str())).collect();
                fill(msg.text(lang), &pairs)
            }
            Message::Core(p) => p.message(lang),
        }
    }
}

/// One problem, located in a file.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file name, e.g. `recognitions.csv` or `ntm.json`.
    pub file: String,
    /// 1-based line (the header is line 1); `None` for a whole-file problem or a JSON path.
    pub line: Option<usize>,
    /// The column, or the JSON path of the field.
    pub field: String,
    /// What is wrong.
    pub message: Message,
}

impl Diagnostic {
    /// The `file:line: field: message` line, in a language.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.file.clone();
        if let Some(line) = self.line {
            let _ = write!(out, ":{line}");
        }
        let _ = write!(out, ": {}: ", self.field);
        if self.severity == Severity::Warning {
            out.push_str(Msg::CliWarning.text(lang));
            out.push_str(": ");
        }
        out.push_str(&self.message.render(lang));
        // One problem per line, whatever the input holds (a garbage header, a tab); the
        // invisible characters that reorder text (a name starting with U+202E) are shown as
        // escapes, so that they cannot turn the terminal's line around.
        let mut line = String::with_capacity(out.len());
        for c in out.chars() {
            if c.is_control() {
                line.push(' ');
            } else if ntm_core::validate::has_control_chars(c.encode_utf8(&mut [0; 4])) {
                let _ = write!(line, "{}", c.escape_unicode());
            } else {
                line.push(c);
            }
        }
        line
    }
}

/// Collected diagnostics.
#[derive(Default, Debug)]
pub struct Diagnostics {
    /// Every diagnostic, in the order found.
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds a CLI diagnostic.
    pub fn push(
        &mut self,
        severity: Severity,
        file: &str,
        line: Option<usize>,
        field: &str,
        msg: Msg,
        vals: Vec<(&'static str, Val)>,
    ) {
        self.items.push(Diagnostic {
            severity,
            file: file.to_owned(),
            line,
            field: field.to_owned(),
            message: Message::Cli(msg, vals),
        });
    }

    /// Adds an error at a line.
    pub fn error(
        &mut self,
        file: &str,
        line: usize,
        field: &str,
        msg: Msg,
        vals: Vec<(&'static str, Val)>,
    ) {
        self.push(Severity::Error, file, Some(line), field, msg, vals);
    }

    /// Adds a warning at a line.
    pub fn warning(
        &mut self,
        file: &str,
        line: usize,
        field: &str,
        msg: Msg,
        vals: Vec<(&'static str, Val)>,
    ) {
        self.push(Severity::Warning, file, Some(line), field, msg, vals);
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// Shorthand for a literal value.
pub fn text(s: impl Into<String>) -> Val {
    Val::Text(s.into())
}

/// How the bytes of a file were decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian.
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
    /// The legacy Vietnamese Windows code page (not valid UTF-8, no byte-order mark).
    Windows1258,
    /// UTF-8 with a few bytes that are not (one word pasted from a legacy file); they are
    /// decoded as U+FFFD and their lines reported, see [`damaged_utf8_lines`].
    Utf8Damaged,
}

/// The 1-based lines of a mostly UTF-8 file that hold bytes which are not UTF-8, when the
/// file has more well-formed non-ASCII characters than bad bytes (a Windows-1258 file has
/// almost none of the former); `None` when the file does not look like UTF-8.
pub fn damaged_utf8_lines(bytes: &[u8]) -> Option<Vec<usize>> {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut lines = Vec::new();
    let mut line = 1;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        good += valid.chars().filter(|c| !c.is_ascii()).count();
        line += valid.matches('\n').count();
        if !chunk.invalid().is_empty() {
            bad += 1;
            if lines.last() != Some(&line) {
                lines.push(line);
            }
        }
    }
    (bad > 0 && good > bad).then_some(lines)
}

/// Decodes a file's bytes to NFC text, detecting the encoding.
///
/// Windows-1258 writes most tones as combining marks, and Excel on macOS may write
/// decomposed UTF-8, so the text is always normalised to NFC: "Tú Mịch" then compares equal
/// however it was typed.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let (raw, enc) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(rest);
        (text.into_owned(), Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(rest);
        (text.into_owned(), Encoding::Utf16Be)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), Encoding::Utf8)
    } else if let Some(order) = utf16_without_bom(bytes) {
        let codec = if order == Encoding::Utf16Le {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _) = codec.decode_without_bom_handling(bytes);
        (text.into_owned(), order)
    } else if damaged_utf8_lines(bytes).is_some() {
        (
            String::from_utf8_lossy(bytes).into_owned(),
            Encoding::Utf8Damaged,
        )
    } else {
        let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
        (text.into_owned(), Encoding::Windows1258)
    };
    (raw.nfc().collect(), enc)
}

/// UTF-16 without a byte-order mark: text in the Latin range has a zero byte in every pair.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let zero_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    if zero_odd * 10 >= pairs * 3 && zero_even == 0 {
        Some(Encoding::Utf16Le)
    } else if zero_even * 10 >= pairs * 3 && zero_odd == 0 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Which delimiter the header line uses: commas, or else semicolons or tabs (Excel with a
/// Vietnamese locale writes `;`, "Unicode text" writes tabs).
fn sniff_delimiter(header: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    if counts[0] > 0 || (counts[1] == 0 && counts[2] == 0) {
        b','
    } else if counts[1] >= counts[2] {
        b';'
    } else {
        b'\t'
    }
}

/// The columns a file may have.
pub struct Spec {
    /// File name, e.g. `units.csv`.
    pub file: &'static str,
    /// Columns that must be present.
    pub required: &'static [&'static str],
    /// Columns that may be present.
    pub optional: &'static [&'static str],
    /// Extra columns accepted by pattern (the criteria columns `tc1`, `tc2`…).
    pub extra: Option<fn(&str) -> bool>,
}

impl Spec {
    fn accepts(&self, name: &str) -> bool {
        self.required.contains(&name)
            || self.optional.contains(&name)
            || self.extra.is_some_and(|f| f(name))
    }
}

/// One data row.
#[derive(Clone, Debug)]
pub struct Row {
    /// 1-based line of the row's start in the file (the header is line 1).
    pub line: usize,
    cells: Vec<String>,
}

/// A CSV file read into trimmed cells.
#[derive(Debug)]
pub struct Table {
    /// The file name used in diagnostics.
    pub file: String,
    /// Column name → position.
    columns: Vec<(String, usize)>,
    /// Data rows, blank rows skipped.
    pub rows: Vec<Row>,
}

impl Table {
    /// The column names present, in file order.
    pub fn column_names(&self) -> impl Iterator<Item = &str> {
        self.columns.iter().map(|(n, _)| n.as_str())
    }

    fn position(&self, column: &str) -> Option<usize> {
        self.columns
            .iter()
            .find(|(n, _)| n == column)
            .map(|(_, p)| *p)
    }

    /// The trimmed cell of a row, `None` when empty or the column is absent.
    pub fn get<'a>(&self, row: &'a Row, column: &str) -> Option<&'a str> {
        let pos = self.position(column)?;
        row.cells
            .get(pos)
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
    }

    /// A required cell: reports an empty one, saying when it looks like a merged cell (the
    /// row above has a value in the same column).
    pub fn required(
        &self,
        index: usize,
        column: &str,
        expected: Val,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        let row = &self.rows[index];
        if let Some(v) = self.get(row, column) {
            return Some(v.to_owned());
        }
        let above = index
            .checked_sub(1)
            .and_then(|i| self.get(&self.rows[i], column));
        match above {
            Some(above) => diags.error(
                &self.file,
                row.line,
                column,
                Msg::CliMergedCell,
                vec![("above", text(above)), ("expected", expected)],
            ),
            None => diags.error(
                &self.file,
                row.line,
                column,
                Msg::CliEmptyCell,
                vec![("expected", expected)],
            ),
        }
        None
    }
}

/// Reads a CSV file: decodes it, detects the delimiter, checks the header against a spec,
/// and returns its rows. Problems go to `diags`; `None` when the file cannot be used at all.
pub fn read_table(path: &Path, spec: &Spec, diags: &mut Diagnostics) -> Option<Table> {
    let file = spec.file;
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(
                Severity::Error,
                file,
                None,
                "-",
                Msg::CliReadError,
                vec![("detail", text(e.to_string()))],
            );
            return None;
        }
    };
    parse_table(file, &bytes, spec, diags)
}

/// [`read_table`] on bytes already read.
pub fn parse_table(
    file: &str,
    bytes: &[u8],
    spec: &Spec,
    diags: &mut Diagnostics,
) -> Option<Table> {
    let (text_all, encoding) = decode(bytes);
    match encoding {
        Encoding::Utf8 => {}
        Encoding::Utf16Le | Encoding::Utf16Be => diags.warning(
            file,
            1,
            "-",
            Msg::CliEncodingUtf16,
            vec![(
                "order",
                text(if encoding == Encoding::Utf16Le {
                    "little-endian"
                } else {
                    "big-endian"
                }),
            )],
        ),
        Encoding::Windows1258 => {
            diags.warning(file, 1, "-", Msg::CliEncodingWindows1258, vec![]);
        }
        Encoding::Utf8Damaged => {
            for line in damaged_utf8_lines(bytes).unwrap_or_default() {
                diags.error(file, line, "-", Msg::CliEncodingBroken, vec![]);
            }
        }
    }
    let header_line = text_all.lines().next().unwrap_or("");
    let delimiter = sniff_delimiter(header_line);
    if delimiter != b',' {
        let found = if delimiter == b';' { "“;”" } else { "tab" };
        diags.warning(
            file,
            1,
            "-",
            Msg::CliDelimiter,
            vec![("found", text(found))],
        );
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text_all.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            let line = e.position().map_or(1, |p| p.line() as usize);
            diags.error(
                file,
                line,
                "-",
                Msg::CliCsvSyntax,
                vec![("detail", text(e.to_string()))],
            );
            return None;
        }
        None => {
            diags.error(
                file,
                1,
                "-",
                Msg::CliMissingColumns,
                vec![
                    ("columns", text(spec.required.join(", "))),
                    ("found", text("—")),
                ],
            );
            return None;
        }
    };
    let mut columns: Vec<(String, usize)> = Vec::new();
    let known = || {
        let mut all: Vec<&str> = spec.required.iter().chain(spec.optional).copied().collect();
        if spec.extra.is_some() {
            all.push("tc1…tc19");
        }
        all.join(", ")
    };
    for (pos, name) in header.iter().enumerate() {
        let name = name.trim().trim_start_matches('\u{feff}').to_lowercase();
        if name.is_empty() {
            continue;
        }
        // A header written in Vietnamese ("Mã", "Tên", "Mức đạt", "Năm"…) names its column.
        let name = if spec.accepts(&name) {
            name
        } else {
            vietnamese_column(&name, spec).unwrap_or(name)
        };
        if !spec.accepts(&name) {
            diags.warning(
                file,
                1,
                &name,
                Msg::CliUnknownColumn,
                vec![("column", text(&name)), ("known", text(known()))],
            );
            continue;
        }
        if columns.iter().any(|(n, _)| *n == name) {
            diags.warning(
                file,
                1,
                &name,
                Msg::CliDuplicateColumn,
                vec![("column", text(&name))],
            );
            continue;
        }
        columns.push((name, pos));
    }
    let missing: Vec<&str> = spec
        .required
        .iter()
        .copied()
        .filter(|r| !columns.iter().any(|(n, _)| n == r))
        .collect();
    if !missing.is_empty() {
        let found: Vec<&str> = header
            .iter()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        diags.error(
            file,
            1,
            &missing.join(", "),
            Msg::CliMissingColumns,
            vec![
                ("columns", text(missing.join(", "))),
                ("found", text(found.join(", "))),
            ],
        );
        return None;
    }
    let mut rows = Vec::new();
    for record in records {
        match record {
            Ok(r) => {
                if r.iter().all(|c| c.trim().is_empty()) {
                    continue; // Excel leaves rows of empty cells below the data
                }
                let line = r.position().map_or(0, |p| p.line() as usize);
                // A quote opened and never closed swallows the rest of the file into one cell:
                // say so, rather than report the cells it swallowed as blank.
                if r.len() < header.len()
                    && let Some(cell) = r.iter().next_back().filter(|c| c.contains('\n'))
                {
                    let column = header
                        .get(r.len() - 1)
                        .map_or_else(|| "-".to_owned(), |h| h.trim().to_lowercase());
                    let lines = cell.matches('\n').count();
                    diags.error(
                        file,
                        line,
                        &column,
                        Msg::CliUnclosedQuote,
                        vec![("lines", text(lines.to_string()))],
                    );
                    continue;
                }
                // A row with fewer or more cells than the header (a line cut short, a comma
                // inside an unquoted name) puts its values under the wrong columns: say so,
                // rather than blame the empty cells on merged cells or read shifted values.
                // Empty cells past the header (Excel's trailing commas) are harmless.
                let extra_filled = r.iter().skip(header.len()).any(|c| !c.trim().is_empty());
                if r.len() < header.len() || extra_filled {
                    diags.error(
                        file,
                        line,
                        "-",
                        Msg::CliFieldCount,
                        vec![
                            ("found", text(r.len().to_string())),
                            ("expected", text(header.len().to_string())),
                        ],
                    );
                    continue;
                }
                rows.push(Row {
                    line,
                    cells: r.iter().map(str::to_owned).collect(),
                });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                diags.error(
                    file,
                    line,
                    "-",
                    Msg::CliCsvSyntax,
                    vec![("detail", text(e.to_string()))],
                );
            }
        }
    }
    Some(Table {
        file: file.to_owned(),
        columns,
        rows,
    })
}

/// Vietnamese column names an office's spreadsheet may use, folded (no diacritics, lower
/// case), with the columns they can stand for, in order of preference (the first the file
/// accepts is taken: "từ ngày" is `valid_from` in `units.csv`, `from` in `coverage.csv`).
const VIETNAMESE_COLUMNS: &[(&str, &[&str])] = &[
    ("ma", &["code", "id"]),
    ("ma so", &["code"]),
    ("ma don vi", &["code"]),
    ("ma xa", &["code"]),
    ("ten", &["name"]),
    ("ten don vi", &["name"]),
    ("ten xa", &["name"]),
    ("muc", &["tier"]),
    ("muc dat", &["tier"]),
    ("muc do", &["tier"]),
    ("nam", &["year"]),
    ("nam cong nhan", &["year"]),
    ("nam danh gia", &["year"]),
    ("ngay", &["date"]),
    ("ngay quyet dinh", &["date"]),
    ("ngay cong nhan", &["date"]),
    ("quyet dinh", &["decision"]),
    ("so quyet dinh", &["decision"]),
    ("bo tieu chi", &["criteria_set"]),
    ("so tieu chi dat", &["met_count"]),
    ("tieu chi dat", &["met_count"]),
    ("thon", &["village"]),
    ("xa cu", &["former"]),
    ("ma xa cu", &["former"]),
    ("nguon", &["source"]),
    ("nguon so lieu", &["source"]),
    ("ten tieng anh", &["title_en"]),
    ("ma cap tren", &["parent_code"]),
    ("tu ngay", &["valid_from", "from"]),
    ("den ngay", &["valid_to", "to"]),
    ("vi do", &["lat"]),
    ("kinh do", &["lon"]),
    ("loai", &["kind"]),
    ("chi so", &["metric"]),
    ("gia tri", &["value"]),
    ("toi da", &["max"]),
    ("tong so", &["of"]),
    ("ghi chu", &["note_vi"]),
    ("ma cu", &["old_code"]),
    ("ma moi", &["new_code"]),
    ("quan he", &["relation"]),
];

/// The column a Vietnamese header stands for in a file, if any: "Mức đạt" → `tier`,
/// "Tiêu chí 19" → `tc19`.
fn vietnamese_column(name: &str, spec: &Spec) -> Option<String> {
    let folded = ntm_core::text::fold(name);
    if let Some(n) = folded
        .strip_prefix("tieu chi")
        .or_else(|| folded.strip_prefix("tc "))
        .map(str::trim)
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        let tc = format!("tc{n}");
        return spec.accepts(&tc).then_some(tc);
    }
    VIETNAMESE_COLUMNS
        .iter()
        .find(|(vi, _)| *vi == folded)
        .and_then(|(_, columns)| columns.iter().find(|c| spec.accepts(c)))
        .map(|c| (*c).to_owned())
}

/// Parses a number as spreadsheets write it: `15.21`, `15,21` (Vietnamese decimal comma),
/// `1.234,5` or `1,234.5`, with an optional `%` and spaces.
pub fn parse_number(cell: &str) -> Option<f64> {
    let s: String = cell
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if s.is_empty() {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let normal = match (commas, dots) {
        (0, 0 | 1) => s,
        (0, _) => s.replace('.', ""),
        (1, 0) => s.replace(',', "."),
        (_, 0) => s.replace(',', ""),
        _ => {
            let last_comma = s.rfind(',').unwrap_or(0);
            let last_dot = s.rfind('.').unwrap_or(0);
            if last_comma > last_dot {
                s.replace('.', "").replace(',', ".")
            } else {
                s.replace(',', "")
            }
        }
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Parses a year (4 digits; Excel may write `2019.0`).
pub fn parse_year(cell: &str) -> Option<u16> {
    let t = cell.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Parses a date: `2025-06-30` or `30/06/2025` (also `1/7/2025`).
pub fn parse_date(cell: &str) -> Option<Date> {
    Date::parse(cell.trim())
}

/// Parses a non-negative whole number (`175`, `175.0`).
pub fn parse_count(cell: &str) -> Option<u32> {
    let v = parse_number(cell)?;
    (v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX)).then_some(v as u32)
}

/// Normalises a GSO code. Excel drops the leading zero of `06463`; a 4-digit code is
/// therefore read as its 5-digit form, with a warning.
pub fn normalise_code(cell: &str) -> (String, bool) {
    let t = cell.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        (format!("0{t}"), true)
    } else {
        (t.to_owned(), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_decimal_commas_and_separators() {
        assert_eq!(parse_number("15,21"), Some(15.21));
        assert_eq!(parse_number("15.21"), Some(15.21));
        assert_eq!(parse_number(" 60 %"), Some(60.0));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_count("175"), Some(175));
        assert_eq!(parse_count("17,5"), None);
    }

    #[test]
    fn decodes_every_excel_encoding_to_the_same_text() {
        let want = "Xã Tú Mịch";
        let mut utf16le = vec![0xFF, 0xFE];
        utf16le.extend(want.encode_utf16().flat_map(u16::to_le_bytes));
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend(want.encode_utf16().flat_map(u16::to_be_bytes));
        // Windows-1258 writes these tones as combining marks after the letter.
        let (cp1258, _, unmappable) =
            encoding_rs::WINDOWS_1258.encode("Xa\u{303} Tu\u{301} Mi\u{323}ch");
        assert!(!unmappable);
        let decomposed: String = want.nfd().collect();
        let cases: Vec<(Vec<u8>, Encoding)> = vec![
            (want.as_bytes().to_vec(), Encoding::Utf8),
            (
                [b"\xEF\xBB\xBF".as_slice(), want.as_bytes()].concat(),
                Encoding::Utf8,
            ),
            (utf16le, Encoding::Utf16Le),
            (utf16be, Encoding::Utf16Be),
            (cp1258.into_owned(), Encoding::Windows1258),
            (decomposed.into_bytes(), Encoding::Utf8),
        ];
        for (bytes, enc) in cases {
            assert_eq!(decode(&bytes), (want.to_owned(), enc));
        }
    }

    #[test]
    fn sniffs_delimiters() {
        assert_eq!(sniff_delimiter("code,name"), b',');
        assert_eq!(sniff_delimiter("code;name;year"), b';');
        assert_eq!(sniff_delimiter("code\tname"), b'\t');
        assert_eq!(sniff_delimiter("\"a;b\",c"), b',');
        assert_eq!(sniff_delimiter("code"), b',');
    }

    #[test]
    fn restores_leading_zeros() {
        assert_eq!(normalise_code("6463"), ("06463".to_owned(), true));
        assert_eq!(normalise_code("06463"), ("06463".to_owned(), false));
        assert_eq!(normalise_code("20"), ("20".to_owned(), false));
    }
}
