#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests: `source scripts/postgres-cluster.sh; start_postgres_cluster`
# exports TEST_DATABASE_URL (not DATABASE_URL: the app's own tests keep their default store) for a fresh cluster on a free loopback port, owned by an
# unprivileged user; `stop_postgres_cluster` stops it and removes its files. Installs Debian's postgresql when
# the server binaries are missing.

postgres_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

start_postgres_cluster() {
  local bin
  if ! bin=$(postgres_bin_dir); then
    echo "Installing Debian's postgresql for the store tests…"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null || {
        echo "Could not install postgresql"; return 1;
      }
    bin=$(postgres_bin_dir) || { echo "postgresql installed without initdb"; return 1; }
  fi
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    run_as=(runuser -u postgres --)
  fi
  PG_CLUSTER_DIR=$(mktemp -d /tmp/idc-postgres.XXXXXX)
  chmod 700 "$PG_CLUSTER_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_CLUSTER_DIR"
  local port
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  "${run_as[@]}" "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U idc --auth=trust >"$PG_CLUSTER_DIR/initdb.log" 2>&1 || {
    cat "$PG_CLUSTER_DIR/initdb.log"; return 1;
  }
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w \
    -o "-p $port -k $PG_CLUSTER_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null || {
    cat "$PG_CLUSTER_DIR/server.log"; return 1;
  }
  PG_CTL="$bin/pg_ctl"
  PG_RUN_AS=("${run_as[@]}")
  export TEST_DATABASE_URL="postgres://idc@127.0.0.1:$port/postgres"
  export PG_DUMP="$bin/pg_dump"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the store tests on 127.0.0.1:$port"
}

stop_postgres_cluster() {
  if [ -n "${PG_CLUSTER_DIR:-}" ] && [ -d "$PG_CLUSTER_DIR/data" ]; then
    "${PG_RUN_AS[@]}" "$PG_CTL" -D "$PG_CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_CLUSTER_DIR"
  fi
}
