package dev.keel.dialect.sqlite;

import dev.keel.testkit.MigrationDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.core.migrate.MigrateRequest;
import dev.keel.core.migrate.Migrator;
import dev.keel.core.migrate.RunIdentity;
import dev.keel.core.source.MigrationReader;
import dev.keel.core.source.ReadResult;
import dev.keel.core.source.ReaderSettings;
import dev.keel.jdbc.ConnectionPool;
import dev.keel.spi.KeelException;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.spi.migration.AppliedStep;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.TransactionMode;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration history of a small task tracker with billing ({@code src/test/resources/realworld}), written for
 * SQLite: plain, marker, dbmate, up/down pair, Flyway, rollback-folder and dialect-variant names mixed, a switch
 * from sequence to timestamp versions; FKs and CHECKs, partial and expression indexes, views, triggers whose
 * BEGIN … END bodies hold several statements and CASE … END, FTS5, generated columns, STRICT and WITHOUT ROWID
 * tables, 12-step table rebuilds, RENAME/ADD/DROP COLUMN, INSERT … SELECT data migrations, strings holding
 * {@code ;} and {@code --}, CRLF, BOM and comment-only files, and one VACUUM outside a transaction. Applied to a
 * fresh file: everything is recorded {@code success}, a second run applies nothing, the triggers work, a second
 * fresh file gets the same schema fingerprint, and the CLI builds the same schema.
 */
class SqliteRealWorldIT {

    private static final String HISTORY = "keel_schema_history";
    private static final String NO_SQLITE_INTERNALS = " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

    /** What the fixture builds; counted on the schema it produced, checked by every test that builds it. */
    private static final int TABLES = 72; // including the FTS5 table and its four shadow tables
    private static final int VIEWS = 18;
    private static final int TRIGGERS = 63;
    private static final int INDEXES = 49; // explicit ones (sqlite_master.sql not null)

    private static Path folder;

    @TempDir
    Path work;

    @BeforeAll
    static void locate() throws URISyntaxException {
        folder = Path.of(SqliteRealWorldIT.class.getResource("/realworld").toURI());
    }

