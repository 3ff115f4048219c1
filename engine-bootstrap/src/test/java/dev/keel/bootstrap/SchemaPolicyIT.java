package dev.keel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.jdbc.ConnectionPool;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.event.SchemaPolicyChecked;
import dev.keel.spi.migration.MigrationState;
import dev.keel.spi.migration.StatusReport;
import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.rule.PolicyReport;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema policies on a real MariaDB/MySQL (each test its own random database): the type-normalisation pack reports
 * INT, TEXT, FLOAT, latin1 and DATETIME columns after migrating; with {@code rules.fix} its fix runs as a recorded
 * migration that status and validate accept, the schema is normalised, and the next run finds nothing to fix.
 */
class SchemaPolicyIT {

    private static final String LEGACY = """
            CREATE TABLE users (
              id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              active TINYINT(1) NOT NULL DEFAULT 1,
              age INT NULL,
              bio TEXT,
              score FLOAT DEFAULT 1.5,
              name VARCHAR(50) NOT NULL DEFAULT 'x' COMMENT 'shown name',
              seen_at DATETIME NULL,
              created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
              updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
              KEY users_created (created_at),
              KEY users_updated (updated_at)
            ) DEFAULT CHARSET=latin1;
            INSERT INTO users (age, bio, score, name) VALUES (41, 'Ada', 2.5, 'ada');
            """;

    private static final String NORMALISED = """
            CREATE TABLE tags (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              label VARCHAR(20) CHARACTER SET utf8mb4 NOT NULL,
              created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
              updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
              KEY tags_created (created_at),
              KEY tags_updated (updated_at)
            ) DEFAULT CHARSET=utf8mb4;
            """;

    @TempDir
    Path dir;

