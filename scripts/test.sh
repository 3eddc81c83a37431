#!/usr/bin/env bash
# Installs what is missing, then runs every test: the native core (cargo test), a short fuzz
# run of every fuzz target (FUZZ_SECONDS each, default 60), the wasm build in Node (analyze()
# equals the CLI), the page and the <report-lens> element end to end in headless Chromium
# (start-up, long tasks with 25 KB and 15 MB reports, a worker that runs out of memory, bad
# input), and the npm package (npm pack, tsc on its types, a Vite app built from it).
# Screenshots, timings (test-output/timings.json) and the bad-input answers go to test-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

echo "== rustfmt and clippy"
cargo fmt --check
cargo clippy --locked --all-targets --features schema -- -D warnings

echo "== cargo test (native core, CLI, shared corpus when ../shared exists)"
cargo test --locked --features schema

echo "== fuzzing: every target for ${FUZZ_SECONDS:-60}s from the seeds (scripts/fuzz.sh; fails on a crash)"
bash scripts/fuzz.sh --seeds-only "${FUZZ_SECONDS:-60}"

echo "== wasm build"
bash scripts/build.sh

echo "== wasm size and memory; the benchmark against jieba-wasm on a small input (timings printed, not asserted)"
node --test --test-reporter=spec bench/test/size.test.mjs
node bench/bench.mjs --small

echo "== wasm in Node, the page and the element in Chromium, the npm package"
export REPORT_LENS_CLI="$PWD/target/debug/report-lens"
# one file at a time: the page tests measure long tasks and start-up on a 2-core machine
(cd www && node --test --test-concurrency=1 --test-reporter=spec \
  test/wasm.test.mjs test/engine.test.mjs test/i18n.test.mjs \
  test/startup.test.mjs test/e2e.test.mjs test/element.test.mjs \
  test/responsive.test.mjs test/robust.test.mjs test/bad-input.test.mjs \
  test/compare.test.mjs test/package.test.mjs test/wordcloud-probe.test.mjs \
  test/cloud-sizes.test.mjs test/exporting.test.mjs)
node --test --test-reporter=spec tests/wasm/*.test.mjs
