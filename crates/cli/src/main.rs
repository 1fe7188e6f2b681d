//! `ntm-data`: turns the spreadsheets a provincial office keeps (CSV) and boundaries (GeoJSON)
//! into the NTM Atlas dataset, validates it with located messages, and exports it back.
//!
//! Subcommands: `build`, `validate`, `geometry`, `export`, `national`. Every bad input gets a
//! `file:line: field: message` line; the tool never panics on input and writes nothing when
//! the input has errors.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// `eprintln!` that does not panic when stderr is gone (`ntm-data validate … 2>&1 | head`
/// closes the pipe early; `eprintln!` would end the run with a panic and exit code 101).
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod build;
mod csv_dataset;
mod csv_input;
mod export;
mod geo;
mod lite;
mod national;

/// Command-line interface of `ntm-data`.
#[derive(Parser)]
#[command(
    name = "ntm-data",
    version,
    about = "Build, validate and export the NTM Atlas dataset"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the dataset from a folder of CSV files.
    Build(build::BuildArgs),
    /// Validate CSV files or a built dataset; non-zero exit on errors.
    Validate(build::ValidateArgs),
    /// Build approximate commune boundaries (Voronoi cells clipped to province outlines).
    Geometry(geo::GeometryArgs),
    /// Export the dataset as GeoJSON and CSV for QGIS and Excel.
    Export(export::ExportArgs),
    /// Split the geometry per province and coarsen it, for the data-saver mode.
    Lite(lite::LiteArgs),
    /// Generate the national benchmark dataset (synthetic statuses, approximate geometry).
    National(national::NationalArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(a) => build::run_build(&a),
        Command::Validate(a) => build::run_validate(&a),
        Command::Geometry(a) => geo::run(&a),
        Command::Export(a) => export::run(&a),
        Command::National(a) => national::run(&a),
        Command::Lite(a) => lite::run(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            note!("ntm-data: {e}");
            ExitCode::from(2)
        }
    }
}
