#!/usr/bin/env bash
# Keel vs Flyway 13 on SQLite — whole commands timed, medians of several interleaved runs.
# Three commands per scenario: `keel migrate`, the Flyway command line (flyway-cli/) and a small
# runner calling Flyway's Java API (flyway-runner/).
#
# Usage: bench/run.sh [runs]            (default 5; run from anywhere)
#
# Environment overrides:
#   KEEL_CMD              Keel command (default: ./keel at the repo root; may contain arguments,
#                         e.g. "java -jar cli-adapter/target/keel.jar")
#   KEEL_JAR              raw jar timed with `java -jar` for reference (default cli-adapter/target/keel.jar)
#   KEEL_MIGRATE_EXTRA    extra arguments appended to Keel's migrate command (default: none)
#   FLYWAY_CLI_CMD        Flyway command line (default: java -Duser.home=<clean dir> -cp
#                         'bench/flyway-cli/target/lib/*' org.flywaydb.commandline.Main); e.g. the
#                         `flyway` script of an installed Flyway 13.12.0 distribution
#   RUNS_APPLY            runs for the apply scenario     (default: same as runs, min 3)
#   RUNS_NOOP             runs for the 10,000-applied no-op scenario (default: same as runs, min 3)
#   BENCH_APPLY_N         migrations in the apply scenario   (default 1000)
#   BENCH_NOOP_N          migrations in the no-op scenario   (default 10000)
#   KEEL_REUSE_PREPARED=1 reuse Keel's prepared 10k database from an earlier run (default: rebuild,
#                         since Keel changes; Flyway's is reused while its jars and the SQL are unchanged)
#
# Writes bench/results/latest.md; scratch files go to bench/work/ (git-ignored).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"

# The exact command, with the overrides that were set, for the report.
CMD="bench/run.sh $*"
for v in KEEL_CMD KEEL_JAR KEEL_MIGRATE_EXTRA FLYWAY_CLI_CMD RUNS_APPLY RUNS_NOOP BENCH_APPLY_N BENCH_NOOP_N KEEL_REUSE_PREPARED; do
  if [[ -n "${!v:-}" ]]; then CMD="$v='${!v}' $CMD"; fi
done

RUNS=${1:-5}
if [[ ! "$RUNS" =~ ^[0-9]+$ || "$RUNS" -lt 1 ]]; then
  echo "usage: $0 [runs]   (runs >= 1)" >&2
  exit 2
fi
RUNS_APPLY=${RUNS_APPLY:-$RUNS}
(( RUNS_APPLY < 3 )) && RUNS_APPLY=3
RUNS_NOOP=${RUNS_NOOP:-$RUNS}
(( RUNS_NOOP < 3 )) && RUNS_NOOP=3
APPLY_N=${BENCH_APPLY_N:-1000}
NOOP_N=${BENCH_NOOP_N:-10000}

KEEL_CMD=${KEEL_CMD:-./keel}
read -r -a KEEL <<<"$KEEL_CMD"
read -r -a KEEL_EXTRA <<<"${KEEL_MIGRATE_EXTRA:-}"
KEEL_JAR=${KEEL_JAR:-cli-adapter/target/keel.jar}

WORK=$BENCH_DIR/work
RESULTS=$BENCH_DIR/results
LOGS=$WORK/logs
mkdir -p "$WORK" "$RESULTS" "$LOGS" "$WORK/prepared"

# Flyway through its Java API (flyway-runner/, one shaded jar).
FLYWAY_JAR=$BENCH_DIR/flyway-runner/target/flyway-runner.jar
FLYWAY=(java -jar "$FLYWAY_JAR")

# Flyway's command line (flyway-cli/: flyway-commandline and what it pulls in, on a classpath). It
# runs in an empty directory that is also its user.home, so no flyway.toml/flyway.conf from the
# working directory or the user's home is read, with FLYWAY_* variables removed from its environment
# (Flyway reads them as configuration), telemetry opted out and the update check skipped.
FWCLI_LIB=$BENCH_DIR/flyway-cli/target/lib
FWCLI_HOME=$WORK/fwcli
if [[ -n "${FLYWAY_CLI_CMD:-}" ]]; then
  read -r -a FWCLI <<<"$FLYWAY_CLI_CMD"
  FWCLI_SHOWN=$FLYWAY_CLI_CMD
