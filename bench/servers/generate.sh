#!/usr/bin/env bash
# Usage: bench/servers/generate.sh N DIR
# Writes N migrations V1__m1.sql … VN__mN.sql (Flyway naming, which Keel also reads) into DIR, with SQL that is
# valid unchanged on PostgreSQL and on MySQL/MariaDB: a CREATE TABLE with a few portable columns, a two-row INSERT
# with explicit ids (no SERIAL/AUTO_INCREMENT, which differ) and a CREATE INDEX on a VARCHAR column (MariaDB cannot
# index TEXT without a prefix length, so bench/generate.sh's SQLite files do not fit). Low/medium risk, so neither
# tool asks for confirmation. Existing V*__m*.sql files in DIR are removed first.
set -euo pipefail

if [[ $# -ne 2 || ! "$1" =~ ^[0-9]+$ || "$1" -lt 1 ]]; then
  echo "usage: $0 N DIR   (N >= 1)" >&2
  exit 2
fi
n=$1
dir=$2
mkdir -p "$dir"
find "$dir" -maxdepth 1 -name 'V*__m*.sql' -delete

awk -v n="$n" -v dir="$dir" 'BEGIN {
  q = "\047"
  for (i = 1; i <= n; i++) {
    f = dir "/V" i "__m" i ".sql"
    printf "-- bench migration %d\n", i > f
    printf "CREATE TABLE t%d (\n  id INTEGER NOT NULL PRIMARY KEY,\n  name VARCHAR(100) NOT NULL,\n  amount NUMERIC(10,2),\n  created_at DATE\n);\n", i >> f
    printf "INSERT INTO t%d (id, name, amount, created_at) VALUES (1, %sa%s, 10.50, %s2025-01-01%s), (2, %sb%s, NULL, NULL);\n", i, q, q, q, q, q, q >> f
    printf "CREATE INDEX i%d ON t%d (name);\n", i, i >> f
    close(f)
  }
}'
