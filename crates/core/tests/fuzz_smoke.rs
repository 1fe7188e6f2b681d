//! Fuzzing on stable Rust: the three fuzz targets of `fuzz/` (dataset parser + validator +
//! index + summaries; geometry parser + decoder + ring checks + map model + rasterizer; URL
//! codec round trip + resolve) run on inputs that proptest derives from the committed corpus
//! `fuzz/corpus/<target>/` by structure-aware edits (JSON nodes replaced, removed or copied
//! with hostile values) and byte-level damage (truncation, spliced bytes).
//!
//! `cargo test` runs a smoke of [`SMOKE_CASES`] cases per target. `./x fuzz N` runs this file
//! with `NTM_FUZZ_CASES=N` when no nightly toolchain is there for cargo-fuzz. A target fails on
//! any panic, and on any case slower than [`HANG`] (a hang).

#![allow(clippy::unwrap_used, clippy::expect_used)]
// A native test: the clock is there (clippy.toml forbids Instant::now for the wasm app).
#![allow(clippy::disallowed_methods)]

#[path = "../../../fuzz/src/harness.rs"]
#[allow(dead_code)]
mod harness;

use std::fmt::Debug;
use std::path::Path;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use ntm_core::index::DatasetIndex;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use serde_json::Value;

/// Cases per target in `cargo test`.
const SMOKE_CASES: u32 = 2_000;

/// A case slower than this is a hang (the tiny inputs take well under a millisecond).
const HANG: Duration = Duration::from_secs(2);

static INDEX: LazyLock<DatasetIndex> = LazyLock::new(harness::tiny_index);

fn cases() -> u32 {
    std::env::var("NTM_FUZZ_CASES")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(SMOKE_CASES)
}

/// The committed seeds of a target.
fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

/// Values that break parsers and validators: limits of the integer types, dates that do not
/// exist, ids of the tiny dataset, markup, bidi overrides, control characters, long text.
fn hostile_value() -> impl Strategy<Value = Value> {
    let words = [
        "",
        " ",
        "0",
        "-1",
        "1",
        "06463",
        "06469",
        "181",
        "20",
        "zzz",
        "xa",
        "tinh",
        "huyen",
        "phuong",
        "standard",
        "advanced",
        "model",
        "model_village",
        "pre2025",
        "post2025",
        "commune",
        "district",
        "reported",
        "target",
        "communes_standard_share",
        "2025-07-01",
        "2025-06-30",
        "2024-02-29",
        "2025-02-29",
        "0000-01-01",
        "9999-12-31",
        "31/12/2019",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\u{202e}gnaL\u{202c}",
        "שלום",
        "\u{0}\u{7}\u{1b}[31m",
        "\u{feff}",
        "Ä\u{301}\u{301}\u{301}",
        "qd1980-2016",
        "illustrative",
        "101",
        "1-0",
        "11111111111111111111",
        "%",
        "{",
        "\"",
    ];
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        prop::sample::select(vec![
            -1i64,
            0,
            1,
            2,
            3,
            12,
            13,
            31,
            32,
            255,
            256,
            2009,
            2010,
            2025,
            2035,
            2036,
            65_535,
            65_536,
            4_294_967_295,
            4_294_967_296,
            i64::MAX,
            i64::MIN,
        ])
        .prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop::sample::select(vec![0.5f64, -0.0, 1e-300, 1e300, -1e300, 100.0001, 19.5])
            .prop_map(Value::from),
        prop::sample::select(words.to_vec()).prop_map(Value::from),
        "[ -~]{0,12}".prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        (1usize..400).prop_map(|n| Value::from("Xã ".repeat(n))),
        Just(Value::Array(Vec::new())),
        Just(Value::Object(serde_json::Map::new())),
        prop::collection::vec(-3i64..40, 0..12)
            .prop_map(|v| Value::Array(v.into_iter().map(Value::from).collect())),
    ]
}

