package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.jdbc.ConnectionPool;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.dialect.DialectContext;
import dev.keel.spi.dialect.DialectProvider;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.migration.Checksum;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.spi.migration.MigrationStatus;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.Version;
import dev.keel.spi.Risk;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract every {@link Dialect} passes, run against a real database: statement splitting, provider, DDL
 * transactions, statements that cannot run in a transaction, the migration lock, the schema fingerprint, row
 * counts and the history table. A dialect module subclasses it in its tests:
 *
 * <pre>{@code
 * class PostgresDialectContractIT extends DialectContractTest {
 *     protected DialectProvider provider() { return new PostgresDialectProvider(); }
 *     protected TestDatabase provisionDatabase() { return DatabaseProvisioning.postgres(); }
 *     protected String scriptWithThreeStatements() { return "..."; }
 *     protected Optional<String> statementThatCannotRunInTransaction(String table) {
 *         return Optional.of("CREATE INDEX CONCURRENTLY " + table + "_cx ON " + table + " (name)");
 *     }
 * }
 * }</pre>
 *
 * <p>One database is provisioned for the class (and dropped after it); the fingerprint tests provision two more.
 * Every object the contract creates is named {@code kc_…}, in lower case. Sessions come from
 * {@link ConnectionPool#forUrl} exactly as the engine opens them, with {@link Dialect#driverUrl} and
 * {@link Dialect#connectionProperties()}. The SQL samples have portable defaults (they run on PostgreSQL, MySQL,
 * MariaDB and SQLite); override the ones your database does not understand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KnownFailures.class)
public abstract class DialectContractTest {

    /** The history table name the engine uses by default. */
    protected static final String HISTORY_TABLE = "keel_schema_history";

    /** The lock timeout put in the {@link DialectContext}. */
    protected static final Duration CONTEXT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    /** How long any single wait in the contract may take before it counts as hung. */
    private static final Duration HUNG = Duration.ofSeconds(20);

    private Target primary;

    // ---------------------------------------------------------------- what a dialect module supplies

    /** The provider under test (constructed directly, not through the {@link java.util.ServiceLoader}). */
    protected abstract DialectProvider provider();

    /**
     * A new, empty database for this dialect, usually {@link DatabaseProvisioning#postgres()},
     * {@link DatabaseProvisioning#mysql()} or {@link DatabaseProvisioning#sqlite}. Called once for the class and
     * twice more by the fingerprint tests; each one is closed (dropped) when they are done.
     */
    protected abstract TestDatabase provisionDatabase();

    /**
     * A script in the dialect's language with exactly three statements, which runs in order on an empty database
     * (create only objects named {@code split_…}). Make it hard: quoted text and identifiers holding {@code ;} and
     * comment markers, comments between statements, and a body with inner semicolons (a function, procedure or
     * trigger, with {@code DELIMITER} where the dialect needs it).
     */
    protected abstract String scriptWithThreeStatements();

    /**
     * A statement that this server cannot run inside a transaction, about {@code table} (created by the contract
     * with {@link #createTableSql}), e.g. PostgreSQL {@code CREATE INDEX CONCURRENTLY …}; or empty when the
     * dialect has none. The contract checks that {@link Dialect#transactionRestriction} names it, that it fails
     * inside a transaction and that it runs outside one.
     */
    protected abstract Optional<String> statementThatCannotRunInTransaction(String table);

    /**
     * Creates a table with columns {@code id} (integer primary key), {@code name} (nullable text) and {@code qty}
     * (nullable integer, default 0).
     */
    protected String createTableSql(String table) {
        return "CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100), qty INTEGER DEFAULT 0)";
    }

    /** Adds a nullable integer column to a table made by {@link #createTableSql}. */
    protected List<String> addColumnSql(String table, String column) {
        return List.of("ALTER TABLE " + table + " ADD COLUMN " + column + " INTEGER");
    }

    /** Creates a non-unique index on the {@code name} column of a table made by {@link #createTableSql}. */
    protected List<String> createIndexSql(String table, String index) {
        return List.of("CREATE INDEX " + index + " ON " + table + " (name)");
    }

    /**
     * Changes the default of {@code qty} in a table made by {@link #createTableSql} to 7, keeping everything else
     * (SQLite has to rebuild the table).
     */
    protected List<String> changeDefaultSql(String table) {
        return List.of("ALTER TABLE " + table + " ALTER COLUMN qty SET DEFAULT 7");
    }

    /** A script of comments only, in the dialect's comment syntax. */
    protected String commentOnlyScript() {
        return "-- only a comment; with a semicolon\n/* and a block comment;\n   over two lines */\n-- the end\n";
    }

    /**
     * Contract checks this dialect is known to fail, by test method name, each with why and what fixes it. Each is
     * still run: a failure is reported as skipped with the reason, a pass fails so that the entry is removed. Keep
     * it empty; it exists so that a defect found by the contract can be tracked without breaking the build.
     */
    protected Map<String, String> knownFailures() {
        return Map.of();
    }

    /** What the engine tells the dialect; override if your dialect needs more than the URL and lock timeout. */
    protected DialectContext dialectContext(TestDatabase database) {
        return new Context(database.url(), CONTEXT_LOCK_TIMEOUT);
    }

    // ---------------------------------------------------------------- helpers subclasses may use

    /** The class's database. */
    protected final TestDatabase database() {
        return primary.database;
    }

    /** The dialect under test, made by {@link #provider()} for {@link #database()}. */
    protected final Dialect dialect() {
        return primary.dialect;
    }

    /**
     * Opens a session on {@link #database()}, as the engine does. Close it; at most two may be open at once (the
     * engine's pool size).
     */
    protected final DatabaseSession openSession() {
        return primary.pool.open();
    }

    /** Provisions the class's database; runs before any test. */
    @BeforeAll
    protected final void provisionContractDatabase() {
        Set<String> checks = Stream.of(DialectContractTest.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Nested.class)).flatMap(c -> Stream.of(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Test.class)).map(java.lang.reflect.Method::getName)
                .collect(Collectors.toSet());
        Set<String> unknown = knownFailures().keySet().stream().filter(k -> !checks.contains(k))
                .collect(Collectors.toSet());
        assertTrue(unknown.isEmpty(), () -> "knownFailures() names no contract check: " + unknown + "; checks: " + checks);
        primary = Target.of(this, provisionDatabase());
    }

    /** Drops the class's database. */
    @AfterAll
    protected final void dropContractDatabase() {
        if (primary != null) {
            primary.close();
        }
    }

    // ---------------------------------------------------------------- the contract

    @Nested
    class Splitting {

        private List<SqlStatement> split(String sql, int firstLine) {
            return dialect().splitter().split(sql, "V1__contract.sql", firstLine);
        }

        @Test
        @DisplayName("the sample script splits into exactly three statements, in order, with their lines")
        void threeStatements() {
            List<SqlStatement> statements = split(scriptWithThreeStatements(), 1);
            assertEquals(3, statements.size(), () -> "expected 3 statements, got " + describe(statements));
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement s = statements.get(i);
                assertEquals(i, s.index(), () -> "index of " + describe(statements));
                assertTrue(s.line() >= 1, () -> "line >= 1: " + describe(statements));
                assertFalse(s.sql().isBlank(), () -> "blank statement in " + describe(statements));
                assertFalse(s.sql().strip().endsWith(";"),
                        () -> "a statement is sent without its trailing delimiter: " + s.sql());
                if (i > 0) {
                    SqlStatement previous = statements.get(i - 1);
                    assertTrue(s.line() > previous.line()
                                    || (s.line() == previous.line() && s.column() > previous.column()),
                            () -> "statements must be in ascending position: " + describe(statements));
                }
            }
            String script = scriptWithThreeStatements();
            for (SqlStatement s : statements) {
                assertTrue(lineOf(script, s.line()).contains(firstWord(s.sql())),
                        () -> "statement " + s.index() + " does not start on line " + s.line() + ": " + s.sql());
            }
        }

        @Test
        @DisplayName("lines count from the first line given")
        void firstLineOffset() {
            List<SqlStatement> fromOne = split(scriptWithThreeStatements(), 1);
            List<SqlStatement> fromTen = split(scriptWithThreeStatements(), 10);
            assertEquals(fromOne.stream().map(s -> s.line() + 9).toList(), fromTen.stream().map(SqlStatement::line).toList());
            assertEquals(fromOne.stream().map(SqlStatement::sql).toList(), fromTen.stream().map(SqlStatement::sql).toList());
        }

        @Test
        @DisplayName("the three statements run on the database, one by one")
        void statementsRun() {
            try (DatabaseSession session = openSession()) {
                for (SqlStatement s : split(scriptWithThreeStatements(), 1)) {
                    assertDoesNotThrow(() -> session.execute(s.sql()), () -> "statement " + s.index() + " failed: " + s.sql());
                }
            }
        }

        @Test
        @DisplayName("a comment-only or blank script gives no statement")
        void commentOnlyGivesNone() {
            assertEquals(List.of(), split(commentOnlyScript(), 1));
            assertEquals(List.of(), split("", 1));
            assertEquals(List.of(), split("  \n\t\n", 1));
        }
    }

    @Nested
    class Provider {

        @Test
        @DisplayName("has a non-blank id, shared with its dialect, and well-formed aliases")
        void id() {
            DialectProvider provider = provider();
            assertFalse(provider.id() == null || provider.id().isBlank(), "provider id is blank");
            assertEquals(provider.id(), dialect().id(), "the dialect's id is the provider's");
            assertNotNull(provider.aliases(), "aliases");
            assertTrue(provider.aliases().stream().noneMatch(a -> a == null || a.isBlank()), "blank alias");
            assertNotNull(dialect().capabilities(), "capabilities");
        }

        @Test
        @DisplayName("accepts its database's URL and no other dialect's")
        void acceptsOwnUrlOnly() {
            String url = database().url();
            assertTrue(provider().accepts(url), () -> "accepts(" + url + ")");
            String scheme = scheme(url);
            List<String> foreign = new ArrayList<>(List.of("jdbc:sqlite:contract.db",
                    "jdbc:postgresql://127.0.0.1:5432/contract", "jdbc:mysql://127.0.0.1:3306/contract",
                    "jdbc:h2:mem:contract", "jdbc:oracle:thin:@127.0.0.1:1521/contract"));
            foreign.removeIf(u -> scheme(u).equals(scheme));
            for (String other : foreign) {
                assertFalse(provider().accepts(other), () -> "must not accept another dialect's URL: " + other);
            }
        }

        @Test
        @DisplayName("reports the server's product and version")
        void serverInfo() {
            try (DatabaseSession session = openSession()) {
                ServerInfo info = session.serverInfo();
                assertFalse(info.product().isBlank(), "product");
                assertFalse(info.version().isBlank(), "version");
                assertTrue(info.major() > 0, () -> "major version > 0: " + info);
            }
        }
    }

    @Nested
    class Transactions {

        @Test
        @DisplayName("a CREATE TABLE rolled back is gone exactly when capabilities().transactionalDdl() says so")
        void rollbackMatchesCapability() {
            boolean transactional = dialect().capabilities().transactionalDdl();
            try (DatabaseSession session = openSession()) {
                assertFalse(tableExists(session, "kc_never_created"), "probe of a missing table");
                session.begin();
                session.execute(createTableSql("kc_tx_rolled_back"));
                session.rollback();
                assertFalse(session.inTransaction());
                assertEquals(!transactional, tableExists(session, "kc_tx_rolled_back"), transactional
                        ? "transactionalDdl() is true, but a CREATE TABLE survived a rollback"
                        : "transactionalDdl() is false, but a CREATE TABLE was rolled back");
            }
        }

        @Test
        @DisplayName("a CREATE TABLE committed stays")
        void commitKeeps() {
            try (DatabaseSession session = openSession()) {
                session.begin();
                session.execute(createTableSql("kc_tx_committed"));
                session.commit();
                assertTrue(tableExists(session, "kc_tx_committed"));
            }
        }
    }

    @Nested
    class NonTransactional {

        private static final String TABLE = "kc_non_tx";

        @Test
        @DisplayName("a plain CREATE TABLE has no restriction")
        void plainCreateTableHasNone() {
            try (DatabaseSession session = openSession()) {
                SqlStatement create = single(createTableSql("kc_plain"));
                assertEquals(Optional.empty(), dialect().transactionRestriction(create, session.serverInfo()));
            }
        }

        @Test
        @DisplayName("the sample is named by transactionRestriction, fails in a transaction and runs outside one"
                + " (without a sample: ordinary statements are not restricted)")
        void sampleIsRestrictedAndRunsOutside() {
            Optional<String> sample = statementThatCannotRunInTransaction(TABLE);
            if (sample.isEmpty()) {
                // A dialect that knows no such statement must not restrict ordinary ones either.
                try (DatabaseSession session = openSession()) {
                    for (SqlStatement ordinary : dialect().splitter().split(scriptWithThreeStatements(), "V1__c.sql", 1)) {
                        assertEquals(Optional.empty(), dialect().transactionRestriction(ordinary, session.serverInfo()),
                                () -> "restricted although the dialect declares no such statement: " + ordinary.sql());
                    }
                }
                return;
            }
            SqlStatement statement = single(sample.get());
            try (DatabaseSession session = openSession()) {
                session.execute(createTableSql(TABLE));
                Optional<String> why = dialect().transactionRestriction(statement, session.serverInfo());
                assertTrue(why.isPresent() && !why.get().isBlank(),
                        () -> "transactionRestriction must explain why this cannot run in a transaction: " + statement.sql());

                session.begin();
                try {
                    assertThrows(KeelException.class, () -> session.execute(statement.sql()),
                            "the sample ran inside a transaction, so the restriction is not real on this server");
                } finally {
                    session.rollback();
                }
                assertDoesNotThrow(() -> session.execute(statement.sql()), "outside a transaction");
            }
        }

        private SqlStatement single(String sql) {
            List<SqlStatement> statements = dialect().splitter().split(sql, "V1__contract.sql", 1);
            assertEquals(1, statements.size(), () -> "expected one statement: " + sql);
            return statements.get(0);
        }
    }

    @Nested
    class Locks {

        private static final Duration SHORT = Duration.ofMillis(500);

        @Test
        @DisplayName("a second session times out with LOCK_TIMEOUT after waiting, then gets it once released")
        void secondSessionTimesOutThenAcquires() throws Exception {
            try (Contender a = new Contender(); Contender b = new Contender()) {
                DatabaseLock.Held held = a.acquire(Duration.ofSeconds(5));
                long started = System.nanoTime();
                KeelException busy = assertThrows(KeelException.class, () -> b.acquire(SHORT));
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                assertEquals(ErrorCode.LOCK_TIMEOUT, busy.code(), () -> "code of " + busy.getMessage());
                assertTrue(waited.compareTo(SHORT.dividedBy(2)) >= 0,
                        () -> "acquire(" + SHORT.toMillis() + " ms) gave up without waiting: " + waited.toMillis() + " ms");
                assertTrue(waited.compareTo(Duration.ofSeconds(10)) < 0,
                        () -> "acquire(" + SHORT.toMillis() + " ms) took " + waited.toMillis() + " ms");

                a.release(held);
                b.release(b.acquire(Duration.ofSeconds(5)));
            }
        }

        @Test
        @DisplayName("acquire(ZERO) fails at once when the lock is held and succeeds when it is free")
        void zeroTimeout() throws Exception {
            try (Contender a = new Contender(); Contender b = new Contender()) {
                DatabaseLock.Held held = a.acquire(Duration.ZERO);
                long started = System.nanoTime();
                KeelException busy = assertThrows(KeelException.class, () -> b.acquire(Duration.ZERO));
                assertEquals(ErrorCode.LOCK_TIMEOUT, busy.code());
                assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
                        "acquire(ZERO) must not wait");
                a.release(held);
                b.release(b.acquire(Duration.ZERO));
            }
        }

        @Test
        @DisplayName("a waiting session gets the lock as soon as it is released")
        void waiterGetsLockOnRelease() throws Exception {
            try (Contender a = new Contender(); Contender b = new Contender()) {
                DatabaseLock.Held held = a.acquire(Duration.ofSeconds(5));
                Future<DatabaseLock.Held> waiting = b.submit(s -> dialect().lock(s).acquire(Duration.ofSeconds(15)));
                Thread.sleep(300);
                assertFalse(waiting.isDone(), "the second session got the lock while the first held it");
                a.release(held);
                b.release(b.track(get(waiting)));
            }
        }

        @Test
        @DisplayName("a released lock can be taken again by the same session")
        void reacquireAfterRelease() throws Exception {
            try (Contender a = new Contender(); Contender b = new Contender()) {
                a.release(a.acquire(Duration.ofSeconds(5)));
                a.release(a.acquire(Duration.ofSeconds(5)));
                b.release(b.acquire(Duration.ofSeconds(5)));
            }
        }

        @Test
        @DisplayName("closing a held lock twice does not throw and leaves it free")
        void releaseIsIdempotent() throws Exception {
            try (Contender a = new Contender(); Contender b = new Contender()) {
                DatabaseLock.Held held = a.acquire(Duration.ofSeconds(5));
                a.release(held);
                a.run(held::close);
                b.release(b.acquire(Duration.ofSeconds(5)));
            }
        }
    }

    @Nested
    class Fingerprint {

        @Test
        @DisplayName("two databases given the same DDL have equal fingerprints, unlike an empty one")
        void sameDdlSameFingerprint() {
            try (Target first = Target.of(DialectContractTest.this, provisionDatabase());
                    Target second = Target.of(DialectContractTest.this, provisionDatabase())) {
                SchemaFingerprint empty = first.fingerprint();
                first.apply();
                second.apply();
                SchemaFingerprint a = first.fingerprint();
                SchemaFingerprint b = second.fingerprint();
                assertTrue(a.hash().matches("[0-9a-f]{64}"), () -> "hash is SHA-256 hex: " + a.hash());
                assertEquals(a.canonicalText(), b.canonicalText(), "canonical texts of two databases with the same DDL");
                assertEquals(a.hash(), b.hash());
                assertEquals(a.hash(), first.fingerprint().hash(), "fingerprint is deterministic");
                assertNotEquals(empty.hash(), a.hash(), "creating tables changes the fingerprint");
            }
        }

        @Test
        @DisplayName("adding a column changes it")
        void addColumn() {
            changes("kc_fp_column", table -> addColumnSql(table, "extra"));
        }

        @Test
        @DisplayName("adding an index changes it")
        void addIndex() {
            changes("kc_fp_index", table -> createIndexSql(table, table + "_ix"));
        }

        @Test
        @DisplayName("changing a column default changes it")
        void changeDefault() {
            changes("kc_fp_default", DialectContractTest.this::changeDefaultSql);
        }

        @Test
        @DisplayName("the history table does not count")
        void historyTableIgnored() {
            String history = "kc_fp_history";
            try (DatabaseSession session = openSession()) {
                session.execute(createTableSql("kc_fp_with_history"));
                SchemaFingerprint before = dialect().fingerprint(session, history);
                MigrationHistory store = dialect().history(session, history);
                store.ensureExists();
                store.insert(fullRow(1));
                store.recordFingerprint(1, before.hash());
                SchemaFingerprint after = dialect().fingerprint(session, history);
                assertEquals(before.canonicalText(), after.canonicalText(), "the history table leaked into the fingerprint");
                assertEquals(before.hash(), after.hash());
            }
        }

        private void changes(String table, Function<String, List<String>> change) {
            try (DatabaseSession session = openSession()) {
                session.execute(createTableSql(table));
                SchemaFingerprint before = dialect().fingerprint(session, HISTORY_TABLE);
                for (String sql : change.apply(table)) {
                    session.execute(sql);
                }
                SchemaFingerprint after = dialect().fingerprint(session, HISTORY_TABLE);
                assertNotEquals(before.hash(), after.hash(), () -> "fingerprint unchanged by " + change.apply(table)
                        + "\ncanonical text:\n" + after.canonicalText());
            }
        }
    }

    @Nested
    class RowCounts {

        @Test
        @DisplayName("rowCount and nonNullCount count rows and non-null values")
        void counts() {
            try (DatabaseSession session = openSession()) {
                session.execute(createTableSql("kc_rows"));
                session.execute(createTableSql("kc_rows_empty"));
                session.execute("INSERT INTO kc_rows (id, name, qty) VALUES (1, 'a', 1)");
                session.execute("INSERT INTO kc_rows (id, name, qty) VALUES (2, NULL, 2)");
                session.execute("INSERT INTO kc_rows (id, name, qty) VALUES (3, NULL, NULL)");
                Dialect d = dialect();
                assertAll(
                        () -> assertEquals(3, d.rowCount(session, "kc_rows"), "rowCount"),
                        () -> assertEquals(3, d.nonNullCount(session, "kc_rows", "id"), "nonNullCount(id)"),
                        () -> assertEquals(1, d.nonNullCount(session, "kc_rows", "name"), "nonNullCount(name)"),
                        () -> assertEquals(2, d.nonNullCount(session, "kc_rows", "qty"), "nonNullCount(qty)"),
                        () -> assertEquals(0, d.rowCount(session, "kc_rows_empty"), "rowCount of an empty table"),
                        () -> assertEquals(0, d.nonNullCount(session, "kc_rows_empty", "name"), "nonNullCount, empty"));
            }
        }
    }

    @Nested
    class History {

        @Test
        @DisplayName("keel_schema_history: absent at first, ensureExists creates it and may be called again")
        void lifecycle() {
            try (DatabaseSession session = openSession()) {
                MigrationHistory history = dialect().history(session, HISTORY_TABLE);
                assertTrue(history.tableName().toLowerCase(Locale.ROOT).contains(HISTORY_TABLE), history.tableName());
                assertFalse(history.exists(), "exists() on a new database");
                assertEquals(List.of(), history.readAll(), "readAll() of a missing table");
                assertFalse(history.exists(), "readAll() must not create the table");
                history.ensureExists();
                assertTrue(history.exists(), "exists() after ensureExists()");
                assertDoesNotThrow(history::ensureExists, "ensureExists() a second time");
                assertEquals(List.of(), history.readAll());
            }
        }

        @Test
        @DisplayName("insert then readAll round-trips every field, in rank order, seen from another session")
        void roundTrip() {
            AppliedMigration full = fullRow(1);
            AppliedMigration minimal = minimalRow(2);
            try (DatabaseSession session = openSession(); DatabaseSession other = openSession()) {
                MigrationHistory history = dialect().history(session, "kc_history_round_trip");
                history.ensureExists();
                history.insert(minimal);
                history.insert(full);
                List<AppliedMigration> read = dialect().history(other, "kc_history_round_trip").readAll();
                assertEquals(List.of(stored(full), stored(minimal)), read.stream().map(DialectContractTest::stored).toList());
                assertEquals(full.version().text(), read.get(0).version().text(), "version text as written");
            }
        }

        @Test
        @DisplayName("a row inserted in a rolled-back transaction is gone; a committed one stays")
        void insertFollowsTransaction() {
            try (DatabaseSession session = openSession()) {
                MigrationHistory history = dialect().history(session, "kc_history_tx");
                history.ensureExists();
                session.begin();
                history.insert(fullRow(1));
                session.rollback();
                assertEquals(List.of(), history.readAll(), "insert survived a rollback");
                session.begin();
                history.insert(fullRow(1));
                session.commit();
                assertEquals(1, history.readAll().size());
            }
        }

        @Test
        @DisplayName("updateProgress rewrites status, statements applied, error and time")
        void updateProgress() {
            withRows("kc_history_progress", history -> {
                history.updateProgress(1, MigrationStatus.PARTIAL, 2, "boom: 'quoted' ;", 1234L);
                AppliedMigration partial = history.readAll().get(0);
                assertAll(() -> assertEquals(MigrationStatus.PARTIAL, partial.status()),
                        () -> assertEquals(2, partial.statementsApplied()),
                        () -> assertEquals(Optional.of("boom: 'quoted' ;"), partial.error()),
                        () -> assertEquals(1234L, partial.executionMs()),
                        () -> assertEquals(stored(fullRow(1)).checksum(), partial.checksum(), "other fields unchanged"));
                history.updateProgress(1, MigrationStatus.SUCCESS, 3, null, 99L);
                AppliedMigration success = history.readAll().get(0);
                assertEquals(MigrationStatus.SUCCESS, success.status());
                assertEquals(Optional.empty(), success.error(), "a null error clears it");
                assertEquals(stored(minimalRow(2)), stored(history.readAll().get(1)), "the other row is untouched");
            });
        }

        @Test
        @DisplayName("recordFingerprint stores the hash")
        void recordFingerprint() {
            withRows("kc_history_fingerprint", history -> {
                String hash = Checksum.of("another schema").hex();
                history.recordFingerprint(2, hash);
                assertEquals(Optional.of(hash), history.readAll().get(1).schemaFingerprint());
                assertEquals(stored(fullRow(1)), stored(history.readAll().get(0)), "the other row is untouched");
            });
        }

        @Test
        @DisplayName("markRolledBack sets the status and the time")
        void markRolledBack() {
            withRows("kc_history_rolled_back", history -> {
                Instant at = Instant.parse("2025-06-07T08:09:10.123456789Z");
                history.markRolledBack(1, at);
                AppliedMigration row = history.readAll().get(0);
                assertEquals(MigrationStatus.ROLLED_BACK, row.status());
                assertEquals(Optional.of(millis(at)), row.rolledBackAt().map(DialectContractTest::millis));
            });
        }

        @Test
        @DisplayName("realign rewrites version, checksum, script and description")
        void realign() {
            withRows("kc_history_realign", history -> {
                Checksum checksum = Checksum.of("edited file");
                history.realign(1, Version.parse("1.2.11"), checksum, "V1.2.11__renamed.sql", "Renamed — after review");
                AppliedMigration row = history.readAll().get(0);
                assertAll(() -> assertEquals("1.2.11", row.version().text()),
                        () -> assertEquals(checksum, row.checksum()),
                        () -> assertEquals("V1.2.11__renamed.sql", row.script()),
                        () -> assertEquals("Renamed — after review", row.description()),
                        () -> assertEquals(MigrationStatus.SUCCESS, row.status(), "status unchanged"));
            });
        }

        @Test
        @DisplayName("delete removes only the row with that rank")
        void delete() {
            withRows("kc_history_delete", history -> {
                history.delete(1);
                assertEquals(List.of(stored(minimalRow(2))), history.readAll().stream().map(DialectContractTest::stored).toList());
            });
        }

        private void withRows(String table, java.util.function.Consumer<MigrationHistory> check) {
            try (DatabaseSession session = openSession()) {
                MigrationHistory history = dialect().history(session, table);
                history.ensureExists();
                history.insert(fullRow(1));
                history.insert(minimalRow(2));
                check.accept(history);
            }
        }
    }

    // ---------------------------------------------------------------- sample rows

    /** A row with every optional field present and text that needs care (quotes, newlines, non-ASCII). */
    protected static AppliedMigration fullRow(int rank) {
        return new AppliedMigration(rank, Version.parse("1.2.10"),
                "Add users — “quoted” 'single' \\ back; slash\nsecond line ü 🚀", "V1.2.10__add_users.sql",
                Checksum.of("CREATE TABLE users (id INT);"), Optional.of(Checksum.of("DROP TABLE users;")),
                MigrationStatus.SUCCESS, Instant.parse("2025-01-02T03:04:05.678912345Z"), "contract-test@host",
                5_000_000_000L, 3, 3, Optional.of("ERROR: relation \"x\" does not exist; " + "e".repeat(2000)),
                Optional.of("snap-2025-01-02T03-04-05-1"), Optional.of(Risk.HIGH), "0.1.0-SNAPSHOT",
                Optional.of(Instant.parse("2025-01-03T00:00:00.001Z")),
                List.of("0123456789abcdef", "fedcba9876543210", "00ff00ff00ff00ff"),
                Optional.of(Checksum.of("schema").hex()));
    }

    /** A row with every optional field empty. */
    protected static AppliedMigration minimalRow(int rank) {
        return new AppliedMigration(rank, Version.parse("2"), "", "V2__x.sql", Checksum.of("x"), Optional.empty(),
                MigrationStatus.FAILED, Instant.parse("2025-01-02T03:04:06Z"), "ci", 0L, 1, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), "0.1.0", Optional.empty(),
                List.of(), Optional.empty());
    }

    /** A row as a store keeps it: instants at millisecond precision. */
    protected static AppliedMigration stored(AppliedMigration r) {
        return new AppliedMigration(r.rank(), r.version(), r.description(), r.script(), r.checksum(), r.downChecksum(),
                r.status(), millis(r.appliedAt()), r.appliedBy(), r.executionMs(), r.statementsTotal(),
                r.statementsApplied(), r.error(), r.snapshotId(), r.risk(), r.engineVersion(),
                r.rolledBackAt().map(DialectContractTest::millis), r.statementChecksums(), r.schemaFingerprint());
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    // ---------------------------------------------------------------- internals

    /** Whether a table answers a query; checked against a table known to be missing before relying on it. */
    private static boolean tableExists(DatabaseSession session, String table) {
        try {
            session.query("SELECT 1 FROM " + table + " WHERE 1 = 0");
            return true;
        } catch (KeelException e) {
            return false;
        }
    }

    private static String scheme(String url) {
        int second = url.indexOf(':', "jdbc:".length());
        return (second < 0 ? url : url.substring(0, second)).toLowerCase(Locale.ROOT);
    }

    private static String describe(List<SqlStatement> statements) {
        StringBuilder text = new StringBuilder();
        for (SqlStatement s : statements) {
            text.append("\n  #").append(s.index()).append(" at ").append(s.line()).append(':').append(s.column())
                    .append(": ").append(s.sql());
        }
        return text.toString();
    }

    private static String lineOf(String script, int line) {
        String[] lines = script.split("\r\n|\r|\n", -1);
        return line - 1 < lines.length ? lines[line - 1] : "";
    }

    private static String firstWord(String sql) {
        String s = sql.strip();
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '(') {
            end++;
        }
        return s.substring(0, end);
    }

    private static <T> T get(Future<T> future) throws Exception {
        try {
            return future.get(HUNG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return fail("hung for " + HUNG.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The engine's context: URL and lock timeout. */
    private record Context(String url, Duration lockTimeout) implements DialectContext {
    }

    /** A database with its own dialect and pool. */
    private static final class Target implements AutoCloseable {
        private final DialectContractTest test;
        private final TestDatabase database;
        private final Dialect dialect;
        private final ConnectionPool pool;

        private Target(DialectContractTest test, TestDatabase database, Dialect dialect, ConnectionPool pool) {
            this.test = test;
            this.database = database;
            this.dialect = dialect;
            this.pool = pool;
        }

        static Target of(DialectContractTest test, TestDatabase database) {
            try {
                Dialect dialect = test.provider().create(test.dialectContext(database));
                ConnectionPool pool = ConnectionPool.forUrl(dialect.driverUrl(database.url()), database.user(),
                        database.password(), dialect.connectionProperties());
                return new Target(test, database, dialect, pool);
            } catch (RuntimeException | Error e) {
                database.close();
                throw e;
            }
        }

        SchemaFingerprint fingerprint() {
            try (DatabaseSession session = pool.open()) {
                return dialect.fingerprint(session, HISTORY_TABLE);
            }
        }

        /** The same DDL for every database of the fingerprint test. */
        void apply() {
            try (DatabaseSession session = pool.open()) {
                session.execute(test.createTableSql("kc_same"));
                for (String sql : test.createIndexSql("kc_same", "kc_same_ix")) {
                    session.execute(sql);
                }
                for (SqlStatement s : dialect.splitter().split(test.scriptWithThreeStatements(), "V1__contract.sql", 1)) {
                    session.execute(s.sql());
                }
            }
        }

        @Override
        public void close() {
            try {
                pool.close();
            } finally {
                database.close();
            }
        }
    }

    /**
     * One session with its own thread: a lock is acquired and released on the thread of the session holding it, as
     * in one engine run (a JVM-local lock may be tied to its thread).
     */
    private final class Contender implements AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keel-contract-lock");
            t.setDaemon(true);
            return t;
        });
        private final DatabaseSession session;
        private final List<DatabaseLock.Held> held = new ArrayList<>();

        Contender() {
            session = openSession();
        }

        <T> Future<T> submit(Function<DatabaseSession, T> work) {
            return thread.submit((Callable<T>) () -> work.apply(session));
        }

        DatabaseLock.Held acquire(Duration timeout) throws Exception {
            DatabaseLock.Held lock = get(submit(s -> dialect().lock(s).acquire(timeout)));
            held.add(lock);
            return lock;
        }

        void release(DatabaseLock.Held lock) throws Exception {
            held.remove(lock);
            run(lock::close);
        }

        DatabaseLock.Held track(DatabaseLock.Held lock) {
            held.add(lock);
            return lock;
        }

        void run(Runnable work) throws Exception {
            get(submit(s -> {
                work.run();
                return null;
            }));
        }

        /** Releases what a failed test left held, so a pooled connection never keeps a lock. */
        @Override
        public void close() {
            for (DatabaseLock.Held lock : List.copyOf(held)) {
                try {
                    release(lock);
                } catch (Exception | AssertionError ignored) {
                    // best effort: the test has already failed
                }
            }
            thread.shutdownNow();
            try {
                thread.awaitTermination(HUNG.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            session.close();
        }
    }
}
