package dev.keel.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScriptNameParserTest {

    private final ScriptNameParser parser =
            new ScriptNameParser(new DialectNames(ReaderSettings.defaults("sqlite").dialectAliases()));
    private final List<Problem> problems = new ArrayList<>();

    private Optional<ScriptName> parse(String relativeName) {
        return parser.parse(new MemoryFile("db", relativeName, new byte[0], -1, false), problems);
    }

    private ScriptName ok(String relativeName) {
        Optional<ScriptName> name = parse(relativeName);
        assertEquals(List.of(), problems, relativeName);
        assertTrue(name.isPresent(), relativeName);
        return name.get();
    }

    private Problem problem(String relativeName, ErrorCode code) {
        assertTrue(parse(relativeName).isEmpty(), relativeName);
        assertEquals(1, problems.size(), () -> relativeName + ": " + problems);
        Problem problem = problems.get(0);
        assertEquals(code, problem.code(), problem::summary);
        assertEquals("db/" + relativeName, problem.where().orElseThrow().file());
        assertFalse(problem.fix().isBlank());
        return problem;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0007_add_orders.sql                    | 7              | add orders | UP   | ''       | false",
        "20251027120000_add_orders.sql          | 20251027120000 | add orders | UP   | ''       | false",
        "1.2.10_x.sql                           | 1.2.10         | x          | UP   | ''       | false",
        "0007_add_orders.up.sql                 | 7              | add orders | UP   | ''       | false",
        "0007_add_orders.down.sql               | 7              | add orders | DOWN | ''       | false",
        "0007__add_orders.sql                   | 7              | add orders | UP   | ''       | false",
        "V7__add_orders.sql                     | 7              | add orders | UP   | ''       | false",
        "V1.2__x.sql                            | 1.2            | x          | UP   | ''       | false",
        "V1_2__x.sql                            | 1.2            | x          | UP   | ''       | false",
        "U7__add_orders.sql                     | 7              | add orders | DOWN | ''       | false",
        "rollback/0007_rollback.sql             | 7              | rollback   | DOWN | ''       | false",
        "0007_add_orders.postgres.sql           | 7              | add orders | UP   | postgres | false",
        "0007_add_orders.PostgreSQL.up.sql      | 7              | add orders | UP   | postgres | false",
        "0007_add_orders.pg.down.sql            | 7              | add orders | DOWN | postgres | false",
        "0007_add_orders.mariadb.sql            | 7              | add orders | UP   | mysql    | false",
        "0007_add_orders.sqlite3.autocommit.up.sql | 7           | add orders | UP   | sqlite   | true",
        "0007_add_orders.autocommit.down.sql    | 7              | add orders | DOWN | ''       | true",
        "0007_add_orders.cockroach.sql          | 7              | add orders | UP   | cockroach | false",
        "0007.sql                               | 7              | ''         | UP   | ''       | false",
        "0007_ADD_ORDERS.SQL                    | 7              | ADD ORDERS | UP   | ''       | false",
    })
    void readsEveryForm(String file, String version, String description, Direction direction, String dialect,
            boolean autocommit) {
        ScriptName name = ok(file);
        assertEquals(Version.parse(version), name.version());
        assertEquals(file, name.relativeName());
        assertEquals(description, name.description());
        assertEquals(direction, name.direction());
        assertEquals(dialect.isEmpty() ? Optional.empty() : Optional.of(dialect), name.dialect());
        assertEquals(autocommit, name.autocommit());
    }

    @Test
    void twentyDigitVersionsAndVersionTextAreKept() {
        ScriptName name = ok("20251027120000123456_x.sql");
        assertEquals("20251027120000123456", name.version().text());
        assertEquals("1.2", ok("V1_2__x.sql").version().text());
        assertEquals(ok("001_a.sql").version(), ok("1_b.sql").version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "notes.txt", "archive/0001_old.sql", "rollback/deep/0001_x.sql",
        "rollback/README.md"})
    void ignoresFilesThatAreNotMigrations(String file) {
        assertTrue(parse(file).isEmpty());
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.sql", "rollback/../../x.sql", "/abs.sql", "a\\b.sql", "x\0.sql", "C:x.sql",
        "..", "sub/../0001_x.sql"})
    void refusesNamesThatEscapeTheFolder(String file) {
        Problem problem = problem(file, ErrorCode.PATH_ESCAPES_FOLDER);
        assertTrue(problem.what().contains(file), problem.what());
    }

    @Test
    void dotInDescriptionIsAnErrorNamingThePart() {
        Problem problem = problem("0007_v1.5_fix.sql", ErrorCode.FILE_NAME_INVALID);
        assertTrue(problem.what().contains("'5_fix'"), problem.what());
        assertTrue(problem.fix().startsWith("remove dots from the description"), problem.fix());
    }

    @Test
    void unknownDottedPartBeforeAKnownDialectIsAnError() {
        Problem problem = problem("0007_v1.5_fix.postgres.up.sql", ErrorCode.FILE_NAME_INVALID);
        assertTrue(problem.what().contains("'5_fix'"), problem.what());
    }

    @Test
    void flywayRepeatableIsRefusedWithItsOwnFix() {
        Problem problem = problem("R__refresh_views.sql", ErrorCode.FILE_NAME_INVALID);
        assertTrue(problem.fix().contains("Keel has no repeatable migrations"), problem.fix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"add_orders.sql", "0007-add_orders.sql", "V7_add_orders.sql", "v7__x.sql", "V__x.sql",
        "V1_a__x.sql", "rollback/undo_7.sql", "rollback/0007_x.up.sql", "V7__x.down.sql", "U7__x.up.sql",
        "0007_x.sqlite.postgres.sql", "0007_x..sql", ".sql"})
    void refusesOtherSqlNames(String file) {
        Problem problem = problem(file, ErrorCode.FILE_NAME_INVALID);
        assertTrue(problem.what().contains("db/" + file), problem.what());
    }

    @Test
    void rollbackFileMayCarryDownAndDialect() {
        ScriptName name = ok("rollback/0007_undo.postgres.down.sql");
        assertEquals(Direction.DOWN, name.direction());
        assertEquals(Optional.of("postgres"), name.dialect());
    }
}