/// One edit of a JSON document; nodes are numbered in pre-order, modulo their count.
#[derive(Clone, Debug)]
enum Edit {
    Replace(usize, Value),
    Remove(usize),
    Copy { from: usize, to: usize },
    Rename(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), hostile_value()).prop_map(|(n, v)| Edit::Replace(n, v)),
        2 => any::<usize>().prop_map(Edit::Remove),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Edit::Copy { from, to }),
        1 => (any::<usize>(), "[a-z_]{1,10}").prop_map(|(n, k)| Edit::Rename(n, k)),
    ]
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

fn node_mut(v: &mut Value, mut n: usize) -> &mut Value {
    fn walk<'a>(v: &'a mut Value, n: &mut usize) -> Option<&'a mut Value> {
        if *n == 0 {
            return Some(v);
        }
        *n -= 1;
        match v {
            Value::Array(a) => a.iter_mut().find_map(|c| walk(c, n)),
            Value::Object(o) => o.values_mut().find_map(|c| walk(c, n)),
            _ => None,
        }
    }
    let total = count(v);
    n %= total;
    // Found by construction: n < total.
    walk(v, &mut n).expect("node in range")
}

fn apply(doc: &mut Value, e: &Edit) {
    let total = count(doc);
    match e {
        Edit::Replace(n, value) => *node_mut(doc, *n) = value.clone(),
        Edit::Remove(n) => match node_mut(doc, *n) {
            Value::Array(a) if !a.is_empty() => {
                let k = n % a.len();
                a.remove(k);
            }
            Value::Object(o) if !o.is_empty() => {
                let key = o.keys().nth(n % o.len()).cloned().unwrap();
                o.remove(&key);
            }
            other => *other = Value::Null,
        },
        Edit::Copy { from, to } => {
            let copied = node_mut(doc, from % total).clone();
            let target = node_mut(doc, *to);
            match target {
                // Copying into a list duplicates records (duplicate ids, repeated references).
                Value::Array(a) if a.len() < 64 => a.push(copied),
                other => *other = copied,
            }
        }
        Edit::Rename(n, key) => {
            if let Value::Object(o) = node_mut(doc, *n)
                && let Some(old) = o.keys().nth(n % o.len().max(1)).cloned()
            {
                let v = o.remove(&old).unwrap();
                o.insert(key.clone(), v);
            }
        }
    }
}

/// Damage to the serialised bytes.
#[derive(Clone, Debug)]
enum Damage {
    None,
    Truncate(usize),
    Splice(usize, Vec<u8>),
    Prefix(Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        6 => Just(Damage::None),
        1 => any::<usize>().prop_map(Damage::Truncate),
        1 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Damage::Splice(at, b)),
        1 => prop::sample::select(vec![
            b"\xef\xbb\xbf".to_vec(),
            b"<!doctype html>".to_vec(),
            b"  \n".to_vec(),
            b"\xff\xfe".to_vec(),
        ])
        .prop_map(Damage::Prefix),
    ]
}

fn damaged(mut bytes: Vec<u8>, d: &Damage) -> Vec<u8> {
    match d {
        Damage::None => {}
        Damage::Truncate(at) => bytes.truncate(at % (bytes.len() + 1)),
        Damage::Splice(at, b) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Damage::Prefix(p) => {
            bytes.splice(0..0, p.iter().copied());
        }
    }
    bytes
}

/// JSON inputs: a seed, up to six edits, some damage.
fn json_input(target: &str) -> impl Strategy<Value = Vec<u8>> {
    let seeds: Vec<Value> = corpus(target)
        .iter()
        .filter_map(|b| serde_json::from_slice(b).ok())
        .collect();
    assert!(!seeds.is_empty(), "no JSON seeds for {target}");
    (
        prop::sample::select(seeds),
        prop::collection::vec(edit(), 0..6),
        damage(),
    )
        .prop_map(|(mut doc, edits, d)| {
            for e in &edits {
                apply(&mut doc, e);
            }
            damaged(serde_json::to_vec(&doc).unwrap(), &d)
        })
}

