#!/usr/bin/env bash
# Lint speed: a JMH benchmark (bench/lint-jmh) of JSqlParser's bare parse against Keel's whole lint on the same
# generated mixed corpus, on one core; then whole `keel lint` commands on a large directory, without the cache,
# with an empty cache and with a filled one.
#
# Usage: bench/lint.sh            (run from anywhere; about 8 minutes on an idle machine)
#
# Environment overrides:
#   MVN_ARGS        extra Maven arguments for every build, e.g. "-Dmaven.repo.local=/path/m2 -o"
#   SKIP_BUILD=1    do not build Keel first (its artifacts must be installed and ./keel's jar built)
#   CPU             the core everything is pinned to with taskset (default 0)
#   JMH_ARGS        JMH options (default: the benchmark's own: 1 fork, 10 warm-up iterations of 5 s, 5 measured of 4 s)
#   CLI_STATEMENTS  statements in the directory `keel lint` is timed on (default 30000, PostgreSQL, 50 per file)
#   CLI_RUNS        runs of each `keel lint` variant; medians are reported (default 3)
#
# Writes bench/results/lint-latest.md; scratch files go to bench/work/ (git-ignored).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WORK=$BENCH_DIR/work/lint
RESULTS=$BENCH_DIR/results
CPU=${CPU:-0}
CLI_STATEMENTS=${CLI_STATEMENTS:-30000}
CLI_RUNS=${CLI_RUNS:-3}
read -r -a MVN <<<"mvn -q ${MVN_ARGS:-}"
read -r -a JMH <<<"${JMH_ARGS:-}"
PIN=(taskset -c "$CPU")

log() { echo "lint.sh: $*" >&2; }

mkdir -p "$WORK" "$RESULTS"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M:%S UTC')

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  log "building Keel (mvn install -DskipTests)"
  "${MVN[@]}" -f "$ROOT/pom.xml" install -DskipTests >&2
fi
log "building the benchmark (bench/lint-jmh)"
"${MVN[@]}" -f "$BENCH_DIR/lint-jmh/pom.xml" package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >&2
CP="$BENCH_DIR/lint-jmh/target/classes:$(cat "$BENCH_DIR/lint-jmh/target/classpath.txt")"

# ---- 1. JMH ------------------------------------------------------------------------------------------------------
log "JMH on core $CPU: JSqlParser bare parse, JSqlParser on the calling thread, keel lint (this takes a few minutes)"
"${PIN[@]}" java -cp "$CP" org.openjdk.jmh.Main LintBenchmark -rf json -rff "$WORK/jmh.json" "${JMH[@]}" \
  >"$WORK/jmh.log" 2>&1 || { tail -40 "$WORK/jmh.log" >&2; exit 1; }

score() { jq -r --arg b "$1" '.[] | select(.benchmark | endswith("." + $b)) | .primaryMetric.score' "$WORK/jmh.json"; }
error() { jq -r --arg b "$1" '.[] | select(.benchmark | endswith("." + $b)) | .primaryMetric.scoreError' "$WORK/jmh.json"; }
BARE=$(score jsqlparserBareParse)
HERE=$(score jsqlparserOnCallingThread)
KEEL=$(score keelLint)
# The benchmark's corpus is CorpusGenerator's default: 2,000 statements per dialect.
STATEMENTS=$(java -cp "$CP" dev.keel.bench.lint.WriteCorpus "$WORK/jmh-corpus" 2000 | awk '{ s += $(NF-1) } END { print s }')
rm -rf "$WORK/jmh-corpus"

# ---- 2. whole keel lint commands ---------------------------------------------------------------------------------
log "writing $CLI_STATEMENTS PostgreSQL statements for keel lint"
rm -rf "$WORK/cli-corpus" "$WORK/cli-run"
java -cp "$CP" dev.keel.bench.lint.WriteCorpus "$WORK/cli-corpus" "$CLI_STATEMENTS" >/dev/null
rm -rf "$WORK/cli-corpus/mysql" "$WORK/cli-corpus/sqlite"
FILES=$(find "$WORK/cli-corpus/postgres" -name '*.sql' | wc -l)
mkdir -p "$WORK/cli-run"
KEEL_LINT=("$ROOT/keel" lint --dialect postgres --migrations "$WORK/cli-corpus/postgres")

# Runs `keel lint` pinned to the core in the scratch folder (its .keel/ holds the cache); prints seconds.
timed() {
  local out=$1; shift
  local start end
  start=$(date +%s.%N)
  (cd "$WORK/cli-run" && "${PIN[@]}" "${KEEL_LINT[@]}" --format compact "$@" >"$out" 2>"$out.err") || [[ $? == 3 ]]
  end=$(date +%s.%N)
  echo "$end - $start" | bc | awk '{ printf "%.2f", $1 }'
}
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

