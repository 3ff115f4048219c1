#!/usr/bin/env bash
# Snapshot + restore of a ~1 GiB database: Keel's `snapshot begin` / `snapshot restore` vs the baseline a DBA would
# script by hand (stop the server, `cp -a` its data directory, start it; to restore: stop, swap the directories back,
# start), on throwaway PostgreSQL and MariaDB servers of this script's own. For PostgreSQL also the native snapshot
# `CREATE DATABASE snap TEMPLATE bench` (both strategies of PostgreSQL 15) with its restore (DROP + RENAME), as raw
# SQL and through Keel (`keel-template`: filecopy with `method: template`).
#
# Usage: bench/snapshot.sh [runs]       (default 3; run from anywhere; as root, or as a user that may run the servers)
#
# Acceptance target: Keel's take + restore ≤ 1.0 × the baseline's, per server.
#
# Environment overrides:
#   SNAP_SERVERS        which servers (default "pg mariadb")
#   SNAP_PG_SCALE       pgbench scale of the PostgreSQL database (default 70: ~1 GiB of tables and indexes)
#   SNAP_MARIADB_MB     size of the MariaDB table's .ibd file in MiB (default 1024)
#   SNAP_BASE           where prepared data directories are cached and instances run (default /var/tmp/keel-bench-snapshot;
#                       must be on the same filesystem as the repository's working tree, like a real data directory
#                       next to its snapshots; cache/ is kept, work-PID/ is deleted at the end)
#   SNAP_RESTORE        baseline restore: mv (default: rm -rf DATA; mv SNAP DATA — the snapshot is used up) or
#                       cp (rm -rf DATA; cp -a SNAP DATA — the snapshot is kept)
#   SNAP_METHODS        methods to time (default "baseline baseline_durable keel keel-template template template_fc";
#                       keel-template and template* on PostgreSQL only; baseline_durable = baseline + fsync of every
#                       copied file, for reference; keel-template = Keel's filecopy with `method: template`)
#   SNAP_DROP_CACHES    1: drop the OS page cache before every timed step (cold cache; root only). Default 0 (warm).
#   KEEL_CMD            Keel command (default ./keel at the repository root; may contain arguments)
#   KEEL_SNAPSHOT_BEGIN    arguments after `--url URL` for the take    (default "snapshot begin")
#   KEEL_SNAPSHOT_RESTORE  arguments after `--url URL` for the restore (default "snapshot restore")
#   KEEL_SNAPSHOT_OPTIONS  extra YAML lines for `snapshot.options` in the generated keel.yaml of method keel, e.g.
#                       $'copyThreads: 4' (each line indented by the script)
#   SNAP_REPORT         where the report goes (default bench/results/snapshot-latest.md)
#
# Every timed step starts after `sync` (untimed), so it does not pay for the previous step's dirty pages. Each take is
# checked: a marker table is created after the take, and after the restore it must be gone and the data intact.
# Writes bench/results/snapshot-latest.md; logs go to SNAP_BASE/work-PID/logs (copied to bench/snapshot/work/logs).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"

CMD="bench/snapshot.sh $*"
for v in SNAP_SERVERS SNAP_PG_SCALE SNAP_MARIADB_MB SNAP_BASE SNAP_RESTORE SNAP_METHODS SNAP_DROP_CACHES KEEL_CMD \
         KEEL_SNAPSHOT_BEGIN KEEL_SNAPSHOT_RESTORE KEEL_SNAPSHOT_OPTIONS SNAP_REPORT; do
  if [[ -n "${!v:-}" ]]; then CMD="$v='${!v}' $CMD"; fi
done

RUNS=${1:-3}
if [[ ! "$RUNS" =~ ^[0-9]+$ || "$RUNS" -lt 1 ]]; then
  echo "usage: $0 [runs]   (runs >= 1)" >&2
  exit 2
fi
SERVER_LIST=${SNAP_SERVERS:-pg mariadb}
PG_SCALE=${SNAP_PG_SCALE:-70}
MY_MB=${SNAP_MARIADB_MB:-1024}
BASE=${SNAP_BASE:-/var/tmp/keel-bench-snapshot}
RESTORE_MODE=${SNAP_RESTORE:-mv}
METHODS=${SNAP_METHODS:-baseline baseline_durable keel keel-template template template_fc}
DROP_CACHES=${SNAP_DROP_CACHES:-0}
[[ "$RESTORE_MODE" == mv || "$RESTORE_MODE" == cp ]] || { echo "SNAP_RESTORE must be mv or cp" >&2; exit 2; }

CACHE=$BASE/cache
WORK=$BASE/work-$$
LOGS=$WORK/logs
RESULTS=$BENCH_DIR/results
REPORT=${SNAP_REPORT:-$RESULTS/snapshot-latest.md}
mkdir -p "$CACHE" "$WORK" "$LOGS" "$RESULTS" "$(dirname "$REPORT")"
chmod 755 "$BASE" "$CACHE" "$WORK"   # the postgres user must reach its data directories

