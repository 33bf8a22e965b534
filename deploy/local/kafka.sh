#!/usr/bin/env bash
# Local single-node Kafka (KRaft, broker + controller in one JVM) without Docker.
#
#   bash deploy/local/kafka.sh up|down|status|reset
#
# Needs only java (17+) and mvn: the broker jars come from Maven Central, pinned by
# deploy/local/kafka/pom.xml, and are fetched once into $KAFKA_HOME/lib.
#
# Settings (environment, with defaults):
#   KAFKA_PORT=9092              client listener, 127.0.0.1 only
#   KAFKA_CONTROLLER_PORT=9093   KRaft controller listener, 127.0.0.1 only
#   KAFKA_HOME=<repo>/.cache/kafka   lib/ data/ logs/ server.properties kafka.pid cluster.id
#   KAFKA_HEAP="-Xms256m -Xmx512m"
#   KAFKA_START_TIMEOUT=60       seconds `up` waits for the broker to serve
#   KAFKA_OPTS=""                extra JVM options
#
# Every subcommand is idempotent: `up` on a running broker and `down` on a stopped
# one do nothing. `reset` = down + wipe data (the jars are kept).
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/../.." && pwd)"
CONF_DIR="$SCRIPT_DIR/kafka"
POM="$CONF_DIR/pom.xml"
TEMPLATE="$CONF_DIR/server.properties.template"
LOG4J_CONF="$CONF_DIR/log4j2.properties"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HOME="${KAFKA_HOME:-$REPO_ROOT/.cache/kafka}"
KAFKA_HEAP="${KAFKA_HEAP:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
KAFKA_OPTS="${KAFKA_OPTS:-}"

LIB_DIR="$KAFKA_HOME/lib"
DATA_DIR="$KAFKA_HOME/data"
LOG_DIR="$KAFKA_HOME/logs"
PROPS="$KAFKA_HOME/server.properties"
PID_FILE="$KAFKA_HOME/kafka.pid"
OFFSET_FILE="$KAFKA_HOME/kafka.log-offset" # server.log size when the running broker started
CLUSTER_ID_FILE="$KAFKA_HOME/cluster.id"
MARKER="$LIB_DIR/.kafka-jars"
SERVER_LOG="$LOG_DIR/server.log"
STDOUT_LOG="$LOG_DIR/kafka.out"
STARTED_RE='Kafka Server started'

log() { printf '[kafka] %s\n' "$*"; }
die() { printf '[kafka] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  echo "usage: $0 up|down|status|reset" >&2
  exit 2
}

# --- helpers ---------------------------------------------------------------

port_open() { # port -> 0 when something accepts TCP connections on 127.0.0.1:port
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Prints the broker pid when the pid file names a live kafka.Kafka JVM.
running_pid() {
  local pid cmdline
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # Guard against a recycled pid belonging to some other program.
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *" kafka.Kafka "* ]] || return 1
  echo "$pid"
}

require_tools() {
  command -v java >/dev/null 2>&1 ||
    die "java not found on PATH: install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless)"
  command -v mvn >/dev/null 2>&1 ||
    die "mvn not found on PATH: install Maven 3.8+ (e.g. apt-get install maven)"
  [[ -f "$POM" && -f "$TEMPLATE" && -f "$LOG4J_CONF" ]] ||
    die "missing config under $CONF_DIR (pom.xml, server.properties.template, log4j2.properties)"
}

pinned_version() { # kafka version + hash of the pom, so any pom change re-fetches
  local version sum
  version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM" | head -n1)"
  sum="$(sha256sum "$POM" | cut -c1-16)"
  echo "kafka_2.13-${version:-unknown} pom-sha256:$sum"
}

