#!/usr/bin/env bash
# Instructions the native analysis executes per report, counted by valgrind's callgrind. The
# counts repeat to about 0.2% (the CLI analyses its files on several threads), where wall time
# on a shared 2-core machine varies by 10-25% from run to run and cannot show a change of 1-2%
# (bench/README.md, twenty-fourth pass). With --base=REV the same counts for that revision, and
# each ratio (this tree / REV): a change to the core is A/B'd in minutes, on a busy machine.
#
#   bash bench/instructions.sh [--base=REV] [FILE...]
#
# Default files: the fixtures and ../shared/corpus. The count per analysis is that of the CLI
# given the file k+1 times less that of the CLI given it once, over k: start-up (the dictionary,
# the tables) and the process fall out; the JSON written is in. Needs valgrind (apt-get install
# valgrind); the base is built in a worktree under target/, kept for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind" >&2; exit 2; }

base=""
files=()
for a in "$@"; do
  case $a in
    --base=*) base=${a#--base=} ;;
    *) files+=("$a") ;;
  esac
done
if [ ${#files[@]} -eq 0 ]; then
  files=(tests/fixtures/sample-report.txt tests/fixtures/county-2024-report.txt)
  [ -d ../shared/corpus ] && files+=(../shared/corpus/*.txt)
fi

cargo build --release --locked --quiet --bin report-lens
bins=("$PWD/target/release/report-lens")
if [ -n "$base" ]; then
  wt="$PWD/target/instructions-base"
  rev=$(git rev-parse --verify "$base^{commit}")
  if [ ! -d "$wt" ]; then git worktree add --detach --quiet "$wt" "$rev"; fi
  git -C "$wt" checkout --detach --quiet "$rev"
  # (its own target dir: the two builds do not evict each other's artefacts)
  (cd "$wt" && cargo build --release --locked --quiet --bin report-lens)
  bins+=("$wt/target/release/report-lens")
fi

# Instructions of one CLI run on these arguments.
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

# Instructions per analysis of file $2 by binary $1: k more copies than a run of one, over k.
per_analysis() {
  local bin=$1 file=$2 bytes k
  bytes=$(wc -c <"$file")
  k=$((bytes > 262144 ? 1 : 4))
  local one more copies=()
  for _ in $(seq $((k + 1))); do copies+=("$file"); done
  one=$(count "$bin" analyze "$file")
  more=$(count "$bin" analyze "${copies[@]}")
  echo $(((more - one) / k))
}

if [ -n "$base" ]; then
  printf '%-32s %8s %14s %10s %14s %7s\n' report KB instructions "per byte" "at ${base:0:10}" ratio
else
  printf '%-32s %8s %14s %10s\n' report KB instructions "per byte"
fi
for f in "${files[@]}"; do
  bytes=$(wc -c <"$f")
  ir=$(per_analysis "${bins[0]}" "$f")
  line=$(printf '%-32s %8.1f %14d %10.0f' "$(basename "$f")" "$(echo "$bytes / 1024" | bc -l)" "$ir" "$(echo "$ir / $bytes" | bc -l)")
  if [ -n "$base" ]; then
    old=$(per_analysis "${bins[1]}" "$f")
    line+=$(printf ' %14d %7.4f' "$old" "$(echo "$ir / $old" | bc -l)")
  fi
  echo "$line"
done
