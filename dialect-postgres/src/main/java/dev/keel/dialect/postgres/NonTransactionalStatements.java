package dev.keel.dialect.postgres;

import dev.keel.spi.ServerInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the PostgreSQL statements that cannot run inside a transaction block (the server refuses them
 * with SQLState 25001), and the transaction-control statements that would end the transaction Keel runs a
 * migration in:
 *
 * <ul>
 *   <li>{@code CREATE [UNIQUE] INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY},
 *       {@code REINDEX … CONCURRENTLY} (also {@code REINDEX (CONCURRENTLY) …}), {@code REINDEX SCHEMA | DATABASE
 *       | SYSTEM}, {@code ALTER TABLE … DETACH PARTITION … CONCURRENTLY};</li>
 *   <li>{@code VACUUM}, {@code CLUSTER} without a table, {@code CREATE | DROP DATABASE},
 *       {@code ALTER DATABASE … SET TABLESPACE}, {@code CREATE | DROP TABLESPACE}, {@code ALTER SYSTEM},
 *       {@code DISCARD ALL}, {@code COMMIT | ROLLBACK PREPARED};</li>
 *   <li>{@code CREATE SUBSCRIPTION} (unless {@code create_slot = false}), {@code DROP SUBSCRIPTION},
 *       {@code ALTER SUBSCRIPTION … REFRESH PUBLICATION} and {@code … SET | ADD | DROP PUBLICATION} (which
 *       refresh by default);</li>
 *   <li>{@code ALTER TYPE … ADD VALUE} on servers before PostgreSQL 12;</li>
 *   <li>{@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK} (not
 *       {@code ROLLBACK TO SAVEPOINT}), {@code ABORT}, {@code PREPARE TRANSACTION}: inside Keel's transaction
 *       they would commit or abandon part of a migration.</li>
 * </ul>
 */
final class NonTransactionalStatements {

    private static final int TOKENS = 96;
    private static final Set<String> FALSE = Set.of("false", "off", "0", "no");

    private NonTransactionalStatements() {
    }

