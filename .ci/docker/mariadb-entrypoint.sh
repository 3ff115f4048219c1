#!/bin/sh
# Entry point of the local test image keel-test/mariadb:10.11 (built by .ci/docker-setup.sh).
# Initialises an empty data directory (root over TCP with an empty password, like the machine's own server),
# then runs mariadbd in the foreground as the mysql user. Arguments are passed on to mariadbd.
#   MARIADB_PORT     TCP port (default 3306); containers run with --network host, so pick a free one
#   MARIADB_BIND     address to listen on (default 127.0.0.1: traffic stays on loopback)
#   MARIADB_DATADIR  data directory (default /var/lib/mysql: mount a named volume or a host folder there)
set -eu
datadir=${MARIADB_DATADIR:-/var/lib/mysql}
port=${MARIADB_PORT:-3306}
bind=${MARIADB_BIND:-127.0.0.1}
mkdir -p "$datadir" /run/mysqld
chown mysql:mysql /run/mysqld
if [ ! -d "$datadir/mysql" ]; then
  chown mysql:mysql "$datadir"
  if ! mariadb-install-db --datadir="$datadir" --user=mysql --auth-root-authentication-method=normal \
      --skip-test-db >/tmp/install-db.log 2>&1; then
    cat /tmp/install-db.log >&2
    exit 1
  fi
fi
exec mariadbd --no-defaults --user=mysql --datadir="$datadir" --socket=/run/mysqld/mysqld.sock \
  --port="$port" --bind-address="$bind" "$@"
