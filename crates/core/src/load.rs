//! From bytes to a [`Dataset`]: checks the schema version first, so a dataset from a newer
//! tool gets "needs a newer app" instead of a confusing field error, and locates JSON errors
//! by line and column.

use serde::Deserialize;
use thiserror::Error;

use crate::i18n::{Lang, Msg, fill};
use crate::model::{Dataset, SCHEMA_VERSION};

/// The oldest schema version this build can read (after migration).
pub const OLDEST_SUPPORTED_SCHEMA: u32 = 1;

/// The largest statistics file the app accepts. The demo is about 100 KB; a national dataset
/// of 10,000 communes about 3 MB. Anything far larger is refused before parsing so that a
/// phone's tab never freezes.
pub const MAX_DATASET_BYTES: usize = 24 * 1024 * 1024;

/// Why a dataset could not be read.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum LoadError {
    /// The bytes are an HTML page (a server's error or index page), not JSON.
    #[error("the file is an HTML page, not JSON")]
    Html,
    /// The JSON is malformed or truncated.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// No `schema` field.
    #[error("no schema version")]
    SchemaMissing,
    /// A newer schema than this app reads.
    #[error("schema version {found} is newer than {supported}")]
    SchemaNewer {
        /// Version in the file.
        found: u32,
        /// Newest version this app reads.
        supported: u32,
    },
    /// A `schema` that is not a version number (a string, a fraction, a negative number).
    #[error("\"schema\" is not a version number: {value}")]
    SchemaInvalid {
        /// The value as written.
        value: String,
    },
    /// An older schema that can no longer be migrated.
    #[error("schema version {found} is no longer supported: {detail}")]
    SchemaOlder {
        /// Version in the file.
        found: u32,
        /// What is unsupported.
        detail: String,
    },
    /// Larger than [`MAX_DATASET_BYTES`].
    #[error("dataset of {size} bytes exceeds {limit}")]
    TooLarge {
        /// Size of the file.
        size: usize,
        /// The limit.
        limit: usize,
    },
}

/// "The file is not valid JSON at line L, column C: …", with the parser's detail translated.
/// Shared by the dataset and the geometry files.
pub fn json_error_message(line: usize, column: usize, message: &str, lang: Lang) -> String {
    fill(
        Msg::ErrJson.text(lang),
        &[
            ("line", &line.to_string()),
            ("column", &column.to_string()),
            ("detail", &json_detail(message, lang)),
        ],
    )
}

/// "This dataset needs a newer app": shared by the dataset and the geometry files.
pub fn newer_schema_message(found: u32, supported: u32, lang: Lang) -> String {
    fill(
        Msg::ErrSchemaNewer.text(lang),
        &[
            ("found", &found.to_string()),
            ("supported", &supported.to_string()),
        ],
    )
}

impl LoadError {
    /// The message for a reader, in their language; `url` names the file that failed.
    pub fn message(&self, lang: Lang, url: &str) -> String {
        match self {
            LoadError::Html => fill(Msg::ErrHtmlInsteadOfJson.text(lang), &[("url", url)]),
            LoadError::Json {
                line,
                column,
                message,
            } => json_error_message(*line, *column, message, lang),
            LoadError::SchemaInvalid { value } => {
                fill(Msg::ErrSchemaInvalid.text(lang), &[("value", value)])
            }
            LoadError::SchemaMissing => Msg::ErrSchemaMissing.text(lang).to_owned(),
            LoadError::SchemaNewer { found, supported } => {
                newer_schema_message(*found, *supported, lang)
            }
            LoadError::SchemaOlder { found, .. } => fill(
                Msg::ErrSchemaOlder.text(lang),
                &[
                    ("found", &found.to_string()),
                    ("oldest", &OLDEST_SUPPORTED_SCHEMA.to_string()),
                ],
            ),
            LoadError::TooLarge { size, limit } => fill(
                Msg::ErrTooLarge.text(lang),
                &[
                    ("size", &crate::format::bytes(lang, *size as u64)),
                    ("limit", &crate::format::bytes(lang, *limit as u64)),
                ],
            ),
        }
    }
}

#[derive(Deserialize)]
struct SchemaProbe {
    schema: Option<serde_json::Value>,
}

