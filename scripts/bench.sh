#!/usr/bin/env bash
# The benchmark against npm jieba-wasm (bench/bench.mjs): wasm size, start-up, analysis time and
# memory, with ratios. Builds the wasm first if it is stale. Arguments go to bench.mjs:
#   bash scripts/bench.sh             the shared corpus and a 1 MB report, then the CLI's
#                                     throughput on a generated 50 MB corpus (1 thread, all cores)
#   bash scripts/bench.sh --small     one fixture, quick (the test command runs this)
#   bash scripts/bench.sh FILE…       your reports
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh   # installs what is missing, bench/'s jieba-wasm included
bash scripts/build.sh >/dev/null
node bench/bench.mjs "$@"

# The CLI on a generated corpus of 50 MB: MB/s on one thread and on all cores.
if [ $# -eq 0 ]; then
  echo
  echo "== the CLI's corpus command on a generated 50 MB corpus (release build)"
  cargo build --release --quiet
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  python3 scripts/make-bench-corpus.py "$dir/in" 50
  cores=$(nproc)
  for jobs in 1 "$cores"; do
    ./target/release/report-lens corpus "$dir/in" --out "$dir/out-$jobs" --jobs "$jobs" 2>&1 | tail -1
  done
fi