else
  FWCLI=(java "-Duser.home=$FWCLI_HOME" -cp "$FWCLI_LIB/*" org.flywaydb.commandline.Main)
  FWCLI_SHOWN="cd bench/work/fwcli && java -Duser.home=. -cp 'bench/flyway-cli/target/lib/*' org.flywaydb.commandline.Main"
fi
FWCLI_MIGRATE_OPTS=(-skipCheckForUpdate)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- helpers
now_ns() { date +%s%N; }

# time_cmd LOGFILE CMD... -> prints elapsed seconds; fails (exit 1) if CMD fails.
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
  awk -v d=$((e - s)) 'BEGIN { printf "%.4f\n", d / 1e9 }'
}

median() { # numbers on stdin -> median
  sort -g | awk '{ a[NR] = $1 } END {
    if (NR == 0) { print "NaN"; exit }
    if (NR % 2) printf "%.4f\n", a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# Removes a database with its journal/WAL files and the lock file Keel keeps beside it.
fresh_db() { rm -f "$1" "$1-journal" "$1-wal" "$1-shm" "$1.keel-lock"; }

copy_db() { # copy_db SRC DST (main file plus any -wal/-shm left beside it)
  fresh_db "$2"
  cp "$1" "$2"
  local x
  for x in -wal -shm; do [[ -f "$1$x" ]] && cp "$1$x" "$2$x"; done
  return 0
}

# check_applied DB N : the DB holds exactly the N benchmark tables t1..tN
check_applied() {
  local got
  got=$(sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE type='table' AND name GLOB 't[0-9]*';")
  [[ "$got" == "$2" ]] || die "$1 holds ${got:-no} benchmark tables, expected $2"
}

keel_migrate()   { "${KEEL[@]}" migrate --url "jdbc:sqlite:$1" --migrations "$2" "${KEEL_EXTRA[@]}"; }
flyway_migrate() { "${FLYWAY[@]}" migrate "jdbc:sqlite:$1" "$2"; }

flyway_cli() { # the Flyway CLI in its clean directory and environment; paths must be absolute
  (
    cd "$FWCLI_HOME"
    while read -r v; do unset "$v"; done < <(compgen -e | grep '^FLYWAY_' || true)
    export FLYWAY_TELEMETRY_OPT_OUT=true REDGATE_DISABLE_TELEMETRY=true
    exec "${FWCLI[@]}" "$@"
  )
}
flyway_cli_migrate() { flyway_cli migrate "-url=jdbc:sqlite:$1" "-locations=filesystem:$2" "${FWCLI_MIGRATE_OPTS[@]}"; }

# ---------------------------------------------------------------- tools
command -v sqlite3 >/dev/null || die "sqlite3 CLI needed for result checks (apt-get install -y sqlite3)"

if [[ ! -f "$FLYWAY_JAR" ]]; then
  log "building Flyway API runner (mvn -q -f bench/flyway-runner package)"
  mvn -q -f "$BENCH_DIR/flyway-runner/pom.xml" package >&2
fi
FLYWAY_VERSION=$("${FLYWAY[@]}" --version) || die "Flyway API runner does not start"

rm -rf "$FWCLI_HOME"; mkdir -p "$FWCLI_HOME"
FWCLI_OK=1
FWCLI_WHY=""
if [[ -z "${FLYWAY_CLI_CMD:-}" ]] && ! compgen -G "$FWCLI_LIB/flyway-commandline-*.jar" >/dev/null; then
  log "building Flyway CLI classpath (mvn -q -f bench/flyway-cli package; downloads ~220 MB once)"
  if ! mvn -q -f "$BENCH_DIR/flyway-cli/pom.xml" package >"$LOGS/flyway-cli-build.log" 2>&1; then
    FWCLI_OK=0
    FWCLI_WHY="bench/flyway-cli does not build: $(grep -m1 -o 'Could not resolve dependencies.*' "$LOGS/flyway-cli-build.log" | cut -c1-200)"
  fi
fi
if [[ $FWCLI_OK == 1 ]]; then
  if flyway_cli --version >"$LOGS/flyway-cli-version.out" 2>&1; then
    FWCLI_VERSION=$(grep -m1 -i -o 'Flyway [A-Za-z ]*Edition [0-9][0-9.]*[^ ]*\|Flyway [0-9][0-9.]*' "$LOGS/flyway-cli-version.out" || true)
    FWCLI_VERSION=${FWCLI_VERSION:-$(grep -m1 . "$LOGS/flyway-cli-version.out")}
    log "Flyway CLI: $FWCLI_VERSION"
  else
    FWCLI_OK=0
    FWCLI_WHY="\`--version\` fails: $(grep -m1 -E 'Exception|Error' "$LOGS/flyway-cli-version.out" | sed 's/^Exception in thread "main" //' | cut -c1-200)"
    [[ -z "${FLYWAY_CLI_CMD:-}" ]] && FWCLI_WHY+=" — flyway-commandline 13.12.0 needs artifacts that the reachable Maven Central does not serve, excluded in bench/flyway-cli/pom.xml (see the comment there); set FLYWAY_CLI_CMD to an installed Flyway 13.12.0 to measure the CLI"
  fi
fi
if [[ $FWCLI_OK != 1 ]]; then
  FWCLI_VERSION="unavailable"
  log "WARNING: Flyway CLI not measured — $FWCLI_WHY (CLI columns will be n/a)"
fi

KEEL_OK=1
# First call is untimed: the launcher may build cli-adapter/target/keel.jar here.
if "${KEEL[@]}" --version >"$LOGS/keel-version.out" 2>"$LOGS/keel-version.err"; then
  KEEL_VERSION=$(grep . "$LOGS/keel-version.out" | tail -n 1)
  log "Keel: $KEEL_VERSION ($KEEL_CMD)"
else
  KEEL_OK=0
  KEEL_VERSION="unavailable"
  log "WARNING: '$KEEL_CMD --version' failed — Keel columns will be n/a (see $LOGS/keel-version.err)"
fi
KEEL_JAR_OK=0
[[ $KEEL_OK == 1 && -f "$KEEL_JAR" ]] && KEEL_JAR_OK=1

# ---------------------------------------------------------------- migrations
M_APPLY=$WORK/migrations-$APPLY_N
M_NOOP=$WORK/migrations-$NOOP_N
log "generating $APPLY_N and $NOOP_N migrations"
"$BENCH_DIR/generate.sh" "$APPLY_N" "$M_APPLY"
"$BENCH_DIR/generate.sh" "$NOOP_N" "$M_NOOP"

# Tools: k = keel migrate, c = Flyway CLI, a = Flyway API runner.
TOOLS=(k c a)
declare -A OK=([k]=$KEEL_OK [c]=$FWCLI_OK [a]=1)
declare -A MED ALL

# run_set NAME RUNS PREFIX : times PREFIX_k, PREFIX_c and PREFIX_a interleaved, the order rotating
# every run (k c a, c a k, a k c, …) so all tools share the machine's noise. PREFIX_setup_TOOL runs
# untimed before each command and PREFIX_check_TOOL untimed after it (a missing function is skipped;
# a missing PREFIX_TOOL leaves that tool out of the scenario).
run_set() {
  local sc=$1 runs=$2 p=$3
  local i j t tool lk line="$sc:"
  local -A times=()
  local present=()
  for tool in "${TOOLS[@]}"; do
    [[ ${OK[$tool]} == 1 ]] && declare -F "${p}_$tool" >/dev/null && present+=("$tool")
  done
  local n=${#present[@]}
  for ((i = 1; i <= runs; i++)); do
    for ((j = 0; j < n; j++)); do
      tool=${present[$(( (i - 1 + j) % n ))]}
      declare -F "${p}_setup_$tool" >/dev/null && "${p}_setup_$tool"
      lk=$LOGS/$sc-$tool-$i.log
      t=$(time_cmd "$lk" "${p}_$tool") || die "$sc: ${p}_$tool failed (log: $lk)"
      declare -F "${p}_check_$tool" >/dev/null && "${p}_check_$tool"
      times[$tool]+="$t "
    done
  done
  for tool in "${TOOLS[@]}"; do
    if [[ -n "${times[$tool]:-}" ]]; then
      ALL[$sc,$tool]=${times[$tool]% }
      MED[$sc,$tool]=$(tr ' ' '\n' <<<"${times[$tool]}" | grep . | median)
      line+=" $tool [${ALL[$sc,$tool]}] median ${MED[$sc,$tool]} s |"
    else
      MED[$sc,$tool]=n/a
    fi
  done
  log "${line% |}"
}

# ---- scenario "apply": N migrations into an empty SQLite file (no file at start)
DB_K=$WORK/keel.db
DB_C=$WORK/flyway-cli.db
DB_A=$WORK/flyway.db
s1_setup_k() { fresh_db "$DB_K"; }
s1_setup_c() { fresh_db "$DB_C"; }
s1_setup_a() { fresh_db "$DB_A"; }
s1_k() { keel_migrate "$DB_K" "$M_APPLY"; }
s1_c() { flyway_cli_migrate "$DB_C" "$M_APPLY"; }
s1_a() { flyway_migrate "$DB_A" "$M_APPLY"; }
s1_check_k() { check_applied "$DB_K" "$APPLY_N"; }
s1_check_c() { check_applied "$DB_C" "$APPLY_N"; }
s1_check_a() { check_applied "$DB_A" "$APPLY_N"; }

# ---- scenario "noop": migrate with N already applied (a DB prepared by that tool, copied fresh)
PREP_K=$WORK/prepared/keel-$NOOP_N.db
PREP_A=$WORK/prepared/flyway-$NOOP_N.db
PREP_C=$WORK/prepared/flyway-cli-$NOOP_N.db   # replaced by PREP_A when both write the same history
s2_setup_k() { copy_db "$PREP_K" "$DB_K"; }
s2_setup_c() { copy_db "$PREP_C" "$DB_C"; }
s2_setup_a() { copy_db "$PREP_A" "$DB_A"; }
s2_k() { keel_migrate "$DB_K" "$M_NOOP"; }
s2_c() { flyway_cli_migrate "$DB_C" "$M_NOOP"; }
s2_a() { flyway_migrate "$DB_A" "$M_NOOP"; }
s2_check_k() { check_applied "$DB_K" "$NOOP_N"; }
s2_check_c() { check_applied "$DB_C" "$NOOP_N"; }
s2_check_a() { check_applied "$DB_A" "$NOOP_N"; }

# ---- scenario "version": cold start of --version, plus Keel's raw `java -jar` for reference
s3_k() { "${KEEL[@]}" --version; }
s3_c() { flyway_cli --version; }
s3_a() { "${FLYWAY[@]}" --version; }
s4_k() { java -jar "$KEEL_JAR" --version; }

START=$(now_ns)
LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)

# Warm the OS file cache for the jars once (not timed): "cold" means a new JVM, not a cold disk.
"${FLYWAY[@]}" --version >/dev/null
[[ $FWCLI_OK == 1 ]] && flyway_cli --version >/dev/null
[[ $KEEL_OK == 1 ]] && "${KEEL[@]}" --version >/dev/null
[[ $KEEL_JAR_OK == 1 ]] && java -jar "$KEEL_JAR" --version >/dev/null

# ---- prepare the 10k databases, once per tool, with that tool
KEY_A=$(cat "$FLYWAY_JAR" "$BENCH_DIR/generate.sh" | sha256sum | cut -c1-16)-$NOOP_N
if [[ -f "$PREP_A" && -f "$PREP_A.key" && "$(cat "$PREP_A.key")" == "$KEY_A" ]]; then
  log "reusing prepared Flyway DB ($PREP_A)"
else
  log "preparing Flyway DB (API runner) with $NOOP_N applied migrations (takes several minutes)"
  fresh_db "$PREP_A"; rm -f "$PREP_A.key"
  t=$(time_cmd "$LOGS/prepare-flyway.log" flyway_migrate "$PREP_A" "$M_NOOP") || die "Flyway prepare failed"
  check_applied "$PREP_A" "$NOOP_N"
  echo "$KEY_A" >"$PREP_A.key"
  log "Flyway API applied $NOOP_N migrations in $t s (single run, not part of the table)"
  PREP_A_TIME=$t
fi

# The CLI is the same Flyway: if it writes exactly what the API runner writes (same schema, same
# flyway_schema_history rows apart from timestamps and durations) on a small set, it reuses the API
# runner's prepared DB; otherwise it prepares its own.
history_dump() {
  sqlite3 "$1" "SELECT type, name, sql FROM sqlite_master ORDER BY name;" \
               "SELECT installed_rank, version, description, type, script, checksum, installed_by, success
                  FROM flyway_schema_history ORDER BY installed_rank;"
}
PREP_C_NOTE=""
if [[ $FWCLI_OK == 1 ]]; then
  M_CHECK=$WORK/migrations-check
  "$BENCH_DIR/generate.sh" 20 "$M_CHECK"
  fresh_db "$WORK/check-api.db"; fresh_db "$WORK/check-cli.db"
  flyway_migrate "$WORK/check-api.db" "$M_CHECK" >"$LOGS/check-api.log" 2>&1 || die "Flyway API check run failed"
  flyway_cli_migrate "$WORK/check-cli.db" "$M_CHECK" >"$LOGS/check-cli.log" 2>&1 || die "Flyway CLI check run failed (log: $LOGS/check-cli.log)"
  if diff <(history_dump "$WORK/check-api.db") <(history_dump "$WORK/check-cli.db") >"$LOGS/check-history.diff"; then
    PREP_C=$PREP_A
    PREP_C_NOTE="the CLI reuses the API runner's prepared DB (same schema and flyway_schema_history rows, checked on 20 migrations)"
    log "Flyway CLI writes the same schema history as the API runner: reusing $PREP_A"
  else
    KEY_C=$( (cat "$BENCH_DIR/generate.sh"; ls -l "$FWCLI_LIB" 2>/dev/null; echo "$FWCLI_SHOWN") | sha256sum | cut -c1-16)-$NOOP_N
    PREP_C_NOTE="the CLI's schema history differs from the API runner's (see work/logs/check-history.diff): own prepared DB"
    if [[ -f "$PREP_C" && -f "$PREP_C.key" && "$(cat "$PREP_C.key")" == "$KEY_C" ]]; then
      log "reusing prepared Flyway CLI DB ($PREP_C)"
    else
      log "Flyway CLI history differs from the API runner's (see $LOGS/check-history.diff): preparing its own DB"
      fresh_db "$PREP_C"; rm -f "$PREP_C.key"
      t=$(time_cmd "$LOGS/prepare-flyway-cli.log" flyway_cli_migrate "$PREP_C" "$M_NOOP") || die "Flyway CLI prepare failed"
      check_applied "$PREP_C" "$NOOP_N"
      echo "$KEY_C" >"$PREP_C.key"
      log "Flyway CLI applied $NOOP_N migrations in $t s (single run, not part of the table)"
      PREP_C_TIME=$t
    fi
  fi
fi

if [[ $KEEL_OK == 1 ]]; then
  if [[ "${KEEL_REUSE_PREPARED:-0}" == 1 && -f "$PREP_K" ]]; then
    log "reusing prepared Keel DB ($PREP_K, KEEL_REUSE_PREPARED=1)"
  else
    log "preparing Keel DB with $NOOP_N applied migrations"
    fresh_db "$PREP_K"
    t=$(time_cmd "$LOGS/prepare-keel.log" keel_migrate "$PREP_K" "$M_NOOP") || die "Keel prepare failed"
    check_applied "$PREP_K" "$NOOP_N"
    log "Keel applied $NOOP_N migrations in $t s (single run, not part of the table)"
    PREP_K_TIME=$t
  fi
fi

log "scenario apply: $APPLY_N migrations into an empty file, $RUNS_APPLY runs"
run_set apply "$RUNS_APPLY" s1
log "scenario noop: migrate with $NOOP_N applied, $RUNS_NOOP runs"
run_set noop "$RUNS_NOOP" s2
log "scenario version: --version cold start, $RUNS runs"
run_set version "$RUNS" s3
if [[ $KEEL_JAR_OK == 1 ]]; then
  run_set jar "$RUNS" s4
fi

LOAD_END=$(cut -d" " -f1-3 /proc/loadavg)
ELAPSED=$(awk -v d=$(( $(now_ns) - START )) 'BEGIN { printf "%.0f", d / 1e9 }')

# The CLI must not leave files in (or read files from) its clean directory.
FWCLI_LEFT=$(ls -A "$FWCLI_HOME" | tr '\n' ' ')
[[ -n "$FWCLI_LEFT" ]] && log "WARNING: the Flyway CLI left files in $FWCLI_HOME: $FWCLI_LEFT"

# ---------------------------------------------------------------- report
ratio() { [[ "$1" == n/a || "$2" == n/a ]] && { echo n/a; return; }; awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict_ratio() { [[ "$1" == n/a ]] && { echo SKIP; return; }; awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t ? "PASS" : "FAIL") }'; }
verdict_abs()   { [[ "$1" == n/a ]] && { echo SKIP; return; }; awk -v s="$1" -v t="$2" 'BEGIN { print (s <= t ? "PASS" : "FAIL") }'; }
fmt() { [[ "$1" == n/a ]] && echo n/a || awk -v s="$1" 'BEGIN { printf "%.3f", s }'; }

# row LABEL SCENARIO KEEL_SCENARIO TARGET_TEXT RESULT_TEXT
ROWS=()
row() {
  local k=${MED[$3,k]:-n/a} c=${MED[$2,c]:-n/a} a=${MED[$2,a]:-n/a}
  ROWS+=("$1|$(fmt "$k")|$(fmt "$c")|$(fmt "$a")|$(ratio "$k" "$c")|$(ratio "$k" "$a")|$4|$5")
}
ratio_result() { # SCENARIO TARGET -> "vs CLI / vs API"
  echo "$(verdict_ratio "$(ratio "${MED[$1,k]}" "${MED[$1,c]}")" "$2") / $(verdict_ratio "$(ratio "${MED[$1,k]}" "${MED[$1,a]}")" "$2")"
}
row "apply $APPLY_N to empty file" apply apply "ratio ≤ 0.50" "$(ratio_result apply 0.5)"
row "no-op migrate, $NOOP_N applied" noop noop "ratio ≤ 0.25" "$(ratio_result noop 0.25)"
row "--version cold start" version version "Keel ≤ 0.300 s" "$(verdict_abs "${MED[version,k]}" 0.3)"
if [[ $KEEL_JAR_OK == 1 ]]; then
  row "(ref) java -jar keel.jar --version" version jar "reference" "-"
fi

HDR="scenario|Keel s|Flyway CLI s|Flyway API s|Keel/CLI|Keel/API|target|result (vs CLI / vs API)"

echo
{ echo "$HDR"; printf '%s\n' "${ROWS[@]}"; } | column -t -s '|'
echo

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
JAVA_V=$(java -version 2>&1 | head -n 2 | tr '\n' ' ' | sed 's/ *$//')
KEEL_MIG_SHOWN="$KEEL_CMD migrate --url jdbc:sqlite:FILE --migrations DIR${KEEL_MIGRATE_EXTRA:+ $KEEL_MIGRATE_EXTRA}"
declare -A NAME=([k]=Keel [c]="Flyway CLI" [a]="Flyway API")

{
  echo "# Keel vs Flyway — latest benchmark"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- Command: \`$CMD\` (total ${ELAPSED} s)"
  echo "- Machine: $(nproc) CPUs, $CPU, $(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
  echo "- Java: $JAVA_V"
  echo "- Load average (1/5/15 min): $LOAD_START at start, $LOAD_END at end — other work on the machine inflates and spreads the times"
  echo "- Keel: $KEEL_VERSION — \`$KEEL_MIG_SHOWN\`"
  if [[ $FWCLI_OK == 1 ]]; then
    echo "- Flyway CLI: $FWCLI_VERSION — \`$FWCLI_SHOWN migrate -url=jdbc:sqlite:FILE -locations=filesystem:DIR ${FWCLI_MIGRATE_OPTS[*]}\` (environment: FLYWAY_* removed, FLYWAY_TELEMETRY_OPT_OUT=true, REDGATE_DISABLE_TELEMETRY=true); $PREP_C_NOTE"
  else
    echo "- Flyway CLI: **not measured** — $FWCLI_WHY"
  fi
  echo "- Flyway API: $FLYWAY_VERSION — \`java -jar bench/flyway-runner/target/flyway-runner.jar migrate jdbc:sqlite:FILE DIR\` (flyway-core, sqlite-jdbc 3.50.3.0, defaults incl. validateOnMigrate)"
  echo "- Runs: $RUNS_APPLY (apply), $RUNS_NOOP (no-op), $RUNS (version); medians of whole-command wall times, tools interleaved in rotating order"
  echo
  echo "| ${HDR//|/ | } |"
  echo "|---|---:|---:|---:|---:|---:|---|---|"
  for r in "${ROWS[@]}"; do echo "| ${r//|/ | } |"; done
  echo
  echo "Raw times (s), in run order:"
  echo
  for sc in apply noop version jar; do
    line=""
    for tool in "${TOOLS[@]}"; do
      [[ -n "${ALL[$sc,$tool]+x}" ]] && line+="${NAME[$tool]} [${ALL[$sc,$tool]}] "
    done
    [[ -n "$line" ]] && echo "- $sc: ${line% }"
  done
  [[ -n "${PREP_A_TIME:-}" ]] && echo "- one-off preparation, Flyway API applying $NOOP_N: ${PREP_A_TIME} s"
  [[ -n "${PREP_C_TIME:-}" ]] && echo "- one-off preparation, Flyway CLI applying $NOOP_N: ${PREP_C_TIME} s"
  [[ -n "${PREP_K_TIME:-}" ]] && echo "- one-off preparation, Keel applying $NOOP_N: ${PREP_K_TIME} s"
  true
} >"$RESULTS/latest.md"
log "written $RESULTS/latest.md (total ${ELAPSED} s)"
