//! `build` and `validate`: CSV folder → validated dataset JSON.

use std::process::ExitCode;

/// Arguments of `build`.
#[derive(clap::Args)]
pub struct BuildArgs {}

/// Arguments of `validate`.
#[derive(clap::Args)]
pub struct ValidateArgs {}

/// Runs `build`.
pub fn run_build(_args: &BuildArgs) -> Result<ExitCode, String> {
    Err("not yet implemented".into())
}

/// Runs `validate`.
pub fn run_validate(_args: &ValidateArgs) -> Result<ExitCode, String> {
    Err("not yet implemented".into())
}
