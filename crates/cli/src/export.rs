//! `export`: the dataset as GeoJSON and CSV.

use std::process::ExitCode;

/// Arguments of `export`.
#[derive(clap::Args)]
pub struct ExportArgs {}

/// Runs `export`.
pub fn run(_args: &ExportArgs) -> Result<ExitCode, String> {
    Err("not yet implemented".into())
}
