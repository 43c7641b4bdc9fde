# shellcheck shell=bash
# Private PostgreSQL + PostGIS clusters for scripts/run and scripts/test.
# Sourced, not executed. Needs a Debian or Ubuntu machine; installs what is missing with apt-get.

PG_WANTED_VERSION="${ALLOCAR_PG_VERSION:-15}"

log() { printf '\033[1;34m[allocar]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[allocar]\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to run: $*"; fi
}

# Picks the PostgreSQL major version: the wanted one when the distribution has it, else the newest it has.
pg_pick_version() {
  if [[ -x /usr/lib/postgresql/$PG_WANTED_VERSION/bin/initdb ]]; then echo "$PG_WANTED_VERSION"; return; fi
  if apt-cache show "postgresql-$PG_WANTED_VERSION-postgis-3" >/dev/null 2>&1; then echo "$PG_WANTED_VERSION"; return; fi
  apt-cache pkgnames postgresql- 2>/dev/null | sed -n 's/^postgresql-\([0-9][0-9]*\)-postgis-3$/\1/p' | sort -n | tail -1
}

# Installs PostgreSQL and PostGIS from the distribution's packages when they are missing.
pg_ensure_installed() {
  local v; v=$(pg_pick_version)
  if [[ -z $v ]]; then
    log "refreshing the package index"
    as_root apt-get update -qq
    v=$(pg_pick_version)
  fi
  [[ -n $v ]] || die "no postgresql-N-postgis-3 package in this distribution's repositories"
  if [[ ! -x /usr/lib/postgresql/$v/bin/initdb || ! -f /usr/share/postgresql/$v/extension/postgis.control ]]; then
    log "installing PostgreSQL $v and PostGIS (distribution packages)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "postgresql-$v" "postgresql-$v-postgis-3" >/dev/null \
      || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "postgresql-$v" "postgresql-$v-postgis-3" >/dev/null; } \
      || die "could not install postgresql-$v and postgresql-$v-postgis-3"
  fi
  PG_BIN=/usr/lib/postgresql/$v/bin
  export PG_BIN
}

# Runs a PostgreSQL server program as the cluster's owner: initdb and postgres refuse to run as root.
# Runs from / so that the owner is not left in a directory it cannot read.
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# The cluster's files must be reachable by the postgres user when we are root (for instance under /root).
pg_grant_traverse() {
  local dir=$1
  [[ $(id -u) -eq 0 ]] || return 0
  local d=$dir
  while [[ $d != / ]]; do
    if ! runuser -u postgres -- test -x "$d" 2>/dev/null; then
      log "letting the postgres user traverse $d (execute bit only)"
      chmod o+x "$d"
    fi
    d=$(dirname "$d")
  done
}

# pg_init DATA_DIR: creates the cluster when it does not exist yet.
pg_init() {
  local data=$1
  mkdir -p "$data"
  pg_grant_traverse "$(dirname "$data")"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$data"; fi
  chmod 700 "$data"
  if [[ ! -f $data/PG_VERSION ]]; then
    log "creating a private PostgreSQL cluster in $data"
    pg_as_owner "$PG_BIN/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >/dev/null || die "initdb failed"
  fi
}

# pg_start DATA_DIR PORT: starts the cluster on 127.0.0.1:PORT with its socket inside DATA_DIR.
pg_start() {
  local data=$1 port=$2
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c jit=off -c fsync=${ALLOCAR_PG_FSYNC:-on} -c max_connections=100" \
    start >/dev/null || { tail -20 "$data/server.log" >&2; die "PostgreSQL did not start (port $port)"; }
}

pg_stop() {
  local data=$1
  [[ -f $data/postmaster.pid ]] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_psql DATA_DIR PORT [DB] -- SQL...: runs SQL as the superuser over the cluster's socket.
pg_psql() {
  local data=$1 port=$2 db=$3; shift 3
  pg_as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$data" -p "$port" -U postgres -d "$db" "$@"
}

# pg_create_app_db DATA_DIR PORT DB ROLE PASSWORD: an ordinary role owning a database that has PostGIS.
# postgis is not a trusted extension, so the superuser creates it before the application's migrations run.
pg_create_app_db() {
  local data=$1 port=$2 db=$3 role=$4 password=$5
  pg_psql "$data" "$port" postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN PASSWORD '$password';
  ELSE
    ALTER ROLE $role LOGIN PASSWORD '$password';
  END IF;
END \$\$;
SQL
  if [[ -z $(pg_psql "$data" "$port" postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
    pg_psql "$data" "$port" postgres -c "CREATE DATABASE $db OWNER $role"
  fi
  pg_psql "$data" "$port" "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis"
}

# http_ok PORT PATH: true when GET http://127.0.0.1:PORT/PATH answers 200 (no curl on a bare machine).
http_ok() {
  local status
  status=$( { exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3 && head -1 <&3; } 2>/dev/null )
  [[ $status == *" 200 "* ]]
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A TCP port nobody listens on.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( (RANDOM % 20000) + 20000 ))
    if ! port_in_use "$p"; then echo "$p"; return; fi
  done
  die "no free port found"
}

random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32; }