log() { printf '[snapshot %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ns() { date +%s%N; }
secs() { awk -v d="$1" 'BEGIN { printf "%.4f\n", d / 1e9 }'; }
median() {
  sort -g | awk '{ a[NR] = $1 } END {
    if (NR == 0) { print "NaN"; exit }
    if (NR % 2) printf "%.4f\n", a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# A copy is only a cheap snapshot on the same filesystem (rename to restore, no cross-device copy).
[[ "$(stat -c %d "$BASE")" == "$(stat -c %d "$ROOT")" ]] \
  || log "WARNING: $BASE is not on the filesystem of $ROOT; figures are for that filesystem"

# ---------------------------------------------------------------- binaries, users
IS_ROOT=0; [[ $(id -u) == 0 ]] && IS_ROOT=1
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ " $SERVER_LIST " == *" pg "* ]]; then
  [[ -n "$PG_BIN" && -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || die "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin"
  command -v psql >/dev/null || die "psql needed"
  command -v pgbench >/dev/null || [[ -x "$PG_BIN/pgbench" ]] || die "pgbench needed"
  (( IS_ROOT == 0 )) || id postgres >/dev/null 2>&1 || die "running as root: a postgres user is needed (PostgreSQL refuses root)"
fi
if [[ " $SERVER_LIST " == *" mariadb "* ]]; then
  for b in mariadb-install-db mariadbd mariadb mariadb-admin; do
    command -v "$b" >/dev/null || [[ -x /usr/sbin/$b ]] || die "$b needed"
  done
fi
MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)
PGBENCH=$(command -v pgbench || echo "$PG_BIN/pgbench")
as_pg() { if (( IS_ROOT )); then runuser -u postgres -- "$@"; else "$@"; fi; }
PG_OWNER=$(id -un); (( IS_ROOT )) && PG_OWNER=postgres

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# ---------------------------------------------------------------- one server instance (data dir DATA, port PORT)
# PostgreSQL keeps port, socket and listen address in postgresql.conf, so `pg_ctl start` (by anyone, Keel included)
# brings it back the same; its other settings are the defaults (fsync on).
pg_conf() { # pg_conf DATA PORT SOCKDIR
  cat >>"$1/postgresql.conf" <<EOF

# bench/snapshot.sh
port = $2
listen_addresses = '127.0.0.1'
unix_socket_directories = '$3'
EOF
}
pg_sql()   { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d "${DB:-postgres}" "$@"; }
my_sql()   { mariadb -h127.0.0.1 -P"$PORT" -uroot -N -B "$@"; }

srv_up() { # srv_up SERVER: does it answer a query?
  case $1 in
    pg)      psql -X -q -At -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "SELECT 1" >/dev/null 2>&1 ;;
    mariadb) mariadb -h127.0.0.1 -P"$PORT" -uroot -N -B -e "SELECT 1" >/dev/null 2>&1 ;;
  esac
}
srv_wait() { # srv_wait SERVER: until it answers (120 s at most)
  local deadline=$(( $(date +%s) + 120 ))
  until srv_up "$1"; do
    (( $(date +%s) < deadline )) || { tail -n 20 "$SRVLOG" >&2; die "$1 on port $PORT does not answer"; }
    sleep 0.02
  done
}
srv_pid() { # the PID from the pid file, if that process is alive
  local f pid
  case $1 in pg) f=$DATA/postmaster.pid ;; mariadb) f=$DATA/mariadbd.pid ;; esac
  [[ -f "$f" ]] || return 1
  pid=$(head -n 1 "$f")
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
srv_start() { # srv_start SERVER [extra server options...]: starts in the background, returns once it answers
  local server=$1; shift
  case $server in
    pg)
      as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$SRVLOG" -w -t 300 ${1:+-o "$*"} start >>"$LOGS/pg_ctl.log" 2>&1 \
        || { tail -n 20 "$SRVLOG" >&2; die "pg_ctl start failed"; } ;;
    mariadb)
      setsid "$MARIADBD" --no-defaults --datadir="$DATA" --socket="$INST/mariadbd.sock" --port="$PORT" \
        --bind-address=127.0.0.1 --pid-file="$DATA/mariadbd.pid" $( (( IS_ROOT )) && echo --user=root ) "$@" \
        </dev/null >>"$SRVLOG" 2>&1 & ;;
  esac
  srv_wait "$server"
}
srv_stop() { # srv_stop SERVER: the server's own clean shutdown; returns once the process is gone
  local server=$1 pid
  pid=$(srv_pid "$server") || return 0
  case $server in
    pg)      as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 300 stop >>"$LOGS/pg_ctl.log" 2>&1 || die "pg_ctl stop failed" ;;
    mariadb) mariadb-admin -h127.0.0.1 -P"$PORT" -uroot shutdown >>"$LOGS/mariadb-admin.log" 2>&1 || die "mariadb-admin shutdown failed" ;;
  esac
  while kill -0 "$pid" 2>/dev/null; do sleep 0.02; done
}
srv_kill() { # cleanup only: stop by PID whatever runs on DATA
  local server=$1 pid
  pid=$(srv_pid "$server" 2>/dev/null) || return 0
  kill -INT "$pid" 2>/dev/null || true   # PostgreSQL: fast shutdown; MariaDB: treated like TERM
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- prepared data directories (cached)
PG_MAJOR=$(basename "$(dirname "$PG_BIN")" 2>/dev/null || echo none)
PG_CACHED=$CACHE/pg$PG_MAJOR-scale$PG_SCALE
MY_CACHED=$CACHE/mariadb-$("$MARIADBD" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1)-${MY_MB}mb

prepare_pg() {
  [[ -f "$PG_CACHED/READY" ]] && { log "pg: cached data directory $PG_CACHED"; return; }
  log "pg: preparing $PG_CACHED (initdb, pgbench -i -s $PG_SCALE; minutes, once)"
  local t0; t0=$(now_ns)
  INST=$PG_CACHED.tmp; DATA=$INST/data; SRVLOG=$INST/server.log; PORT=$(free_port)
  rm -rf "$INST"; mkdir -p "$INST/sock"; chown -R "$PG_OWNER" "$INST"
  as_pg "$PG_BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --locale=C --no-instructions >"$LOGS/initdb.log" 2>&1 \
    || { cat "$LOGS/initdb.log" >&2; die "initdb failed"; }
  pg_conf "$DATA" "$PORT" "$INST/sock"
  # fsync off only while loading (given on the command line, not kept); `sync` afterwards makes it durable.
  srv_start pg -c fsync=off
  pg_sql -c "CREATE DATABASE bench"
  "$PGBENCH" -i -s "$PG_SCALE" -q -h 127.0.0.1 -p "$PORT" -U postgres bench >"$LOGS/pgbench-init.log" 2>&1 \
    || { tail -n 20 "$LOGS/pgbench-init.log" >&2; die "pgbench -i failed"; }
  DB=bench pg_sql -c "VACUUM ANALYZE" -c "CHECKPOINT"
  srv_stop pg
  sync
  # The port and socket are set again for every instance (a later line wins in postgresql.conf).
  mv "$DATA" "$PG_CACHED"; rm -rf "$INST"
  echo "pgbench -i -s $PG_SCALE, $(date -u '+%F %T UTC'), $(secs $(( $(now_ns) - t0 ))) s" >"$PG_CACHED/READY"
  log "pg: prepared in $(secs $(( $(now_ns) - t0 ))) s, $(du -sh "$PG_CACHED" | cut -f1)"
}

prepare_mariadb() {
  [[ -f "$MY_CACHED/READY" ]] && { log "mariadb: cached data directory $MY_CACHED"; return; }
  log "mariadb: preparing $MY_CACHED (mariadb-install-db, ${MY_MB} MiB InnoDB table; minutes, once)"
  local t0; t0=$(now_ns)
  INST=$MY_CACHED.tmp; DATA=$INST/data; SRVLOG=$INST/server.log; PORT=$(free_port)
  rm -rf "$INST"; mkdir -p "$DATA"
  mariadb-install-db --no-defaults --datadir="$DATA" --auth-root-authentication-method=normal --skip-test-db \
    $( (( IS_ROOT )) && echo --user=root ) >"$LOGS/install-db.log" 2>&1 || { cat "$LOGS/install-db.log" >&2; die "mariadb-install-db failed"; }
  # Relaxed flushing only while loading (command line, not kept).
  srv_start mariadb --innodb-flush-log-at-trx-commit=0 --innodb-buffer-pool-size=512M
  my_sql -e "CREATE DATABASE bench; CREATE TABLE bench.t (id BIGINT AUTO_INCREMENT PRIMARY KEY, k INT NOT NULL,
    c CHAR(120) NOT NULL, pad CHAR(60) NOT NULL, KEY k_ix (k)) ENGINE=InnoDB"
  local size=0 target=$(( MY_MB * 1024 * 1024 )) n=0
  while (( size < target )); do
    # sysbench-like rows (~250 bytes with the secondary index) in chunks of 500,000 from MariaDB's sequence engine.
    my_sql bench -e "INSERT INTO t (k, c, pad) SELECT FLOOR(RAND() * 1000000), SHA2(seq, 384), MD5(seq * 7)
      FROM seq_1_to_500000"
    n=$(( n + 500000 ))
    size=$(stat -c %s "$DATA/bench/t.ibd")
    log "mariadb: $n rows, t.ibd $(( size / 1048576 )) MiB"
  done
  srv_stop mariadb
  sync
  mv "$DATA" "$MY_CACHED"; rm -rf "$INST"
  echo "$n rows, $(date -u '+%F %T UTC'), $(secs $(( $(now_ns) - t0 ))) s" >"$MY_CACHED/READY"
  log "mariadb: prepared in $(secs $(( $(now_ns) - t0 ))) s, $(du -sh "$MY_CACHED" | cut -f1)"
}

