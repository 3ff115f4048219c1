#!/usr/bin/env bash
# Keel vs Flyway 13 vs the raw client floor on PostgreSQL and MariaDB — whole commands timed, medians of
# interleaved runs, each run on a fresh randomly named database (CREATE DATABASE before, DROP after, untimed).
#
# Usage: bench/servers.sh [runs]        (default 3 runs of the 1,000-migration scenarios; run from anywhere)
#
# Three commands per scenario, same migration files (bench/servers/generate.sh: CREATE TABLE, 2-row INSERT,
# CREATE INDEX, valid for both servers):
#   k  ./keel migrate --url URL --migrations DIR
#   f  Flyway 13.12.0 through its Java API (bench/flyway-runner, shared with run.sh: flyway-core + flyway-database-postgresql
#      + flyway-mysql + postgresql 42.7.7 + mysql-connector-j 9.4.0, the drivers Keel uses), defaults kept
#   c  the raw client floor: one psql / mariadb session running ALL.sql = every file's SQL plus one history
#      insert per file (bench/servers/floor-sql.py); PostgreSQL: BEGIN … COMMIT per file; MariaDB: no transaction
#      (DDL commits implicitly), the insert autocommits
#
# Environment overrides:
#   KEEL_CMD            Keel command (default ./keel, run from a snapshot of the launcher and jar taken at start;
#                       may contain arguments; when set, it is run as given)
#   SERVERS_KEEL_SNAPSHOT  1 (default): snapshot ./keel and its jar at start (see below); 0: run ./keel in place
#   SERVERS_N           migrations in the main scenarios             (default 1000)
#   SERVERS_BIG_N       migrations in the PostgreSQL growth scenario (default 10000; 0 skips it)
#   RUNS_BIG            runs of the growth scenario                  (default 1)
#   SERVERS_BIG_FLYWAY  1 (default): time Flyway in the growth scenario too (~5-7 min); 0: Keel and floor only
#   SERVERS             which servers (default "pg mariadb")
#   SERVERS_ROUNDTRIPS  1 (default): count round trips per migration through a TCP proxy (untimed, small N)
#   SERVERS_PROFILE     1 (default): run Keel and the floor once more at N through the proxy, timing server waits
#                       vs client time per statement kind (untimed, for the analysis)
#   SERVERS_CALIBRATE   1 (default): measure one commit's cost on each server (untimed, for the analysis)
#   PG_HOST PG_PORT PG_USER   default 127.0.0.1 5432 postgres (trust auth, no password)
#   MY_HOST MY_PORT MY_USER   default 127.0.0.1 3306 root     (no password)
#
# Writes bench/results/servers-latest.md; scratch files and per-run logs go to bench/servers/work/ (git-ignored).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
SDIR=$BENCH_DIR/servers
cd "$ROOT"

CMD="bench/servers.sh $*"
for v in KEEL_CMD SERVERS_KEEL_SNAPSHOT SERVERS_N SERVERS_BIG_N RUNS_BIG SERVERS_BIG_FLYWAY SERVERS SERVERS_ROUNDTRIPS \
         SERVERS_PROFILE SERVERS_CALIBRATE \
         PG_HOST PG_PORT PG_USER MY_HOST MY_PORT MY_USER; do
  if [[ -n "${!v:-}" ]]; then CMD="$v='${!v}' $CMD"; fi
done

RUNS=${1:-3}
if [[ ! "$RUNS" =~ ^[0-9]+$ || "$RUNS" -lt 1 ]]; then
  echo "usage: $0 [runs]   (runs >= 1; 3 or more for the 1,000-migration scenarios)" >&2
  exit 2
fi
N=${SERVERS_N:-1000}
BIG_N=${SERVERS_BIG_N:-10000}
RUNS_BIG=${RUNS_BIG:-1}
BIG_FLYWAY=${SERVERS_BIG_FLYWAY:-1}
SERVER_LIST=${SERVERS:-pg mariadb}
PG_HOST=${PG_HOST:-127.0.0.1}; PG_PORT=${PG_PORT:-5432}; PG_USER=${PG_USER:-postgres}
MY_HOST=${MY_HOST:-127.0.0.1}; MY_PORT=${MY_PORT:-3306}; MY_USER=${MY_USER:-root}

