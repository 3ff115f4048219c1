#!/usr/bin/env bash
# Keel vs Flyway 13 on SQLite — whole commands timed, medians of several interleaved runs.
#
# Usage: bench/run.sh [runs]            (default 5; run from anywhere)
#
# Environment overrides:
#   KEEL_CMD              Keel command (default: ./keel at the repo root; may contain arguments,
#                         e.g. "java -jar cli-adapter/target/keel.jar")
#   KEEL_JAR              raw jar timed with `java -jar` for reference (default cli-adapter/target/keel.jar)
#   KEEL_MIGRATE_EXTRA    extra arguments appended to Keel's migrate command (default: none)
#   RUNS_NOOP             runs for the 10,000-applied no-op scenario (default: same as runs, min 3)
#   BENCH_APPLY_N         migrations in the apply scenario   (default 1000)
#   BENCH_NOOP_N          migrations in the no-op scenario   (default 10000)
#   KEEL_REUSE_PREPARED=1 reuse Keel's prepared 10k database from an earlier run (default: rebuild,
#                         since Keel changes; Flyway's is reused while its jar and the SQL are unchanged)
#
# Writes bench/results/latest.md; scratch files go to bench/work/ (git-ignored).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"

# The exact command, with the overrides that were set, for the report.
CMD="bench/run.sh $*"
for v in KEEL_CMD KEEL_JAR KEEL_MIGRATE_EXTRA RUNS_NOOP BENCH_APPLY_N BENCH_NOOP_N KEEL_REUSE_PREPARED; do
  if [[ -n "${!v:-}" ]]; then CMD="$v='${!v}' $CMD"; fi
done

RUNS=${1:-5}
if [[ ! "$RUNS" =~ ^[0-9]+$ || "$RUNS" -lt 1 ]]; then
  echo "usage: $0 [runs]   (runs >= 1)" >&2
  exit 2
fi
RUNS_NOOP=${RUNS_NOOP:-$RUNS}
(( RUNS_NOOP < 3 )) && RUNS_NOOP=3
APPLY_N=${BENCH_APPLY_N:-1000}
NOOP_N=${BENCH_NOOP_N:-10000}

KEEL_CMD=${KEEL_CMD:-./keel}
read -r -a KEEL <<<"$KEEL_CMD"
read -r -a KEEL_EXTRA <<<"${KEEL_MIGRATE_EXTRA:-}"
KEEL_JAR=${KEEL_JAR:-cli-adapter/target/keel.jar}

FLYWAY_JAR=$BENCH_DIR/flyway-runner/target/flyway-runner.jar
FLYWAY=(java -jar "$FLYWAY_JAR")

WORK=$BENCH_DIR/work
RESULTS=$BENCH_DIR/results
LOGS=$WORK/logs
mkdir -p "$WORK" "$RESULTS" "$LOGS" "$WORK/prepared"

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

# ---------------------------------------------------------------- tools
command -v sqlite3 >/dev/null || die "sqlite3 CLI needed for result checks (apt-get install -y sqlite3)"

if [[ ! -f "$FLYWAY_JAR" ]]; then
  log "building Flyway runner (mvn -q -f bench/flyway-runner package)"
  mvn -q -f "$BENCH_DIR/flyway-runner/pom.xml" package >&2
fi
FLYWAY_VERSION=$("${FLYWAY[@]}" --version) || die "Flyway runner does not start"

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

declare -A MED_K MED_F ALL_K ALL_F

# run_pair NAME RUNS PREFIX : times PREFIX_k and PREFIX_f, interleaved (K,F then F,K, …) so both
# tools share the machine's noise. PREFIX_setup_{k,f} runs untimed before each command and
# PREFIX_check_{k,f} untimed after it (a missing function is skipped).
run_pair() {
  local sc=$1 runs=$2 p=$3
  local i t tool lk ks="" fs=""
  for ((i = 1; i <= runs; i++)); do
    local order=(k f)
    (( i % 2 == 0 )) && order=(f k)
    for tool in "${order[@]}"; do
      [[ $tool == k && $KEEL_OK != 1 ]] && continue
      declare -F "${p}_$tool" >/dev/null || continue
      declare -F "${p}_setup_$tool" >/dev/null && "${p}_setup_$tool"
      lk=$LOGS/$sc-$tool-$i.log
      t=$(time_cmd "$lk" "${p}_$tool") || die "$sc: ${p}_$tool failed (log: $lk)"
      declare -F "${p}_check_$tool" >/dev/null && "${p}_check_$tool"
      if [[ $tool == k ]]; then ks+="$t "; else fs+="$t "; fi
    done
  done
  ALL_K[$sc]=${ks% }; ALL_F[$sc]=${fs% }
  if [[ -n "$ks" ]]; then MED_K[$sc]=$(tr ' ' '\n' <<<"$ks" | grep . | median); else MED_K[$sc]=n/a; fi
  if [[ -n "$fs" ]]; then MED_F[$sc]=$(tr ' ' '\n' <<<"$fs" | grep . | median); else MED_F[$sc]=n/a; fi
  log "$sc: keel [${ALL_K[$sc]}] median ${MED_K[$sc]} s | flyway [${ALL_F[$sc]}] median ${MED_F[$sc]} s"
}

