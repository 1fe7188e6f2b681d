//! `national`: the national benchmark dataset.

use std::process::ExitCode;

/// Arguments of `national`.
#[derive(clap::Args)]
pub struct NationalArgs {}

/// Runs `national`.
pub fn run(_args: &NationalArgs) -> Result<ExitCode, String> {
    Err("not yet implemented".into())
}