fetch_jars() {
  local want tmp
  want="$(pinned_version)"
  if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$want" ]]; then
    log "jars: present in $LIB_DIR ($want)"
    return 0
  fi
  log "jars: fetching $want with Maven into $LIB_DIR ..."
  mkdir -p "$KAFKA_HOME"
  tmp="$(mktemp -d "$KAFKA_HOME/lib.tmp.XXXXXX")"
  # Maven's own output (its exact error on failure) is shown as is, minus the stray
  # ANSI reset codes Debian's Maven 3.8 prints even in batch mode; nothing else is
  # ever substituted for the pinned jars.
  local mvn_rc=0
  mvn -q -B -Dstyle.color=never -f "$POM" \
    dependency:copy-dependencies -DoutputDirectory="$tmp" >"$tmp.mvn.log" 2>&1 || mvn_rc=$?
  sed 's/\x1b\[[0-9;]*m//g' "$tmp.mvn.log" | grep -v '^[[:space:]]*$' >&2 || true
  rm -f "$tmp.mvn.log"
  if ((mvn_rc != 0)); then
    rm -rf "$tmp"
    die "Maven could not fetch the Kafka jars (exit $mvn_rc, Maven's error above); nothing was installed"
  fi
  [[ -n "$(compgen -G "$tmp/kafka_2.13-*.jar")" ]] || {
    rm -rf "$tmp"
    die "Maven finished but no kafka_2.13 jar was copied into $tmp"
  }
  echo "$want" >"$tmp/.kafka-jars"
  rm -rf "$LIB_DIR"
  mv "$tmp" "$LIB_DIR"
  log "jars: $(find "$LIB_DIR" -maxdepth 1 -name '*.jar' | wc -l) jars installed"
}

render_props() {
  mkdir -p "$DATA_DIR" "$LOG_DIR"
  local esc_data tmp
  esc_data="$(printf '%s' "$DATA_DIR" | sed 's/[\\&|]/\\&/g')"
  tmp="$PROPS.tmp.$$"
  sed -e "s|\${KAFKA_PORT}|$KAFKA_PORT|g" \
    -e "s|\${KAFKA_CONTROLLER_PORT}|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|\${KAFKA_DATA_DIR}|$esc_data|g" \
    "$TEMPLATE" >"$tmp"
  # shellcheck disable=SC2016 # a literal "${" is what is searched for
  if grep -qF '${' "$tmp"; then
    rm -f "$tmp"
    die "unsubstituted placeholder left in $TEMPLATE"
  fi
  mv "$tmp" "$PROPS"
  log "config: $PROPS (client 127.0.0.1:$KAFKA_PORT, controller 127.0.0.1:$KAFKA_CONTROLLER_PORT)"
}

java_tool() { # run a Kafka CLI class with the broker's classpath and logging
  java -Dkafka.logs.dir="$LOG_DIR" -Dlog4j2.configurationFile="$LOG4J_CONF" \
    -cp "$LIB_DIR/*" "$@"
}

format_storage() {
  local cluster_id
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    # The data dir is the source of truth; keep cluster.id in step with it.
    cluster_id="$(sed -n 's/^cluster\.id=//p' "$DATA_DIR/meta.properties")"
    [[ -n "$cluster_id" ]] && echo "$cluster_id" >"$CLUSTER_ID_FILE"
    log "storage: already formatted (cluster id ${cluster_id:-?})"
    return 0
  fi
  if [[ ! -s "$CLUSTER_ID_FILE" ]]; then
    cluster_id="$(java_tool kafka.tools.StorageTool random-uuid | tail -n1 | tr -d '[:space:]')"
    [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "StorageTool random-uuid gave no cluster id: '$cluster_id'"
    echo "$cluster_id" >"$CLUSTER_ID_FILE"
  fi
  cluster_id="$(tr -d '[:space:]' <"$CLUSTER_ID_FILE")"
  log "storage: formatting $DATA_DIR (cluster id $cluster_id)"
  java_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" --ignore-formatted |
    sed 's/^/[kafka]   /'
  [[ -f "$DATA_DIR/meta.properties" ]] || die "storage format did not write $DATA_DIR/meta.properties"
}

log_size() { if [[ -f "$SERVER_LOG" ]]; then stat -c %s "$SERVER_LOG"; else echo 0; fi; }

started_since() { # byte offset -> 0 when "Kafka Server started" was logged after it
  local offset="$1" size
  [[ -f "$SERVER_LOG" ]] || return 1
  size="$(log_size)"
  # A rollover shrinks the file: then search it whole.
  if ((size < offset)); then offset=0; fi
  # Process substitution, not a pipe: with pipefail an early `grep -q` exit would
  # make tail die of SIGPIPE and turn a match into a failure.
  grep -q "$STARTED_RE" < <(tail -c +"$((offset + 1))" "$SERVER_LOG")
}

show_logs() {
  if [[ -f "$SERVER_LOG" ]]; then
    echo "----- last 40 lines of $SERVER_LOG -----" >&2
    tail -n 40 "$SERVER_LOG" >&2
  fi
  if [[ -s "$STDOUT_LOG" ]]; then
    echo "----- last 20 lines of $STDOUT_LOG -----" >&2
    tail -n 20 "$STDOUT_LOG" >&2
  fi
}

wait_ready() { # pid offset
  local pid="$1" offset="$2" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      show_logs
      die "broker process $pid exited during start-up"
    fi
    if port_open "$KAFKA_PORT" && started_since "$offset"; then
      return 0
    fi
    sleep 0.5
  done
  show_logs
  die "broker (pid $pid) not ready on 127.0.0.1:$KAFKA_PORT after ${KAFKA_START_TIMEOUT}s; it is left running, stop it with: $0 down"
}

# Serialises concurrent up/down/reset on the same KAFKA_HOME (fd 9, released on exit;
# the broker JVM is started with fd 9 closed so it never inherits the lock).
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$KAFKA_HOME"
  exec 9>"$KAFKA_HOME/.lock"
  flock -w 120 9 || die "another kafka.sh is still busy with $KAFKA_HOME (lock $KAFKA_HOME/.lock)"
}

