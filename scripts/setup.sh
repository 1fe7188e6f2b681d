# shellcheck shell=bash
# Installs what NTM Atlas needs to build and test, and nothing twice. Sourced by ./x.
#
# Everything installed by hand on a developer's machine must be installed here, because CI runs
# `.ci/run` on a clean clone, possibly on a fresh machine. Tools go to a cache folder outside the
# repository (NTM_TOOLS, default ~/.cache/ntm-atlas/tools) so a fresh clone on the same machine
# reuses them; each tool's folder name carries its version, so a version bump installs anew.
#
# Choices, and why:
# - Trunk 0.21.14, not 0.22.x: 0.22.1 declares rust-version 1.96.1 and a stable rustup toolchain
#   of 1.95 refuses it; 0.21.14 declares 1.81 and builds on any toolchain that builds Leptos 0.8.
#   Installed without default features (no update check, so it never calls the network) and with
#   LTO off and 16 codegen units: 7.5 min instead of 36 min on 2 cores (measured 2026-11-22).
# - wasm-bindgen-cli at exactly the version in Cargo.lock, or Trunk would try to download one.
#   Without --locked: its lock file wants a webpki-roots release the registry may not serve.
# - wasm-opt from the npm package binaryen@132: Debian's binaryen 108 produces wasm that fails at
#   run time. Pinned in Trunk.toml as version_132 so Trunk accepts it and never downloads.
# - Chromium and chromedriver from Debian (apt); playwright-core from npm, never a downloaded
#   browser.
# - cargo-deny 0.20.2 for the licence and bans check of `./x test` (deny.toml), installed on first
#   use with LTO off and 16 codegen units: 6.7 min on 2 shared cores (measured 2026-11-22). It
#   runs `check licenses bans` only, which reads Cargo.lock and the crates already downloaded;
#   the advisories check, which fetches a database, is not run.

NTM_TOOLS="${NTM_TOOLS:-$HOME/.cache/ntm-atlas/tools}"
TRUNK_VERSION="0.21.14"
CARGO_DENY_VERSION="0.20.2"
BINARYEN_VERSION="132"
NTM_INSTALLED=()

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@" || die "needs root for: $* (run with sudo, or install it yourself)"
  else die "needs root for: $*"
  fi
}

apt_install() {
  # One `apt-get update` per setup run, and only when a package is missing.
  if [ -z "${NTM_APT_UPDATED:-}" ]; then
    say "apt-get update"
    as_root apt-get update -qq >/dev/null || die "apt-get update failed"
    NTM_APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
  NTM_INSTALLED+=("apt:$*")
}

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$NTM_ROOT/Cargo.lock"
}

