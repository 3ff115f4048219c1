package dev.keel.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.jdbc.JdbcDatabaseSession;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL dialect under the core engine (reader, planner, migrator) against a real server: what a failed
 * migration leaves, statements that need {@code -- keel:transaction none}, the fingerprint, the history table's
 * schema, row counts and the lock. Each test gets a new database.
 */
class PostgresDialectIT {

    @TempDir
    Path dir;

    private TestDatabase database;
    private InProcessKeel keel;

    @BeforeEach
    void provision() {
        database = DatabaseProvisioning.postgres();
        keel = new InProcessKeel(database);
    }

    @AfterEach
    void drop() {
        if (keel != null) {
            keel.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void serverIsDetectedAsPostgres() {
        try (DatabaseSession session = keel.session()) {
            ServerInfo info = session.serverInfo();
            assertEquals("PostgreSQL", info.product());
            assertTrue(info.major() >= 12, info::toString);
            assertTrue(info.version().startsWith(info.major() + "."), info::toString);
            assertEquals("keel", session.query("SELECT current_setting('application_name') AS a").get(0).text("a").orElseThrow());
        }
    }

    @Test
    void failingMigrationLeavesNoTrace() throws IOException {
        write("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);\n");
        keel.migrate(dir);
        SchemaFingerprint before = keel.fingerprint();
        write("V2__orders.sql", "CREATE TYPE order_state AS ENUM ('new', 'paid');\n"
                + "CREATE TABLE orders (id bigserial PRIMARY KEY, account_id bigint REFERENCES accounts (id),"
                + " state order_state NOT NULL DEFAULT 'new');\n"
                + "CREATE INDEX orders_account_ix ON orders (account_id);\n"
                + "INSERT INTO accounts VALUES (1, 'a@example.org');\n"
                + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
                + "INSERT INTO orders (account_id) VALUES (2);\n"); // violates the foreign key

        KeelException e = assertThrows(KeelException.class, () -> keel.migrate(dir));

        assertEquals(ErrorCode.MIGRATION_FAILED, e.code(), e::getMessage);
        assertEquals(ExitClass.FAILED_RESTORED, e.exitClass());
        assertTrue(e.getMessage().contains("statement 6 of 6"), e.getMessage());
        assertEquals(6, e.problems().get(0).where().orElseThrow().line());
        assertEquals(before.canonicalText(), keel.fingerprint().canonicalText(), "the failed migration left schema behind");
        assertEquals(0L, count("SELECT count(*) AS n FROM accounts"), "the failed migration left rows behind");
        assertEquals(List.of("1 1 success 1 1", "2 2 failed 6 0"), historyRows());
        assertTrue(keel.query("SELECT error FROM keel_schema_history WHERE installed_rank = 2").get(0).text("error")
                .orElseThrow().contains("foreign key"));
    }

    @Test
    void aLongRunRecordsEveryMigrationWithItsOwnValues() throws IOException {
        // More migrations than pgjdbc's prepareThreshold (5): the kept history insert becomes a server-side statement.
        for (int i = 1; i <= 7; i++) {
            write("V" + i + "__t" + i + ".sql", "CREATE TABLE t" + i + " (id int PRIMARY KEY);\n"
                    + "INSERT INTO t" + i + " VALUES (" + i + ");\n");
        }
        write("V8__bad.sql", "CREATE TABLE t8 (id int PRIMARY KEY);\nINSERT INTO t8 VALUES (1), (1);\n");

        KeelException e = assertThrows(KeelException.class, () -> keel.migrate(dir));

        assertTrue(e.getMessage().contains("statement 2 of 2"), e.getMessage());
        assertEquals(List.of("1 1 success 2 2", "2 2 success 2 2", "3 3 success 2 2", "4 4 success 2 2",
                "5 5 success 2 2", "6 6 success 2 2", "7 7 success 2 2", "8 8 failed 2 0"), historyRows());
        assertEquals("V7__t7.sql", keel.query("SELECT script FROM keel_schema_history WHERE installed_rank = 7").get(0)
                .text("script").orElseThrow());
    }

    @Test
    void keptUpdatesBindEachCallsOwnValuesAndSurviveAFailedTransaction() {
        try (JdbcDatabaseSession session = (JdbcDatabaseSession) keel.session()) {
            session.execute("CREATE TABLE kept_probe (id int PRIMARY KEY, note text)");
            String insert = "INSERT INTO kept_probe (id, note) VALUES (?, ?)";
            for (int i = 1; i <= 7; i++) {
                assertEquals(1, session.updateKept(insert, i, i % 2 == 0 ? null : "n" + i));
            }
            session.begin();
            assertEquals(ErrorCode.DATABASE_ERROR,
                    assertThrows(KeelException.class, () -> session.updateKept(insert, 1, "again")).code());
            session.rollback();
            assertEquals(1, session.updateKept(insert, 8, "after"), "the kept statement is still usable");
            assertEquals("1 n1,2 null,3 n3,4 null,5 n5,6 null,7 n7,8 after", session
                    .query("SELECT id, note FROM kept_probe ORDER BY id").stream()
                    .map(r -> r.number("id").orElseThrow() + " " + r.text("note").orElse("null"))
                    .collect(Collectors.joining(",")));
        }
    }

    @Test
    void concurrentIndexInANonTransactionalMigrationApplies() throws IOException {
        write("V1__items.sql", "CREATE TABLE items (id int PRIMARY KEY, name text);\n"
                + "INSERT INTO items SELECT g, md5(g::text) FROM generate_series(1, 20000) g;\n");
        write("V2__items_name.sql", "-- keel:transaction none\n"
                + "CREATE INDEX CONCURRENTLY items_name_ix ON items (name);\n"
                + "DROP INDEX CONCURRENTLY IF EXISTS items_missing_ix;\n"
                + "CREATE UNIQUE INDEX CONCURRENTLY items_name_uq ON items (name);\n");

        keel.migrate(dir);

        assertEquals(List.of("1 1 success 2 2", "2 2 success 3 3"), historyRows());
        assertEquals(List.of("items_name_ix true", "items_name_uq true", "items_pkey true"),
                keel.query("SELECT c.relname || ' ' || i.indisvalid AS v FROM pg_index i JOIN pg_class c ON c.oid ="
                        + " i.indexrelid WHERE i.indrelid = 'items'::regclass ORDER BY 1").stream()
                        .map(r -> r.text("v").orElseThrow()).toList());
    }

    @Test
    void concurrentIndexWithoutTheMarkerIsRefusedBeforeAnythingRuns() throws IOException {
        write("V1__items.sql", "CREATE TABLE items (id int PRIMARY KEY, name text);\n");
        write("V2__items_name.sql", "-- needs a marker it does not have\n\n"
                + "CREATE INDEX CONCURRENTLY items_name_ix ON items (name);\n");
        write("V3__vacuum.sql", "SELECT 1;\n  VACUUM ANALYZE items;\n");

        KeelException e = assertThrows(KeelException.class, () -> keel.migrate(dir));

        assertEquals(ExitClass.VALIDATION, e.exitClass());
        Map<String, Problem> byFile = e.problems().stream().collect(Collectors.toMap(
                p -> Path.of(p.where().orElseThrow().file()).getFileName().toString(), p -> p, (a, b) -> a, TreeMap::new));
        assertEquals(List.of("V2__items_name.sql", "V3__vacuum.sql"), List.copyOf(byFile.keySet()));
        byFile.values().forEach(p -> assertEquals(ErrorCode.TRANSACTION_REQUIRED, p.code()));
        Location v2 = byFile.get("V2__items_name.sql").where().orElseThrow();
        assertEquals(3, v2.line());
        assertTrue(byFile.get("V2__items_name.sql").what().contains("CREATE INDEX CONCURRENTLY"));
        assertEquals(2, byFile.get("V3__vacuum.sql").where().orElseThrow().line());
        assertTrue(byFile.get("V2__items_name.sql").fix().contains("keel:transaction none"));
        assertEquals(0L, count("SELECT count(*) AS n FROM pg_class WHERE relname = 'items'"), "V1 ran although V2 was refused");
        assertEquals(List.of(), historyRows());
    }

    @Test
    void copyFromStdinIsRefusedBeforeAnythingRuns() throws IOException {
        write("V1__t.sql", "CREATE TABLE t (a int);\n");
        write("V2__load.sql", "COPY t (a) FROM stdin;\n1\n2\n\\.\n");

        KeelException e = assertThrows(KeelException.class, () -> keel.migrate(dir));

        assertEquals(ExitClass.VALIDATION, e.exitClass());
        assertTrue(e.getMessage().contains("COPY … FROM STDIN"), e.getMessage());
        assertEquals(0L, count("SELECT count(*) AS n FROM pg_class WHERE relname = 't'"));
    }

    @Test
    void sameFilesGiveTheSameFingerprintAndHandMadeChangesShow() throws IOException {
        writeRichSchema(dir, "\n");
        Path crlf = dir.resolveSibling(dir.getFileName() + "-crlf");
        writeRichSchema(crlf, "\r\n");
        try (TestDatabase other = DatabaseProvisioning.postgres(); InProcessKeel second = new InProcessKeel(other)) {
            SchemaFingerprint empty = keel.fingerprint();
            keel.migrate(dir);
            second.migrate(crlf);
            SchemaFingerprint a = keel.fingerprint();
            SchemaFingerprint b = second.fingerprint();
            assertEquals(a.canonicalText(), b.canonicalText());
            assertEquals(a.hash(), b.hash());
            assertNotEquals(empty.hash(), a.hash());
            String text = a.canonicalText();
            for (String expected : List.of("type mood enum 'sad', 'ok', 'happy'", "table people kind r",
                    "column people.mood mood NOT NULL default 'ok'::mood", "column people.id bigint NOT NULL identity a",
                    "index people_name_ix on people CREATE INDEX people_name_ix ON public.people USING btree (lower(name))",
                    "constraint pets_owner_fkey on pets f FOREIGN KEY (owner) REFERENCES people(id) ON DELETE CASCADE",
                    "view cheerful kind v", "routine touch() kind f CREATE OR REPLACE FUNCTION public.touch()",
                    "trigger people_touch on people CREATE TRIGGER people_touch BEFORE UPDATE ON public.people",
                    "sequence ticket_seq as bigint start 1000 increment 5", "sequence people_id_seq as bigint start 1",
                    "owned by people.id", "domain", "composite", "policy own_pets on pets")) {
                assertTrue(text.contains(expected), () -> "missing '" + expected + "' in\n" + text);
            }
            assertFalse(text.contains("keel_schema_history"), text);

            List<String> changes = List.of(
                    "ALTER TABLE people ADD COLUMN nick text",
                    "ALTER TABLE people ALTER COLUMN nick SET DEFAULT 'x'",
                    "ALTER TABLE people ALTER COLUMN nick SET NOT NULL",
                    "ALTER TABLE people ALTER COLUMN nick TYPE varchar(20)",
                    "CREATE INDEX people_nick_ix ON people (nick)",
                    "ALTER TABLE pets ADD CONSTRAINT pets_name_ck CHECK (name <> '')",
                    "ALTER TYPE mood ADD VALUE 'ecstatic'",
                    "CREATE OR REPLACE VIEW cheerful AS SELECT id, name FROM people WHERE mood = 'happy' AND id > 0",
                    "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                    "ALTER TABLE people DISABLE TRIGGER people_touch",
                    "ALTER SEQUENCE ticket_seq INCREMENT BY 10",
                    "COMMENT ON TABLE pets IS 'animals'",
                    "DROP POLICY own_pets ON pets");
            String previous = second.fingerprint().hash();
            for (String change : changes) {
                second.execute(change);
                String now = second.fingerprint().hash();
                assertNotEquals(previous, now, () -> "fingerprint unchanged by: " + change);
                previous = now;
            }
            // data is not schema
            second.execute("INSERT INTO people (name, nick) VALUES ('x', 'y')");
            second.execute("SELECT nextval('ticket_seq')");
            assertEquals(previous, second.fingerprint().hash(), "rows and sequence values changed the fingerprint");
            assertEquals(a.hash(), keel.fingerprint().hash(), "the untouched database changed");
        }
    }

    @Test
    void fingerprintDoesNotDependOnSessionSettings() {
        keel.execute("CREATE TABLE events (at timestamptz NOT NULL DEFAULT '2024-01-01 12:00+00', span interval"
                + " DEFAULT '1 day 02:00', ratio float8 DEFAULT 0.1, day date DEFAULT '2024-03-04') PARTITION BY RANGE (at)");
        keel.execute("CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2025-01-01 00:00+00')");
        keel.execute("CREATE VIEW recent AS SELECT * FROM events WHERE at > '2024-06-01 00:00+00' AND span < '3 days'");
        try (DatabaseSession session = keel.session()) {
            SchemaFingerprint plain = keel.dialect().fingerprint(session, InProcessKeel.HISTORY);
            session.execute("SET TimeZone = 'Asia/Tokyo'");
            session.execute("SET DateStyle = 'ISO, DMY'");
            session.execute("SET IntervalStyle = 'iso_8601'");
            session.execute("SET extra_float_digits = 3");
            SchemaFingerprint tokyo = keel.dialect().fingerprint(session, InProcessKeel.HISTORY);
            assertEquals(plain.canonicalText(), tokyo.canonicalText());
            assertEquals("Asia/Tokyo iso_8601 3", session.query("SELECT current_setting('TimeZone') || ' '"
                    + " || current_setting('IntervalStyle') || ' ' || current_setting('extra_float_digits') AS s")
                    .get(0).text("s").orElseThrow(), "the session's settings are restored");
        }
    }

    @Test
    void historyTableLivesInTheCurrentSchemaUnlessQualified() {
        keel.execute("CREATE SCHEMA audit");
        keel.execute("CREATE SCHEMA other");
        try (DatabaseSession session = keel.session()) {
            MigrationHistory qualified = keel.dialect().history(session, "audit.Keel_History");
            assertFalse(qualified.exists());
            qualified.ensureExists();
            assertTrue(qualified.exists());
            assertFalse(keel.dialect().history(session, "keel_history").exists(), "found in the wrong schema");
            session.execute("SET search_path TO other, public");
            MigrationHistory plain = keel.dialect().history(session, "keel_schema_history");
            assertFalse(plain.exists());
            plain.ensureExists();
            assertTrue(plain.exists());
            session.execute("SET search_path TO public");
            assertFalse(plain.exists(), "a table in another schema counted for the current one");
        }
        assertEquals(List.of("audit.keel_history", "other.keel_schema_history"),
                keel.query("SELECT table_schema || '.' || table_name AS t FROM information_schema.tables"
                        + " WHERE table_name LIKE 'keel%' ORDER BY 1").stream().map(r -> r.text("t").orElseThrow()).toList());
    }

    @Test
    void rowCountsQuoteNamesAsPostgresReadsThem() {
        keel.execute("CREATE SCHEMA app");
        keel.execute("CREATE TABLE app.orders (id int, note text)");
        keel.execute("INSERT INTO app.orders VALUES (1, 'a'), (2, NULL), (3, NULL)");
        keel.execute("CREATE TABLE \"Odd \"\"Name\"\"\" (\"Mixed Col\" int)");
        keel.execute("INSERT INTO \"Odd \"\"Name\"\"\" VALUES (1), (NULL)");
        keel.execute("CREATE TABLE victim (x int)");
        try (DatabaseSession session = keel.session()) {
            var d = keel.dialect();
            assertAll(
                    () -> assertEquals(3, d.rowCount(session, "app.orders")),
                    () -> assertEquals(3, d.rowCount(session, "APP.Orders")),
                    () -> assertEquals(1, d.nonNullCount(session, "app.orders", "NOTE")),
                    () -> assertEquals(2, d.rowCount(session, "\"Odd \"\"Name\"\"\"")),
                    () -> assertEquals(1, d.nonNullCount(session, "\"Odd \"\"Name\"\"\"", "\"Mixed Col\"")));
            KeelException e = assertThrows(KeelException.class, () -> d.rowCount(session, "victim; DROP TABLE victim"));
            assertEquals(ErrorCode.DATABASE_ERROR, e.code());
        }
        assertEquals(0L, count("SELECT count(*) AS n FROM victim"), "victim must still exist");
    }

    @Test
    void lockIsTheDocumentedAdvisoryLockAndTimesOutNamingTheDatabase() {
        String name = keel.query("SELECT current_database() AS d").get(0).text("d").orElseThrow();
        long key = PostgresAdvisoryLock.keyFor(name);
        try (DatabaseSession holder = keel.session(); DatabaseSession waiter = keel.session()) {
            DatabaseLock.Held held = keel.dialect().lock(holder).acquire(Duration.ofSeconds(5));
            try {
                List<Row> locks = waiter.query("SELECT l.pid, a.application_name FROM pg_locks l JOIN pg_stat_activity a"
                        + " USING (pid) WHERE l.locktype = 'advisory' AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid"
                        + " AND l.objsubid = 1 AND l.granted AND l.database = (SELECT oid FROM pg_database"
                        + " WHERE datname = current_database())", key >>> 32, key & 0xFFFFFFFFL);
                assertEquals(1, locks.size(), "the lock as documented in pg_locks");
                assertEquals("keel", locks.get(0).text("application_name").orElseThrow());

                long started = System.nanoTime();
                KeelException e = assertThrows(KeelException.class,
                        () -> keel.dialect().lock(waiter).acquire(Duration.ofMillis(700)));
                long waitedMs = (System.nanoTime() - started) / 1_000_000;
                assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
                assertEquals(5, e.exitClass().exitCode());
                assertTrue(waitedMs >= 650 && waitedMs < 5000, "waited " + waitedMs + " ms");
                assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
                assertTrue(e.problems().get(0).fix().contains("lockTimeout"), e.problems().get(0).fix());
                assertTrue(e.problems().get(0).fix().contains("objid = " + (key & 0xFFFFFFFFL)), e.problems().get(0).fix());
            } finally {
                held.close();
            }
            keel.dialect().lock(waiter).acquire(Duration.ZERO).close();
            waiter.begin();
            try {
                assertThrows(IllegalStateException.class, () -> keel.dialect().lock(waiter).acquire(Duration.ZERO),
                        "waiting inside a transaction would hold a snapshot");
            } finally {
                waiter.rollback();
            }
        }
    }

    @Test
    void lockIsPerDatabase() {
        try (TestDatabase other = DatabaseProvisioning.postgres(); InProcessKeel second = new InProcessKeel(other);
                DatabaseSession a = keel.session(); DatabaseSession b = second.session()) {
            try (DatabaseLock.Held first = keel.dialect().lock(a).acquire(Duration.ZERO);
                    DatabaseLock.Held secondHeld = second.dialect().lock(b).acquire(Duration.ZERO)) {
                assertTrue(first != secondHeld);
            }
        }
    }

    @Test
    void lockReleaseSurvivesAnAbortedTransaction() {
        try (DatabaseSession holder = keel.session(); DatabaseSession other = keel.session()) {
            DatabaseLock.Held held = keel.dialect().lock(holder).acquire(Duration.ZERO);
            holder.begin();
            assertThrows(KeelException.class, () -> holder.execute("SELECT 1/0"));
            held.close(); // the transaction is aborted: the release must still happen
            keel.dialect().lock(other).acquire(Duration.ZERO).close();
        }
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A schema with one of each kind of object, written with the given line ending. */
    private static void writeRichSchema(Path folder, String eol) throws IOException {
        Files.createDirectories(folder);
        Map<String, String> files = Map.of(
                "V1__types.sql", "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
                        + "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');\n"
                        + "CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3));\n",
                "V2__people.sql", "CREATE TABLE people (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                        + "  name text NOT NULL,\n  mail email,\n  mood mood NOT NULL DEFAULT 'ok',\n"
                        + "  updated_at timestamptz\n);\n"
                        + "CREATE INDEX people_name_ix ON people (lower(name));\n"
                        + "CREATE TABLE pets (id serial PRIMARY KEY, owner bigint NOT NULL REFERENCES people (id)"
                        + " ON DELETE CASCADE, name text NOT NULL, price money_amount);\n"
                        + "CREATE SEQUENCE ticket_seq AS bigint START 1000 INCREMENT 5;\n",
                "V3__logic.sql", "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
                        + "BEGIN\n  -- keep the time; always\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$fn$;\n"
                        + "CREATE TRIGGER people_touch BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION touch();\n"
                        + "CREATE VIEW cheerful AS SELECT id, name FROM people WHERE mood = 'happy';\n"
                        + "ALTER TABLE pets ENABLE ROW LEVEL SECURITY;\n"
                        + "CREATE POLICY own_pets ON pets USING (owner > 0);\n");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(folder.resolve(f.getKey()), f.getValue().replace("\n", eol), StandardCharsets.UTF_8);
        }
    }

    private long count(String sql) {
        return keel.query(sql).get(0).number("n").orElseThrow();
    }

    private List<String> historyRows() {
        return keel.query("SELECT installed_rank || ' ' || version || ' ' || status || ' ' || statements_total || ' '"
                + " || statements_applied AS r FROM keel_schema_history ORDER BY installed_rank").stream()
                .map(r -> r.text("r").orElseThrow()).toList();
    }
}