    private TestDatabase database;
    private Path migrations;
    private final List<KeelEvent> events = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        database = DatabaseProvisioning.mysql();
        migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_users.sql"), LEGACY);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private Keel keel(String rules) throws Exception {
        Path config = Files.writeString(dir.resolve("keel.yaml"), "rules:\n" + rules);
        KeelBuilder builder = Keel.configure().url(database.url()).migrations(migrations.toString())
                .environment("development").workDirectory(dir.resolve(".keel")).workingDirectory(dir)
                .configFile(config).listener(events::add);
        database.user().ifPresent(builder::user);
        database.password().ifPresent(builder::password);
        return builder.build();
    }

    private List<PolicyReport> checked() {
        return events.stream().filter(e -> e instanceof SchemaPolicyChecked).map(e -> ((SchemaPolicyChecked) e).report())
                .toList();
    }

    private static Set<String> found(List<PolicyFinding> findings) {
        Set<String> found = new TreeSet<>();
        findings.forEach(f -> found.add(f.finding().ruleId() + " " + f.table() + "." + f.column().orElse("")));
        return found;
    }

    private List<Row> query(String sql) {
        String url = database.url().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
        try (ConnectionPool pool = ConnectionPool.forUrl(url, database.user(), database.password(), Map.of());
                DatabaseSession session = pool.open()) {
            return session.query(sql);
        }
    }

    /** column name → column_type, character set and default, as the server has them now. */
    private Map<String, String> columns(String table) {
        Map<String, String> columns = new TreeMap<>();
        for (Row r : query("SELECT column_name, column_type, character_set_name, column_default FROM"
                + " information_schema.columns WHERE table_schema = DATABASE() AND table_name = '" + table + "'")) {
            columns.put(r.text("column_name").orElseThrow(), r.text("column_type").orElseThrow()
                    + r.text("character_set_name").map(c -> " " + c).orElse("")
                    + r.text("column_default").filter(d -> d.toLowerCase().startsWith("current_timestamp"))
                            .map(d -> " default " + d.toLowerCase()).orElse(""));
        }
        return columns;
    }

    @Test
    void afterMigratingThePackReportsEveryColumnToNormaliseWithItsAlterAndChangesNothing() throws Exception {
        try (Keel keel = keel("  packs: [type-normalisation]\n")) {
            keel.migrate();
            List<PolicyReport> reports = checked();
            assertEquals(1, reports.size(), "the policies ran once, after the run");
            PolicyReport report = reports.get(0);
            assertEquals(Set.of("mysql-datetime-precision users.created_at", "mysql-datetime-precision users.seen_at",
                    "mysql-datetime-precision users.updated_at", "mysql-float-double users.score",
                    "mysql-int-bigint users.age", "mysql-int-bigint users.id", "mysql-text-longtext users.bio",
                    "mysql-utf8mb4 users.bio", "mysql-utf8mb4 users.name"), found(report.findings()));
            assertEquals(List.of(), report.fixes(), "no rules.fix: nothing is fixed");
            assertEquals(report.findings(), report.remaining());
            PolicyFinding age = report.findings().stream().filter(f -> f.column().orElse("").equals("age")).findFirst()
                    .orElseThrow();
            assertEquals(List.of("ALTER TABLE `users` MODIFY COLUMN `age` BIGINT NULL"), age.fix());
            assertEquals("int(11)", columns("users").get("age"), "the schema is unchanged");
            assertEquals(found(report.findings()), found(keel.checkSchema(false).findings()), "lint --schema agrees");
            assertEquals(1, query("SELECT * FROM keel_schema_history").size());
        }
    }

    @Test
    void theFixRunsAsARecordedMigrationAndTheNextRunFindsNothingToFix() throws Exception {
        try (Keel keel = keel("  packs: [type-normalisation]\n  fix: [type-normalisation]\n")) {
            keel.migrate();
            PolicyReport report = checked().get(0);
            assertEquals(9, report.findings().size(), report.findings()::toString);
            assertEquals(1, report.fixes().size());
            assertEquals("<< policy-fix type-normalisation >>", report.fixes().get(0).script());
            assertEquals("0001", report.fixes().get(0).version().text());
            assertEquals(8, report.fixes().get(0).statements(), "one statement per column, two findings on bio share one");
            assertEquals(List.of(), report.remaining());

            Map<String, String> users = columns("users");
            assertEquals("bigint(20)", users.get("id"));
            assertEquals("tinyint(1)", users.get("active"), "a boolean stays");
            assertEquals("bigint(20)", users.get("age"));
            assertEquals("longtext utf8mb4", users.get("bio"));
            assertEquals("double", users.get("score"));
            assertEquals("varchar(50) utf8mb4", users.get("name"));
            assertEquals("datetime(3)", users.get("seen_at"));
            assertEquals("datetime(3) default current_timestamp(3)", users.get("created_at"));
            assertEquals("timestamp(3) default current_timestamp(3)", users.get("updated_at"));
            assertEquals("ada", query("SELECT name FROM users").get(0).text("name").orElseThrow(), "the data stays");

            List<Row> history = query("SELECT version, script, status, statements_total, statements_applied"
                    + " FROM keel_schema_history ORDER BY installed_rank");
            assertEquals(2, history.size());
            assertEquals("<< policy-fix type-normalisation >>", history.get(1).text("script").orElseThrow());
            assertEquals("success", history.get(1).text("status").orElseThrow());
            assertEquals(8L, history.get(1).number("statements_applied").orElseThrow());

            StatusReport status = keel.status();
            assertEquals(List.of(), status.problems(), "the fix is no missing file");
            assertEquals(List.of("0001_users.sql", "<< policy-fix type-normalisation >>"),
                    status.migrations().stream().map(MigrationState::script).toList());
            assertTrue(status.migrations().stream().allMatch(m -> m.state() == MigrationState.State.APPLIED));
            assertTrue(status.drift().isEmpty(), "the fingerprint was recorded after the fix");
            assertEquals(List.of(), keel.validate().problems());
            assertEquals(List.of(), keel.repair().actions(), "repair leaves the fix row alone");
            KeelException rollback = assertThrows(KeelException.class, () -> keel.planRollback(RollbackOptions.steps(1)));
            assertEquals(ErrorCode.ROLLBACK_DOWN_MISSING, rollback.code(), rollback::getMessage);
            assertTrue(rollback.problems().get(0).what().contains("0001_users.sql"),
                    "a rollback passes over the fix to the migration: " + rollback.problems().get(0).what());
            assertEquals(List.of(), keel.checkSchema(true).findings(), "lint --schema --fix finds nothing left");

            Files.writeString(migrations.resolve("0002_tags.sql"), NORMALISED);
            events.clear();
            keel.migrate();
            PolicyReport second = checked().get(0);
            assertEquals(List.of(), second.findings());
            assertEquals(List.of(), second.fixes(), "a second run has nothing to fix");
            assertEquals(3, query("SELECT * FROM keel_schema_history").size(), "and records no fix");

            events.clear();
            keel.migrate();
            assertEquals(List.of(), checked(), "a run that applied nothing does not check the schema");
        }
    }
}