    /** Why the statement cannot run in a transaction on this server, or empty. */
    static Optional<String> reason(String sql, ServerInfo server) {
        List<String> t = StatementTokens.of(sql, TOKENS);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        switch (t.get(0)) {
            case "create":
                return create(t);
            case "drop":
                return drop(t);
            case "reindex":
                return reindex(t);
            case "vacuum":
                return refused("VACUUM");
            case "cluster":
                return cluster(t);
            case "alter":
                return alter(t, server);
            case "discard":
                return at(t, 1, "all") ? refused("DISCARD ALL") : Optional.empty();
            case "commit":
            case "end":
            case "abort":
                return at(t, 1, "prepared") ? refused("COMMIT PREPARED") : endsTransaction(t.get(0).toUpperCase(Locale.ROOT));
            case "rollback":
                return rollback(t);
            case "begin":
                return startsTransaction("BEGIN");
            case "start":
                return at(t, 1, "transaction") ? startsTransaction("START TRANSACTION") : Optional.empty();
            case "prepare":
                return at(t, 1, "transaction") ? endsTransaction("PREPARE TRANSACTION") : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> create(List<String> t) {
        int k = at(t, 1, "unique") ? 2 : 1;
        if (at(t, k, "index") && at(t, k + 1, "concurrently")) {
            return refused("CREATE INDEX CONCURRENTLY");
        }
        if (at(t, 1, "database")) {
            return refused("CREATE DATABASE");
        }
        if (at(t, 1, "tablespace")) {
            return refused("CREATE TABLESPACE");
        }
        if (at(t, 1, "subscription") && !option(t, "create_slot")) {
            return Optional.of("PostgreSQL runs CREATE SUBSCRIPTION outside a transaction block when it creates a"
                    + " replication slot (the default; create_slot = false allows a transaction)");
        }
        return Optional.empty();
    }

    private static Optional<String> drop(List<String> t) {
        if (at(t, 1, "index") && at(t, 2, "concurrently")) {
            return refused("DROP INDEX CONCURRENTLY");
        }
        if (at(t, 1, "database")) {
            return refused("DROP DATABASE");
        }
        if (at(t, 1, "tablespace")) {
            return refused("DROP TABLESPACE");
        }
        if (at(t, 1, "subscription")) {
            return Optional.of("PostgreSQL runs DROP SUBSCRIPTION outside a transaction block when the subscription"
                    + " has a replication slot");
        }
        return Optional.empty();
    }

    private static Optional<String> reindex(List<String> t) {
        int k = 1;
        boolean concurrently = false;
        if (at(t, 1, "(")) {
            k = 2;
            while (k < t.size() && !t.get(k).equals(")")) {
                if (t.get(k).equals("concurrently") && !(k + 1 < t.size() && FALSE.contains(t.get(k + 1)))) {
                    concurrently = true;
                }
                k++;
            }
            k++;
        }
        String kind = k < t.size() ? t.get(k) : "";
        if (concurrently || at(t, k + 1, "concurrently")) {
            return refused("REINDEX CONCURRENTLY");
        }
        if (kind.equals("schema") || kind.equals("database") || kind.equals("system")) {
            return refused("REINDEX " + kind.toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static Optional<String> cluster(List<String> t) {
        int k = 1;
        if (at(t, k, "(")) {
            while (k < t.size() && !t.get(k).equals(")")) {
                k++;
            }
            k++;
        }
        if (at(t, k, "verbose")) {
            k++;
        }
        return k >= t.size() ? refused("CLUSTER without a table name") : Optional.empty();
    }

    private static Optional<String> alter(List<String> t, ServerInfo server) {
        if (at(t, 1, "system")) {
            return refused("ALTER SYSTEM");
        }
        if (at(t, 1, "database") && sequence(t, "set", "tablespace") > 0) {
            return refused("ALTER DATABASE … SET TABLESPACE");
        }
        if (at(t, 1, "table")) {
            int detach = sequence(t, "detach", "partition");
            if (detach > 0 && t.subList(detach, t.size()).contains("concurrently")) {
                return refused("ALTER TABLE … DETACH PARTITION … CONCURRENTLY");
            }
        }
        if (at(t, 1, "type") && sequence(t, "add", "value") > 0 && server.major() < 12) {
            return Optional.of("PostgreSQL " + server.version() + " runs ALTER TYPE … ADD VALUE only outside a"
                    + " transaction block (allowed inside one from PostgreSQL 12)");
        }
        boolean changesPublications = sequence(t, "set", "publication") > 0 || sequence(t, "add", "publication") > 0
                || sequence(t, "drop", "publication") > 0;
        if (at(t, 1, "subscription")
                && (sequence(t, "refresh", "publication") > 0 || (changesPublications && !option(t, "refresh")))) {
            return Optional.of("PostgreSQL runs ALTER SUBSCRIPTION … REFRESH PUBLICATION (also implied by SET, ADD"
                    + " or DROP PUBLICATION unless refresh = false) only outside a transaction block");
        }
        return Optional.empty();
    }

    private static Optional<String> rollback(List<String> t) {
        int k = at(t, 1, "transaction") || at(t, 1, "work") ? 2 : 1;
        if (at(t, k, "to")) {
            return Optional.empty(); // ROLLBACK TO SAVEPOINT stays inside the transaction
        }
        if (at(t, 1, "prepared")) {
            return refused("ROLLBACK PREPARED");
        }
        return endsTransaction("ROLLBACK");
    }

    private static Optional<String> refused(String what) {
        return Optional.of("PostgreSQL runs " + what + " only outside a transaction block");
    }

    private static Optional<String> endsTransaction(String what) {
        return Optional.of(what + " would end the transaction Keel runs this migration in, leaving it half applied"
                + " (remove it: Keel commits or rolls back each migration itself)");
    }

    private static Optional<String> startsTransaction(String what) {
        return Optional.of(what + " starts a transaction of its own, but Keel already runs this migration in one"
                + " (remove it together with its COMMIT: Keel commits or rolls back each migration itself)");
    }

    /** Whether {@code name = false} (or {@code off}, {@code 0}) appears among the tokens. */
    private static boolean option(List<String> t, String name) {
        for (int k = 0; k + 2 < t.size(); k++) {
            if (t.get(k).equals(name) && t.get(k + 1).equals("=") && FALSE.contains(t.get(k + 2))) {
                return true;
            }
        }
        return false;
    }

    /** The index just after the first occurrence of {@code a b}, or -1. */
    private static int sequence(List<String> t, String a, String b) {
        for (int k = 0; k + 1 < t.size(); k++) {
            if (t.get(k).equals(a) && t.get(k + 1).equals(b)) {
                return k + 2;
            }
        }
        return -1;
    }

    private static boolean at(List<String> t, int index, String word) {
        return index < t.size() && t.get(index).equals(word);
    }
}