# A working instance: a copy of the cached directory (untimed), started. Sets INST DATA SNAP SRVLOG PORT.
instance() { # instance SERVER
  local server=$1 cached
  case $server in pg) cached=$PG_CACHED ;; mariadb) cached=$MY_CACHED ;; esac
  INST=$WORK/$server; DATA=$INST/data; SNAP=$INST/snap; SRVLOG=$LOGS/$server-server.log; PORT=$(free_port)
  rm -rf "$INST"; mkdir -p "$INST/sock"
  touch "$SRVLOG"; [[ $server == pg ]] && chown "$PG_OWNER" "$SRVLOG"
  log "$server: copying the prepared data directory (untimed)"
  cp -a "$cached" "$DATA"; rm -f "$DATA/READY"
  if [[ $server == pg ]]; then
    chown -R "$PG_OWNER" "$INST"
    pg_conf "$DATA" "$PORT" "$INST/sock"
  fi
  sync
  srv_start "$server"
  log "$server: instance on 127.0.0.1:$PORT, data directory $DATA ($(du -sh "$DATA" | cut -f1))"
}

# ---------------------------------------------------------------- checks (untimed)
# After a take: a marker table the restore must remove. After a restore: marker gone, data intact.
mark() {
  case $1 in
    pg)      DB=bench pg_sql -c "CREATE TABLE snapshot_marker (x int)" ;;
    mariadb) my_sql bench -e "CREATE TABLE snapshot_marker (x INT)" ;;
  esac
}
check_restored() { # check_restored SERVER METHOD RUN
  local got
  case $1 in
    pg)
      got=$(DB=bench pg_sql -c "SELECT (SELECT count(*) FROM pg_class WHERE relname = 'snapshot_marker') || ' ' || (SELECT count(*) FROM pgbench_branches)")
      [[ "$got" == "0 $PG_SCALE" ]] || die "pg $2 run $3: after restore expected no marker and $PG_SCALE branches, got '$got'" ;;
    mariadb)
      got=$(my_sql bench -e "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'bench' AND table_name = 'snapshot_marker'), (SELECT MAX(id) FROM t)")
      [[ "$got" == "0	$MY_ROWS" ]] || die "mariadb $2 run $3: after restore expected no marker and max(id) $MY_ROWS, got '$got'" ;;
  esac
}