[[ -n "${KEEL_CMD:-}" ]] && KEEL_CMD_SET=1
KEEL_CMD=${KEEL_CMD:-./keel}
read -r -a KEEL <<<"$KEEL_CMD"
KEEL_JAR=$ROOT/cli-adapter/target/keel.jar

WORK=$SDIR/work
LOGS=$WORK/logs
RESULTS=$BENCH_DIR/results
mkdir -p "$WORK" "$LOGS" "$RESULTS"
rm -f "$LOGS"/*.log

FLYWAY_JAR=$BENCH_DIR/flyway-runner/target/flyway-runner.jar
FLYWAY=(java -jar "$FLYWAY_JAR")

log() { printf '[servers %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ns() { date +%s%N; }

# time_cmd LOGFILE CMD... -> prints "elapsed_seconds cpu_seconds" (CPU: user + system time of the command's
# processes, i.e. the client side only, from `times` of the subshell it runs in); fails if CMD fails.
time_cmd() {
  local logf=$1; shift
  local s e rc=0
  s=$(now_ns)
  "$@" >"$logf" 2>&1 || rc=$?
  e=$(now_ns)
  if (( rc != 0 )); then
    log "command failed (exit $rc): $*"
    tail -n 20 "$logf" >&2
    return 1
  fi
  local cpu
  times >"$logf.times"   # a builtin writing to a file: no subshell, so it sees this shell's waited children
  cpu=$(sed -n 2p "$logf.times" | awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } printf "%.2f", t }')
  awk -v d=$((e - s)) -v c="$cpu" 'BEGIN { printf "%.4f %s\n", d / 1e9, c }'
}

median() {
  sort -g | awk '{ a[NR] = $1 } END {
    if (NR == 0) { print "NaN"; exit }
    if (NR % 2) printf "%.4f\n", a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# ---------------------------------------------------------------- servers
pg_admin() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"; }
pg_db()    { local db=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" "$@"; }
my_admin() { mariadb -h"$MY_HOST" -P"$MY_PORT" -u"$MY_USER" -N -B "$@"; }

url_for() { # url_for SERVER DB [PORT] [extra params]
  local port=${3:-}
  case $1 in
    pg)      echo "jdbc:postgresql://$PG_HOST:${port:-$PG_PORT}/$2?user=$PG_USER${4:+&$4}" ;;
    mariadb) echo "jdbc:mysql://$MY_HOST:${port:-$MY_PORT}/$2?user=$MY_USER${4:+&$4}" ;;
  esac
}

# Databases this script created and has not dropped yet (dropped on exit, whatever happens).
declare -A LIVE_DBS=()
create_db() { # create_db SERVER NAME
  case $1 in
    pg)      pg_admin -c "CREATE DATABASE $2" ;;
    mariadb) my_admin -e "CREATE DATABASE $2" ;;
  esac
  LIVE_DBS["$1/$2"]=1
}
drop_db() {
  case $1 in
    pg)      pg_admin -c "DROP DATABASE IF EXISTS $2" ;;
    mariadb) my_admin -e "DROP DATABASE IF EXISTS $2" ;;
  esac
  unset "LIVE_DBS[$1/$2]"
}
cleanup() {
  local k
  for k in "${!LIVE_DBS[@]}"; do drop_db "${k%%/*}" "${k#*/}" >/dev/null 2>&1 || true; done
  [[ -n "${PROXY_PID:-}" ]] && kill "$PROXY_PID" 2>/dev/null || true
}
trap cleanup EXIT
rand_name() { echo "kb_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')_$1"; }

# check_applied SERVER DB TOOL N : exactly N benchmark tables t1..tN and N successful history rows
check_applied() {
  local server=$1 db=$2 tool=$3 n=$4 tables rows hist
  case $tool in
    k) hist="SELECT count(*) FROM keel_schema_history WHERE status = 'success'" ;;
    f) hist="SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL" ;;
    c) hist="SELECT count(*) FROM floor_history" ;;
  esac
  case $server in
    pg)
      tables=$(pg_db "$db" -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name ~ '^t[0-9]+\$'")
      rows=$(pg_db "$db" -c "$hist") ;;
    mariadb)
      tables=$(my_admin "$db" -e "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$db' AND table_name REGEXP '^t[0-9]+\$'")
      rows=$(my_admin "$db" -e "$hist") ;;
  esac
  [[ "$tables" == "$n" && "$rows" == "$n" ]] \
    || die "$server/$db ($tool): $tables benchmark tables and $rows history rows, expected $n of each"
}

