//! Developer tasks run by `./x` on the built app in `dist/`:
//!
//! - `finalize DIST`: makes the Trunk output fit for static hosting under a strict CSP and weak
//!   networks: moves Trunk's inline start-up script into a hashed file (no inline scripts),
//!   and writes precompressed `.br` and `.gz` files beside every text asset.
//! - `size DIST`: prints raw, gzip and brotli bytes of every file and the first-load total.

// Trunk and our own build write lowercase file names, so plain suffix checks are exact here.
#![allow(clippy::case_sensitive_file_extension_comparisons)]

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod finalize;
mod prerender;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("size") => size(Path::new(args.get(1).map_or("dist", String::as_str))),
        Some("finalize") => finalize::run(Path::new(args.get(1).map_or("dist", String::as_str))),
        _ => Err("usage: xtask size|finalize DIST".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Every file under a folder, sorted.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A file's path below `dir`, with `/` separators (as URLs and the size report name it).
pub fn relative(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Brotli at quality 11 (what precompression and the size budgets use).
pub fn brotli_bytes(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        // Writing to a Vec cannot fail.
        let _ = w.write_all(data);
    }
    out
}

/// Gzip at level 9.
pub fn gzip_bytes(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
}

/// Whether a file is on the first load of the default view: the page, its script, wasm and
/// style, the statistics file and the default era's geometry.
fn on_first_load(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    rel == "index.html"
        || (!rel.contains('/')
            && (name.ends_with(".js") || name.ends_with(".wasm") || name.ends_with(".css"))
            && !name.starts_with("sw"))
        || rel == "data/ntm.json"
        || rel == "data/geo-post2025.json"
}

fn size(dist: &Path) -> Result<(), String> {
    let mut table = String::new();
    let (mut raw_t, mut gz_t, mut br_t) = (0usize, 0usize, 0usize);
    let _ = writeln!(
        table,
        "{:<52} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    for path in files(dist)? {
        let rel = relative(dist, &path);
        if rel.ends_with(".br") || rel.ends_with(".gz") {
            continue;
        }
        let data = fs::read(&path).map_err(|e| format!("{rel}: {e}"))?;
        let (gz, br) = (gzip_bytes(&data).len(), brotli_bytes(&data).len());
        let first = on_first_load(&rel);
        if first {
            raw_t += data.len();
            gz_t += gz;
            br_t += br;
        }
        let _ = writeln!(
            table,
            "{:<52} {:>10} {:>10} {:>10}{}",
            rel,
            data.len(),
            gz,
            br,
            if first { "  *" } else { "" }
        );
    }
    let _ = writeln!(
        table,
        "{:<52} {raw_t:>10} {gz_t:>10} {br_t:>10}",
        "first load (* files)"
    );
    print!("{table}");
    Ok(())
}