# ---------------------------------------------------------------- Keel
# Keel is needed for method keel and for keel-template (the same command, another keel.yaml).
WANTS_KEEL=0
[[ " $METHODS " == *" keel "* || " $METHODS " == *" keel-template "* ]] && WANTS_KEEL=1
[[ -n "${KEEL_CMD:-}" ]] && KEEL_CMD_SET=1
KEEL_CMD=${KEEL_CMD:-$ROOT/keel}
read -r -a KEEL <<<"$KEEL_CMD"
KEEL_JAR=$ROOT/cli-adapter/target/keel.jar
KEEL_SHOWN=${KEEL_CMD_SET:+$KEEL_CMD}
KEEL_SHOWN=${KEEL_SHOWN:-./keel}
jar_id() { [[ -f "$1" ]] && { sha256sum "$1" | cut -c1-12; } || echo none; }
# As in servers.sh: a copy of ./keel and its jar taken now, so a build running meanwhile in the working tree cannot
# swap the jar between runs or make the launcher start a Maven build in a timed run.
if [[ -z "${KEEL_CMD_SET:-}" && -f "$KEEL_JAR" ]] && (( WANTS_KEEL )); then
  KSNAP=$WORK/keel-snapshot
  mkdir -p "$KSNAP/cli-adapter/target"
  cp "$ROOT/keel" "$KSNAP/keel"
  cp "$KEEL_JAR" "$KSNAP/cli-adapter/target/keel.jar"
  unzip -tq "$KSNAP/cli-adapter/target/keel.jar" >/dev/null 2>&1 || die "keel.jar copied while being written (a build is running?): retry when it is done"
  KEEL=("$KSNAP/keel")
  KEEL_JAR=$KSNAP/cli-adapter/target/keel.jar
  KEEL_SHOWN="./keel (copy taken at start, keel.jar sha256 $(jar_id "$KEEL_JAR"))"