# ---------------------------------------------------------------- tools
command -v psql >/dev/null || die "psql needed"
command -v mariadb >/dev/null || die "mariadb client needed"
command -v python3 >/dev/null || die "python3 needed (floor script, round-trip proxy)"
pg_admin -c "SELECT 1" >/dev/null || die "PostgreSQL not reachable at $PG_HOST:$PG_PORT as $PG_USER"
my_admin -e "SELECT 1" >/dev/null || die "MariaDB not reachable at $MY_HOST:$MY_PORT as $MY_USER"

if [[ ! -f "$FLYWAY_JAR" ]]; then
  log "building Flyway API runner (mvn -q -f bench/flyway-runner package)"
  mvn -q -f "$BENCH_DIR/flyway-runner/pom.xml" package >&2
fi
FLYWAY_VERSION=$("${FLYWAY[@]}" --version) || die "Flyway runner does not start"

# Keel: a snapshot of the ./keel launcher and cli-adapter/target/keel.jar (plus examples/migrations, which the
# launcher's one-off class-data training run reads), taken now, so that a build running meanwhile in the working
# tree (mvn clean/install by someone else) can neither change the jar between runs nor make the launcher start a
# Maven build of its own in the middle of a timed run. Same script, same jar, same JVM flags: it is `./keel`.
jar_id() { [[ -f "$1" ]] && { sha256sum "$1" | cut -c1-12; } || echo none; }
KEEL_SHOWN=$KEEL_CMD
if [[ -z "${KEEL_CMD_SET:-}" && "$KEEL_CMD" == ./keel && "${SERVERS_KEEL_SNAPSHOT:-1}" == 1 ]]; then
  [[ -f "$KEEL_JAR" ]] || die "cli-adapter/target/keel.jar is missing: build it first (./keel --version builds it); this script does not start a Maven build, another may be running"
  SNAP=$WORK/keel-snapshot
  rm -rf "$SNAP"; mkdir -p "$SNAP/cli-adapter/target" "$SNAP/examples"
  cp "$ROOT/keel" "$SNAP/keel"
  cp -r "$ROOT/examples/migrations" "$SNAP/examples/migrations"
  cp "$KEEL_JAR" "$SNAP/cli-adapter/target/keel.jar"
  unzip -tq "$SNAP/cli-adapter/target/keel.jar" >/dev/null 2>&1 || die "keel.jar copied while being written (a build is running?): retry when it is done"
  KEEL=("$SNAP/keel")
  KEEL_JAR=$SNAP/cli-adapter/target/keel.jar
  KEEL_SHOWN="./keel (snapshot: bench/servers/work/keel-snapshot/keel)"
fi
# First call untimed: the launcher writes its class-data archive here.
"${KEEL[@]}" --version >"$LOGS/keel-version.out" 2>&1 || die "'${KEEL[*]} --version' fails (see $LOGS/keel-version.out)"
KEEL_VERSION=$(grep . "$LOGS/keel-version.out" | tail -n 1)
KEEL_JAR_ID=$(jar_id "$KEEL_JAR")
log "Keel: $KEEL_VERSION ($KEEL_SHOWN, keel.jar sha256 $KEEL_JAR_ID); $FLYWAY_VERSION"

PG_VERSION=$(pg_admin -c "SHOW server_version")
PG_SETTINGS=$(pg_admin -c "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync','synchronous_commit','wal_sync_method','ssl','shared_buffers','log_statement')")
MY_VERSION=$(my_admin -e "SELECT VERSION()")
MY_SETTINGS=$(my_admin -e "SELECT GROUP_CONCAT(CONCAT(LOWER(variable_name), '=', variable_value) ORDER BY variable_name SEPARATOR ', ') FROM information_schema.global_variables WHERE variable_name IN ('innodb_flush_log_at_trx_commit','log_bin','sync_binlog','have_ssl','innodb_flush_method','innodb_buffer_pool_size','general_log')")

# ---------------------------------------------------------------- migrations and floor scripts
gen() { # gen N -> directory with N migrations and the floor scripts for both servers
  local n=$1 d=$WORK/migrations-$1
  "$SDIR/generate.sh" "$n" "$d"
  python3 "$SDIR/floor-sql.py" "$d" "$n" pg "$WORK/floor-pg-$n.sql"
  python3 "$SDIR/floor-sql.py" "$d" "$n" mysql "$WORK/floor-mariadb-$n.sql"
}
log "generating $N${BIG_N:+ and $BIG_N} migrations and floor scripts"
gen "$N"
(( BIG_N > 0 )) && gen "$BIG_N"

