#!/usr/bin/env bash
# Installs what is missing, builds the wasm and the page, and serves the demo on localhost.
# PORT=9000 scripts/demo.sh to pick the port (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
echo "offline single-file page (open it from disk, no server needed): $PWD/www/dist/report-lens-offline.html"
exec node www/serve.mjs "${PORT:-8080}"