fi
read -r -a KEEL_BEGIN <<<"${KEEL_SNAPSHOT_BEGIN:-snapshot begin}"
read -r -a KEEL_RESTORE <<<"${KEEL_SNAPSHOT_RESTORE:-snapshot restore}"
KEEL_OK=0
KEEL_WHY=""
if (( WANTS_KEEL )); then
  if [[ -z "${KEEL_CMD_SET:-}" && ! -f "$KEEL_JAR" ]]; then
    KEEL_WHY="cli-adapter/target/keel.jar is missing (build it: ./keel --version); this script starts no Maven build"
  elif ! "${KEEL[@]}" --help >"$LOGS/keel-help.log" 2>&1 || ! grep -qE '^ +snapshot( |$)' "$LOGS/keel-help.log" \
      || ! "${KEEL[@]}" "${KEEL_BEGIN[@]}" --help >"$LOGS/keel-snapshot-help.log" 2>&1; then
    # (picocli prints the root help, exit 0, for an unknown command followed by --help: hence the command list)
    KEEL_WHY="\`keel ${KEEL_BEGIN[*]}\` does not exist in this build yet (not in \`keel --help\`'s commands)"
  else
    KEEL_OK=1
    # (the first call also lets the launcher write its class-data archive: untimed)
    KEEL_VERSION=$("${KEEL[@]}" --version 2>/dev/null | grep . | tail -n 1 || echo unknown)
  fi
  (( KEEL_OK )) || log "Keel: PENDING — $KEEL_WHY"
fi
keel_yaml() { # keel_yaml METHOD: a keel.yaml in its own folder INST/METHOD, filecopy on DATA (keel) or by template
  local dir=$INST/$1
  mkdir -p "$dir"
  {
    echo "# generated by bench/snapshot.sh"
    echo "snapshot:"
    echo "  strategy: filecopy"
    echo "  options:"
    if [[ $1 == keel-template ]]; then
      echo "    method: template"
    else
      echo "    dataDirectory: $DATA"
      [[ -n "${KEEL_SNAPSHOT_OPTIONS:-}" ]] && sed 's/^/    /' <<<"$KEEL_SNAPSHOT_OPTIONS"
    fi
    true
  } >"$dir/keel.yaml"
}
keel_url() {
  case $1 in
    pg)      echo "jdbc:postgresql://127.0.0.1:$PORT/bench?user=postgres" ;;
    mariadb) echo "jdbc:mysql://127.0.0.1:$PORT/bench?user=root" ;;
  esac
}
keel_run() { # keel_run SERVER METHOD ARGS...: in the folder of the method's generated keel.yaml
  local server=$1 method=$2; shift 2
  (cd "$INST/$method" && KEEL_ENV=development "${KEEL[@]}" --url "$(keel_url "$server")" "$@")
}

# ---------------------------------------------------------------- the methods: take and restore
# Each step returns once the server answers again (what a migration run waits for).
# phase NAME CMD...: runs CMD and notes its time in $LOGS/phases (server method step phase seconds), so the report
# can show where a baseline step's time goes.
phase() {
  local name=$1 s rc=0; shift
  s=$(now_ns)
  "$@" || rc=$?
  echo "$PH_SERVER $PH_METHOD $PH_STEP $name $(secs $(( $(now_ns) - s )))" >>"$LOGS/phases"
  return $rc
}
# fsync of every copied file and folder (coreutils sync FILE...), i.e. what makes the copy survive a power loss.
fsync_tree() { find "$1" -print0 | xargs -0 -r sync --; }
swap_back() { rm -rf "$DATA" && if [[ $RESTORE_MODE == mv ]]; then mv "$SNAP" "$DATA"; else cp -a "$SNAP" "$DATA"; fi; }
take() { # take SERVER METHOD
  PH_SERVER=$1 PH_METHOD=$2 PH_STEP=take
  case $2 in
    baseline) phase stop srv_stop "$1" && phase copy cp -a "$DATA" "$SNAP" && phase start srv_start "$1" ;;
    baseline_durable)
      phase stop srv_stop "$1" && phase copy cp -a "$DATA" "$SNAP" && phase fsync fsync_tree "$SNAP" \
        && phase start srv_start "$1" ;;
    keel | keel-template) keel_run "$1" "$2" "${KEEL_BEGIN[@]}" && srv_wait "$1" ;;
    template)    DB=postgres pg_sql -c "CREATE DATABASE snap TEMPLATE bench" ;;
    template_fc) DB=postgres pg_sql -c "CREATE DATABASE snap TEMPLATE bench STRATEGY FILE_COPY" ;;
  esac
}
restore() { # restore SERVER METHOD
  PH_SERVER=$1 PH_METHOD=$2 PH_STEP=restore
  case $2 in
    baseline | baseline_durable) phase stop srv_stop "$1" && phase swap swap_back && phase start srv_start "$1" ;;
    keel | keel-template) keel_run "$1" "$2" "${KEEL_RESTORE[@]}" && srv_wait "$1" ;;
    template | template_fc)
      DB=postgres pg_sql -c "DROP DATABASE bench" -c "ALTER DATABASE snap RENAME TO bench" ;;
  esac
}
after_restore() { # untimed: whatever a method leaves behind that the next run must not find
  case $2 in
    baseline | baseline_durable) rm -rf "$SNAP" ;;
  esac
}

