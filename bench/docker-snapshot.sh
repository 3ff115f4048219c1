#!/usr/bin/env bash
# Snapshot + restore of a ~1 GiB MariaDB volume in a Docker container: Keel's docker strategy (`keel snapshot begin`
# / `keel snapshot restore`) against the same work done by hand with `docker cp`:
#   take:    docker stop C; docker cp C:/var/lib/mysql - > snap.tar; docker start C; wait until MariaDB answers
#   restore: docker stop C; empty the volume (docker run --rm -v VOL:/var/lib/mysql IMAGE find … -delete);
#            docker cp - C:/var/lib < snap.tar; docker start C; wait until MariaDB answers
# Without emptying, `docker cp` in would leave the tables created after the snapshot (not a restore); copied through a
# host folder (`docker cp C:/var/lib/mysql DIR`, `docker cp DIR/. C:/var/lib/mysql`) the files come back owned by
# root and MariaDB refuses to start: the tar stream keeps owners and modes.
#
# Usage: bench/docker-snapshot.sh [runs]     (default 3; as root or a member of the docker group)
#
# Needs the Docker engine and the image that .ci/docker-setup.sh prepares, the mariadb client on this machine, and the
# CLI jar (./keel builds it when missing). Environment overrides:
#   DSNAP_MB        size of the table's .ibd file in MiB (default 1024)
#   DSNAP_IMAGE     image (default keel-test/mariadb:10.11)
#   DSNAP_BASE      work folder: snapshots of both methods, logs (default /var/tmp/keel-bench-docker-snapshot)
#   DSNAP_KEEP_DATA 1: keep the prepared volume for the next run (default 1; it takes minutes to fill)
#   KEEL_CMD        Keel command (default ./keel at the repository root)
#
# Every timed step starts after an untimed `sync`. Each take is checked: a marker table is created after it, and
# after the restore the marker must be gone and the row count intact.
# Writes bench/results/docker-snapshot-latest.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"
CMD="bench/docker-snapshot.sh $*"
for v in DSNAP_MB DSNAP_IMAGE DSNAP_BASE DSNAP_KEEP_DATA KEEL_CMD; do
  if [[ -n "${!v:-}" ]]; then CMD="$v='${!v}' $CMD"; fi
done

RUNS=${1:-3}
[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 1 ]] || { echo "usage: $0 [runs]   (runs >= 1)" >&2; exit 2; }
MB=${DSNAP_MB:-1024}
IMAGE=${DSNAP_IMAGE:-keel-test/mariadb:10.11}
BASE=${DSNAP_BASE:-/var/tmp/keel-bench-docker-snapshot}
KEEP_DATA=${DSNAP_KEEP_DATA:-1}
KEEL=${KEEL_CMD:-$ROOT/keel}
NAME=keel-bench-dsnap
VOLUME=keel-bench-dsnap-data-${MB}m
WORK=$BASE/work-$$
LOGS=$WORK/logs
PROJECT=$WORK/project
mkdir -p "$LOGS" "$PROJECT/db/migrations" "$BENCH_DIR/results"

