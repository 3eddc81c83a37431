#!/usr/bin/env bash
# The benchmark against npm jieba-wasm (bench/bench.mjs): wasm size, start-up, analysis time and
# memory, with ratios. Builds the wasm first if it is stale. Arguments go to bench.mjs:
#   bash scripts/bench.sh             the shared corpus and a 1 MB report
#   bash scripts/bench.sh --small     one fixture, quick (the test command runs this)
#   bash scripts/bench.sh FILE…       your reports
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh   # installs what is missing, bench/'s jieba-wasm included
bash scripts/build.sh >/dev/null
node bench/bench.mjs "$@"
