#!/usr/bin/env bash
# Local PostgreSQL for the platform: makes sure the machine's PostgreSQL answers and
# that every service database exists. It never drops anything.
#
#   bash deploy/local/postgres.sh up|down|status
#
# Settings (environment, with defaults):
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres   admin connection
#   DATABASES="socialmakers_learning socialmakers_events socialmakers_community socialmakers_analytics"
#   PG_START_TIMEOUT=30   seconds to wait for a server this script started
set -euo pipefail

DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
DATABASES="${DATABASES:-socialmakers_learning socialmakers_events socialmakers_community socialmakers_analytics}"
PG_START_TIMEOUT="${PG_START_TIMEOUT:-30}"

log() { printf '[postgres] %s\n' "$*"; }
die() { printf '[postgres] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  echo "usage: $0 up|down|status" >&2
  exit 2
}

# URL without its password, for messages.
safe_url() { printf '%s' "$DATABASE_URL" | sed -E 's#(://[^:/@]*):[^@]*@#\1:***@#'; }

require_client() {
  local tool
  for tool in psql pg_isready; do
    command -v "$tool" >/dev/null 2>&1 ||
      die "$tool not found: install the PostgreSQL client (e.g. apt-get install postgresql-client)"
  done
}

is_ready() { pg_isready -q -d "$DATABASE_URL" -t 3 >/dev/null 2>&1; }

url_is_local() {
  local hostport
  hostport="$(printf '%s' "$DATABASE_URL" | sed -E 's#^[a-z]+://([^@/]*@)?([^/?]*).*#\2#')"
  case "${hostport%:*}" in
    127.0.0.1 | localhost | '[::1]' | '') return 0 ;;
    *) return 1 ;;
  esac
}

start_local_server() {
  local versions version
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ ! -d /etc/postgresql ]]; then
    return 1
  fi
  # shellcheck disable=SC2012 # version directories are plain numbers
  versions="$(ls /etc/postgresql 2>/dev/null | sort -n)"
  [[ -n "$versions" ]] || return 1
  version="$(printf '%s\n' "$versions" | tail -n1)"
  [[ -d "/etc/postgresql/$version/main" ]] || return 1
  log "not answering; starting cluster $version/main with pg_ctlcluster ..."
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 | sed 's/^/[postgres]   /' || true
  return 0
}

ensure_server() {
  if is_ready; then
    log "server answers at $(safe_url)"
    return 0
  fi
  if ! url_is_local; then
    die "no PostgreSQL answers at $(safe_url) (remote host: not starting anything)"
  fi
  start_local_server ||
    die "no PostgreSQL answers at $(safe_url) and no local cluster to start (pg_ctlcluster or /etc/postgresql/<version>/main missing); install/start PostgreSQL or set DATABASE_URL"
  local deadline=$((SECONDS + PG_START_TIMEOUT))
  until is_ready; do
    ((SECONDS < deadline)) || die "PostgreSQL still not answering at $(safe_url) after ${PG_START_TIMEOUT}s"
    sleep 0.5
  done
  log "server answers at $(safe_url)"
}

psql_admin() { psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 "$@"; }

ensure_databases() {
  local db exists
  for db in $DATABASES; do
    [[ "$db" =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] ||
      die "invalid database name '$db' (letters, digits and _ only)"
    # psql variables (:'db', :"db") quote the literal and the identifier safely;
    # they are only interpolated in script input, hence stdin rather than -c.
    exists="$(psql_admin -tA -v db="$db" <<'SQL'
SELECT 1 FROM pg_database WHERE datname = :'db';
SQL
)"
    if [[ "$exists" == 1 ]]; then
      log "database $db: exists"
      continue
    fi
    psql_admin -v db="$db" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
    log "database $db: created"
  done
}

cmd_up() {
  require_client
  ensure_server
  ensure_databases
  log "up: $(wc -w <<<"$DATABASES" | tr -d ' ') databases ready"
}

cmd_down() {
  log "down: nothing to do — the machine's PostgreSQL is shared, so it is left running and no database is dropped"
}

cmd_status() {
  require_client
  if ! is_ready; then
    log "not answering at $(safe_url)"
    return 3
  fi
  local db missing=0
  for db in $DATABASES; do
    if [[ "$(psql_admin -tA -v db="$db" <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")" == 1 ]]; then
      log "database $db: present"
    else
      log "database $db: MISSING (run: $0 up)"
      missing=1
    fi
  done
  log "server answers at $(safe_url)"
  return "$missing"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) usage ;;
esac
