#!/usr/bin/env bash
# Builds the wasm package (pkg/) with the settings in wasm-pack.toml, then the page (www/dist/).
# Skips the wasm build when no Rust source, lexicon or setting changed since the last one.
set -euo pipefail
cd "$(dirname "$0")/.."

setting() { # setting SECTION KEY: a `key = "value"` line of wasm-pack.toml
  awk -v s="[$1]" -v k="$2" '
    /^\[/ { in_s = ($0 == s); next }
    in_s && $1 == k { sub(/^[^=]*= *"/, ""); sub(/" *$/, ""); print; exit }' wasm-pack.toml
}
target=$(setting build target)
out_dir=$(setting build out_dir)
out_name=$(setting build out_name)
profile=$(setting build profile)
opt_flags=$(setting wasm-opt flags)

export PATH="$PWD/www/node_modules/.bin:$HOME/.cargo/bin:$PATH"

wasm="$out_dir/${out_name}_bg.wasm"
stamp="$out_dir/.build-stamp"
if [ -f "$wasm" ] && [ -f "$stamp" ] && [ -z "$(find src build.rs Cargo.toml Cargo.lock wasm-pack.toml -newer "$stamp" -print -quit)" ]; then
  echo "[build] $wasm is up to date" >&2
else
  echo "[build] wasm-pack build --$profile --target $target" >&2
  # --no-opt: wasm-opt runs below with our flags; wasm-pack's own download of it fails offline
  wasm-pack build --"$profile" --target "$target" --out-dir "$out_dir" --out-name "$out_name" --no-opt --no-pack
  echo "[build] wasm-opt $opt_flags" >&2
  # shellcheck disable=SC2086
  wasm-opt $opt_flags "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  touch "$stamp"
fi
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "[build] $wasm: $((raw / 1024)) KiB raw, $((gz / 1024)) KiB gzip" >&2

(cd www && node build.mjs)
