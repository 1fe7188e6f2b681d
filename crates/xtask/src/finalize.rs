//! Post-processing of Trunk's output (see the crate docs).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::{brotli_bytes, files, gzip_bytes, relative};

/// A short content hash for cache-busting file names (FNV-1a, 64 bits).
pub fn content_hash(data: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The start of the start-up module (`boot-prelude.js`): turns the first paint's loading line
/// into a message with a reload button when the app's code fails to load or start, and starts
/// the download of the geometry the default view draws first, beside the wasm's.
pub const BOOT_PRELUDE: &str = include_str!("boot-prelude.js");

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
        let body = boot_script(rest[body_start..body_start + len].trim())?;
        let name = format!("boot-{}.js", content_hash(body.as_bytes()));
        fs::write(dist.join(&name), body).map_err(|e| format!("{name}: {e}"))?;
        out.push_str(&rest[..start]);
        let _ = write!(out, "<script type=\"module\" src=\"./{name}\"></script>");
        rest = &rest[body_start + len + "</script>".len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The content security policy the page carries in a `<meta>`, with the hash of its one inline
/// `<style>` (see [`inline_styles`]). A host's header can add what a `<meta>` cannot
/// (`frame-ancestors`, reporting); both policies apply, so the stricter one wins.
pub fn page_policy(style_hash: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' \
         'sha256-{style_hash}'; img-src 'self' data: blob:; connect-src 'self'"
    )
}

/// Moves the style sheets Trunk links into one `<style>` at the end of `<head>`, and writes the
/// page's content security policy, with that style's hash, at the start of `<head>`.
///
/// Why: a linked style sheet blocks the first paint for one more round trip after the page
/// (562 ms on Slow 4G), and competes with the wasm for bandwidth; the styles are 8 KB brotli,
/// the first paint is the prerendered headline numbers. Measured with `./x bench`: first
/// contentful paint on Slow 4G + 4× CPU 1.48 s → 0.77 s, map-ready 3.66 s → 3.53 s.
pub fn inline_styles(dist: &Path, html: &str) -> Result<String, String> {
    const OPEN: &str = "<link rel=\"stylesheet\" href=\"./";
    let mut css = String::new();
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let Some(len) = rest[start..].find('>') else {
            return Err("index.html: unterminated <link rel=\"stylesheet\">".to_owned());
        };
        let tag = &rest[start..=start + len];
        let name = tag[OPEN.len()..].split('"').next().unwrap_or_default();
        let path = dist.join(name);
        let text = fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        if text.contains("</style") {
            return Err(format!("{name}: contains \"</style\", cannot be inlined"));
        }
        css.push_str(&text);
        fs::remove_file(&path).map_err(|e| format!("{name}: {e}"))?;
        out.push_str(&rest[..start]);
        rest = rest[start + tag.len()..].trim_start_matches('\n');
    }
    out.push_str(rest);
    if css.is_empty() {
        return Ok(out);
    }
    let hash = {
        use base64::Engine as _;
        use sha2::Digest as _;
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(css.as_bytes()))
    };
    let policy = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        page_policy(&hash)
    );
    // After the character set, which must come first; before anything the policy governs.
    let at = ["<meta charset=\"utf-8\">", "<head>"]
        .iter()
        .find_map(|tag| out.find(tag).map(|i| i + tag.len()));
    let Some(at) = at else {
        return Err("index.html: no <head>".to_owned());
    };
    out.insert_str(at, &format!("\n  {policy}"));
    Ok(out.replacen("</head>", &format!("<style>{css}</style></head>"), 1))
}

fn compressible(name: &str) -> bool {
    [
        ".html",
        ".js",
        ".wasm",
        ".css",
        ".json",
        ".svg",
        ".webmanifest",
        ".csv",
        ".geojson",
        ".txt",
    ]
    .iter()
    .any(|ext| name.ends_with(ext))
}

/// The files the service worker caches on install: the page, its scripts, wasm, styles and
/// icons, the dataset files at the top of `data/` and the data-saver's `data/lite/` (not the
/// exports).
pub fn shell_files(dist: &Path) -> Result<Vec<String>, String> {
    let mut shell = vec!["./".to_owned()];
    for path in files(dist)? {
        let rel = relative(dist, &path);
        let top = !rel.contains('/');
        let in_data = rel.starts_with("data/")
            && (rel.matches('/').count() == 1 || rel.starts_with("data/lite/"));
        let skip = rel.ends_with(".br")
            || rel.ends_with(".gz")
            || rel == "sw.js"
            || rel == "embed.js"
            || rel == "index.html"
            || rel == "icon-512.png";
        if !skip && ((top && !rel.ends_with(".md")) || (in_data && rel.ends_with(".json"))) {
            shell.push(rel);
        }
    }
    Ok(shell)
}

