#!/usr/bin/env bash
# Prepares a Docker engine and the local MariaDB image that the docker snapshot tests need (shared/TESTING.md):
#   1. installs docker.io from Debian's packages when dockerd is missing;
#   2. starts dockerd in the background when /var/run/docker.sock does not answer, and waits for it;
#   3. builds keel-test/mariadb:10.11 when the engine lacks it: no registry is reachable, so its root filesystem
#      is made with debootstrap (Debian bookworm, minbase + mariadb-server) and imported with `docker import`.
#      The image stays in the engine, and the root filesystem tarball in $KEEL_DOCKER_CACHE, between runs.
# Idempotent and quick when everything is there. Run as root. Exits non-zero, saying why, when the engine or the
# image cannot be had; the tests then fail under CI=true (and skip with the reason otherwise).
#
# Environment: KEEL_DOCKER_IMAGE (default keel-test/mariadb:10.11), KEEL_DOCKER_CACHE (default /var/cache/keel-docker),
#              KEEL_DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

IMAGE=${KEEL_DOCKER_IMAGE:-keel-test/mariadb:10.11}
CACHE=${KEEL_DOCKER_CACHE:-/var/cache/keel-docker}
MIRROR=${KEEL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SOCKET=/var/run/docker.sock
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

say() { echo "docker-setup: $*"; }
fail() { echo "docker-setup: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "run as root (it installs packages and starts dockerd)"
mkdir -p "$CACHE"

apt_install() {
  # 'apt-get update' once per run of this script, only when something must be installed.
  if [[ -z "${APT_UPDATED:-}" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >"$CACHE/apt-update.log" 2>&1 \
      || fail "apt-get update failed; see $CACHE/apt-update.log"
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >"$CACHE/apt-install.log" 2>&1 \
    || fail "apt-get install $* failed; see $CACHE/apt-install.log"
}

# 1. The engine's packages.
if ! command -v dockerd >/dev/null 2>&1; then
  say "installing docker.io"
  apt_install docker.io
fi
DOCKER=$(command -v docker) || fail "no docker client on PATH after installing docker.io"

# 2. A running engine.
engine_answers() { "$DOCKER" version --format '{{.Server.Version}}' >/dev/null 2>&1; }
if ! engine_answers; then
  if [[ -S $SOCKET ]]; then
    # A socket nobody answers on: a dockerd that died. Its pid file would make the new one refuse to start.
    pid=$(cat /var/run/docker.pid 2>/dev/null || true)
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      say "dockerd (PID $pid) runs but does not answer yet; waiting"
    else
      rm -f "$SOCKET" /var/run/docker.pid
    fi
  fi
  if [[ ! -S $SOCKET ]]; then
    say "starting dockerd (log: $CACHE/dockerd.log)"
    # Test containers use the host network only, so the engine needs no bridge or iptables rules of its own.
    setsid dockerd --host "unix://$SOCKET" --bridge=none --iptables=false --ip-masq=false \
      >>"$CACHE/dockerd.log" 2>&1 </dev/null &
  fi
  for _ in $(seq 1 120); do
    engine_answers && break
    sleep 0.5
  done
  engine_answers || { tail -n 30 "$CACHE/dockerd.log" >&2 || true; fail "dockerd did not answer on $SOCKET within 60 s"; }
fi
say "engine $("$DOCKER" version --format '{{.Server.Version}}') on $SOCKET"

# 3. The local MariaDB image, rebuilt when its entry point changed (the image carries the script's hash as a label).
ENTRYPOINT=$HERE/docker/mariadb-entrypoint.sh
ENTRYPOINT_HASH=$(sha256sum "$ENTRYPOINT" | cut -c1-16)
if [[ "$("$DOCKER" image inspect --format '{{index .Config.Labels "dev.keel.entrypoint"}}' "$IMAGE" 2>/dev/null)" \
      == "$ENTRYPOINT_HASH" ]]; then
  say "image $IMAGE present"
  exit 0
fi
ROOTFS_TAR=$CACHE/mariadb-rootfs.tar
if [[ ! -s $ROOTFS_TAR ]]; then
  command -v debootstrap >/dev/null 2>&1 || { say "installing debootstrap"; apt_install debootstrap; }
  work=$(mktemp -d "$CACHE/rootfs.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  say "building the root filesystem with debootstrap (bookworm, minbase + mariadb-server; a few minutes)"
  debootstrap --variant=minbase --include=mariadb-server bookworm "$work/root" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -n 20 "$CACHE/debootstrap.log" >&2; fail "debootstrap failed; see $CACHE/debootstrap.log"; }
  root=$work/root
  # Containers initialise their own data directory; package caches, docs and locales only make the image bigger.
  rm -rf "$root"/var/lib/mysql/* "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
    "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/var/log/*.log
  tar -C "$root" --numeric-owner -cf "$ROOTFS_TAR.tmp" .
  mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  rm -rf "$work"
  trap - EXIT
fi
say "importing $IMAGE"
previous=$("$DOCKER" image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
# The cached root filesystem plus the entry point (docker import refuses an archive that names a path twice).
image_tar=$(mktemp "$CACHE/image.XXXXXX.tar")
trap 'rm -f "$image_tar"' EXIT
cp "$ROOTFS_TAR" "$image_tar"
tar --delete -f "$image_tar" ./usr/local/bin/keel-mariadb 2>/dev/null || true
tar -rf "$image_tar" --owner=0 --group=0 --numeric-owner --mode=0755 \
  --transform 's|.*|./usr/local/bin/keel-mariadb|' -C "$(dirname "$ENTRYPOINT")" "$(basename "$ENTRYPOINT")"
"$DOCKER" import \
  --change 'ENTRYPOINT ["/usr/local/bin/keel-mariadb"]' \
  --change 'ENV MARIADB_PORT=3306 MARIADB_BIND=127.0.0.1 MARIADB_DATADIR=/var/lib/mysql' \
  --change 'VOLUME ["/var/lib/mysql"]' \
  --change "LABEL dev.keel.entrypoint=$ENTRYPOINT_HASH" \
  "$image_tar" "$IMAGE" >/dev/null
rm -f "$image_tar"
trap - EXIT
# The image it replaces (an older entry point), unless a container still uses it.
[[ -z "$previous" ]] || "$DOCKER" image rm "$previous" >/dev/null 2>&1 || true
"$DOCKER" image inspect "$IMAGE" >/dev/null 2>&1 || fail "the image $IMAGE is still missing after the import"
say "image $IMAGE built ($(du -h "$ROOTFS_TAR" | cut -f1) root filesystem)"