# Warm the OS file cache for the jars (not timed).
"${FLYWAY[@]}" --version >/dev/null
"${KEEL[@]}" --version >/dev/null

tool_cmd() { # tool_cmd TOOL SERVER DB N [PORT] [URL params]: the command, run
  local tool=$1 server=$2 db=$3 n=$4 port=${5:-} extra=${6:-}
  local dir=$WORK/migrations-$n
  case $tool in
    k) "${KEEL[@]}" migrate --url "$(url_for "$server" "$db" "$port" "$extra")" --migrations "$dir" ;;
    f) "${FLYWAY[@]}" migrate "$(url_for "$server" "$db" "$port" "$extra")" "$dir" ;;
    c)
      case $server in
        pg)      env ${extra:+PGSSLMODE=disable} psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "${port:-$PG_PORT}" -U "$PG_USER" -d "$db" -f "$WORK/floor-pg-$n.sql" ;;
        mariadb) mariadb -h"$MY_HOST" -P"${port:-$MY_PORT}" -u"$MY_USER" "$db" <"$WORK/floor-mariadb-$n.sql" ;;
      esac ;;
  esac
}

declare -A MED ALL SEEN CPU RAW
# cpu_ticks -> "steal total" from /proc/stat; steal_pct BEFORE AFTER -> the share of all CPU time during the command
# that the hypervisor gave to other machines (a virtual machine's noisy neighbours: it slows CPU-hungry tools most)
cpu_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print $9, t; exit }' /proc/stat; }
steal_pct() { awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); d = y[2] - x[2];
  printf "%.0f", (d > 0 ? 100 * (y[1] - x[1]) / d : 0) }'; }
# run_set SCENARIO SERVER N RUNS TOOLS... : interleaved, order rotating every run; fresh DB per timed run
run_set() {
  local sc=$1 server=$2 n=$3 runs=$4; shift 4
  local tools=("$@") nt=$# i j tool db t c ld line="$sc:"
  local -A times=() cpus=() raw=()
  for ((i = 1; i <= runs; i++)); do
    for ((j = 0; j < nt; j++)); do
      tool=${tools[$(( (i - 1 + j) % nt ))]}
      db=$(rand_name "$tool")
      create_db "$server" "$db"
      ld=$(cut -d" " -f1 /proc/loadavg)
      st0=$(cpu_ticks)
      read -r t c < <(time_cmd "$LOGS/$sc-$tool-$i.log" tool_cmd "$tool" "$server" "$db" "$n" || echo FAILED) || true
      st=$(steal_pct "$st0" "$(cpu_ticks)")
      [[ -n "$t" && "$t" != FAILED ]] || die "$sc: $tool failed on $server/$db (log: $LOGS/$sc-$tool-$i.log)"
      check_applied "$server" "$db" "$tool" "$n"
      drop_db "$server" "$db"
      times[$tool]+="$t "
      cpus[$tool]+="$c "
      raw[$tool]+="$(awk -v t="$t" 'BEGIN { printf "%.2f", t }') (cpu $c, load $ld, steal $st%); "
      log "$sc run $i: $tool $t s (client CPU $c s, 1-min load before $ld, CPU stolen by the hypervisor $st%)"
    done
  done
  for tool in "${tools[@]}"; do
    ALL[$sc,$tool]=${times[$tool]% }
    RAW[$sc,$tool]=${raw[$tool]%; }
    MED[$sc,$tool]=$(tr ' ' '\n' <<<"${times[$tool]}" | grep . | median)
    CPU[$sc,$tool]=$(tr ' ' '\n' <<<"${cpus[$tool]}" | grep . | median)
    line+=" $tool [${ALL[$sc,$tool]}] median ${MED[$sc,$tool]} s |"
  done
  SEEN[$sc]=1
  log "${line% |}"
}

START=$(now_ns)
LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
declare -A LOAD
for server in $SERVER_LIST; do
  log "scenario $server-$N: $N migrations, $RUNS runs (Keel, Flyway, floor interleaved)"
  l0=$(cut -d" " -f1 /proc/loadavg)
  run_set "$server-$N" "$server" "$N" "$RUNS" k f c
  LOAD[$server-$N]="$l0 → $(cut -d" " -f1 /proc/loadavg)"
