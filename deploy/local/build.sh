#!/usr/bin/env bash
# npm run build: compiles services, libraries and tools into dist/. It builds into a fresh folder and
# swaps it in at the end, so a service starting meanwhile (a test, a benchmark) never sees a half-
# written dist/ whose path aliases are not rewritten yet.
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
staging="$(mktemp -d "$ROOT/.cache/build.XXXXXX" 2>/dev/null || { mkdir -p "$ROOT/.cache"; mktemp -d "$ROOT/.cache/build.XXXXXX"; })"
trap 'rm -rf "$staging"' EXIT
npx tsc -p tsconfig.build.json --outDir "$staging"
npx tsc-alias -p tsconfig.build.json --outDir "$staging"
npm run --silent build:console -- --outDir "$staging/apps/console" --emptyOutDir --logLevel warn
old="$ROOT/.cache/dist.old.$$"
[[ -d dist ]] && mv dist "$old"
mv "$staging" dist
rm -rf "$old"
