#!/usr/bin/env bash
# npm test: installs what is missing, checks types and module boundaries, runs the unit tests, then
# the integration tests against a real Kafka broker and PostgreSQL (started here when not given), then
# the end-to-end tests that drive the web console in headless Chromium.
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=deploy/local/dependencies.sh
source "$ROOT/deploy/local/dependencies.sh"
ensure_node_modules
ensure_chromium

export NX_DAEMON=false
mkdir -p .cache/test-results

# The tests start the local broker when it is not running; then it is stopped at the end, so the
# machine is left as it was found (a CI runner, a laptop).
if [ -z "${KAFKA_BROKERS:-}" ] && ! bash deploy/local/kafka.sh status >/dev/null 2>&1; then
  trap 'bash deploy/local/kafka.sh down >/dev/null 2>&1 || true' EXIT
fi

echo "[test] type check"
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/console/tsconfig.json

echo "[test] lint (module boundaries included)"
npx eslint services libs tools apps test

status=0
echo "[test] unit tests"
npx jest --selectProjects unit --json --outputFile=.cache/test-results/unit.json || status=1

echo "[test] integration tests (real Kafka and PostgreSQL)"
npx jest --selectProjects integration --runInBand --json --outputFile=.cache/test-results/integration.json || status=1

echo "[test] end-to-end tests (the console in headless Chromium against the running platform)"
npx jest --selectProjects e2e --runInBand --json --outputFile=.cache/test-results/e2e.json || status=1

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const f of ["unit", "integration", "e2e"]) {
    const path = `.cache/test-results/${f}.json`;
    if (!fs.existsSync(path)) { failed += 1; continue; }
    const r = JSON.parse(fs.readFileSync(path, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  }
  console.log(`${passed} passed, ${failed} failed`);
'
exit "$status"
