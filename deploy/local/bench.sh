#!/usr/bin/env bash
# Benchmarks against the local infrastructure (real Kafka broker and PostgreSQL):
#
#   bash deploy/local/bench.sh <name>      e.g. backbone  ->  tools/bench/backbone.bench.ts
#
# Installs what is missing, starts the local PostgreSQL and Kafka (idempotent), then runs the
# benchmark. Progress goes to stderr; the last line of stdout is the benchmark's JSON result.
# Extra arguments are passed on to the benchmark. KAFKA_BROKERS / DATABASE_ADMIN_URL point it at
# other infrastructure (then infra.sh still makes sure the local one is up, as test.sh does).
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

usage() {
  local available
  available="$(find "$ROOT/tools/bench" -maxdepth 1 -name '*.bench.ts' -printf '%f\n' 2>/dev/null | sed 's/\.bench\.ts$//' | sort | tr '\n' ' ')"
  echo "usage: $0 <name> [args...]   (available: ${available:-none})" >&2
  exit 2
}

name="${1:-}"
[[ -n "$name" ]] || usage
shift
[[ "$name" =~ ^[a-z0-9][a-z0-9-]*$ ]] || usage
file="tools/bench/$name.bench.ts"
[[ -f "$ROOT/$file" ]] || { echo "[bench] no benchmark '$name' ($file not found)" >&2; usage; }

# shellcheck source=deploy/local/dependencies.sh
source "$ROOT/deploy/local/dependencies.sh"
# Everything but the result goes to stderr, so that stdout ends with the JSON line.
ensure_node_modules >&2

bash "$ROOT/deploy/local/infra.sh" up >&2
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}"
# The platform logger writes JSON lines on stdout; a benchmark only wants its warnings.
export LOG_LEVEL="${LOG_LEVEL:-warn}"

echo "[bench] $name: node -r @swc-node/register $file $*" >&2
exec node -r @swc-node/register "$file" "$@"
