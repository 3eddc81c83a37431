#!/usr/bin/env bash
# Installs what is missing, then runs every test: the native core (cargo test), a short fuzz
# run of every fuzz target (FUZZ_SECONDS each, default 30), the wasm build in Node (analyze()
# equals the CLI), and the page end to end in headless Chromium.
# Screenshots and timings go to test-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

echo "== rustfmt and clippy"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings

echo "== cargo test (native core, CLI, shared corpus when ../shared exists)"
cargo test --locked

echo "== fuzzing: every target for ${FUZZ_SECONDS:-30}s from the seeds (scripts/fuzz.sh; fails on a crash)"
bash scripts/fuzz.sh --seeds-only "${FUZZ_SECONDS:-30}"

echo "== wasm build"
bash scripts/build.sh

echo "== wasm in Node and the page in Chromium"
export REPORT_LENS_CLI="$PWD/target/debug/report-lens"
(cd www && node --test --test-reporter=spec test/wasm.test.mjs test/e2e.test.mjs)