# ---- scenario "apply": N migrations into an empty SQLite file (no file at start)
DB_K=$WORK/keel.db
DB_F=$WORK/flyway.db
s1_setup_k() { fresh_db "$DB_K"; }
s1_setup_f() { fresh_db "$DB_F"; }
s1_k() { keel_migrate "$DB_K" "$M_APPLY"; }
s1_f() { flyway_migrate "$DB_F" "$M_APPLY"; }
s1_check_k() { check_applied "$DB_K" "$APPLY_N"; }
s1_check_f() { check_applied "$DB_F" "$APPLY_N"; }

# ---- scenario "noop": migrate with N already applied (each tool's own prepared DB, copied fresh)
PREP_K=$WORK/prepared/keel-$NOOP_N.db
PREP_F=$WORK/prepared/flyway-$NOOP_N.db
s2_setup_k() { copy_db "$PREP_K" "$DB_K"; }
s2_setup_f() { copy_db "$PREP_F" "$DB_F"; }
s2_k() { keel_migrate "$DB_K" "$M_NOOP"; }
s2_f() { flyway_migrate "$DB_F" "$M_NOOP"; }
s2_check_k() { check_applied "$DB_K" "$NOOP_N"; }
s2_check_f() { check_applied "$DB_F" "$NOOP_N"; }

# ---- scenario "version": cold start of --version (launcher), plus raw `java -jar` for reference
s3_k() { "${KEEL[@]}" --version; }
s3_f() { "${FLYWAY[@]}" --version; }
s4_k() { java -jar "$KEEL_JAR" --version; }

START=$(now_ns)
LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)

# Warm the OS file cache for the jars once (not timed): "cold" means a new JVM, not a cold disk.
"${FLYWAY[@]}" --version >/dev/null
[[ $KEEL_OK == 1 ]] && "${KEEL[@]}" --version >/dev/null
[[ $KEEL_JAR_OK == 1 ]] && java -jar "$KEEL_JAR" --version >/dev/null

# ---- prepare the 10k databases, once per tool, with that tool
KEY_F=$(cat "$FLYWAY_JAR" "$BENCH_DIR/generate.sh" | sha256sum | cut -c1-16)-$NOOP_N
if [[ -f "$PREP_F" && -f "$PREP_F.key" && "$(cat "$PREP_F.key")" == "$KEY_F" ]]; then
  log "reusing prepared Flyway DB ($PREP_F)"
else
  log "preparing Flyway DB with $NOOP_N applied migrations (takes several minutes)"
  fresh_db "$PREP_F"; rm -f "$PREP_F.key"
  t=$(time_cmd "$LOGS/prepare-flyway.log" flyway_migrate "$PREP_F" "$M_NOOP") || die "Flyway prepare failed"
  check_applied "$PREP_F" "$NOOP_N"
  echo "$KEY_F" >"$PREP_F.key"
  log "Flyway applied $NOOP_N migrations in $t s (single run, not part of the table)"
  PREP_F_TIME=$t
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

log "scenario apply: $APPLY_N migrations into an empty file, $RUNS runs"
run_pair apply "$RUNS" s1
log "scenario noop: migrate with $NOOP_N applied, $RUNS_NOOP runs"
run_pair noop "$RUNS_NOOP" s2
log "scenario version: --version cold start, $RUNS runs"
run_pair version "$RUNS" s3
if [[ $KEEL_JAR_OK == 1 ]]; then
  run_pair jar "$RUNS" s4
fi