# --- subcommands -----------------------------------------------------------

cmd_up() {
  local t0=$SECONDS pid offset
  require_tools

  # Checked first so that a running broker's jars and config are never touched.
  if pid="$(running_pid)"; then
    if port_open "$KAFKA_PORT"; then
      log "already running (pid $pid) on 127.0.0.1:$KAFKA_PORT — nothing to do"
      return 0
    fi
    log "process $pid is starting; waiting for 127.0.0.1:$KAFKA_PORT ..."
    offset="$(cat "$OFFSET_FILE" 2>/dev/null || echo 0)"
    wait_ready "$pid" "${offset:-0}"
    log "ready on 127.0.0.1:$KAFKA_PORT (pid $pid)"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_open "$KAFKA_PORT"; then
    die "127.0.0.1:$KAFKA_PORT is already in use by a process not started by this script; stop it or set KAFKA_PORT"
  fi
  if port_open "$KAFKA_CONTROLLER_PORT"; then
    die "127.0.0.1:$KAFKA_CONTROLLER_PORT (controller) is already in use; stop that process or set KAFKA_CONTROLLER_PORT"
  fi

  fetch_jars
  render_props
  format_storage

  offset="$(log_size)"
  log "starting broker (heap: $KAFKA_HEAP) ..."
  # Word splitting of KAFKA_HEAP / KAFKA_OPTS is intended (several JVM flags).
  # shellcheck disable=SC2086
  setsid nohup java $KAFKA_HEAP -XX:+UseG1GC -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOG_DIR" -Dlog4j2.configurationFile="$LOG4J_CONF" \
    $KAFKA_OPTS -cp "$LIB_DIR/*" kafka.Kafka "$PROPS" \
    >>"$STDOUT_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  echo "$offset" >"$OFFSET_FILE"
  log "started pid $pid; waiting up to ${KAFKA_START_TIMEOUT}s for it to serve ..."
  wait_ready "$pid" "$offset"
  log "ready on 127.0.0.1:$KAFKA_PORT (pid $pid, $((SECONDS - t0))s): $(tail -c +"$((offset + 1))" "$SERVER_LOG" | grep -m1 "$STARTED_RE" || true)"
}

cmd_down() {
  local pid deadline
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    log "not running — nothing to stop"
    return 0
  fi
  log "stopping broker pid $pid (SIGTERM, up to ${KAFKA_STOP_TIMEOUT}s) ..."
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after ${KAFKA_STOP_TIMEOUT}s — sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$PID_FILE" "$OFFSET_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    if port_open "$KAFKA_PORT"; then
      log "running (pid $pid), 127.0.0.1:$KAFKA_PORT accepts connections; logs: $SERVER_LOG"
      return 0
    fi
    log "process $pid alive but 127.0.0.1:$KAFKA_PORT not answering (starting or stuck); logs: $SERVER_LOG"
    return 1
  fi
  if port_open "$KAFKA_PORT"; then
    log "not started by this script, but 127.0.0.1:$KAFKA_PORT is in use by another process"
    return 1
  fi
  log "stopped"
  return 3
}

cmd_reset() {
  cmd_down
  log "wiping $DATA_DIR and $CLUSTER_ID_FILE (jars and logs are kept)"
  rm -rf "$DATA_DIR" "$CLUSTER_ID_FILE" "$PROPS"
  log "reset done; run '$0 up' to start an empty broker"
}

case "${1:-}" in
  up) take_lock; cmd_up ;;
  down) take_lock; cmd_down ;;
  status) cmd_status ;;
  reset) take_lock; cmd_reset ;;
  *) usage ;;
esac
