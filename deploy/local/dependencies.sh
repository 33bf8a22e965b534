#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or the lockfile changed since the last install.
# Sourced by platform.sh, test.sh and bench.sh so that a fresh clone needs nothing but Node, Java, Maven.
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"

ensure_node_modules() {
  local marker="$ROOT/node_modules/.socialmakers-lock-hash"
  local want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$marker" && "$(cat "$marker")" == "$want" ]]; then
    return 0
  fi
  echo "[deps] installing npm dependencies (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
  echo "$want" > "$marker"
}

# Headless Chromium for the console's end-to-end tests: Debian's chromium package (playwright-core
# drives it; no browser is downloaded). Installs it when missing as root; otherwise says what to install.
ensure_chromium() {
  local browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [[ -x "$browser" ]] && return 0
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "[deps] installing Debian's chromium package for the end-to-end tests"
    # A failed install is reported below, naming what is missing, rather than by apt's own exit.
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || true
  fi
  if [[ ! -x "$browser" ]]; then
    echo "[deps] missing: Chromium at $browser for the end-to-end tests; install Debian's chromium package (apt-get install chromium, as root) or set CHROMIUM_PATH" >&2
    return 1
  fi
}

# A signing secret for local tokens, made once per clone and never committed (.cache is ignored).
ensure_local_jwt_secret() {
  local file="$ROOT/.cache/local/jwt-secret"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$(dirname "$file")"
    (umask 077 && node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))" > "$file")
  fi
  export JWT_SECRET="${JWT_SECRET:-$(cat "$file")}"
}