LOAD_END=$(cut -d" " -f1-3 /proc/loadavg)
ELAPSED=$(awk -v d=$(( $(now_ns) - START )) 'BEGIN { printf "%.0f", d / 1e9 }')

# ---------------------------------------------------------------- report
ratio() { [[ "$1" == n/a || "$2" == n/a ]] && { echo n/a; return; }; awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict_ratio() { [[ "$1" == n/a ]] && { echo SKIP; return; }; awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t ? "PASS" : "FAIL") }'; }
verdict_abs()   { [[ "$1" == n/a ]] && { echo SKIP; return; }; awk -v s="$1" -v t="$2" 'BEGIN { print (s <= t ? "PASS" : "FAIL") }'; }
fmt() { [[ "$1" == n/a ]] && echo n/a || awk -v s="$1" 'BEGIN { printf "%.3f", s }'; }

ROWS=()
r=$(ratio "${MED_K[apply]}" "${MED_F[apply]}")
ROWS+=("apply $APPLY_N to empty file|$(fmt "${MED_K[apply]}")|$(fmt "${MED_F[apply]}")|$r|ratio ≤ 0.50|$(verdict_ratio "$r" 0.5)")
r=$(ratio "${MED_K[noop]}" "${MED_F[noop]}")
ROWS+=("no-op migrate, $NOOP_N applied|$(fmt "${MED_K[noop]}")|$(fmt "${MED_F[noop]}")|$r|ratio ≤ 0.25|$(verdict_ratio "$r" 0.25)")
r=$(ratio "${MED_K[version]}" "${MED_F[version]}")
ROWS+=("--version cold start|$(fmt "${MED_K[version]}")|$(fmt "${MED_F[version]}")|$r|Keel ≤ 0.300 s|$(verdict_abs "${MED_K[version]}" 0.3)")
if [[ $KEEL_JAR_OK == 1 ]]; then
  r=$(ratio "${MED_K[jar]}" "${MED_F[version]}")
  ROWS+=("(ref) java -jar keel.jar --version|$(fmt "${MED_K[jar]}")|$(fmt "${MED_F[version]}")|$r|reference|-")
fi

HDR="scenario|Keel median s|Flyway median s|ratio K/F|target|result"

echo
{ echo "$HDR"; printf '%s\n' "${ROWS[@]}"; } | column -t -s '|'
echo

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
JAVA_V=$(java -version 2>&1 | head -n 2 | tr '\n' ' ' | sed 's/ *$//')
KEEL_MIG_SHOWN="$KEEL_CMD migrate --url jdbc:sqlite:FILE --migrations DIR${KEEL_MIGRATE_EXTRA:+ $KEEL_MIGRATE_EXTRA}"

{
  echo "# Keel vs Flyway — latest benchmark"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- Command: \`$CMD\` (total ${ELAPSED} s)"
  echo "- Machine: $(nproc) CPUs, $CPU, $(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
  echo "- Java: $JAVA_V"
  echo "- Load average (1/5/15 min): $LOAD_START at start, $LOAD_END at end — other work on the machine inflates and spreads the times"
  echo "- Keel: $KEEL_VERSION — \`$KEEL_MIG_SHOWN\`"
  echo "- Flyway: $FLYWAY_VERSION (flyway-core via bench/flyway-runner, sqlite-jdbc 3.50.3.0, defaults incl. validateOnMigrate)"
  echo "- Runs: $RUNS (apply, version), $RUNS_NOOP (no-op); medians of whole-command wall times, tools interleaved"
  echo
  echo "| ${HDR//|/ | } |"
  echo "|---|---:|---:|---:|---|---|"
  for row in "${ROWS[@]}"; do echo "| ${row//|/ | } |"; done
  echo
  echo "Raw times (s):"
  echo
  for sc in apply noop version jar; do
    [[ -n "${ALL_K[$sc]+x}${ALL_F[$sc]+x}" ]] || continue
    echo "- $sc: Keel [${ALL_K[$sc]:-}] Flyway [${ALL_F[$sc]:-}]"
  done
  [[ -n "${PREP_F_TIME:-}" ]] && echo "- one-off preparation, Flyway applying $NOOP_N: ${PREP_F_TIME} s"
  [[ -n "${PREP_K_TIME:-}" ]] && echo "- one-off preparation, Keel applying $NOOP_N: ${PREP_K_TIME} s"
  true
} >"$RESULTS/latest.md"
log "written $RESULTS/latest.md (total ${ELAPSED} s)"