done
if (( BIG_N > 0 )) && [[ " $SERVER_LIST " == *" pg "* ]]; then
  big_tools=(k c); [[ $BIG_FLYWAY == 1 ]] && big_tools=(k f c)
  log "scenario pg-$BIG_N: $BIG_N migrations, $RUNS_BIG run(s) (${big_tools[*]})"
  l0=$(cut -d" " -f1 /proc/loadavg)
  run_set "pg-$BIG_N" pg "$BIG_N" "$RUNS_BIG" "${big_tools[@]}"
  LOAD[pg-$BIG_N]="$l0 → $(cut -d" " -f1 /proc/loadavg)"
fi
LOAD_END=$(cut -d" " -f1-3 /proc/loadavg)
TIMED_S=$(awk -v d=$(( $(now_ns) - START )) 'BEGIN { printf "%.0f", d / 1e9 }')

# ---------------------------------------------------------------- round trips (untimed)
# Each tool runs 5 and then 10 migrations through bench/servers/rtcount.py (a TCP proxy that counts the times the
# client sends after the server answered); per migration = (turns(10) - turns(5)) / 5, fixed = the rest.
declare -A RT_PER RT_FIXED
PROXY_PORT=$(( 20000 + RANDOM % 20000 ))
count_turns() { # count_turns SERVER TOOL N [--timing] -> TURNS = total client turns of the whole command (all its connections)
  local server=$1 tool=$2 n=$3 timing=${4:-} db rtlog proto target
  db=$(rand_name "rt$tool")
  rtlog=$LOGS/roundtrips-$server-$tool-$n.log
  [[ -n "$timing" ]] && rtlog=$LOGS/profile-$server-$tool-$n.log
  rm -f "$rtlog"
  case $server in pg) proto=pg; target=$PG_HOST:$PG_PORT ;; mariadb) proto=mysql; target=$MY_HOST:$MY_PORT ;; esac
  create_db "$server" "$db"
  python3 "$SDIR/rtcount.py" "$PROXY_PORT" "${target%:*}" "${target#*:}" "$proto" "$rtlog" $timing &
  PROXY_PID=$!
  sleep 0.4
  local extra=sslmode=disable; [[ $server == mariadb ]] && extra=sslMode=DISABLED
  tool_cmd "$tool" "$server" "$db" "$n" "$PROXY_PORT" "$extra" >"$rtlog.out" 2>&1 || die "round-trip run failed: $server $tool $n ($rtlog.out)"
  sleep 0.5
  kill "$PROXY_PID" 2>/dev/null || true; wait "$PROXY_PID" 2>/dev/null || true; PROXY_PID=
  check_applied "$server" "$db" "$tool" "$n"
  drop_db "$server" "$db"
  TURNS=$(awk '/^connection [0-9]+:/ { s += $3 } END { print s + 0 }' "$rtlog")
}
if [[ "${SERVERS_ROUNDTRIPS:-1}" == 1 ]]; then
  gen 5; gen 10
  for server in $SERVER_LIST; do
    for tool in k f c; do
      count_turns "$server" "$tool" 5; a=$TURNS
      count_turns "$server" "$tool" 10; b=$TURNS
      RT_PER[$server,$tool]=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%g", (b - a) / 5 }')
      RT_FIXED[$server,$tool]=$(awk -v a="$a" -v p="${RT_PER[$server,$tool]}" 'BEGIN { printf "%g", a - 5 * p }')
      log "round trips $server $tool: ${RT_PER[$server,$tool]} per migration + ${RT_FIXED[$server,$tool]} fixed"
    done
  done
fi

# ---------------------------------------------------------------- where the time goes (untimed)
# Keel and the floor once more at N through the proxy with --timing: time waiting for the server (send to the
# server's last reply byte, per turn, by kind of statement) vs the client's own time between turns. The proxy adds
# latency to every turn, so compare the split, not the totals, with the timed runs.
declare -A PROF
if [[ "${SERVERS_PROFILE:-1}" == 1 ]]; then
  for server in $SERVER_LIST; do
    for tool in k c; do
      count_turns "$server" "$tool" "$N" --timing
      PROF[$server,$tool]=$(awk '/timing:/ { gsub(",", ""); o += $3; w += $9; c += $14 } END { printf "%.2f|%.2f|%.2f", o, w, c }' \
        "$LOGS/profile-$server-$tool-$N.log")
      log "profile $server $tool (through the proxy): open|server wait|client between turns = ${PROF[$server,$tool]} s"
    done
  done
