#!/usr/bin/env bash
# Local infrastructure of the platform without Docker: PostgreSQL databases + Kafka.
#
#   bash deploy/local/infra.sh up|down|status
#
# See postgres.sh and kafka.sh for their settings (DATABASE_URL, DATABASES,
# KAFKA_PORT, KAFKA_HOME, ...). Both are idempotent, and so is this.
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"

case "${1:-}" in
  up)
    bash "$SCRIPT_DIR/postgres.sh" up
    bash "$SCRIPT_DIR/kafka.sh" up
    echo "[infra] up: PostgreSQL and Kafka are ready"
    ;;
  down)
    bash "$SCRIPT_DIR/kafka.sh" down
    bash "$SCRIPT_DIR/postgres.sh" down
    echo "[infra] down"
    ;;
  status)
    rc=0
    bash "$SCRIPT_DIR/postgres.sh" status || rc=1
    bash "$SCRIPT_DIR/kafka.sh" status || rc=1
    exit "$rc"
    ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
