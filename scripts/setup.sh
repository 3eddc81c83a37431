#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Idempotent: each step
# checks first, so a second run takes seconds. Used by scripts/demo.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml

log() { printf '[setup] %s\n' "$*" >&2; }

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)    # end-to-end tests
command -v python3 >/dev/null || need_apt+=(python3)      # fuzz/make_seeds.py
# a CJK font, or Chromium draws the page's Chinese as boxes in screenshots
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" || { log "rustup component add $component"; rustup component add "$component"; }
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# fuzzing (scripts/fuzz.sh; a short run in scripts/test.sh): libFuzzer needs nightly
if ! rustup toolchain list | grep -q '^nightly'; then
  log "rustup toolchain install nightly --profile minimal"
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null; then
  log "cargo install cargo-fuzz --locked"
  cargo install cargo-fuzz --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # not --locked: its lock file pins webpki-roots 1.0.11, which the registry here does not serve
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! command -v wasm-pack >/dev/null; then
  log "cargo install wasm-pack"
  cargo install wasm-pack --locked
fi

for dir in www bench; do  # the page's packages; the benchmark's jieba-wasm
  if [ ! -d $dir/node_modules ] || [ $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]; then
    log "npm ci ($dir)"
    (cd $dir && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