fi

# ---------------------------------------------------------------- commit cost (untimed calibration)
# 500 single-row UPDATEs through the client, autocommitted vs in one transaction: the difference per statement is
# what one durable commit (log flush) costs on this machine right now.
declare -A COMMIT_MS
calibrate() { # calibrate SERVER -> COMMIT_MS[SERVER]
  local server=$1 db a b auto tx
  db=$(rand_name cal)
  create_db "$server" "$db"
  auto=$WORK/cal-auto.sql; tx=$WORK/cal-tx.sql
  { echo "CREATE TABLE c (id INTEGER PRIMARY KEY, v INTEGER);"; echo "INSERT INTO c VALUES (1, 0);"
    for ((i = 0; i < 500; i++)); do echo "UPDATE c SET v = v + 1 WHERE id = 1;"; done; } >"$auto"
  { echo "BEGIN;"; for ((i = 0; i < 500; i++)); do echo "UPDATE c SET v = v + 1 WHERE id = 1;"; done; echo "COMMIT;"; } >"$tx"
  case $server in
    pg)      a=$(time_cmd "$LOGS/cal-$server-auto.log" pg_db "$db" -f "$auto"); b=$(time_cmd "$LOGS/cal-$server-tx.log" pg_db "$db" -f "$tx") ;;
    mariadb) a=$(time_cmd "$LOGS/cal-$server-auto.log" my_admin "$db" -e "source $auto"); b=$(time_cmd "$LOGS/cal-$server-tx.log" my_admin "$db" -e "source $tx") ;;
  esac
  a=${a%% *}; b=${b%% *}
  drop_db "$server" "$db"
  # the autocommit file also creates the table and inserts: negligible next to 500 commits
  COMMIT_MS[$server]=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f ms per commit (500 autocommitted updates %.2f s, in one transaction %.2f s)", (a - b) * 1000 / 500, a, b }')
}
if [[ "${SERVERS_CALIBRATE:-1}" == 1 ]]; then
  for server in $SERVER_LIST; do
    calibrate "$server"
    log "commit cost $server: ${COMMIT_MS[$server]}"
  done
fi

KEEL_JAR_ID_END=$(jar_id "$KEEL_JAR")
[[ "$KEEL_JAR_ID_END" == "$KEEL_JAR_ID" ]] || log "WARNING: the Keel jar changed during the run (rebuilt by someone else?)"
KEEL_TREE_JAR_ID=$(jar_id "$ROOT/cli-adapter/target/keel.jar")
ELAPSED=$(awk -v d=$(( $(now_ns) - START )) 'BEGIN { printf "%.0f", d / 1e9 }')

# ---------------------------------------------------------------- report
ratio() { [[ -z "$1" || -z "$2" || "$1" == n/a || "$2" == n/a ]] && { echo n/a; return; }; awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { [[ "$1" == n/a ]] && { echo n/a; return; }; awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t ? "PASS" : "FAIL") }'; }
fmt() { [[ -z "$1" || "$1" == n/a ]] && echo n/a || awk -v s="$1" 'BEGIN { printf "%.2f", s }'; }
per_ms() { [[ -z "$1" || "$1" == n/a ]] && echo n/a || awk -v s="$1" -v n="$2" 'BEGIN { printf "%.2f", s * 1000 / n }'; }

