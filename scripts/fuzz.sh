#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer, nightly): every target in fuzz/Cargo.toml for
# SECONDS each (default 600), one after another on one core, starting from the seeds that
# fuzz/make_seeds.py writes and the corpus earlier runs grew (fuzz/corpus/, not committed).
#
#   bash scripts/fuzz.sh [--seeds-only] [SECONDS] [TARGET...]
#
# --seeds-only starts from the seeds alone and keeps nothing (the short run in test.sh: a
# corpus grown by long runs takes minutes just to load for the whole-pipeline target).
#
# libFuzzer runs in fork mode, so a crash or a timeout is saved under fuzz/artifacts/TARGET/
# and the run goes on. Exits 1 if any target left a crash or OOM artifact; timeouts (slow
# inputs, a performance matter) are listed but do not fail the run. A crash input belongs in
# fuzz/regressions/TARGET/ once fixed: tests/fuzz_regressions.rs replays those on stable.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seeds_only=false
if [ "${1:-}" = --seeds-only ]; then
  seeds_only=true
  shift
fi
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text html wordml docx concordance analyze)

# Longest input per target: enough for every shape the seeds have; short enough that stages
# which are (still) quadratic do not stall the search. Timeout in seconds per input.
max_len() {
  case $1 in
    docx) echo 65536 ;;
    analyze) echo 8192 ;;
    concordance) echo 4096 ;;
    *) echo 16384 ;;
  esac
}
TIMEOUT=10

python3 fuzz/make_seeds.py
cd fuzz
echo "[fuzz] building targets (nightly, debug assertions on)" >&2
cargo +nightly fuzz build -s none -a >&2

status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  corpus="corpus/$t"
  if $seeds_only; then
    corpus=$(mktemp -d)
  fi
  log="artifacts/$t-$(date +%Y%m%d-%H%M%S).log"
  echo "[fuzz] $t: ${seconds}s, max_len $(max_len "$t")" >&2
  start=$(date +%s)
  cargo +nightly fuzz run "$t" "$corpus" "seeds/$t" -s none -a -- \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout="$TIMEOUT" \
    -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1 || true
  took=$(( $(date +%s) - start ))
  if $seeds_only; then
    rm -rf "$corpus"
  fi
  # fork mode's last status line: "#N: cov: C ft: F corp: K exec/s: E oom/timeout/crash: …"
  last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1 || true)
  echo "[fuzz] $t: ${took}s, ${last:-no status line (see fuzz/$log)}" >&2
  for f in $(find "artifacts/$t" -type f -name 'timeout-*' -newermt "@$start"); do
    echo "[fuzz] $t: slow input (timeout ${TIMEOUT}s): fuzz/$f ($(stat -c %s "$f") bytes)" >&2
  done
  bad=$(find "artifacts/$t" -type f \( -name 'crash-*' -o -name 'oom-*' \) -newermt "@$start")
  if [ -n "$bad" ]; then
    echo "[fuzz] $t: FAILED, new crash inputs:" >&2
    echo "$bad" | sed 's/^/  fuzz\//' >&2
    grep -m3 -A8 'panicked at' "$log" >&2 || true
    status=1
  fi
done
exit $status