    @Test
    void theFixtureIsWhatItClaims() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() >= 200, "files: " + files.size());
        long crlf = 0;
        long bom = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            if (new String(bytes, StandardCharsets.UTF_8).contains("\r\n")) {
                crlf++;
            }
            if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
                bom++;
            }
        }
        assertTrue(crlf >= 10, "CRLF files: " + crlf);
        assertEquals(1, bom, "files with a BOM");
        Set<String> names = files.stream().map(f -> folder.relativize(f).toString().replace(File.separatorChar, '/'))
                .collect(Collectors.toCollection(TreeSet::new));
        for (String expected : List.of("0002_create_teams.up.sql", "0002_create_teams.down.sql", "V4__create_projects.sql",
                "U4__create_projects.sql", "rollback/0010_rollback.sql", "0056_task_search.sql",
                "0056_task_search.sqlite.sql", "0056_task_search.postgres.sql", "V120.1__tax_rate_index.sql")) {
            assertTrue(names.contains(expected), expected);
        }

        List<MigrationScript> scripts = read(folder);
        assertTrue(scripts.size() >= 180, "migrations: " + scripts.size());
        List<String> outside = scripts.stream().filter(s -> s.transactionMode() == TransactionMode.NONE)
                .map(MigrationScript::script).toList();
        assertEquals(List.of("0087_vacuum_after_cleanup.sql"), outside);
        assertTrue(scripts.stream().filter(MigrationScript::noOp).count() >= 3, "comment-only migrations");
        assertTrue(scripts.stream().anyMatch(s -> s.script().equals("0056_task_search.sqlite.sql")));
        assertTrue(scripts.stream().anyMatch(s -> s.script().equals("20240521113000_webhook_signing.sqlite3.sql")));
        assertTrue(scripts.stream().noneMatch(s -> s.script().matches(".*\\.(postgres|pg|mysql)\\..*")));
        assertTrue(scripts.stream().noneMatch(s -> s.script().equals("0056_task_search.sql")), "the variant replaces it");
        assertTrue(scripts.stream().anyMatch(s -> s.script().startsWith("0001_") && s.down().isPresent()), "markers");
        assertTrue(scripts.stream().anyMatch(s -> s.script().startsWith("0010_") && s.down().isPresent()), "rollback/");
        assertTrue(scripts.stream().anyMatch(s -> s.script().startsWith("0131_") && s.down().isPresent()),
                "rollback/ with a dialect");
        assertTrue(scripts.stream().anyMatch(s -> s.script().startsWith("0007_") && s.down().isPresent()), "dbmate");
        assertTrue(scripts.stream().anyMatch(s -> s.irreversibleReason().isPresent()));
        assertEquals("People who sign in", scripts.get(0).metadata().get("description"));
    }

    @Test
    void appliesEverythingOnceAndASecondRunAppliesNothing() {
        List<MigrationScript> scripts = read(folder);
        try (Target db = new Target(work.resolve("app.db"))) {
            MigrationReport first = db.migrate(folder);
            assertEquals(scripts.size(), first.applied().size());
            assertEquals(scripts.stream().map(MigrationScript::script).toList(),
                    first.applied().stream().map(AppliedStep::script).toList(), "applied in version order");
            SchemaFingerprint fingerprint = db.fingerprint();

            List<Row> history = db.query("SELECT script, status, statements_total, statements_applied, checksum FROM "
                    + HISTORY + " ORDER BY installed_rank");
            assertEquals(scripts.size(), history.size());
            for (int i = 0; i < history.size(); i++) {
                Row row = history.get(i);
                MigrationScript script = scripts.get(i);
                assertEquals(script.script(), row.text("script").orElseThrow());
                assertEquals("success", row.text("status").orElseThrow(), script.script());
                assertEquals(row.number("statements_total").orElseThrow(), row.number("statements_applied").orElseThrow(),
                        script.script());
                assertEquals(script.checksum().hex(), row.text("checksum").orElseThrow(), script.script());
            }
            assertEquals(1L, db.number("SELECT statements_total AS n FROM " + HISTORY
                    + " WHERE script = '0087_vacuum_after_cleanup.sql'"));
            assertEquals(0L, db.number("SELECT statements_total AS n FROM " + HISTORY
                    + " WHERE script = '0018_reserved_for_attachments.sql'"), "a comment-only file sends nothing");
            assertEquals(32L, db.number("SELECT statements_total AS n FROM " + HISTORY
                    + " WHERE script = '0070_rebuild_tasks_statuses.sql'"), "trigger bodies are not split");

            assertSchema(db);

            MigrationReport second = db.migrate(folder);
            assertEquals(List.of(), second.applied());
            assertEquals(fingerprint.canonicalText(), db.fingerprint().canonicalText());
            assertEquals((long) scripts.size(), db.number("SELECT count(*) AS n FROM " + HISTORY));
        }
    }

    @Test
    void aSecondFreshFileGetsTheSameFingerprint() {
        try (Target one = new Target(work.resolve("one.db")); Target two = new Target(work.resolve("two.db"))) {
            one.migrate(folder);
            two.migrate(folder);
            SchemaFingerprint a = one.fingerprint();
            SchemaFingerprint b = two.fingerprint();
            assertEquals(a.canonicalText(), b.canonicalText());
            assertEquals(a.hash(), b.hash());
            assertFalse(a.canonicalText().contains(HISTORY), "the history table is left out");
            assertTrue(a.canonicalText().contains("trigger tasks_status_changed on tasks: CREATE TRIGGER"),
                    a.canonicalText());
        }
    }

    @Test
    void theTriggersWorkOnASampleRow() {
        try (Target db = new Target(work.resolve("triggers.db"))) {
            db.migrate(folder);
            try (DatabaseSession s = db.session()) {
                s.update("INSERT INTO users (email, name) VALUES (?, ?)", "dana@acme.test", "Dana Doe");
                long dana = number(s, "SELECT id AS n FROM users WHERE email = 'DANA@acme.test'");
                assertEquals("DD", text(s, "SELECT initials AS t FROM users WHERE id = ?", dana), "generated column");
                assertEquals(2L, number(s, "SELECT count(*) AS n FROM user_preferences WHERE user_id = ?", dana),
                        "users_auto_join writes the default preferences");

                s.update("INSERT INTO teams (slug, name, owner_id) VALUES ('acme', 'Acme; Inc.', ?)", dana);
                long team = number(s, "SELECT id AS n FROM teams WHERE slug = 'acme'");
                s.update("INSERT INTO team_members (team_id, user_id, role) VALUES (?, ?, 'owner')", team, dana);
                s.update("INSERT INTO projects (team_id, key, name) VALUES (?, 'ACME', 'Rockets')", team);
                long project = number(s, "SELECT id AS n FROM projects WHERE key = 'ACME'");
                assertEquals(1L, number(s, "SELECT count(*) AS n FROM audit_log WHERE entity = 'project' AND entity_id = ?"
                        + " AND action = 'insert'", project));

                s.update("INSERT INTO tasks (project_id, title, body, reporter_id) VALUES (?, 'Ship it; now', ?, ?)",
                        project, "-- launch checklist; fuel, countdown", dana);
                long task = number(s, "SELECT id AS n FROM tasks WHERE project_id = ?", project);
                assertEquals(1L, number(s, "SELECT number AS n FROM tasks WHERE id = ?", task), "tasks_number");
                assertEquals(1L, number(s, "SELECT task_counter AS n FROM projects WHERE id = ?", project));
                assertEquals("ship-it-now", text(s, "SELECT slug AS t FROM tasks WHERE id = ?", task));
                assertEquals(task, number(s, "SELECT rowid AS n FROM tasks_fts WHERE tasks_fts MATCH 'countdown'"),
                        "the FTS index follows inserts");
                assertEquals(1L, number(s, "SELECT open_count AS n FROM project_stats WHERE project_id = ?", project),
                        "upsert in a trigger body");

                s.update("UPDATE tasks SET assignee_id = ? WHERE id = ?", dana, task);
                assertEquals("You were assigned \"Ship it; now\"",
                        text(s, "SELECT message AS t FROM notifications WHERE user_id = ? AND kind = 'assigned'", dana));

                s.update("UPDATE tasks SET status = 'done' WHERE id = ?", task);
                assertTrue(s.query("SELECT completed_at FROM tasks WHERE id = ?", task).get(0).text("completed_at")
                        .isPresent(), "completed_at set by tasks_status_changed");
                assertEquals(List.of("created", "assigned", "completed"), column(s,
                        "SELECT kind AS t FROM task_events WHERE task_id = ? ORDER BY id", task));
                assertEquals("todo -> done", text(s,
                        "SELECT detail AS t FROM task_events WHERE task_id = ? AND kind = 'completed'", task));
                assertEquals(List.of(0L, 1L), List.of(
                        number(s, "SELECT open_count AS n FROM project_stats WHERE project_id = ?", project),
                        number(s, "SELECT done_count AS n FROM project_stats WHERE project_id = ?", project)));

                // Moving the card back on the board view (INSTEAD OF trigger) reopens the task.
                s.update("UPDATE task_board SET status = 'review' WHERE id = ?", task);
                assertEquals("review", text(s, "SELECT status AS t FROM tasks WHERE id = ?", task));
                assertEquals("reopened", text(s, "SELECT kind AS t FROM task_events WHERE task_id = ? ORDER BY id DESC"
                        + " LIMIT 1", task));
                assertTrue(s.query("SELECT completed_at FROM tasks WHERE id = ?", task).get(0).text("completed_at")
                        .isEmpty());

                KeelException guard = assertThrows(KeelException.class, () -> s.update(
                        "INSERT INTO tasks (project_id, title, reporter_id, due_date) VALUES (?, 'Old', ?, '1999-12-31')",
                        project, dana));
                assertTrue(guard.getMessage().contains("due_date before 2000"), guard.getMessage());

                s.update("INSERT INTO sprints (project_id, name, begin) VALUES (?, ' ', '2024-03-04')", project);
                assertEquals("2024-03-18", text(s, "SELECT end AS t FROM sprints WHERE project_id = ?", project));
                assertEquals("Sprint 10", text(s, "SELECT name AS t FROM sprints WHERE project_id = ?", project));

                s.update("INSERT INTO invoices (id, team_id, number, currency) VALUES (77, ?, 'TB-2024-00077', 'EUR')", team);
                s.update("INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price_cents)"
                        + " VALUES (77, 1, 'Seats; 2', 2, 850), (77, 2, 'Storage -- 10 GB', 1, 199)");
                assertEquals(1899L, number(s, "SELECT total_cents AS n FROM invoices WHERE id = 77"));
                s.update("UPDATE invoices SET status = 'open', issued_at = '2024-03-01 10:00:00' WHERE id = 77");
                assertEquals("2024-03-15", text(s, "SELECT due_at AS t FROM invoices WHERE id = 77"));
                KeelException frozen = assertThrows(KeelException.class,
                        () -> s.update("UPDATE invoice_lines SET quantity = 3 WHERE invoice_id = 77"));
                assertTrue(frozen.getMessage().contains("invoice is issued"), frozen.getMessage());
                s.update("INSERT INTO payments (invoice_id, amount_cents, method) VALUES (77, 1899, 'card')");
                assertEquals("paid", text(s, "SELECT status AS t FROM invoices WHERE id = 77"));
                assertEquals("Invoice TB-2024-00077 is paid: € 18.99", text(s,
                        "SELECT message AS t FROM notifications WHERE user_id = ? AND kind = 'invoice'", dana));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- schema

    private static void assertSchema(Target db) {
        assertEquals(TABLES, db.number("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'"
                + NO_SQLITE_INTERNALS + " AND name <> '" + HISTORY + "'"), "tables");
        assertEquals(VIEWS, db.number("SELECT count(*) AS n FROM sqlite_master WHERE type = 'view'"), "views");
        assertEquals(TRIGGERS, db.number("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'"), "triggers");
        assertEquals(INDEXES, db.number("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                + " AND tbl_name <> '" + HISTORY + "'"), "indexes");

        Set<String> tables = db.names("table");
        for (String t : List.of("users", "teams", "team_members", "projects", "tasks", "comments", "invoices",
                "invoice_lines", "payments", "plans", "notifications", "team_invitations", "tasks_fts", "calendar_days",
                "audit_log", "rate_limits", "tasks_archive", "task_reminders")) {
            assertTrue(tables.contains(t), "table " + t);
        }
        for (String gone : List.of("invitations", "tasks_new", "comments_new", "plans_new", "notifications_new",
                "task_search_generic", "legacy import; 2019")) {
            assertFalse(tables.contains(gone), "table " + gone + " should not exist");
        }
        assertTrue(db.names("view").containsAll(List.of("open_tasks", "task_board", "sprint_progress", "workload",
                "monthly_revenue", "outstanding_invoices", "comment_threads", "weekly_velocity", "team_overview")));
        assertTrue(db.names("trigger").containsAll(List.of("tasks_status_changed", "tasks_number", "task_board_move",
                "invoice_lines_frozen_insert", "sprints_dates_changed", "project_stats_task_insert",
                "task_dependencies_no_cycle", "tasks_fts_au", "invitations_accepted")));
        assertTrue(db.names("index").containsAll(List.of("tasks_assignee_open", "users_email_lower",
                "webhook_deliveries_event", "integration_events_kind", "time_entries_one_running", "tax_rates_lookup")));

        // Column changes: RENAME COLUMN, DROP COLUMN, ADD COLUMN and rebuilds.
        Set<String> users = db.columns("users");
        assertTrue(users.containsAll(List.of("name", "last_login_at", "deleted_at", "initials", "status_text")), users::toString);
        assertTrue(List.of("display_name", "avatar_url", "locale", "timezone").stream().noneMatch(users::contains),
                users::toString);
        assertTrue(db.columns("comments").containsAll(List.of("body_md", "body_html", "parent_id")));
        assertFalse(db.columns("comments").contains("body"));
        assertTrue(db.columns("tasks").containsAll(List.of("estimate_minutes", "milestone_id", "position", "slug",
                "attachment_count")));
        assertTrue(db.columns("invoices").contains("total_cents"));
        assertFalse(db.columns("invoices").contains("total"));
        assertTrue(db.columns("plans").containsAll(List.of("monthly_price_cents", "yearly_price_cents")));
        assertFalse(db.columns("plans").contains("monthly_price"));
        assertFalse(db.columns("sprints").contains("goal"));
        assertTrue(db.columns("api_tokens").contains("permissions"));
        assertTrue(db.columns("task_events").contains("occurred_at"));
        assertTrue(db.columns("webhooks").contains("signing"), "the .sqlite3. variant ran");
        assertTrue(db.columns("webhook_deliveries").contains("next_attempt_at"));

        // SQLite rewrote dependent triggers on RENAME COLUMN / RENAME TO.
        String assigned = db.sql("trigger", "tasks_assigned");
        assertTrue(assigned.contains("SELECT name FROM users") && !assigned.contains("display_name"), assigned);
        assertTrue(db.sql("trigger", "invitations_accepted").contains("UPDATE \"team_invitations\"")
                || db.sql("trigger", "invitations_accepted").contains("UPDATE team_invitations"),
                db.sql("trigger", "invitations_accepted"));
        assertTrue(db.sql("table", "tasks").contains("'review', 'blocked'"), "the rebuilt CHECK");

        // Data migrations.
        assertEquals(1826L, db.number("SELECT count(*) AS n FROM calendar_days"));
        assertEquals(4L, db.number("SELECT count(*) AS n FROM tasks WHERE project_id = 1"), "seed + legacy import");
        assertEquals(1525L, db.number("SELECT total_cents AS n FROM invoices WHERE id = 1"));
        assertEquals("TB-2023-00001", db.text("SELECT number AS t FROM invoices WHERE id = 1"));
        assertEquals("Tasks; done -- together!", db.text("SELECT value AS t FROM settings WHERE key = 'site.tagline'"));
        assertEquals("Ada; the admin", db.text("SELECT name AS t FROM users WHERE id = 1"));
        assertEquals(15L, db.number("SELECT count(*) AS n FROM notification_preferences WHERE kind <> 'export'"));
        assertEquals(3L, db.number("SELECT count(*) AS n FROM user_preferences WHERE key = 'theme'"));
        assertEquals("système", db.text("SELECT value AS t FROM user_preferences WHERE user_id = 1 AND key = 'theme'"),
                "the BOM file's UTF-8 text");
        assertEquals(5L, db.number("SELECT count(*) AS n FROM board_columns"));
        assertEquals(21L, db.number("PRAGMA user_version"));
        assertEquals("ok", db.text("PRAGMA integrity_check"));
        assertEquals(0, db.query("PRAGMA foreign_key_check").size(), "no dangling references after the rebuilds");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Reads the folder the way the engine does for SQLite, failing on any file problem. */
    private static List<MigrationScript> read(Path dir) {
        ReadResult read = new MigrationReader(ReaderSettings.defaults("sqlite")).read(List.of(new MigrationDirectory(dir)));
        read.throwIfProblems();
        return read.migrations();
    }

    private static long number(DatabaseSession s, String sql, Object... parameters) {
        List<Row> rows = s.query(sql, parameters);
        assertEquals(1, rows.size(), sql);
        return rows.get(0).number("n").orElseThrow();
    }

    private static String text(DatabaseSession s, String sql, Object... parameters) {
        List<Row> rows = s.query(sql, parameters);
        assertEquals(1, rows.size(), sql);
        return rows.get(0).text("t").orElseThrow();
    }

    private static List<String> column(DatabaseSession s, String sql, Object... parameters) {
        return s.query(sql, parameters).stream().map(r -> r.text("t").orElseThrow()).toList();
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** One SQLite file and the core engine over it, in this JVM: what {@code keel migrate} does without the CLI. */
    private static final class Target implements AutoCloseable {

        private final SqliteDialect dialect;
        private final ConnectionPool pool;

        Target(Path file) {
            String url = "jdbc:sqlite:" + file;
            dialect = new SqliteDialect(SqliteDatabaseFile.fromUrl(url), Duration.ofSeconds(30));
            pool = ConnectionPool.forUrl(dialect.driverUrl(url), Optional.empty(), Optional.empty(),
                    dialect.connectionProperties());
        }

        MigrationReport migrate(Path dir) {
            List<MigrationScript> files = read(dir);
            try (DatabaseSession session = pool.open()) {
                Migrator migrator = new Migrator(dialect, session, dialect.history(session, HISTORY), event -> { },
                        Clock.systemUTC(), new RunIdentity("it", "test"), Duration.ofSeconds(30), false);
                return migrator.migrate(files, MigrateRequest.all());
            }
        }

        SchemaFingerprint fingerprint() {
            try (DatabaseSession session = pool.open()) {
                return dialect.fingerprint(session, HISTORY);
            }
        }

        DatabaseSession session() {
            return pool.open();
        }

        List<Row> query(String sql, Object... parameters) {
            try (DatabaseSession session = pool.open()) {
                return session.query(sql, parameters);
            }
        }

        long number(String sql) {
            List<Row> rows = query(sql);
            assertEquals(1, rows.size(), sql);
            Map.Entry<String, Object> only = rows.get(0).values().entrySet().iterator().next();
            return ((Number) only.getValue()).longValue();
        }

        String text(String sql) {
            List<Row> rows = query(sql);
            assertEquals(1, rows.size(), sql);
            return String.valueOf(rows.get(0).values().values().iterator().next());
        }

        Set<String> names(String type) {
            return query("SELECT name FROM sqlite_master WHERE type = ?", type).stream()
                    .map(r -> r.text("name").orElseThrow()).collect(Collectors.toCollection(TreeSet::new));
        }

        /** Every column, generated ones included. */
        Set<String> columns(String table) {
            return query("SELECT name FROM pragma_table_xinfo(?)", table).stream()
                    .map(r -> r.text("name").orElseThrow()).collect(Collectors.toCollection(TreeSet::new));
        }

        String sql(String type, String name) {
            List<Row> rows = query("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?", type, name);
            assertEquals(1, rows.size(), type + " " + name);
            return rows.get(0).text("sql").orElseThrow();
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