fn json_error(e: &serde_json::Error) -> LoadError {
    LoadError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    }
}

/// What [`text_from_bytes`] says of bytes that are not UTF-8 (read by [`json_detail`]).
const NOT_UTF8: &str = "not UTF-8";

/// A downloaded file's bytes as text. Bytes that are not UTF-8 are an error located by line
/// and column, not silently replaced: a name with a broken diacritic would otherwise be shown.
pub fn text_from_bytes(bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let before = &bytes[..at];
        // Only reached for a broken file: a plain count is fast enough.
        #[allow(clippy::naive_bytecount)]
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Columns count characters, as the JSON parser's do.
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        LoadError::Json {
            line,
            column,
            message: NOT_UTF8.to_owned(),
        }
    })
}

/// Whether text looks like an HTML document rather than JSON.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('<')
}

/// Reads the schema version of a JSON document without building the whole dataset.
pub fn schema_version(text: &str) -> Result<u32, LoadError> {
    if looks_like_html(text) {
        return Err(LoadError::Html);
    }
    let probe: SchemaProbe = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    match probe.schema {
        None | Some(serde_json::Value::Null) => Err(LoadError::SchemaMissing),
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| LoadError::SchemaInvalid {
                value: v.to_string().chars().take(40).collect(),
            }),
    }
}

/// A JSON parser's message in a reader's language: the common cases (a file that ends too
/// early, a missing field, a value of the wrong kind) translated, the position (given
/// separately) removed, anything else kept as the parser wrote it after a translated label.
/// Also for the app's geometry errors, which carry the same parser messages.
pub fn json_detail(message: &str, lang: Lang) -> String {
    let raw = message
        .rfind(" at line ")
        .map_or(message, |at| &message[..at]);
    let between = |s: &str| {
        s.split_once('`')
            .and_then(|(_, rest)| rest.split_once('`'))
            .map(|(name, _)| name.to_owned())
    };
    if raw == NOT_UTF8 {
        Msg::JsonNotUtf8.text(lang).to_owned()
    } else if raw.starts_with("EOF while parsing") {
        Msg::JsonEof.text(lang).to_owned()
    } else if let Some(field) = raw.strip_prefix("missing field ").and_then(between) {
        fill(Msg::JsonMissingField.text(lang), &[("field", &field)])
    } else if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let value = between(rest).unwrap_or_default();
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
        let expected = expected.strip_prefix("one of ").unwrap_or(expected);
        fill(
            Msg::JsonUnknownValue.text(lang),
            &[("value", &value), ("expected", expected)],
        )
    } else if let Some(rest) = raw
        .strip_prefix("invalid type: ")
        .or_else(|| raw.strip_prefix("invalid value: "))
        .or_else(|| raw.strip_prefix("invalid length "))
    {
        fill(Msg::JsonWrongValue.text(lang), &[("detail", rest)])
    } else if let Some(what) = raw.strip_prefix("expected ").filter(|w| w.starts_with('`')) {
        let or = if lang == Lang::Vi { " hoặc " } else { " or " };
        fill(
            Msg::JsonExpected.text(lang),
            &[("what", &what.replace(" or ", or))],
        )
    } else if raw == "expected value" {
        Msg::JsonExpectedValue.text(lang).to_owned()
    } else {
        fill(Msg::JsonSyntax.text(lang), &[("detail", raw)])
    }
}