settle() { # untimed, before every timed step
  sync
  if [[ $DROP_CACHES == 1 ]]; then echo 3 >/proc/sys/vm/drop_caches; fi
}
timed() { # timed LOGFILE CMD... -> seconds
  local logf=$1; shift
  local s e
  settle
  s=$(now_ns)
  "$@" >>"$logf" 2>&1 || { log "failed: $* (log $logf)"; tail -n 20 "$logf" >&2; return 1; }
  e=$(now_ns)
  secs $(( e - s ))
}

declare -A TAKE REST TOT RAW METH_OK SIZE_INFO KEEL_FAIL
# A failing Keel step is reported (never timed as if it worked) and that Keel method is left out for the rest of that
# server's runs; the instance is made again from the cache, since a failed snapshot step may leave the server anywhere.
keel_failed() { # keel_failed SERVER METHOD ARGS LOGFILE
  local why
  why=$(grep -m1 -iE 'error|exception|fail' "$4" || grep -m1 . "$4" || echo "exit status not 0")
  KEEL_FAIL[$1,$2]="\`keel $3\` failed: $(cut -c1-200 <<<"$why" | tr '|' '/')"
  log "$1: Keel ($2) FAILED (${KEEL_FAIL[$1,$2]}); continuing without it (log $4)"
  srv_kill "$1"
  instance "$1"
  keel_yaml keel; keel_yaml keel-template
}
run_server() { # run_server SERVER
  local server=$1 i j m tt tr ld methods=()
  for m in $METHODS; do
    case $m in
      baseline | baseline_durable) methods+=("$m") ;;
      keel) (( KEEL_OK )) && methods+=(keel) ;;
      keel-template) (( KEEL_OK )) && [[ $server == pg ]] && methods+=(keel-template) ;;
      template | template_fc) [[ $server == pg ]] && methods+=("$m") ;;
      *) die "unknown method $m" ;;
    esac
  done
  instance "$server"
  case $server in
    pg)
      SIZE_INFO[pg]="database bench $(DB=bench pg_sql -c "SELECT pg_size_pretty(pg_database_size('bench'))"), data directory $(du -sh "$DATA" | cut -f1) (pg_wal $(du -sh "$DATA/pg_wal" | cut -f1)); PostgreSQL $(pg_sql -c "SHOW server_version"), defaults but port/socket (fsync=$(pg_sql -c "SHOW fsync"), shared_buffers=$(pg_sql -c "SHOW shared_buffers"), max_wal_size=$(pg_sql -c "SHOW max_wal_size"))" ;;
    mariadb)
      MY_ROWS=$(my_sql bench -e "SELECT MAX(id) FROM t")
      SIZE_INFO[mariadb]="table bench.t $MY_ROWS rows, t.ibd $(( $(stat -c %s "$DATA/bench/t.ibd") / 1048576 )) MiB, data directory $(du -sh "$DATA" | cut -f1); MariaDB $(my_sql -e "SELECT VERSION()"), --no-defaults (innodb_buffer_pool_size=$(my_sql -e "SELECT @@innodb_buffer_pool_size"), innodb_log_file_size=$(my_sql -e "SELECT @@innodb_log_file_size"))" ;;
  esac
  if (( KEEL_OK )); then keel_yaml keel; keel_yaml keel-template; fi
  local n=${#methods[@]}
  for ((i = 1; i <= RUNS; i++)); do
    for ((j = 0; j < n; j++)); do
      m=${methods[$(( (i - 1 + j) % n ))]}
      [[ -n "${KEEL_FAIL[$server,$m]:-}" ]] && continue
      ld=$(cut -d" " -f1 /proc/loadavg)
      if ! tt=$(timed "$LOGS/$server-$m-take-$i.log" take "$server" "$m"); then
        [[ $m == keel* ]] || die "$server $m take failed"
        keel_failed "$server" "$m" "${KEEL_BEGIN[*]}" "$LOGS/$server-$m-take-$i.log"; continue
      fi
      mark "$server"
      if ! tr=$(timed "$LOGS/$server-$m-restore-$i.log" restore "$server" "$m"); then
        [[ $m == keel* ]] || die "$server $m restore failed"
        keel_failed "$server" "$m" "${KEEL_RESTORE[*]}" "$LOGS/$server-$m-restore-$i.log"; continue
      fi
      check_restored "$server" "$m" "$i"
      after_restore "$server" "$m"
      TAKE[$server,$m]+="$tt "; REST[$server,$m]+="$tr "
      TOT[$server,$m]+="$(awk -v a="$tt" -v b="$tr" 'BEGIN { printf "%.4f", a + b }') "
      RAW[$server,$m]+="$(awk -v a="$tt" -v b="$tr" -v l="$ld" 'BEGIN { printf "%.2f + %.2f (load %s)", a, b, l }'); "
      METH_OK[$server,$m]=1
      log "$server run $i: $m take $tt s, restore $tr s"
    done
  done
  srv_stop "$server"
  rm -rf "$INST"
}