setup_rust() {
  command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup (https://rustup.rs)"
  local sysroot
  sysroot="$(rustc --print sysroot)"
  if [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
    NTM_WASM_ROUTE="rustup"
    return
  fi
  say "adding the wasm32-unknown-unknown target with rustup"
  if command -v rustup >/dev/null 2>&1 && rustup target add wasm32-unknown-unknown >/dev/null 2>&1 \
     && [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
    NTM_WASM_ROUTE="rustup"
    NTM_INSTALLED+=("rustup target wasm32-unknown-unknown")
    return
  fi
  say "rustup could not add the target: falling back to Debian's rustc-web and build-std"
  if ! [ -x /usr/bin/rustc ] || ! /usr/bin/rustc --print target-list 2>/dev/null | grep -qx wasm32-unknown-unknown \
     || ! [ -d /usr/lib/rustlib/src/rust/library ] || ! command -v wasm-ld-19 >/dev/null 2>&1; then
    apt_install rustc-web cargo-web rust-web-src lld-19
  fi
  NTM_WASM_ROUTE="debian-build-std"
}

# Environment for wasm builds on the Debian route. Native builds must not see it (it would
# rebuild std for the host), so ./x applies it only around Trunk and the wasm tests.
wasm_env() {
  if [ "${NTM_WASM_ROUTE:-rustup}" = "debian-build-std" ]; then
    env PATH="/usr/bin:$PATH" CARGO=/usr/bin/cargo RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
      RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 "$@"
  else
    "$@"
  fi
}

setup_trunk() {
  local dir="$NTM_TOOLS/trunk-$TRUNK_VERSION"
  if [ -x "$dir/bin/trunk" ] && "$dir/bin/trunk" --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    return
  fi
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls \
      --root "$dir" --quiet || die "installing trunk failed"
  NTM_INSTALLED+=("trunk $TRUNK_VERSION")
}

setup_wasm_bindgen() {
  local version dir
  version="$(wasm_bindgen_version)"
  [ -n "$version" ] || die "no wasm-bindgen in Cargo.lock"
  dir="$NTM_TOOLS/wasm-bindgen-$version"
  if [ -x "$dir/bin/wasm-bindgen" ] && [ "$("$dir/bin/wasm-bindgen" --version)" = "wasm-bindgen $version" ]; then
    NTM_WASM_BINDGEN_DIR="$dir/bin"
    return
  fi
  say "installing wasm-bindgen-cli $version (about 5–10 minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "$version" --root "$dir" --quiet || die "installing wasm-bindgen-cli failed"
  NTM_WASM_BINDGEN_DIR="$dir/bin"
  NTM_INSTALLED+=("wasm-bindgen-cli $version")
}

setup_binaryen() {
  local dir="$NTM_TOOLS/binaryen-$BINARYEN_VERSION"
  if ! [ -x "$dir/bin/wasm-opt" ] || ! "$dir/bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 or newer"
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
    mkdir -p "$dir/bin"
    npm install --silent --no-audit --no-fund --prefix "$dir" "binaryen@$BINARYEN_VERSION" >/dev/null 2>&1 \
      || die "npm install binaryen@$BINARYEN_VERSION failed"
    ln -sf "$dir/node_modules/binaryen/bin/wasm-opt" "$dir/bin/wasm-opt"
    NTM_INSTALLED+=("binaryen $BINARYEN_VERSION")
  fi
}

setup_browser() {
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
}

setup_node_modules() {
  command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 or newer"
  local stamp="$NTM_ROOT/node_modules/.package-lock.stamp"
  local want
  want="$(sha256sum "$NTM_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  say "installing node packages (npm ci: @playwright/test, which drives the system Chromium)"
  (cd "$NTM_ROOT" && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) || die "npm ci failed"
  echo "$want" >"$stamp"
  NTM_INSTALLED+=("node_modules")
}

setup_cargo_deny() {
  local dir="$NTM_TOOLS/cargo-deny-$CARGO_DENY_VERSION"
  if [ -x "$dir/bin/cargo-deny" ] && "$dir/bin/cargo-deny" --version 2>/dev/null | grep -q "$CARGO_DENY_VERSION"; then
    return
  fi
  say "installing cargo-deny $CARGO_DENY_VERSION (about 7 minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked --root "$dir" --quiet \
    || die "installing cargo-deny failed"
  NTM_INSTALLED+=("cargo-deny $CARGO_DENY_VERSION")
}

# Licences against the allow-list of deny.toml, and banned or duplicate crates, over the whole
# workspace (the wasm app, ntm-core, ntm-data, xtask) for every target.
deny_check() {
  setup_cargo_deny
  "$NTM_TOOLS/cargo-deny-$CARGO_DENY_VERSION/bin/cargo-deny" --workspace --locked --color never \
    check licenses bans
}

# setup [browser]: the build tools always; the browser and node packages when tests need them.
setup() {
  mkdir -p "$NTM_TOOLS"
  setup_rust
  setup_trunk
  setup_wasm_bindgen
  setup_binaryen
  if [ "${1:-}" = "browser" ]; then
    setup_browser
    setup_node_modules
  fi
  export PATH="$NTM_TOOLS/trunk-$TRUNK_VERSION/bin:$NTM_WASM_BINDGEN_DIR:$NTM_TOOLS/binaryen-$BINARYEN_VERSION/bin:$PATH"
  export NTM_WASM_ROUTE
  if [ ${#NTM_INSTALLED[@]} -eq 0 ]; then
    say "nothing to install: every tool is present (wasm route: $NTM_WASM_ROUTE)"
  else
    say "installed: ${NTM_INSTALLED[*]} (wasm route: $NTM_WASM_ROUTE)"
  fi
}
