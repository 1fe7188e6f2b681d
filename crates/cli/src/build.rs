//! `build` and `validate`: a folder of CSV files → a validated dataset JSON, and the checks
//! alone on a CSV folder or a built dataset.
//!
//! Every problem is printed as `file:line: field: message` (for JSON, `ntm.json: path:
//! message`), all of them in one run, in Vietnamese by default. `build` writes nothing when
//! there is an error, and writes atomically (a temporary file renamed into place), so the
//! app never reads a half-written dataset.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::index::DatasetIndex;
use ntm_core::validate::{Report, Severity, validate};

use crate::csv_dataset::{FILES, read_folder};
use crate::csv_input::{Diagnostic, Diagnostics, Message};

/// The language of messages.
#[derive(Clone, Copy, Debug, Default, clap::ValueEnum)]
pub enum LangArg {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

/// Arguments of `build`.
#[derive(clap::Args)]
pub struct BuildArgs {
    /// Folder with the CSV files (dataset.csv, units.csv, …).
    #[arg(long, default_value = "data")]
    pub input: PathBuf,
    /// The dataset file to write.
    #[arg(long, default_value = "public/data/ntm.json")]
    pub out: PathBuf,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub lang: LangArg,
}

/// Arguments of `validate`.
#[derive(clap::Args)]
pub struct ValidateArgs {
    /// A folder of CSV files, or a built dataset (`.json`).
    #[arg(default_value = "data")]
    pub path: PathBuf,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub lang: LangArg,
}

/// Prints diagnostics in a stable order (by file, then line) and returns the error count.
fn print_all(diags: &mut Diagnostics, lang: Lang) -> usize {
    let rank = |d: &Diagnostic| {
        FILES
            .iter()
            .position(|f| *f == d.file)
            .unwrap_or(FILES.len())
    };
    diags.items.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then_with(|| a.file.cmp(&b.file))
            .then(a.line.cmp(&b.line))
    });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for d in &diags.items {
        let _ = writeln!(out, "{}", d.render(lang));
    }
    let errors = diags.errors();
    note!(
        "{}",
        fill(
            Msg::CliTotals.text(lang),
            &[
                ("errors", &errors.to_string()),
                ("warnings", &diags.warnings().to_string())
            ]
        )
    );
    errors
}

/// Writes a file atomically: a temporary file in the same folder, renamed into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{}: {e}", path.display()));
    }
    Ok(())
}

/// Reads and checks a CSV folder: the CLI's own checks, then core validation, every problem
/// located in the CSV files.
fn check_folder(dir: &Path) -> (Diagnostics, Option<crate::csv_dataset::Built>) {
    let mut diags = Diagnostics::default();
    let built = read_folder(dir, &mut diags);
    if let Some(b) = &built {
        for p in validate(&b.dataset).problems {
            diags.items.push(b.locate(&p));
        }
    }
    (diags, built)
}

/// Runs `build`.
pub fn run_build(args: &BuildArgs) -> Result<ExitCode, String> {
    let lang = Lang::from(args.lang);
    if !args.input.is_dir() {
        let path = args.input.display().to_string();
        return Err(fill(Msg::CliNotAFolder.text(lang), &[("path", &path)]));
    }
    let (mut diags, built) = check_folder(&args.input);
    let errors = print_all(&mut diags, lang);
    let path = args.out.display().to_string();
    let Some(built) = built.filter(|_| errors == 0) else {
        note!(
            "{}",
            fill(
                Msg::CliNotWritten.text(lang),
                &[("path", &path), ("n", &errors.max(1).to_string())]
            )
        );
        return Ok(ExitCode::from(1));
    };
    let mut json = serde_json::to_string(&built.dataset).map_err(|e| e.to_string())?;
    json.push('\n');
    write_atomic(&args.out, json.as_bytes())?;
    note!(
        "{}",
        fill(
            Msg::CliWrote.text(lang),
            &[
                ("path", &path),
                ("size", &ntm_core::format::bytes(lang, json.len() as u64)),
                ("units", &built.dataset.units.len().to_string()),
                ("records", &built.record_count().to_string()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Runs `validate`.
pub fn run_validate(args: &ValidateArgs) -> Result<ExitCode, String> {
    let lang = Lang::from(args.lang);
    let mut diags = if args.path.is_dir() {
        check_folder(&args.path).0
    } else if args.path.is_file() {
        check_json(&args.path, lang)?
    } else {
        let path = args.path.display().to_string();
        return Err(fill(Msg::CliNoSuchPath.text(lang), &[("path", &path)]));
    };
    let errors = print_all(&mut diags, lang);
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn core_diag(file: &str, p: ntm_core::validate::Problem) -> Diagnostic {
    Diagnostic {
        severity: p.severity,
        file: file.to_owned(),
        line: None,
        field: p.path(),
        message: Message::Core(Box::new(p)),
    }
}

/// Checks a built dataset and the geometry files it lists (a missing one is a warning).
fn check_json(path: &Path, lang: Lang) -> Result<Diagnostics, String> {
    let name = file_name(path);
    let mut diags = Diagnostics::default();
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let data = match ntm_core::load::parse_dataset(&text) {
        Ok(d) => d,
        Err(e) => {
            let line = match &e {
                ntm_core::load::LoadError::Json { line, .. } => Some(*line),
                _ => None,
            };
            diags.push(
                Severity::Error,
                &name,
                line,
                "json",
                Msg::CliReadError,
                vec![(
                    "detail",
                    crate::csv_input::Val::Text(e.message(lang, &name)),
                )],
            );
            return Ok(diags);
        }
    };
    for p in validate(&data).problems {
        diags.items.push(core_diag(&name, p));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let files = data.geometry.clone();
    let index = DatasetIndex::new(data);
    for g in files {
        let gpath = dir.join(&g.file);
        let gtext = match std::fs::read_to_string(&gpath) {
            Ok(t) => t,
            // Named by the dataset but not beside it: the map of that era would fail to load
            // (validate used to pass it over in silence).
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                diags.push(
                    Severity::Warning,
                    &name,
                    None,
                    "geometry",
                    Msg::CliGeometryFileMissing,
                    vec![
                        ("file", crate::csv_input::Val::Text(g.file.clone())),
                        ("era", crate::csv_input::Val::Text(g.era.slug().to_owned())),
                    ],
                );
                continue;
            }
            Err(e) => {
                diags.push(
                    Severity::Error,
                    &g.file,
                    None,
                    "json",
                    Msg::CliReadError,
                    vec![("detail", crate::csv_input::Val::Text(e.to_string()))],
                );
                continue;
            }
        };
        match ntm_core::geometry::parse(&gtext) {
            Err(e) => diags.push(
                Severity::Error,
                &g.file,
                None,
                "json",
                Msg::CliReadError,
                vec![("detail", crate::csv_input::Val::Text(e.message(lang)))],
            ),
            Ok(doc) => {
                let mut report = Report::default();
                let geometry = ntm_core::geometry::decode(doc, &mut report);
                ntm_core::geometry::check_rings(&geometry, &mut report);
                ntm_core::geometry::check_units(&geometry, g.era, &index, &mut report);
                for p in report.problems {
                    diags.items.push(core_diag(&g.file, p));
                }
            }
        }
    }
    Ok(diags)
}
