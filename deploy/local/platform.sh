#!/usr/bin/env bash
# npm start / npm run stop: the whole platform on this machine, without Docker.
#
#   start: installs dependencies, starts PostgreSQL databases and Kafka, builds, starts the four
#          services and the gateway in front of them (each migrates its own database at start-up),
#          loads the demo data through the services' own APIs, creates the demo accounts through the
#          gateway (passwords printed once), and prints where everything listens.
#   stop:  stops the services, the gateway and the Kafka broker that start started.
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=deploy/local/dependencies.sh
source "$ROOT/deploy/local/dependencies.sh"

RUN_DIR="$ROOT/.cache/platform"
SERVICES=(learning events community analytics gateway)
declare -A PORTS=([learning]=3001 [events]=3002 [community]=3003 [analytics]=3004 [gateway]=${GATEWAY_PORT:-3000})
GATEWAY_URL="http://127.0.0.1:${PORTS[gateway]}"
PG_BASE_URL="${PG_BASE_URL:-postgres://postgres@127.0.0.1:5432}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}"

say() { echo "[platform] $*"; }

service_running() {
  local pid_file="$RUN_DIR/$1.pid"
  [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

wait_healthy() {
  local name=$1 port=$2
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then return 0; fi
    if ! service_running "$name"; then
      say "$name exited during start-up; last log lines:"; tail -n 30 "$RUN_DIR/$name.log" >&2; return 1
    fi
    sleep 0.5
  done
  say "$name did not become healthy within 60 s; last log lines:"; tail -n 30 "$RUN_DIR/$name.log" >&2
  return 1
}

start() {
  ensure_node_modules
  ensure_local_jwt_secret
  mkdir -p "$RUN_DIR"
  # Remember whether this start brought the broker up, so stop leaves alone a broker it found running.
  if ! bash "$ROOT/deploy/local/kafka.sh" status >/dev/null 2>&1; then touch "$RUN_DIR/kafka.started-here"; fi
  DATABASES="${SERVICES[*]/#/socialmakers_}" bash "$ROOT/deploy/local/infra.sh" up
  say "building"
  npm run --silent build
  for name in "${SERVICES[@]}"; do
    if service_running "$name"; then say "$name already running (pid $(cat "$RUN_DIR/$name.pid"))"; continue; fi
    PORT="${PORTS[$name]}" SERVICE_NAME="$name" DATABASE_URL="$PG_BASE_URL/socialmakers_$name" \
      nohup node "dist/services/$name/src/main.js" >>"$RUN_DIR/$name.log" 2>&1 &
    echo $! >"$RUN_DIR/$name.pid"
  done
  for name in "${SERVICES[@]}"; do wait_healthy "$name" "${PORTS[$name]}"; done
  say "loading demo data through the services' APIs"
  node dist/tools/demo/load-demo.js
  echo
  DATABASE_URL="$PG_BASE_URL/socialmakers_gateway" GATEWAY_URL="$GATEWAY_URL" node dist/tools/cli/demo-accounts.js
  echo
  say "the platform is up:"
  for name in "${SERVICES[@]}"; do
    printf '  %-10s http://127.0.0.1:%s  (API docs /docs, health /health, metrics /metrics, log %s)\n' \
      "$name" "${PORTS[$name]}" ".cache/platform/$name.log"
  done
  echo "  kafka      $KAFKA_BROKERS"
  echo "  the console (one address for everything; the APIs under /api/<service>/): $GATEWAY_URL"
  echo "  the 2018 results (public): http://127.0.0.1:${PORTS[analytics]}/results/infographic.html"
  echo "  a token:   npm run --silent token -- --person <uuid> --roles admin"
  echo "  stop with: npm run stop"
}

stop() {
  for name in "${SERVICES[@]}"; do
    local pid_file="$RUN_DIR/$name.pid"
    if service_running "$name"; then
      local pid; pid="$(cat "$pid_file")"
      kill -TERM "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      say "$name stopped"
    fi
    rm -f "$pid_file"
  done
  if [[ -f "$RUN_DIR/kafka.started-here" ]]; then
    bash "$ROOT/deploy/local/kafka.sh" down
    rm -f "$RUN_DIR/kafka.started-here"
  else
    say "the Kafka broker was running before npm start; leaving it up (bash deploy/local/kafka.sh down stops it)"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
