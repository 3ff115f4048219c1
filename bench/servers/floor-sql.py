#!/usr/bin/env python3
"""Writes the raw-client floor script for bench/servers.sh.

Usage: floor-sql.py DIR N pg|mysql OUT

OUT holds, for V1__m1.sql … VN__mN.sql of DIR in version order, the file's SQL verbatim followed by one history
insert (version, script name, SHA-256 of the file, time applied) into floor_history, which OUT creates first:
  pg:    BEGIN; <file>; INSERT INTO floor_history …; COMMIT;   (one transaction per file, as Keel and Flyway do)
  mysql: <file>; INSERT INTO floor_history …;                 (DDL commits implicitly; the insert autocommits)
This is the least a migration tool has to send: the migrations themselves and one history row per file.
"""
import hashlib
import os
import sys

src, n, dialect, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
parts = ["CREATE TABLE floor_history (version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(255) NOT NULL,"
         " checksum CHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL);"]
for i in range(1, n + 1):
    name = "V%d__m%d.sql" % (i, i)
    with open(os.path.join(src, name), "rb") as f:
        raw = f.read()
    sql = raw.decode("utf-8").rstrip()
    if not sql.endswith(";"):
        sql += ";"
    insert = ("INSERT INTO floor_history (version, script, checksum, applied_at) VALUES (%d, '%s', '%s', CURRENT_TIMESTAMP);"
              % (i, name, hashlib.sha256(raw).hexdigest()))
    if dialect == "pg":
        parts.append("BEGIN;\n" + sql + "\n" + insert + "\nCOMMIT;")
    else:
        parts.append(sql + "\n" + insert)
with open(out, "w") as f:
    f.write("\n".join(parts) + "\n")
