//! Post-processing of Trunk's output (see the crate docs).

use std::fs;
use std::path::Path;

use crate::{brotli_bytes, files, gzip_bytes};

/// A short content hash for cache-busting file names (FNV-1a, 64 bits).
pub fn content_hash(data: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Moves every inline `<script type="module">` of the page into a hashed file, so the page
/// runs under `script-src 'self'` with no `'unsafe-inline'`.
pub fn externalize_scripts(dist: &Path, html: &str) -> Result<String, String> {
    const OPEN: &str = "<script type=\"module\">";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let body_start = start + OPEN.len();
        let Some(len) = rest[body_start..].find("</script>") else {
            return Err("index.html: unterminated <script>".to_owned());
        };
        let body = rest[body_start..body_start + len].trim();
        let name = format!("boot-{}.js", content_hash(body.as_bytes()));
        fs::write(dist.join(&name), format!("{body}\n")).map_err(|e| format!("{name}: {e}"))?;
        out.push_str(&rest[..start]);
        out.push_str(&format!("<script type=\"module\" src=\"./{name}\"></script>"));
        rest = &rest[body_start + len + "</script>".len()..];
    }
    out.push_str(rest);
    Ok(out)
}

fn compressible(name: &str) -> bool {
    [".html", ".js", ".wasm", ".css", ".json", ".svg", ".webmanifest", ".csv", ".geojson", ".txt"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Runs every finalisation step on a dist folder.
pub fn run(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let html = externalize_scripts(dist, &html)?;
    fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;

    for path in files(dist)? {
        let name = path.to_string_lossy().to_string();
        if !compressible(&name) {
            continue;
        }
        let data = fs::read(&path).map_err(|e| format!("{name}: {e}"))?;
        if data.len() < 256 {
            continue;
        }
        fs::write(format!("{name}.br"), brotli_bytes(&data)).map_err(|e| format!("{name}.br: {e}"))?;
        fs::write(format!("{name}.gz"), gzip_bytes(&data)).map_err(|e| format!("{name}.gz: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_inline_module_scripts_out() {
        let dir = std::env::temp_dir().join(format!("xtask-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let html = "<head><script type=\"module\">\nimport init from './a.js';\nawait init();\n</script></head>";
        let out = externalize_scripts(&dir, html).unwrap();
        assert!(!out.contains("import init"), "{out}");
        let name = out.split("src=\"./").nth(1).unwrap().split('"').next().unwrap();
        let body = fs::read_to_string(dir.join(name)).unwrap();
        assert!(body.contains("await init();"));
        fs::remove_dir_all(&dir).unwrap();
    }
}
