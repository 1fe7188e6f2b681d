# shellcheck shell=bash
# `./x fuzz [N]`: N cases (default 1,000,000) for each fuzz target of fuzz/ (dataset, geometry,
# url), one target at a time, at the lowest CPU priority so that other builds on the machine
# keep their cores. Sourced by ./x after scripts/setup.sh.
#
# Engine: cargo-fuzz (libFuzzer, coverage-guided) when a nightly toolchain is installed with
# rustup; otherwise the stable proptest runner of crates/core/tests/fuzz_smoke.rs, which derives
# inputs from the same corpus by structure-aware edits. NTM_FUZZ_ENGINE=proptest forces the
# second. Either way the line "fuzz <target> (<engine>): N cases in S s, 0 crashes" is printed
# per target and any panic or hang fails the command.
#
# Corpus: fuzz/corpus/<target>/ holds the committed seeds and crash reproducers (read-only
# here); what libFuzzer discovers goes to target/fuzz-corpus/<target>/, never into git. A crash
# is saved to fuzz/artifacts/<target>/: fix it, then copy the file into fuzz/corpus/<target>/
# so that `cargo test` (corpus_replays) keeps it fixed.

CARGO_FUZZ_VERSION="0.13.2"
NTM_FUZZ_TARGETS=(dataset geometry url)

has_nightly() {
  command -v rustup >/dev/null 2>&1 && rustup run nightly rustc --version >/dev/null 2>&1
}

setup_cargo_fuzz() {
  local dir="$NTM_TOOLS/cargo-fuzz-$CARGO_FUZZ_VERSION"
  if ! [ -x "$dir/bin/cargo-fuzz" ]; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 2 minutes on 2 cores)"
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --root "$dir" --quiet \
      || die "installing cargo-fuzz failed"
  fi
  export PATH="$dir/bin:$PATH"
}

# Options per target: the longest input worth trying, and a dictionary of JSON keys and values.
fuzz_options() {
  case "$1" in
    url) echo "-max_len=512 -dict=fuzz/dict/url.dict" ;;
    *) echo "-max_len=16384 -dict=fuzz/dict/json.dict" ;;
  esac
}

fuzz_libfuzzer() {
  local n="$1" t work log
  setup_cargo_fuzz
  say "fuzzing with cargo-fuzz $CARGO_FUZZ_VERSION (libFuzzer, nightly): $n cases per target"
  CARGO_BUILD_JOBS=1 nice -n 19 cargo +nightly fuzz build -O -a -s none || die "building the fuzz targets failed"
  for t in "${NTM_FUZZ_TARGETS[@]}"; do
    work="target/fuzz-corpus/$t"
    log="target/fuzz-corpus/$t.log"
    mkdir -p "$work" "fuzz/artifacts/$t"
    local t0=$SECONDS
    # shellcheck disable=SC2046
    if ! nice -n 19 cargo +nightly fuzz run -O -a -s none "$t" "$work" "fuzz/corpus/$t" -- \
        -runs="$n" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="fuzz/artifacts/$t/" $(fuzz_options "$t") >"$log" 2>&1; then
      tail -n 40 "$log"
      die "fuzz $t: crash or hang after $((SECONDS - t0)) s; reproducer in fuzz/artifacts/$t/ (log: $log)"
    fi
    local done_line units
    done_line="$(grep -E '^Done [0-9]+ runs' "$log" | tail -n 1)"
    units="$(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -n 1)"
    printf 'fuzz %s (libFuzzer): %s cases in %d s, 0 crashes (%s; corpus %s inputs)\n' \
      "$t" "${units:-?}" "$((SECONDS - t0))" "${done_line:-no summary}" "$(find "$work" -type f | wc -l)"
  done
}

fuzz_proptest() {
  local n="$1"
  say "no nightly toolchain (or NTM_FUZZ_ENGINE=proptest): fuzzing with the stable proptest runner, $n cases per target"
  NTM_FUZZ_CASES="$n" nice -n 19 cargo test -q --profile tool -p ntm-core --test fuzz_smoke -- \
    --nocapture --test-threads=1 fuzz_ 2>&1 | sed -n 's/^\.*fuzz \([a-z]*\): /fuzz \1 (proptest): /p; /panicked\|FAILED\|error/p'
  local rc=${PIPESTATUS[0]}
  [ "$rc" = 0 ] || die "fuzzing with proptest failed (rc $rc)"
}

fuzz_all() {
  local n="${1:-1000000}"
  n="${n//[_,]/}"
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -gt 0 ] || die "usage: ./x fuzz [N], N a number of cases per target"
  local t0=$SECONDS
  if [ "${NTM_FUZZ_ENGINE:-auto}" != proptest ] && has_nightly; then
    fuzz_libfuzzer "$n"
  else
    fuzz_proptest "$n"
  fi
  say "fuzzing done: ${#NTM_FUZZ_TARGETS[@]} targets × $n cases in $((SECONDS - t0)) s, no crash, no hang"
}