NOCACHE_T=(); COLD_T=(); WARM_T=()
for run in $(seq 1 "$CLI_RUNS"); do
  log "keel lint run $run/$CLI_RUNS: --no-cache, empty cache, filled cache"
  NOCACHE_T+=("$(timed "$WORK/nocache.txt" --no-cache)")
  rm -rf "$WORK/cli-run/.keel"
  COLD_T+=("$(timed "$WORK/cold.txt")")
  WARM_T+=("$(timed "$WORK/warm.txt")")
done
SAME=no
if cmp -s "$WORK/cold.txt" "$WORK/warm.txt" && cmp -s "$WORK/cold.txt" "$WORK/nocache.txt"; then SAME=yes; fi
(cd "$WORK/cli-run" && "${KEEL_LINT[@]}" --format json >"$WORK/warm.json" 2>/dev/null) || true
CACHED_FILES=$(jq -r '.cachedFiles' "$WORK/warm.json")
NOCACHE_M=$(echo "${NOCACHE_T[*]}" | median)
COLD_M=$(echo "${COLD_T[*]}" | median)
WARM_M=$(echo "${WARM_T[*]}" | median)
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report ------------------------------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v <= t; print ok ? "PASS" : "FAIL" }'; }
fmt() { awk -v v="$1" 'BEGIN { printf "%.0f", v }'; }
RATIO_BARE=$(awk -v b="$BARE" -v k="$KEEL" 'BEGIN { printf "%.2f", b / k }')
RATIO_HERE=$(awk -v b="$HERE" -v k="$KEEL" 'BEGIN { printf "%.2f", b / k }')
SPEEDUP_HERE=$(awk -v b="$HERE" -v k="$KEEL" 'BEGIN { printf "%.2f", k / b }')
CPU_NAME=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo "# Lint speed — latest run"
  echo
  echo "- Date: $STARTED"
  echo "- Command: \`bench/lint.sh\`${JMH_ARGS:+ with JMH_ARGS=\"$JMH_ARGS\"}; everything pinned to core $CPU (\`taskset -c $CPU\`)"
  echo "- Machine: $(nproc) CPUs ($CPU_NAME), $(uname -sr); Java: $(java -version 2>&1 | head -n 1)"
  echo "- Load average (1/5/15 min): $LOAD_START at start, $LOAD_END at end — other work on the machine lowers every figure"
  echo "- Corpus: $STATEMENTS statements (bench/lint-jmh CorpusGenerator: PostgreSQL, MySQL, SQLite; DDL, DML, routine bodies, vendor statements JSqlParser rejects)"
  echo
  echo "## JMH, single thread (statements/s, higher is better)"
  echo
  echo "| benchmark | statements/s | ± (99.9 %) |"
  echo "|---|---:|---:|"
  echo "| JSqlParser bare parse (\`CCJSqlParserUtil.parse(sql)\`) | $(fmt "$BARE") | $(fmt "$(error jsqlparserBareParse)") |"
  echo "| JSqlParser on the calling thread (reference: no executor) | $(fmt "$HERE") | $(fmt "$(error jsqlparserOnCallingThread)") |"
  echo "| Keel lint: read, split, classify (JSqlParser where needed), all rules, risk (no cache) | $(fmt "$KEEL") | $(fmt "$(error keelLint)") |"
  echo
  echo "| target | measured | result |"
  echo "|---|---:|---|"
  echo "| Keel lint ≥ 20,000 statements/s | $(fmt "$KEEL") | $(verdict "$KEEL" 20000 ">=") |"
  echo "| Keel time ≤ 1.5 × JSqlParser bare parse time | $RATIO_BARE × | $(verdict "$RATIO_BARE" 1.5 "<=") |"
  echo "| (reference) Keel time / JSqlParser on the calling thread | $RATIO_HERE × | - |"
  echo "| (load-independent proxy) Keel lint ÷ JSqlParser on the calling thread, statements/s, ≥ 1.6 | $SPEEDUP_HERE × | $(verdict "$SPEEDUP_HERE" 1.6 ">=") |"
  echo
  echo "## Whole \`keel lint\` commands ($CLI_STATEMENTS PostgreSQL statements, $FILES files; medians of $CLI_RUNS, seconds)"
  echo
  echo "| command | median s | runs |"
  echo "|---|---:|---|"
  echo "| \`keel lint --no-cache\` | $NOCACHE_M | ${NOCACHE_T[*]} |"
  echo "| \`keel lint\`, empty cache (lints and stores) | $COLD_M | ${COLD_T[*]} |"
  echo "| \`keel lint\`, filled cache (nothing changed) | $WARM_M | ${WARM_T[*]} |"
  echo
  echo "- Same report from all three: $SAME; files reused from the cache on the last run: $CACHED_FILES of $FILES"
} >"$RESULTS/lint-latest.md"
log "wrote $RESULTS/lint-latest.md"
cat "$RESULTS/lint-latest.md"
