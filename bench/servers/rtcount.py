#!/usr/bin/env python3
"""Round-trip counter for bench/servers.sh: a TCP proxy between a client and PostgreSQL or MariaDB/MySQL.

Usage: rtcount.py LISTEN_PORT TARGET_HOST TARGET_PORT PROTOCOL(pg|mysql) LOGFILE [--timing]

Counts, per client connection, the client "turns" (the client sends after the server has answered, i.e. a
network round trip the client waits for) and lists the SQL the client sends: PostgreSQL simple Query ('Q') and
Parse ('P') messages and Binds ('B') of a named statement parsed earlier (a re-executed server-side prepared
statement), MySQL COM_QUERY (0x03) and COM_STMT_PREPARE (0x16), each tagged with its turn number, so
several statements pipelined into one turn show up as such. Plain text protocols only (SSL off on both servers
here; pass sslmode=disable / sslMode=DISABLED to be sure). Timing through the proxy is meaningless: it is only
used to count, never to time.

With --timing it also splits each connection's life into time waiting for the server (from the client's send to
the server's last reply byte before the client's next send, per turn, summed by the kind of statement that opened the turn) and time the client
spends between the server's last reply and its next send (the client's own work: parsing, JDBC, logging, GC…).
The proxy adds its own latency to every turn, so these are for attribution, not for absolute figures.
"""
import re
import time
import socket
import struct
import sys
import threading

listen_port, host, port, proto, logfile = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
timing = "--timing" in sys.argv[6:]
log_lock = threading.Lock()
conn_no = 0


def log(line):
    with log_lock:
        with open(logfile, "a") as f:
            f.write(line + "\n")


class Conn:
    def __init__(self, no):
        self.no = no
        self.lock = threading.Lock()
        self.last = "s"  # the server "spoke last" before the client's first send
        self.turns = 0
        self.buf = b""
        self.started = False  # PG: startup packet (no type byte) consumed
        self.statements = []
        self.named = {}             # PG: server-side prepared statement name -> SQL
        self.opened = time.monotonic()
        self.turn_sent = None       # when the current turn's first client byte arrived
        self.turn_label = None      # statement kind that opened the current turn
        self.last_server = None     # last server byte
        self.server_wait = {}       # label -> [seconds, turns]
        self.client_time = 0.0
        self.first_send = None

    def client_data(self, data):
        now = time.monotonic()
        with self.lock:
            if self.last == "s":
                self.close_turn()
                self.turns += 1
                if self.last_server is not None:
                    self.client_time += now - self.last_server
                if self.first_send is None:
                    self.first_send = now
                self.turn_sent = now
                self.turn_label = None
            self.last = "c"
            self.buf += data
            before = len(self.statements)
            self.parse()
            for _, kind, sql in self.statements[before:]:
                if sql.strip().upper() != b"BEGIN" or self.turn_label is None:
                    self.turn_label = label(sql)  # the turn's last statement (BEGIN only if alone)

    def server_data(self):
        now = time.monotonic()
        with self.lock:
            self.last = "s"
            self.last_server = now

    def close_turn(self):
        """Charges the turn that just ended: from the client's send to the server's last reply byte."""
        if self.turn_sent is not None and self.last_server is not None and self.last_server >= self.turn_sent:
            w = self.server_wait.setdefault(self.turn_label or "(no SQL text: startup, auth, sync)", [0.0, 0])
            w[0] += self.last_server - self.turn_sent
            w[1] += 1
        self.turn_sent = None

    def parse(self):
        if proto == "pg":
            while True:
                if not self.started:
                    if len(self.buf) < 4:
                        return
                    n = struct.unpack("!I", self.buf[:4])[0]
                    if len(self.buf) < n:
                        return
                    code = struct.unpack("!I", self.buf[4:8])[0]
                    self.buf = self.buf[n:]
                    if code != 80877103:  # not an SSLRequest: the real startup message
                        self.started = True
                    continue
                if len(self.buf) < 5:
                    return
                t = self.buf[:1]
                n = struct.unpack("!I", self.buf[1:5])[0]
                if len(self.buf) < 1 + n:
                    return
                body = self.buf[5:1 + n]
                self.buf = self.buf[1 + n:]
                if t == b"Q":
                    self.statements.append((self.turns, "Q", body.split(b"\0")[0]))
                elif t == b"P":
                    parts = body.split(b"\0")
                    if parts[0]:
                        self.named[parts[0]] = parts[1]
                    self.statements.append((self.turns, "P", parts[1]))
                elif t == b"B":
                    name = body.split(b"\0")[1]
                    if name and name in self.named and (not self.statements or self.statements[-1][0] != self.turns
                                                        or self.statements[-1][2] != self.named[name]):
                        self.statements.append((self.turns, "B", self.named[name]))
        else:
            while len(self.buf) >= 4:
                n = self.buf[0] | (self.buf[1] << 8) | (self.buf[2] << 16)
                if len(self.buf) < 4 + n:
                    return
                payload = self.buf[4:4 + n]
                self.buf = self.buf[4 + n:]
                if payload[:1] == b"\x03":
                    self.statements.append((self.turns, "Q", payload[1:]))
                elif payload[:1] == b"\x16":
                    self.statements.append((self.turns, "P", payload[1:]))
                elif payload[:1] == b"\x17":
                    self.statements.append((self.turns, "X", b"<execute prepared>"))

    def report(self):
        out = ["connection %d: %d client turns, %d statements" % (self.no, self.turns, len(self.statements))]
        if timing:
            self.close_turn()
            total = sum(v[0] for v in self.server_wait.values())
            out.append("  timing: open %.3f s, waiting for the server %.3f s, client between turns %.3f s"
                       % (time.monotonic() - self.opened, total, self.client_time))
            for k, v in sorted(self.server_wait.items(), key=lambda kv: -kv[1][0])[:15]:
                out.append("  wait %8.3f s %6d turns  %s" % (v[0], v[1], k))
            log("\n".join(out))
            return
        for turn, kind, sql in self.statements:
            text = " ".join(sql.decode("utf-8", "replace").split())
            out.append("  turn %5d %s %s" % (turn, kind, text[:160]))
        log("\n".join(out))


def label(sql):
    """The kind of a statement: its text with numbers and quoted strings blanked, cut short."""
    text = " ".join(sql.decode("utf-8", "replace").split())
    text = re.sub(r"'[^']*'", "'…'", text)
    text = re.sub(r"\b\d+\b", "N", text)
    text = re.sub(r"\b([a-z]+)\d+\b", r"\1N", text)
    return text[:70]


def pump(src, dst, conn, from_client):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            if from_client:
                conn.client_data(data)
            else:
                conn.server_data()
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def handle(client, no):
    server = socket.create_connection((host, port))
    for s in (client, server):
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    conn = Conn(no)
    t = threading.Thread(target=pump, args=(server, client, conn, False), daemon=True)
    t.start()
    pump(client, server, conn, True)
    t.join()
    client.close()
    server.close()
    conn.report()


def main():
    global conn_no
    ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", listen_port))
    ls.listen(16)
    while True:
        c, _ = ls.accept()
        conn_no += 1
        threading.Thread(target=handle, args=(c, conn_no), daemon=True).start()


if __name__ == "__main__":
    main()
