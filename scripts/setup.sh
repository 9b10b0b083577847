#!/usr/bin/env bash
# Installs what Coopol's build and tests need, idempotently, from the package registries only
# (crates.io, npm, Debian). Usage: scripts/setup.sh build|test|bench
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION="0.3.10"
# A real S3-compatible server for the storage tests (0.15+ need rustc 1.96).
S3S_FS_VERSION="0.14.1"
WASM_BINDGEN_VERSION="$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

need_apt() {
  # Installs Debian packages whose command is missing.
  local missing=()
  for pair in "$@"; do
    local cmd="${pair%%:*}" pkg="${pair##*:}"
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
  fi
}

setup_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes on 2 cores, once)"
    # Its release profile asks for fat LTO and one codegen unit: minutes of linking on 2 cores for
    # a tool whose speed does not matter here.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install --locked "cargo-leptos@$CARGO_LEPTOS_VERSION" --features no_downloads
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (matches Cargo.lock)"
    # --locked fails for this version (a locked dependency was yanked); a plain install works.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  need_apt node:nodejs npm:npm
  if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    say "installing Node packages (Playwright library, binaryen's wasm-opt)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

setup_test() {
  setup_build
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
  need_apt chromium:chromium psql:postgresql-client
  if ! s3s-fs --version 2>/dev/null | grep -q "$S3S_FS_VERSION"; then
    say "installing s3s-fs $S3S_FS_VERSION (the S3-compatible server the storage tests run against, ~5 minutes once)"
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install --locked "s3s-fs@$S3S_FS_VERSION" --features binary
  fi
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      say "starting PostgreSQL"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
    fi
    for _ in $(seq 1 20); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.5; done
    pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is required at 127.0.0.1:5432 for the tests" >&2; exit 1; }
  fi
}

setup_bench() {
  setup_test
  need_apt wrk:wrk brotli:brotli taskset:util-linux
  if [ ! -x bench/node_modules/.bin/lighthouse ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
    say "installing Lighthouse (bench/ only: never needed by the tests)"
    (cd bench && npm ci --no-audit --no-fund)
  fi
}

case "${1:-build}" in
  build) setup_build ;;
  test) setup_test ;;
  bench) setup_bench ;;
  *) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac
