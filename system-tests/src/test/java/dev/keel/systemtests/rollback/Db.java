package dev.keel.systemtests.rollback;

import dev.keel.spi.session.Row;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import dev.keel.testkit.ThrowawayServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A test database as the rollback tests look at it from outside keel: keel's own schema fingerprint (the dialect's,
 * history table left out), the history rows with their {@code rolled_back_at}, row counts. Each look opens and
 * closes its own connections (keel may stop the server between looks). {@link #close()} drops the database.
 */
final class Db implements AutoCloseable {

    private final String dialect;
    private final TestDatabase database;
    private final Function<TestDatabase, DatabaseProbe> probes;

    private Db(String dialect, TestDatabase database, Function<TestDatabase, DatabaseProbe> probes) {
        this.dialect = dialect;
        this.database = database;
        this.probes = probes;
    }

    /** A new SQLite file in a folder. */
    static Db sqlite(Path folder) {
        return new Db("sqlite", DatabaseProvisioning.sqlite(folder), DatabaseProbe::sqlite);
    }

    /** A new database on the local PostgreSQL server (or wherever {@link DatabaseProvisioning} finds one). */
    static Db postgres() {
        return new Db("postgres", DatabaseProvisioning.postgres(), DatabaseProbe::postgres);
    }

    /** A new database on the local MariaDB server (or wherever {@link DatabaseProvisioning} finds one). */
    static Db mariadb() {
        return new Db("mysql", DatabaseProvisioning.mysql(), DatabaseProbe::mysql);
    }

    /** A new MariaDB database on a throwaway server of the test's own (dropped with the server). */
    static Db on(ThrowawayServer server) {
        String name = DatabaseProvisioning.randomName();
        server.createDatabase(name);
        return new Db("mysql", TestDatabase.of(server.jdbcUrl(name), Optional.empty(), Optional.empty(),
                server + " database " + name, () -> { }), DatabaseProbe::mysql);
    }

    /** {@code sqlite}, {@code postgres} or {@code mysql} (MariaDB). */
    String dialect() {
        return dialect;
    }

    TestDatabase database() {
        return database;
    }

    /** The JDBC URL quoted for keel.yaml. */
    String yamlUrl() {
        return "\"" + database.url().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The canonical text of the dialect's schema fingerprint (history table left out). */
    String fingerprint() {
        try (DatabaseProbe probe = probes.apply(database)) {
            return probe.fingerprint().canonicalText();
        }
    }

    /**
     * The history rows in rank order as {@code version=status}, with {@code @rolled_back_at} appended when that
     * column is set, e.g. {@code 0004=rolled_back@} (its value is not compared, only whether it is set).
     */
    List<String> history() {
        try (DatabaseProbe probe = probes.apply(database)) {
            List<String> rows = new ArrayList<>();
            for (Row r : probe.query("SELECT version, status, rolled_back_at FROM " + DatabaseProbe.HISTORY
                    + " ORDER BY installed_rank")) {
                rows.add(r.text("version").orElse("") + "=" + r.text("status").orElse("")
                        + (r.value("rolled_back_at").isPresent() ? "@" : ""));
            }
            return rows;
        }
    }

    /** The schema fingerprint and the history together: "nothing changed" means this is equal before and after. */
    State state() {
        return new State(fingerprint(), history());
    }

    /** Runs statements outside keel, each in its own autocommit. */
    void execute(String... statements) {
        try (DatabaseProbe probe = probes.apply(database)) {
            for (String sql : statements) {
                probe.execute(sql);
            }
        }
    }

    /** The number a {@code SELECT COUNT(*) …} returns. */
    long count(String sql) {
        try (DatabaseProbe probe = probes.apply(database)) {
            return probe.count(sql);
        }
    }

    /** Inserts rows from 1 to {@code n}, in statements of at most 1,000 rows: {@code row.apply(i)} is one VALUES tuple. */
    void insertRows(String table, String columns, int n, Function<Integer, String> row) {
        List<String> statements = new ArrayList<>();
        for (int from = 1; from <= n; from += 1000) {
            StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (" + columns + ") VALUES ");
            for (int i = from; i <= Math.min(n, from + 999); i++) {
                sql.append(i == from ? "" : ", ").append(row.apply(i));
            }
            statements.add(sql.toString());
        }
        execute(statements.toArray(String[]::new));
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return database.description();
    }

    /**
     * What a rollback that stopped or only planned must leave untouched.
     *
     * @param fingerprint the schema fingerprint's canonical text
     * @param history     the history rows ({@link #history()})
     */
    record State(String fingerprint, List<String> history) {
    }
}