ROWS=()
VERDICTS=()
for sc in "pg-$N" "mariadb-$N" "pg-$BIG_N"; do
  [[ -n "${SEEN[$sc]:-}" ]] || continue
  k=${MED[$sc,k]:-}; f=${MED[$sc,f]:-n/a}; c=${MED[$sc,c]:-}
  rf=$(ratio "$k" "$f"); rc=$(ratio "$k" "$c")
  if [[ $sc == "pg-$BIG_N" && $sc != "pg-$N" ]]; then
    target="Keel/floor ≤ 1.5"; result="$(verdict "$rc" 1.5)"
  else
    target="Keel/Flyway ≤ 0.5, Keel/floor ≤ 1.5"; result="$(verdict "$rf" 0.5) / $(verdict "$rc" 1.5)"
  fi
  n=${sc##*-}
  ROWS+=("$sc|$(fmt "$k")|$(fmt "$f")|$(fmt "$c")|$rf|$rc|$(per_ms "$k" "$n") / $(per_ms "$f" "$n") / $(per_ms "$c" "$n")|$(fmt "${CPU[$sc,k]:-}") / $(fmt "${CPU[$sc,f]:-}") / $(fmt "${CPU[$sc,c]:-}")|$target|$result")
done

# Linear growth on PostgreSQL: per-migration cost at BIG_N over per-migration cost at N.
GROWTH=""
if [[ -n "${SEEN[pg-$N]:-}" && -n "${SEEN[pg-$BIG_N]:-}" && "$BIG_N" != "$N" ]]; then
  g() { [[ -z "${MED[pg-$BIG_N,$1]:-}" ]] && { echo n/a; return; }
        awk -v a="${MED[pg-$N,$1]}" -v b="${MED[pg-$BIG_N,$1]}" -v n="$N" -v m="$BIG_N" 'BEGIN { printf "%.2f×", (b / m) / (a / n) }'; }
  gc() { [[ -z "${CPU[pg-$BIG_N,$1]:-}" ]] && { echo n/a; return; }
         awk -v a="${CPU[pg-$N,$1]}" -v b="${CPU[pg-$BIG_N,$1]}" -v n="$N" -v m="$BIG_N" 'BEGIN { printf "%.2f×", (b / m) / (a / n) }'; }
  GROWTH="Per-migration cost at $BIG_N ÷ per-migration cost at $N on PostgreSQL (1.00× = linear; below 1 = fixed costs such as JVM start-up spread over more migrations): wall time Keel $(g k), Flyway $(g f), floor $(g c); client CPU (less sensitive to the machine's load) Keel $(gc k), Flyway $(gc f), floor $(gc c)."
fi

HDR="scenario|Keel s|Flyway s|floor s|Keel/Flyway|Keel/floor|ms per migration (Keel / Flyway / floor)|client CPU s (Keel / Flyway / floor)|target|result"
echo
{ echo "$HDR"; printf '%s\n' "${ROWS[@]}"; } | column -t -s '|'
[[ -n "$GROWTH" ]] && echo "$GROWTH"
echo

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
JAVA_V=$(java -version 2>&1 | head -n 2 | tr '\n' ' ' | sed 's/ *$//')
{
  echo "# Keel vs Flyway vs raw client — PostgreSQL and MariaDB (latest run)"
  echo
  echo "Produced by \`bench/servers.sh\`; see docs/benchmarks-servers.md for what is measured and how to read it."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- Command: \`$CMD\` (timed scenarios ${TIMED_S} s, total ${ELAPSED} s)"
  echo "- Machine: $(nproc) CPUs, $CPU, $(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo), $(uname -sr); shared with other builds"
  echo "- Load average (1/5/15 min): $LOAD_START at start, $LOAD_END at end; 1-min load per scenario: $(for sc in "pg-$N" "mariadb-$N" "pg-$BIG_N"; do [[ -n "${LOAD[$sc]:-}" ]] && printf '%s %s; ' "$sc" "${LOAD[$sc]}"; done | sed 's/; $//')"
  echo "- Java: $JAVA_V"
  echo "- PostgreSQL $PG_VERSION ($PG_HOST:$PG_PORT): $PG_SETTINGS"
  echo "- MariaDB $MY_VERSION ($MY_HOST:$MY_PORT): $MY_SETTINGS"
  echo "- Keel: $KEEL_VERSION — \`$KEEL_SHOWN migrate --url URL --migrations DIR\`, URL \`$(url_for pg DB)\` / \`$(url_for mariadb DB)\` (keel.jar sha256 $KEEL_JAR_ID, at the end $KEEL_JAR_ID_END; the working tree's jar at the end: $KEEL_TREE_JAR_ID)"
  echo "- Flyway: $FLYWAY_VERSION API — \`java -jar bench/servers/flyway-runner/target/flyway-runner-servers.jar migrate URL DIR\` (flyway-core + flyway-database-postgresql + flyway-mysql 13.12.0, postgresql 42.7.7, mysql-connector-j 9.4.0; defaults: validateOnMigrate, one transaction per migration), same URLs"
  echo "- Floor: \`psql -X -q -v ON_ERROR_STOP=1 -h $PG_HOST -U $PG_USER -d DB -f floor-pg-N.sql\` (BEGIN; file; history INSERT; COMMIT per file) / \`mariadb -h$MY_HOST -u$MY_USER DB < floor-mariadb-N.sql\` (file's statements, then the history INSERT, autocommit)"
  echo "- Runs: $RUNS per $N-migration scenario, $RUNS_BIG for pg-$BIG_N; tools interleaved in rotating order; each timed run on a fresh randomly named database, created before and dropped after (untimed); every run checked afterwards: exactly N tables t1..tN and N successful history rows"
  echo
  echo "| ${HDR//|/ | } |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"
  for r in "${ROWS[@]}"; do echo "| ${r//|/ | } |"; done
  echo
  [[ -n "$GROWTH" ]] && { echo "$GROWTH"; echo; }
  echo "**Not the same work on MariaDB:** the floor writes one history row per file; Keel, because MariaDB's DDL commits"
  echo "implicitly (no transaction can protect a migration), inserts a \`partial\` history row before the first statement"
  echo "and updates its progress after every statement (statement-level resume), each an autocommitted write."
  echo
  echo "Raw times (s), in run order, with the command's client CPU (user + system s) and the 1-min load average just"
  echo "before it, and the share of CPU time the hypervisor gave to other machines during it (steal; medians above are"
  echo "of wall times; client CPU is the median of the runs):"
  echo
  for sc in "pg-$N" "mariadb-$N" "pg-$BIG_N"; do
    [[ -n "${SEEN[$sc]:-}" ]] || continue
    for tool in k f c; do
      [[ -n "${RAW[$sc,$tool]:-}" ]] && echo "- $sc $(case $tool in k) echo Keel;; f) echo Flyway;; c) echo floor;; esac): ${RAW[$sc,$tool]}"
    done
  done
  if [[ "${SERVERS_ROUNDTRIPS:-1}" == 1 ]]; then
    echo
    echo "Client round trips (untimed; through bench/servers/rtcount.py, 5 and 10 migrations; per migration = the"
    echo "difference / 5, fixed = start-up, locking, history read, fingerprint; statement lists in bench/servers/work/logs/roundtrips-*.log):"
    echo
    echo "| server | Keel per migration | Flyway per migration | floor per migration | Keel fixed | Flyway fixed | floor fixed |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for server in $SERVER_LIST; do
      echo "| $server | ${RT_PER[$server,k]} | ${RT_PER[$server,f]} | ${RT_PER[$server,c]} | ${RT_FIXED[$server,k]} | ${RT_FIXED[$server,f]} | ${RT_FIXED[$server,c]} |"
    done
  fi
  if [[ "${SERVERS_PROFILE:-1}" == 1 ]]; then
    echo
    echo "Where the time goes (untimed; Keel and the floor at $N through \`rtcount.py --timing\`, which adds latency to"
    echo "every turn: compare the split, not the totals; *server wait* = from a turn's send to the server's last reply"
    echo "byte, *client* = from there to the client's next send; the rest of *open* is connecting and what comes before"
    echo "the first send — logs: bench/servers/work/logs/profile-*.log):"
    echo
    echo "| server | tool | connection open s | server wait s | client between turns s | largest server waits (s, turns, kind of statement) |"
    echo "|---|---|---:|---:|---:|---|"
    for server in $SERVER_LIST; do
      for tool in k c; do
        [[ -n "${PROF[$server,$tool]:-}" ]] || continue
        top=$(grep '^  wait' "$LOGS/profile-$server-$tool-$N.log" | head -n 4 \
              | awk '{ w = $2; t = $4; $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); gsub(/\|/, "/"); printf "%s%.2f, %d, `%s`", (NR > 1 ? "; " : ""), w, t, substr($0, 1, 48) }')
        echo "| $server | $(case $tool in k) echo Keel;; c) echo floor;; esac) | ${PROF[$server,$tool]//|/ | } | $top |"
      done
    done
  fi
  if [[ "${SERVERS_CALIBRATE:-1}" == 1 ]]; then
    echo
    echo "Commit cost (untimed calibration, measured after the timed runs):"
    echo
    for server in $SERVER_LIST; do echo "- $server: ${COMMIT_MS[$server]}"; done
  fi
  true
} >"$RESULTS/servers-latest.md"
log "written $RESULTS/servers-latest.md (total ${ELAPSED} s)"