log() { printf '[docker-snapshot %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ns() { date +%s%N; }
secs() { awk -v d="$1" 'BEGIN { printf "%.2f\n", d / 1e9 }'; }
median() {
  sort -g | awk '{ a[NR] = $1 } END {
    if (NR == 0) { print "NaN"; exit }
    if (NR % 2) printf "%.2f\n", a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

command -v docker >/dev/null || die "no docker client; run .ci/docker-setup.sh"
docker version >/dev/null 2>&1 || die "the Docker engine does not answer; run .ci/docker-setup.sh"
docker image inspect "$IMAGE" >/dev/null 2>&1 || die "image $IMAGE missing; run .ci/docker-setup.sh"
command -v mariadb >/dev/null || die "the mariadb client is needed"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

my_sql() { mariadb -h127.0.0.1 -P"$PORT" -uroot --protocol=tcp -N -B "$@"; }
wait_ready() {
  local deadline=$(( $(date +%s) + 180 ))
  until my_sql -e "SELECT 1" >/dev/null 2>&1; do
    (( $(date +%s) < deadline )) || { docker logs --tail 20 "$NAME" >&2; die "MariaDB on port $PORT does not answer"; }
    sleep 0.02
  done
}
cleanup() {
  docker rm -f "$NAME" >/dev/null 2>&1 || true
  [[ "$KEEP_DATA" == 1 ]] || docker volume rm "$VOLUME" >/dev/null 2>&1 || true
  rm -rf "$WORK/snap.tar" "$PROJECT/.keel/snapshots"
}
trap cleanup EXIT

# ---------------------------------------------------------------- the container and its ~1 GiB volume
docker rm -f "$NAME" >/dev/null 2>&1 || true
fresh=0
docker volume inspect "$VOLUME" >/dev/null 2>&1 || { docker volume create "$VOLUME" >/dev/null; fresh=1; }
docker run -d --name "$NAME" --network host -e MARIADB_PORT="$PORT" -v "$VOLUME:/var/lib/mysql" "$IMAGE" \
  >/dev/null
wait_ready
if (( fresh )) || [[ "$(my_sql -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='bench'")" != 1 ]]; then
  log "filling the volume: table bench.t up to ${MB} MiB (once; the volume $VOLUME is kept)"
  started=$(now_ns)
  my_sql -e "CREATE DATABASE IF NOT EXISTS bench; CREATE TABLE IF NOT EXISTS bench.t (id BIGINT AUTO_INCREMENT PRIMARY KEY, pad VARCHAR(1000) NOT NULL) ENGINE=InnoDB"
  my_sql -D bench -e "INSERT INTO t (pad) SELECT REPEAT(MD5(RAND()), 30) FROM seq_1_to_1000"
  while :; do
    size=$(docker exec "$NAME" stat -c %s /var/lib/mysql/bench/t.ibd)
    (( size >= MB * 1024 * 1024 )) && break
    rows=$(my_sql -e "SELECT COUNT(*) FROM bench.t")
    need=$(( (MB * 1024 * 1024 - size) / 1100 + 1000 ))
    (( need > rows )) && need=$rows
    my_sql -e "INSERT INTO bench.t (pad) SELECT REPEAT(MD5(RAND()), 30) FROM bench.t LIMIT $need"
  done
  log "filled in $(secs $(( $(now_ns) - started ))) s"
fi
ROWS=$(my_sql -e "SELECT COUNT(*) FROM bench.t")
IBD=$(docker exec "$NAME" stat -c %s /var/lib/mysql/bench/t.ibd)
DATA_SIZE=$(docker exec "$NAME" du -sh /var/lib/mysql | cut -f1)
VERSION=$(my_sql -e "SELECT VERSION()")
log "bench.t: $ROWS rows, t.ibd $(( IBD / 1024 / 1024 )) MiB, data directory $DATA_SIZE"

cat >"$PROJECT/keel.yaml" <<EOF2
url: "jdbc:mysql://127.0.0.1:$PORT/bench?user=root&password="
migrations: [db/migrations]
snapshot:
  strategy: docker
  keep: 0
  options:
    container: $NAME
EOF2

# ---------------------------------------------------------------- the methods
# Each prints "take_ns restore_ns" and checks the restore.
marker_check() { # after a restore: the marker is gone, the rows are all there
  [[ "$(my_sql -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='bench' AND table_name='marker'")" == 0 ]] \
    || die "$1: the marker table survived the restore"
  [[ "$(my_sql -e "SELECT COUNT(*) FROM bench.t")" == "$ROWS" ]] || die "$1: rows lost in the restore"
}
timed() { sync; local s; s=$(now_ns); "$@"; echo $(( $(now_ns) - s )); }

keel_take()    { (cd "$PROJECT" && KEEL_ENV=development $KEEL snapshot begin) >>"$LOGS/keel.log" 2>&1 || die "keel snapshot begin failed (see $LOGS/keel.log)"; }
keel_restore() { (cd "$PROJECT" && KEEL_ENV=development $KEEL snapshot restore) >>"$LOGS/keel.log" 2>&1 || die "keel snapshot restore failed (see $LOGS/keel.log)"; }
run_keel() {
  local t r
  t=$(timed keel_take | tail -n 1)
  my_sql -e "CREATE TABLE bench.marker (id INT)"
  r=$(timed keel_restore | tail -n 1)
  marker_check keel
  (cd "$PROJECT" && KEEL_ENV=development $KEEL snapshot prune --keep 0) >>"$LOGS/keel.log" 2>&1 || true
  echo "$t $r"
}

cp_take() {
  docker stop -t 60 "$NAME" >/dev/null
  docker cp "$NAME:/var/lib/mysql" - >"$WORK/snap.tar" 2>>"$LOGS/docker.log"
  docker start "$NAME" >/dev/null
  wait_ready
}
cp_restore() {
  docker stop -t 60 "$NAME" >/dev/null
  docker run --rm --network none -v "$VOLUME:/var/lib/mysql" --entrypoint find "$IMAGE" /var/lib/mysql -mindepth 1 -delete
  docker cp - "$NAME:/var/lib" <"$WORK/snap.tar" 2>>"$LOGS/docker.log"
  docker start "$NAME" >/dev/null
  wait_ready
}
run_cp() {
  local t r
  t=$(timed cp_take | tail -n 1)
  my_sql -e "CREATE TABLE bench.marker (id INT)"
  r=$(timed cp_restore | tail -n 1)
  marker_check "docker cp"
  rm -f "$WORK/snap.tar"
  echo "$t $r"
}

# Warm-up (untimed): the JVM's files and the page cache.
log "warm-up"
run_keel >/dev/null
declare -A TAKE RESTORE
for i in $(seq 1 "$RUNS"); do
  order="cp keel"; (( i % 2 == 0 )) && order="keel cp"
  for m in $order; do
    read -r t r < <(run_$m)
    TAKE[$m]+="$t "; RESTORE[$m]+="$r "
    log "run $i $m: take $(secs "$t") s, restore $(secs "$r") s"
  done
done

med() { for x in $1; do echo "$x"; done | awk '{ printf "%.4f\n", $1 / 1e9 }' | median; }
raw() { local a=($1) b=($2) out=""; for k in "${!a[@]}"; do out+="$(secs "${a[$k]}") + $(secs "${b[$k]}"); "; done; echo "${out%; }"; }
KT=$(med "${TAKE[keel]}"); KR=$(med "${RESTORE[keel]}"); CT=$(med "${TAKE[cp]}"); CR=$(med "${RESTORE[cp]}")
KS=$(awk -v a="$KT" -v b="$KR" 'BEGIN { printf "%.2f", a + b }'); CS=$(awk -v a="$CT" -v b="$CR" 'BEGIN { printf "%.2f", a + b }')
RATIO=$(awk -v k="$KS" -v c="$CS" 'BEGIN { printf "%.2f", k / c }')

OUT=$BENCH_DIR/results/docker-snapshot-latest.md
cat >"$OUT" <<EOF2
# Docker snapshot + restore of a ~1 GiB MariaDB volume (latest run)

Produced by \`bench/docker-snapshot.sh\`; see docs/snapshot-docker.md for what is measured.

- Date: $(date -u '+%Y-%m-%d %H:%M:%S') UTC
- Command: \`$CMD\`
- Machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 }' /proc/meminfo) RAM, Linux $(uname -r); $(df -T "$BASE" | awk 'NR == 2 { print $2 }') under $BASE and /var/lib/docker; shared with other builds
- Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)
- Docker engine $(docker version --format '{{.Server.Version}}'), storage driver $(docker info --format '{{.Driver}}'); image $IMAGE; MariaDB $VERSION, container on the host network
- Data: named volume $VOLUME, table bench.t $ROWS rows, t.ibd $(( IBD / 1024 / 1024 )) MiB, data directory $DATA_SIZE
- Keel: \`$KEEL snapshot begin\` / \`$KEEL snapshot restore\` with \`snapshot: {strategy: docker, options: {container: $NAME}}\` (each command includes the JVM start, the checks, the schema fingerprint before the take and the verification after the restore)
- Runs: $RUNS per method, alternating order, after one untimed warm-up of Keel; \`sync\` before every timed step; each restore checked (marker table gone, rows intact)

| method (take / restore) | take s | restore s | total s | total / docker cp |
|---|---:|---:|---:|---:|
| \`docker cp\` by hand: stop, \`docker cp C:/var/lib/mysql - > snap.tar\`, start, wait / stop, empty the volume, \`docker cp - C:/var/lib < snap.tar\`, start, wait | $CT | $CR | $CS | 1.00 |
| Keel \`docker\` strategy: \`keel snapshot begin\` / \`keel snapshot restore\` | $KT | $KR | $KS | $RATIO |

Medians. Raw times (take + restore, s), in run order:

- docker cp: $(raw "${TAKE[cp]}" "${RESTORE[cp]}")
- keel: $(raw "${TAKE[keel]}" "${RESTORE[keel]}")
EOF2
log "wrote $OUT"
cat "$OUT"
rm -rf "$WORK"
