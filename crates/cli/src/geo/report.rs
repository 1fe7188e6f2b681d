//! The size report printed at the end of `geometry` and `national`: raw and brotli bytes of
//! each file against its budget (issue 3: one era of the demo ≤ 40 KB, the national
//! post-reform geometry ≤ 150 KB, the locator inset ≤ 12 KB, all brotli).

use std::path::{Path, PathBuf};
use std::process::Command;

use ntm_core::format::count;
use ntm_core::i18n::{Lang, Msg};

use super::say;

/// The budget a file is held to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    /// One era of the demo geometry: 40 KB brotli.
    DemoEra,
    /// National post-reform geometry: 150 KB brotli.
    NationalPost,
    /// The locator inset: 12 KB brotli.
    Inset,
    /// No budget (printed for information).
    None,
}

impl Budget {
    /// The limit in bytes, if any.
    pub fn limit(self) -> Option<u64> {
        match self {
            Budget::DemoEra => Some(40 * 1024),
            Budget::NationalPost => Some(150 * 1024),
            Budget::Inset => Some(12 * 1024),
            Budget::None => None,
        }
    }
}

/// Brotli size at quality 11 (`brotli -c -q 11 FILE | wc -c`), if the brotli tool runs.
pub fn brotli_size(path: &Path) -> Option<u64> {
    let out = Command::new("brotli")
        .args(["-c", "-q", "11"])
        .arg(path)
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}

/// [`print_sizes_in`] in English (for the developers' `national`).
pub fn print_sizes(files: &[(PathBuf, Budget)]) {
    print_sizes_in(files, Lang::En);
}

/// Prints one line per file: raw bytes, brotli bytes, and the budget verdict.
pub fn print_sizes_in(files: &[(PathBuf, Budget)], lang: Lang) {
    note!("{}", Msg::CliGeoSizes.text(lang));
    for (path, budget) in files {
        let raw = std::fs::metadata(path).map_or(0, |m| m.len());
        let br = brotli_size(path);
        let kb = |l: u64| count(lang, (l / 1024) as usize);
        let verdict = match (br, budget.limit()) {
            (Some(b), Some(l)) if b <= l => say(lang, Msg::CliGeoWithinBudget, &[("kb", &kb(l))]),
            (Some(_), Some(l)) => say(lang, Msg::CliGeoOverBudget, &[("kb", &kb(l))]),
            (None, _) => Msg::CliGeoNoBrotli.text(lang).to_owned(),
            (Some(_), None) => String::new(),
        };
        let bytes = |n: u64| format!("{} B", count(lang, n as usize));
        let line = say(
            lang,
            Msg::CliGeoSizeLine,
            &[
                ("path", &format!("{:<40}", path.display())),
                ("raw", &format!("{:>12}", bytes(raw))),
                (
                    "brotli",
                    &format!("{:>11}", br.map_or_else(|| "? B".to_owned(), bytes)),
                ),
                ("verdict", &verdict),
            ],
        );
        note!("{}", line.trim_end());
    }
}
