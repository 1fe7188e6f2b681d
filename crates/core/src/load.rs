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

impl LoadError {
    /// The message for a reader, in their language; `url` names the file that failed.
    pub fn message(&self, lang: Lang, url: &str) -> String {
        match self {
            LoadError::Html => fill(Msg::ErrHtmlInsteadOfJson.text(lang), &[("url", url)]),
            LoadError::Json {
                line,
                column,
                message,
            } => fill(
                Msg::ErrJson.text(lang),
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("detail", message),
                ],
            ),
            LoadError::SchemaMissing => Msg::ErrSchemaMissing.text(lang).to_owned(),
            LoadError::SchemaNewer { found, supported } => fill(
                Msg::ErrSchemaNewer.text(lang),
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            LoadError::SchemaOlder { found, detail } => fill(
                Msg::ErrSchemaOlder.text(lang),
                &[("found", &found.to_string()), ("detail", detail)],
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
            .ok_or(LoadError::SchemaOlder {
                found: 0,
                detail: format!("\"schema\": {v}"),
            }),
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
        assert!(matches!(
            parse_dataset(r#"{"schema": "1"}"#),
            Err(LoadError::SchemaOlder { .. })
        ));
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