/// Parses a statistics file: size limit, schema check, then the dataset.
pub fn parse_dataset(text: &str) -> Result<Dataset, LoadError> {
    if text.len() > MAX_DATASET_BYTES {
        return Err(LoadError::TooLarge {
            size: text.len(),
            limit: MAX_DATASET_BYTES,
        });
    }
    let text = text.trim_start_matches('\u{feff}');
    let version = schema_version(text)?;
    if version > SCHEMA_VERSION {
        return Err(LoadError::SchemaNewer {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version < OLDEST_SUPPORTED_SCHEMA {
        return Err(LoadError::SchemaOlder {
            found: version,
            detail: format!(
                "version {version} predates the first published format ({OLDEST_SUPPORTED_SCHEMA}); rebuild it with `ntm-data build`"
            ),
        });
    }
    serde_json::from_str(text).map_err(|e| json_error(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_newer_schema_with_the_versions() {
        let err = parse_dataset(r#"{"schema": 99, "units": "whatever"}"#).unwrap_err();
        assert_eq!(
            err,
            LoadError::SchemaNewer {
                found: 99,
                supported: SCHEMA_VERSION
            }
        );
        assert!(
            err.message(Lang::Vi, "x")
                .contains("phiên bản ứng dụng mới hơn")
        );
        assert!(err.message(Lang::En, "x").contains("needs a newer app"));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_located_not_replaced() {
        assert_eq!(
            text_from_bytes(b"{\"a\": 1}".to_vec()).unwrap(),
            "{\"a\": 1}"
        );
        // "Lạng Sơn" saved as Windows-1258 on line 2: the byte after "L" is not UTF-8.
        let mut bytes = "{\n  \"tên\": \"L".as_bytes().to_vec();
        bytes.extend_from_slice(&[0xB9, b'n', b'g', b'"', b'}']);
        let err = text_from_bytes(bytes).unwrap_err();
        assert_eq!(
            err,
            LoadError::Json {
                line: 2,
                column: 12,
                message: NOT_UTF8.into()
            }
        );
        assert_eq!(
            err.message(Lang::Vi, "x"),
            json_error_message(2, 12, NOT_UTF8, Lang::Vi)
        );
        assert!(err.message(Lang::Vi, "x").contains("dòng 2"));
        assert!(err.message(Lang::En, "x").contains("not UTF-8 text"));
    }

    #[test]
    fn refuses_an_older_schema_precisely() {
        let err = parse_dataset(r#"{"schema": 0}"#).unwrap_err();
        assert!(matches!(err, LoadError::SchemaOlder { found: 0, .. }));
        assert!(err.message(Lang::En, "x").contains("ntm-data build"));
    }

    #[test]
    fn reports_missing_schema() {
        assert_eq!(
            parse_dataset(r#"{"units": []}"#).unwrap_err(),
            LoadError::SchemaMissing
        );
        let err = parse_dataset(r#"{"schema": "1"}"#).unwrap_err();
        assert_eq!(
            err,
            LoadError::SchemaInvalid {
                value: "\"1\"".into()
            }
        );
        assert_eq!(
            err.message(Lang::Vi, "x"),
            "Trường \"schema\" phải là số phiên bản (một số nguyên), không phải \"1\"."
        );
    }

    #[test]
    fn locates_truncated_json() {
        let err = parse_dataset("{\"schema\": 1,\n \"units\": [").unwrap_err();
        let LoadError::Json { line, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!(line, 2);
    }

    #[test]
    fn translates_the_parser_messages() {
        let vi = |m: &str| json_detail(m, Lang::Vi);
        assert_eq!(
            vi("EOF while parsing a list at line 2 column 10"),
            "tệp kết thúc giữa chừng (có thể chưa tải lên hết)"
        );
        assert_eq!(
            vi("missing field `units` at line 9 column 1"),
            "thiếu trường bắt buộc “units”"
        );
        assert_eq!(
            vi("unknown variant `vang`, expected one of `standard`, `advanced` at line 3 column 4"),
            "giá trị “vang” không hợp lệ; cần một trong: `standard`, `advanced`"
        );
        assert_eq!(
            vi("invalid type: string \"1\", expected u16 at line 1 column 2"),
            "giá trị sai kiểu: string \"1\", expected u16"
        );
        assert_eq!(
            vi("expected `,` or `}` at line 5 column 3"),
            "cần `,` hoặc `}` ở đây"
        );
        assert_eq!(
            vi("trailing characters at line 1 column 3"),
            "lỗi cú pháp JSON: trailing characters"
        );
        assert_eq!(
            json_detail("expected value at line 1 column 3", Lang::En),
            "a missing value or one that is not JSON (NaN, Infinity, an extra comma…)"
        );
    }

    #[test]
    fn recognises_an_html_error_page() {
        let err = parse_dataset("<!doctype html><title>404</title>").unwrap_err();
        assert_eq!(err, LoadError::Html);
    }

    #[test]
    fn refuses_huge_input_before_parsing() {
        let big = " ".repeat(MAX_DATASET_BYTES + 1);
        assert!(matches!(
            parse_dataset(&big),
            Err(LoadError::TooLarge { .. })
        ));
    }
}