cleanup() {
  local server dir
  # Whatever still runs: the working instances and a preparation that was interrupted.
  for server in pg mariadb; do
    for dir in "$WORK/$server" "$( [[ $server == pg ]] && echo "$PG_CACHED" || echo "$MY_CACHED").tmp"; do
      if [[ -d "$dir/data" ]]; then
        DATA=$dir/data
        srv_kill "$server"
      fi
    done
  done
  rm -rf "$PG_CACHED.tmp" "$MY_CACHED.tmp"
  if [[ -d "$LOGS" ]]; then
    mkdir -p "$BENCH_DIR/snapshot/work"
    rm -rf "$BENCH_DIR/snapshot/work/logs"; cp -r "$LOGS" "$BENCH_DIR/snapshot/work/logs" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---------------------------------------------------------------- run
log "disk: $(df -h "$BASE" | awk 'NR == 2 { print $4 " free on " $6 }') (needs ~2× each data directory on top of the cache)"
START=$(now_ns)
LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
for server in $SERVER_LIST; do
  case $server in
    pg) prepare_pg ;;
    mariadb) prepare_mariadb ;;
    *) die "unknown server $server" ;;
  esac
done
PREP_S=$(secs $(( $(now_ns) - START )))
T0=$(now_ns)
for server in $SERVER_LIST; do
  log "$server: $RUNS runs of: $METHODS (interleaved, rotating order)"
  run_server "$server"
done
LOAD_END=$(cut -d" " -f1-3 /proc/loadavg)
TIMED_S=$(secs $(( $(now_ns) - T0 )))

# ---------------------------------------------------------------- report
med() { tr ' ' '\n' <<<"${1:-}" | grep . | median; }
fmt() { [[ -z "$1" || "$1" == n/a ]] && echo n/a || awk -v s="$1" 'BEGIN { printf "%.2f", s }'; }
ratio() { [[ -z "$1" || -z "$2" || "$1" == n/a || "$2" == n/a ]] && { echo n/a; return; }; awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
label() {
  case $1 in
    baseline) echo "baseline: stop, \`cp -a DATA SNAP\`, start / stop, \`rm -rf DATA; $( [[ $RESTORE_MODE == mv ]] && echo "mv SNAP DATA" || echo "cp -a SNAP DATA")\`, start" ;;
    baseline_durable) echo "baseline + fsync of every copied file (reference: a snapshot that survives a power loss)" ;;
    keel) echo "Keel: \`keel snapshot begin\` / \`keel snapshot restore\` (filecopy)" ;;
    keel-template) echo "Keel: the same with filecopy \`method: template\` (CREATE DATABASE … TEMPLATE / DROP + RENAME)" ;;
    template) echo "PostgreSQL: \`CREATE DATABASE snap TEMPLATE bench\` / \`DROP DATABASE bench; ALTER DATABASE snap RENAME TO bench\`" ;;
    template_fc) echo "PostgreSQL: the same with \`STRATEGY FILE_COPY\`" ;;
  esac
}
ROWS=()
for server in $SERVER_LIST; do
  bt=$(med "${TOT[$server,baseline]:-}")
  for m in $METHODS; do
    [[ ($m == template* || $m == keel-template) && $server != pg ]] && continue
    # The acceptance target is for filecopy's default method; keel-template is measured beside it.
    mt=""; [[ $m == keel ]] && mt="≤ 1.00"
    if [[ $m == keel* && -n "${KEEL_FAIL[$server,$m]:-}" ]]; then
      ROWS+=("$server|$(label "$m")|n/a|n/a|n/a|n/a|$mt|FAILED: ${KEEL_FAIL[$server,$m]}")
      continue
    fi
    if [[ -z "${METH_OK[$server,$m]:-}" ]]; then
      [[ $m == keel* ]] && ROWS+=("$server|$(label "$m")|pending|pending|pending|n/a|$mt|PENDING: $KEEL_WHY")
      continue
    fi
    t=$(med "${TAKE[$server,$m]}"); r=$(med "${REST[$server,$m]}"); tot=$(med "${TOT[$server,$m]}")
    rb=$(ratio "$tot" "$bt")
    target=""; result=""
    if [[ $m == keel ]]; then
      target="≤ 1.00"; result=$(awk -v r="$rb" 'BEGIN { print (r <= 1.0 ? "PASS" : "FAIL") }')
    fi
    ROWS+=("$server|$(label "$m")|$(fmt "$t")|$(fmt "$r")|$(fmt "$tot")|$rb|$target|$result")
  done
