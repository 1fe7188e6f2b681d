//! `geometry`: approximate commune boundaries.

use std::process::ExitCode;

/// Arguments of `geometry`.
#[derive(clap::Args)]
pub struct GeometryArgs {}

/// Runs `geometry`.
pub fn run(_args: &GeometryArgs) -> Result<ExitCode, String> {
    Err("not yet implemented".into())
}