/// Writes the build id and the shell list into `sw.js`, so each build has its own cache.
pub fn fill_service_worker(dist: &Path) -> Result<(), String> {
    let sw = dist.join("sw.js");
    let Ok(text) = fs::read_to_string(&sw) else {
        return Ok(());
    };
    let shell = shell_files(dist)?;
    let mut all = Vec::new();
    for f in &shell[1..] {
        all.extend(fs::read(dist.join(f)).map_err(|e| format!("{f}: {e}"))?);
    }
    all.extend(fs::read(dist.join("index.html")).map_err(|e| format!("index.html: {e}"))?);
    let list = format!(
        "[{}]",
        shell
            .iter()
            .map(|f| format!("\"{f}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let text = text
        .replace("'__NTM_BUILD__'", &format!("'{}'", content_hash(&all)))
        .replace("__NTM_SHELL__", &list);
    fs::write(&sw, text).map_err(|e| format!("sw.js: {e}"))
}

/// Rewrites Trunk's start-up module so that nothing it needs is a static import: it begins
/// with [`BOOT_PRELUDE`], then imports the app's JS dynamically,
/// so a failure to load that JS or the wasm is caught and shown instead of a page that says
/// "loading" for ever. The modulepreload and preload links Trunk writes still start both
/// downloads at once.
pub fn boot_script(trunk: &str) -> Result<String, String> {
    let between = |text: &str, start: &str, end: &str| -> Option<String> {
        let from = text.find(start)? + start.len();
        let len = text[from..].find(end)?;
        Some(text[from..from + len].to_owned())
    };
    let js = between(trunk, "import init, * as bindings from '", "';");
    let wasm = between(trunk, "module_or_path: '", "'");
    let (Some(js), Some(wasm)) = (js, wasm) else {
        return Err(format!(
            "index.html: Trunk's start-up script has an unexpected form (is Trunk the pinned \
             version?):\n{trunk}"
        ));
    };
    Ok(format!(
        "{BOOT_PRELUDE}try {{\n  const bindings = await import('{js}');\n  \
         const wasm = await bindings.default({{ module_or_path: '{wasm}' }});\n  \
         window.wasmBindings = bindings;\n  \
         dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm }} }}));\n\
         }} catch (e) {{\n  ntmBootFailed();\n  throw e;\n}}\n"
    ))
}

/// Drops the `integrity` Trunk writes on the wasm's `<link rel="preload" as="fetch">`:
/// Chromium ignores it for that destination and says so in the console on every load (a
/// warning every reader's developer tools showed). The module preload keeps its own.
pub fn wasm_preload_without_integrity(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link rel=\"preload\"") {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        match (tag.contains("application/wasm"), tag.find(" integrity=\"")) {
            (true, Some(i)) => {
                let close = tag[i + 12..]
                    .find('"')
                    .map_or(tag.len(), |c| i + 12 + c + 1);
                out.push_str(&tag[..i]);
                out.push_str(&tag[close..]);
            }
            _ => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Runs every finalisation step on a dist folder.
pub fn run(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let html = externalize_scripts(dist, &html)?;
    let html = inline_styles(dist, &html)?;
    let html = wasm_preload_without_integrity(&html);
    fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
    crate::prerender::run(dist)?;
    fill_service_worker(dist)?;

    for path in files(dist)? {
        let name = path.to_string_lossy().to_string();
        if !compressible(&name) {
            continue;
        }
        let data = fs::read(&path).map_err(|e| format!("{name}: {e}"))?;
        if data.len() < 256 {
            continue;
        }
        fs::write(format!("{name}.br"), brotli_bytes(&data))
            .map_err(|e| format!("{name}.br: {e}"))?;
        fs::write(format!("{name}.gz"), gzip_bytes(&data))
            .map_err(|e| format!("{name}.gz: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_wasm_preload_loses_its_integrity_the_module_preload_keeps_its_own() {
        let html = "<link rel=\"modulepreload\" href=\"./a.js\" integrity=\"sha384-j\"><link rel=\"preload\" href=\"./a_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-w\" as=\"fetch\" type=\"application/wasm\"><link rel=\"preload\" href=\"data/ntm.json\" as=\"fetch\">";
        assert_eq!(
            super::wasm_preload_without_integrity(html),
            "<link rel=\"modulepreload\" href=\"./a.js\" integrity=\"sha384-j\"><link rel=\"preload\" href=\"./a_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\"><link rel=\"preload\" href=\"data/ntm.json\" as=\"fetch\">"
        );
    }

    #[test]
    fn the_boot_script_imports_the_app_dynamically_and_catches_failures() {
        let trunk = "import init, * as bindings from './app-1.js';\nconst wasm = await init({ module_or_path: './app-1_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));";
        let boot = boot_script(trunk).unwrap();
        assert!(!boot.contains("import init"));
        assert!(boot.contains("await import('./app-1.js')"));
        assert!(boot.contains("module_or_path: './app-1_bg.wasm'"));
        assert!(boot.contains("ntmBootFailed()") && boot.contains("ntm-preload"));
        assert!(boot_script("console.log(1)").is_err());
    }

    use super::*;

    #[test]
    fn fills_the_service_worker_with_the_shell_of_this_build() {
        let dir = std::env::temp_dir().join(format!("xtask-sw-{}", std::process::id()));
        fs::create_dir_all(dir.join("data/export")).unwrap();
        for (f, c) in [
            ("index.html", "<html>"),
            ("app-0123456789abcdef.js", "js"),
            ("app-0123456789abcdef_bg.wasm", "wasm"),
            ("data/ntm.json", "{}"),
            ("data/export/units.csv", "a,b"),
            ("embed.js", "x"),
            (
                "sw.js",
                "const BUILD = '__NTM_BUILD__';\nconst SHELL = __NTM_SHELL__;",
            ),
        ] {
            fs::write(dir.join(f), c).unwrap();
        }
        fill_service_worker(&dir).unwrap();
        let sw = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(!sw.contains("__NTM"), "{sw}");
        assert!(sw.contains(r#"["./", "app-0123456789abcdef.js", "app-0123456789abcdef_bg.wasm", "data/ntm.json"]"#), "{sw}");
        // A change in any shell file changes the build id, so the cache is renewed.
        let first = sw.lines().next().unwrap().to_owned();
        fs::write(
            dir.join("sw.js"),
            "const BUILD = '__NTM_BUILD__';\nconst SHELL = __NTM_SHELL__;",
        )
        .unwrap();
        fs::write(dir.join("data/ntm.json"), "{\"v\":2}").unwrap();
        fill_service_worker(&dir).unwrap();
        let again = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert_ne!(again.lines().next().unwrap(), first);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn inlines_the_style_sheets_under_a_policy_with_their_hash() {
        let dir = std::env::temp_dir().join(format!("xtask-css-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("a-1.css"), "body{color:red}").unwrap();
        fs::write(dir.join("b-2.css"), "p{margin:0}").unwrap();
        let html = "<head>\n<link rel=\"stylesheet\" href=\"./a-1.css\" integrity=\"sha384-x\"/>\n<link rel=\"stylesheet\" href=\"./b-2.css\" integrity=\"sha384-y\"/>\n<link rel=\"preload\" href=\"./a.wasm\"></head><body></body>";
        let out = inline_styles(&dir, html).unwrap();
        assert!(!out.contains("stylesheet"), "{out}");
        assert!(
            out.contains("<style>body{color:red}p{margin:0}</style></head>"),
            "{out}"
        );
        // sha256("body{color:red}p{margin:0}"), as `openssl dgst -sha256 -binary | base64` gives.
        assert!(
            out.contains("style-src 'self' 'sha256-jmeC8m5C/qdnwGb0y2uDD20Y+SRUsrT8h+c8B+riP1o='"),
            "{out}"
        );
        assert!(out.find("Content-Security-Policy").unwrap() < out.find("preload").unwrap());
        assert!(!dir.join("a-1.css").exists() && !dir.join("b-2.css").exists());
        // A page without style sheets is left as it is.
        assert_eq!(
            inline_styles(&dir, "<head></head>").unwrap(),
            "<head></head>"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn moves_inline_module_scripts_out() {
        let dir = std::env::temp_dir().join(format!("xtask-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let html = "<head><script type=\"module\">\nimport init, * as bindings from './a.js';\nconst wasm = await init({ module_or_path: './a_bg.wasm' });\n</script></head>";
        let out = externalize_scripts(&dir, html).unwrap();
        assert!(!out.contains("import init"), "{out}");
        let name = out
            .split("src=\"./")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let body = fs::read_to_string(dir.join(name)).unwrap();
        assert!(body.contains("await import('./a.js')"), "{body}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