done

HDR="server|method (take / restore)|take s|restore s|total s|total / baseline|target|result"
echo
{ echo "$HDR"; printf '%s\n' "${ROWS[@]}"; } | column -t -s '|'
echo

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
FS=$(df -T "$BASE" | awk 'NR == 2 { print $2 " on " $1 }')
{
  echo "# Snapshot + restore of a ~1 GiB database — PostgreSQL and MariaDB (latest run)"
  echo
  echo "Produced by \`bench/snapshot.sh\`; see docs/benchmarks-snapshots.md for what is measured and how to read it."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- Command: \`$CMD\` (preparation ${PREP_S} s, timed runs and checks ${TIMED_S} s)"
  echo "- Machine: $(nproc) CPUs, $CPU, $(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo), $(uname -sr); filesystem $FS; shared with other builds"
  echo "- Load average (1/5/15 min): $LOAD_START at start, $LOAD_END at end"
  echo "- Page cache: $( [[ $DROP_CACHES == 1 ]] && echo "dropped before every timed step (cold)" || echo "warm (not dropped); \`sync\` before every timed step")"
  for server in $SERVER_LIST; do echo "- $server: ${SIZE_INFO[$server]:-}"; done
  if (( KEEL_OK )); then
    echo "- Keel: $KEEL_VERSION — \`cd DIR && KEEL_ENV=development $KEEL_SHOWN --url URL ${KEEL_BEGIN[*]}\` / \`… ${KEEL_RESTORE[*]}\` with DIR/keel.yaml \`snapshot: {strategy: filecopy, options: {dataDirectory: DATA}}\` (keel-template: \`options: {method: template}\`); URL \`jdbc:postgresql://127.0.0.1:PORT/bench?user=postgres\` / \`jdbc:mysql://127.0.0.1:PORT/bench?user=root\`"
  else
    echo "- Keel: PENDING — $KEEL_WHY"
  fi
  echo "- Runs: $RUNS per method; methods interleaved in rotating order on one instance per server; every take followed (untimed) by a marker table that the restore must remove, every restore checked (marker gone, data intact)"
  echo
  echo "| ${HDR//|/ | } |"
  echo "|---|---|---:|---:|---:|---:|---|---|"
  for r in "${ROWS[@]}"; do echo "| ${r//|/ | } |"; done
  echo
  if [[ -s "$LOGS/phases" ]]; then
    echo "Where the baselines' time goes (medians, s; *start* includes waiting until a query succeeds):"
    echo
    for server in $SERVER_LIST; do
      for bm in baseline baseline_durable; do
        line=$(for st in take restore; do
          for ph in stop copy fsync swap start; do
            v=$(awk -v s="$server" -v m="$bm" -v t="$st" -v p="$ph" '$1 == s && $2 == m && $3 == t && $4 == p { print $5 }' "$LOGS/phases" | median)
            [[ $v != NaN ]] && printf '%s %s %.2f, ' "$st" "$ph" "$v"
          done
        done | sed 's/, $//' || true)  # (no figures for a baseline left out of SNAP_METHODS)
        [[ -n "$line" ]] && echo "- $server $bm: $line"
      done
    done
    echo
  fi
  if compgen -G "$LOGS/*-keel-*.log" >/dev/null; then
    echo "Keel's own figures (from its output: the snapshot step inside the command, without JVM start, connection,"
    echo "lock and schema fingerprint):"
    echo
    for server in $SERVER_LIST; do
      for km in keel keel-template; do
        # (Keel prints short times in ms: "restored in 806 ms")
        tk=$(cat "$LOGS/$server-$km"-take-*.log 2>/dev/null | grep -oE 'taken with [a-z]+: .* in [0-9.]+ m?s' | grep -oE '[0-9.]+ m?s$' | awk '{ printf "%.1f s ", ($2 == "ms" ? $1 / 1000 : $1) }' || true)
        rs=$(cat "$LOGS/$server-$km"-restore-*.log 2>/dev/null | grep -oE '^ *Snapshot .* restored in [0-9.]+ m?s' | grep -oE '[0-9.]+ m?s$' | awk '{ printf "%.1f s ", ($2 == "ms" ? $1 / 1000 : $1) }' || true)
        [[ -n "$tk$rs" ]] && echo "- $server $km: take ${tk:-n/a}/ restore ${rs:-n/a}"
      done
    done
    echo
  fi
  echo "Raw times (take + restore, s; 1-min load average before the take), in run order:"
  echo
  for server in $SERVER_LIST; do
    for m in $METHODS; do
      [[ -n "${RAW[$server,$m]:-}" ]] && echo "- $server $m: ${RAW[$server,$m]%; }"
    done
  done
  true
} >"$REPORT"
log "written $REPORT"