/// Query strings: known keys with junk, huge, negative and unicode values, raw bytes, seeds.
fn url_input() -> impl Strategy<Value = Vec<u8>> {
    let key = prop::sample::select(vec![
        "lang", "view", "year", "scope", "unit", "colour", "embed", "lite", "", "x", "LANG",
        "unit%00", "year ",
    ]);
    let value = prop_oneof![
        prop::sample::select(vec![
            "en",
            "vi",
            "vi-VN",
            "profile",
            "table",
            "about",
            "charts",
            "map",
            "criteria",
            "year",
            "tier",
            "1",
            "true",
            "yes",
            "0",
            "2019",
            "2025-06",
            "-1",
            "06463",
            "181",
            "%",
            "%2",
            "%ZZ",
            "%25",
            "%00",
            "%E1%BA%A1",
            "%F0%9F%98%80",
            "+",
            "++06463++",
            "%C3%28",
            "-",
            "--",
            "2025-06-30",
        ])
        .prop_map(String::from),
        "[ -~]{0,60}",
        any::<String>(),
        (1usize..200).prop_map(|n| "9".repeat(n)),
    ];
    let structured = (
        any::<bool>(),
        prop::collection::vec((key, value, any::<bool>()), 0..12),
    )
        .prop_map(|(q, pairs)| {
            let mut s = if q { "?".to_owned() } else { String::new() };
            let parts: Vec<String> = pairs
                .into_iter()
                .map(|(k, v, eq)| if eq { format!("{k}={v}") } else { k.to_owned() })
                .collect();
            s.push_str(&parts.join("&"));
            s.into_bytes()
        });
    prop_oneof![
        6 => structured,
        2 => prop::collection::vec(any::<u8>(), 0..300),
        1 => prop::sample::select(corpus("url")),
    ]
}

/// Runs a target on `cases()` inputs, printing a summary line; fails on a panic or a hang.
fn run<S>(target: &str, strategy: &S, f: impl Fn(&[u8]))
where
    S: Strategy<Value = Vec<u8>>,
    S::Value: Debug,
{
    let n = cases();
    let config = Config {
        cases: n,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        max_shrink_iters: 2_000,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let start = Instant::now();
    let slowest = std::cell::Cell::new(Duration::ZERO);
    let slowest_input = std::cell::RefCell::new(Vec::new());
    let result = runner.run(strategy, |input| {
        let t = Instant::now();
        f(&input);
        let took = t.elapsed();
        if took > slowest.get() {
            slowest.set(took);
            slowest_input.replace(input.clone());
        }
        if took > HANG {
            return Err(TestCaseError::fail(format!("hang: one case took {took:?}")));
        }
        Ok(())
    });
    let secs = start.elapsed().as_secs_f64();
    // The slowest input, to time it alone (wall-clock times include other processes).
    let _ = std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fuzz-slowest-{target}.bin")),
        slowest_input.borrow().as_slice(),
    );
    println!(
        "fuzz {target}: {n} cases in {secs:.1} s ({:.0}/s), slowest case {:.1} ms, {}",
        f64::from(n) / secs.max(1e-9),
        slowest.get().as_secs_f64() * 1e3,
        if result.is_ok() {
            "0 crashes"
        } else {
            "FAILED"
        }
    );
    if let Err(e) = result {
        panic!("fuzz {target}: {e}");
    }
}

#[test]
fn fuzz_dataset() {
    run("dataset", &json_input("dataset"), harness::dataset);
}

#[test]
fn fuzz_geometry() {
    run("geometry", &json_input("geometry"), |b| {
        harness::geometry(b, &INDEX);
    });
}

#[test]
fn fuzz_url() {
    run("url", &url_input(), |b| harness::url(b, &INDEX));
}

/// Every committed seed and crash reproducer passes as it is.
#[test]
fn corpus_replays() {
    for seed in corpus("dataset") {
        harness::dataset(&seed);
    }
    for seed in corpus("geometry") {
        harness::geometry(&seed, &INDEX);
    }
    for seed in corpus("url") {
        harness::url(&seed, &INDEX);
    }
}
