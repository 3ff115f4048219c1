package dev.keel.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.Allowance;
import dev.keel.spi.migration.Checksum;
import dev.keel.spi.migration.DownScript;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.migration.Version;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MigrationReaderTest {

    private static ReadResult read(String dialect, MemorySource... sources) {
        return new MigrationReader(ReaderSettings.defaults(dialect)).read(List.of(sources));
    }

    private static ReadResult read(MemorySource... sources) {
        return read("sqlite", sources);
    }

    private static List<MigrationScript> ok(MemorySource source) {
        ReadResult result = read(source);
        assertEquals(List.of(), result.problems());
        assertTrue(result.ok());
        return result.migrations();
    }

    private static MigrationScript only(MemorySource source) {
        List<MigrationScript> migrations = ok(source);
        assertEquals(1, migrations.size(), migrations::toString);
        return migrations.get(0);
    }

    /** The single problem of a read, checked for the parts every problem must have. */
    private static Problem problem(ReadResult result, ErrorCode code) {
        assertEquals(1, result.problems().size(), () -> result.problems().toString());
        Problem problem = result.problems().get(0);
        assertEquals(code, problem.code(), problem::summary);
        assertTrue(problem.where().isPresent(), problem::summary);
        assertFalse(problem.fix().isBlank());
        assertTrue(problem.what().contains(problem.where().get().file()), problem::summary);
        assertFalse(result.ok());
        return problem;
    }

    private static int line(Problem problem) {
        return problem.where().map(Location::line).orElse(0);
    }

    private static List<String> versions(List<MigrationScript> migrations) {
        return migrations.stream().map(m -> m.version().text()).toList();
    }

    @Nested
    class Forms {

        @Test
        void plainFileIsAllUp() {
            MigrationScript m = only(new MemorySource().file("0007_add_orders.sql", "CREATE TABLE orders(id INT);\n"));
            assertEquals(Version.parse("7"), m.version());
            assertEquals("add orders", m.description());
            assertEquals("0007_add_orders.sql", m.script());
            assertEquals("db/migrations/0007_add_orders.sql", m.location());
            assertEquals("CREATE TABLE orders(id INT);\n", m.sql());
            assertEquals(1, m.firstLine());
            assertEquals(Checksum.of("CREATE TABLE orders(id INT);\n"), m.checksum());
            assertEquals(Optional.empty(), m.down());
            assertEquals(TransactionMode.TRANSACTIONAL, m.transactionMode());
            assertFalse(m.noOp());
        }

        @Test
        void keelMarkersSplitUpAndDown() {
            String up = "-- Migration: 0007\n-- Author: Ann\n-- === UP MIGRATION ===\nCREATE TABLE t(id INT);\n";
            String text = up + "--   ===  down   migration ===  \nDROP TABLE t;\n";
            MigrationScript m = only(new MemorySource().file("0007_t.sql", text));
            assertEquals(up, m.sql());
            assertEquals(1, m.firstLine());
            assertEquals(Checksum.of(up), m.checksum());
            DownScript down = m.down().orElseThrow();
            assertEquals("DROP TABLE t;\n", down.sql());
            assertEquals(6, down.firstLine());
            assertEquals("0007_t.sql", down.script());
            assertEquals(Checksum.of("DROP TABLE t;\n"), down.checksum());
            assertEquals(Map.of("migration", "0007", "author", "Ann"), m.metadata());
        }

        @Test
        void editingTheDownKeepsTheUpChecksum() {
            String up = "-- migrate:up\nCREATE TABLE t(id INT);\n";
            MigrationScript a = only(new MemorySource().file("1_t.sql", up + "-- migrate:down\nDROP TABLE t;\n"));
            MigrationScript b = only(new MemorySource().file("1_t.sql", up + "-- migrate:down\nDROP TABLE IF EXISTS t;\n"));
            assertEquals(a.checksum(), b.checksum());
            assertFalse(a.down().orElseThrow().checksum().equals(b.down().orElseThrow().checksum()));
        }

        @Test
        void dbmateMarkersWithTransactionOption() {
            MigrationScript m = only(new MemorySource().file("20251027120000_idx.sql",
                    "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t(a);\n\n"
                            + "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY i;\n"));
            assertEquals(TransactionMode.NONE, m.transactionMode());
            assertEquals(TransactionMode.NONE, m.down().orElseThrow().transactionMode());
            assertEquals(5, m.down().orElseThrow().firstLine());
        }

        @Test
        void downMarkerWithoutUpMarkerMakesEverythingBeforeItUp() {
            MigrationScript m = only(new MemorySource().file("1_t.sql",
                    "CREATE TABLE t(id INT);\n-- === DOWN MIGRATION ===\nDROP TABLE t;\n"));
            assertEquals("CREATE TABLE t(id INT);\n", m.sql());
            assertEquals("DROP TABLE t;\n", m.down().orElseThrow().sql());
            assertEquals(3, m.down().orElseThrow().firstLine());
        }

        @Test
        void upDownPair() {
            MigrationScript m = only(new MemorySource()
                    .file("0007_add_orders.up.sql", "CREATE TABLE orders(id INT);")
                    .file("0007_add_orders.down.sql", "DROP TABLE orders;"));
            assertEquals("0007_add_orders.up.sql", m.script());
            DownScript down = m.down().orElseThrow();
            assertEquals("0007_add_orders.down.sql", down.script());
            assertEquals("DROP TABLE orders;", down.sql());
            assertEquals(1, down.firstLine());
        }

        @Test
        void flywayVersionAndUndo() {
            List<MigrationScript> all = ok(new MemorySource()
                    .file("V1_2__x.sql", "CREATE TABLE x(id INT);")
                    .file("U1_2__x.sql", "DROP TABLE x;")
                    .file("V1.3__y.sql", "CREATE TABLE y(id INT);"));
            assertEquals(List.of("1.2", "1.3"), versions(all));
            assertEquals("U1_2__x.sql", all.get(0).down().orElseThrow().script());
        }

        @Test
        void rollbackFolder() {
            MigrationScript m = only(new MemorySource()
                    .file("0007_add_orders.sql", "CREATE TABLE orders(id INT);")
                    .file("rollback/0007_rollback.sql", "DROP TABLE orders;"));
            assertEquals("rollback/0007_rollback.sql", m.down().orElseThrow().script());
        }

        @Test
        void allFormsMixedInOneDirectory() {
            MemorySource source = new MemorySource()
                    .file("0001_plain.sql", "CREATE TABLE a(id INT);")
                    .file("0002_markers.sql", "-- === UP MIGRATION ===\nCREATE TABLE b(id INT);\n-- === DOWN MIGRATION ===\nDROP TABLE b;")
                    .file("0003_pair.up.sql", "CREATE TABLE c(id INT);")
                    .file("0003_pair.down.sql", "DROP TABLE c;")
                    .file("V4__flyway.sql", "CREATE TABLE d(id INT);")
                    .file("U4__flyway.sql", "DROP TABLE d;")
                    .file("0005_rolled.sql", "CREATE TABLE e(id INT);")
                    .file("rollback/0005_rollback.sql", "DROP TABLE e;")
                    .file("0006_variant.sql", "CREATE TABLE f(id INT);")
                    .file("0006_variant.sqlite.sql", "CREATE TABLE f(id INTEGER);")
                    .file("20251027120000_dbmate.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;")
                    .file("README.md", "# not a migration")
                    .file("archive/0001_old.sql", "not read");
            List<MigrationScript> all = ok(source);
            assertEquals(List.of("0001", "0002", "0003", "4", "0005", "0006", "20251027120000"), versions(all));
            assertEquals(List.of(false, true, true, true, true, false, true),
                    all.stream().map(m -> m.down().isPresent()).toList());
            assertEquals("0006_variant.sqlite.sql", all.get(5).script());
            assertEquals(0, source.get("archive/0001_old.sql").reads());
        }
    }

    @Nested
    class Variants {

        private MemorySource source() {
            return new MemorySource()
                    .file("0007_add_orders.sql", "generic")
                    .file("0007_add_orders.postgres.sql", "postgres")
                    .file("0007_add_orders.mariadb.sql", "mysql")
                    .file("0007_add_orders.cockroach.sql", "cockroach");
        }

        @Test
        void targetVariantReplacesGenericFile() {
            assertEquals("postgres", read("postgres", source()).migrations().get(0).sql());
            assertEquals("mysql", read("mysql", source()).migrations().get(0).sql());
            assertEquals("generic", read("sqlite", source()).migrations().get(0).sql());
        }

        @Test
        void aliasesNameTheTargetToo() {
            ReadResult result = read("postgresql", new MemorySource()
                    .file("1_x.sql", "generic").file("1_x.pg.sql", "pg"));
            assertEquals("pg", result.migrations().get(0).sql());
            assertEquals("1_x.pg.sql", result.migrations().get(0).script());
        }

        @Test
        void variantForAnotherDialectIsNeitherReadNorReported() {
            MemorySource source = new MemorySource()
                    .file("0008_only_pg.postgres.sql", "CREATE INDEX CONCURRENTLY i ON t(a);")
                    .file("0008_only_pg.cockroach.up.sql", "x")
                    .bytes("0009_bad.mysql.sql", new byte[] {(byte) 0xff});
            ReadResult result = read("sqlite", source);
            assertEquals(List.of(), result.problems());
            assertEquals(List.of(), result.migrations());
            assertEquals(0, source.get("0009_bad.mysql.sql").reads());
        }

        @Test
        void popxLayoutWithDialectAndAutocommit() {
            List<MigrationScript> all = ok(new MemorySource()
                    .file("20210101000000_users.sqlite.up.sql", "CREATE TABLE users(id INTEGER);")
                    .file("20210101000000_users.sqlite.down.sql", "DROP TABLE users;")
                    .file("20210101000000_users.postgres.up.sql", "CREATE TABLE users(id BIGINT);")
                    .file("20210101000000_users.postgres.down.sql", "DROP TABLE users;")
                    .file("20210102000000_idx.sqlite.autocommit.up.sql", "CREATE INDEX i ON users(id);")
                    .file("20210102000000_idx.sqlite.down.sql", "DROP INDEX i;"));
            assertEquals(2, all.size());
            assertEquals("CREATE TABLE users(id INTEGER);", all.get(0).sql());
            assertEquals(TransactionMode.NONE, all.get(1).transactionMode());
            assertEquals(TransactionMode.TRANSACTIONAL, all.get(1).down().orElseThrow().transactionMode());
        }

        @Test
        void downVariantReplacesGenericDownSection() {
            MigrationScript m = only(new MemorySource()
                    .file("1_x.sql", "CREATE TABLE x(id INT);\n-- migrate:down\nDROP TABLE x;\n")
                    .file("1_x.sqlite.down.sql", "DROP TABLE IF EXISTS x;"));
            assertEquals("1_x.sqlite.down.sql", m.down().orElseThrow().script());
        }
    }

    @Nested
    class Versions {

        @Test
        void sortedNumericallyPartByPart() {
            List<MigrationScript> all = ok(new MemorySource()
                    .file("1.2.10_c.sql", "SELECT 3;")
                    .file("1.2.9_b.sql", "SELECT 2;")
                    .file("1.2_a.sql", "SELECT 1;")
                    .file("10_e.sql", "SELECT 5;")
                    .file("2_d.sql", "SELECT 4;"));
            assertEquals(List.of("1.2", "1.2.9", "1.2.10", "2", "10"), versions(all));
        }

        @Test
        void twentyDigitTimestamps() {
            List<MigrationScript> all = ok(new MemorySource()
                    .file("20251027120000000001_b.sql", "SELECT 2;")
                    .file("20251027120000000000_a.sql", "SELECT 1;"));
            assertEquals(List.of("20251027120000000000", "20251027120000000001"), versions(all));
        }

        @Test
        void leadingZerosMakeADuplicate() {
            Problem p = problem(read(new MemorySource().file("001_a.sql", "a").file("1_b.sql", "b")),
                    ErrorCode.VERSION_DUPLICATE);
            assertTrue(p.what().contains("db/migrations/001_a.sql") && p.what().contains("db/migrations/1_b.sql"),
                    p.what());
        }

        @Test
        void flywayAndPlainNamesShareVersions() {
            ReadResult result = read(new MemorySource().file("0007_a.sql", "a").file("V7__b.sql", "b")
                    .file("0008_c.sql", "c"));
            Problem p = problem(result, ErrorCode.VERSION_DUPLICATE);
            assertTrue(p.what().contains("0007_a.sql") && p.what().contains("V7__b.sql"), p.what());
            assertEquals(List.of("0008"), versions(result.migrations()));
        }

        @Test
        void versionInTwoLocationsIsADuplicate() {
            ReadResult result = read(new MemorySource("db/one").file("0007_a.sql", "a"),
                    new MemorySource("db/two").file("7_a.sql", "a"));
            Problem p = problem(result, ErrorCode.VERSION_DUPLICATE);
            assertTrue(p.what().contains("db/one/0007_a.sql") && p.what().contains("db/two/7_a.sql"), p.what());
        }

        @Test
        void plainFileAndUpFileOfOneVersionAreDuplicates() {
            problem(read(new MemorySource().file("1_a.sql", "a").file("1_a.up.sql", "a")), ErrorCode.VERSION_DUPLICATE);
        }
    }

    @Nested
    class Downs {

        @Test
        void markerSectionAndDownFileAreDuplicates() {
            ReadResult result = read(new MemorySource()
                    .file("0007_x.sql", "SELECT 1;\n-- === DOWN MIGRATION ===\nSELECT 2;\n")
                    .file("0007_x.down.sql", "SELECT 3;"));
            Problem p = problem(result, ErrorCode.DOWN_DUPLICATE);
            assertTrue(p.what().contains("db/migrations/0007_x.sql (line 2)") && p.what().contains("0007_x.down.sql"),
                    p.what());
            assertEquals(List.of(), result.migrations());
        }

        @Test
        void undoFileAndRollbackFileAreDuplicates() {
            Problem p = problem(read(new MemorySource().file("V7__x.sql", "SELECT 1;").file("U7__x.sql", "SELECT 2;")
                    .file("rollback/0007_rollback.sql", "SELECT 3;")), ErrorCode.DOWN_DUPLICATE);
            assertTrue(p.what().contains("U7__x.sql") && p.what().contains("rollback/0007_rollback.sql"), p.what());
        }

        @Test
        void downWithoutUp() {
            ReadResult result = read(new MemorySource()
                    .file("0001_a.sql", "SELECT 1;")
                    .file("0007_x.down.sql", "SELECT 3;")
                    .file("U8__y.sql", "SELECT 3;")
                    .file("rollback/0009_rollback.sql", "SELECT 3;"));
            assertEquals(List.of(ErrorCode.DOWN_WITHOUT_UP, ErrorCode.DOWN_WITHOUT_UP, ErrorCode.DOWN_WITHOUT_UP),
                    result.problems().stream().map(Problem::code).toList());
            assertEquals(List.of("0001"), versions(result.migrations()));
            assertTrue(result.problems().get(0).what().contains("0007_x.down.sql"));
        }

        @Test
        void commentOnlyDownSectionIsNoDown() {
            MigrationScript m = only(new MemorySource().file("1_x.sql",
                    "-- migrate:up\nCREATE TABLE x(id INT);\n-- migrate:down\n-- nothing to undo\n")
                    .file("1_x.down.sql", "DROP TABLE x;"));
            assertEquals("1_x.down.sql", m.down().orElseThrow().script());
            MigrationScript alone = only(new MemorySource().file("1_x.sql",
                    "-- migrate:up\nCREATE TABLE x(id INT);\n-- migrate:down\n\n"));
            assertEquals(Optional.empty(), alone.down());
        }

        @Test
        void irreversibleHasNoDown() {
            MigrationScript m = only(new MemorySource().file("1_x.sql",
                    "-- keel:irreversible drops the legacy table for good\nDROP TABLE legacy;\n-- === DOWN MIGRATION ===\n"));
            assertEquals(Optional.of("drops the legacy table for good"), m.irreversibleReason());
            assertEquals(Optional.empty(), m.down());
        }

        @Test
        void irreversibleWithADownIsContradictory() {
            problem(read(new MemorySource().file("1_x.sql", "-- keel:irreversible gone\nDROP TABLE t;")
                    .file("1_x.down.sql", "CREATE TABLE t(id INT);")), ErrorCode.DIRECTIVE_INVALID);
        }

        @Test
        void irreversibleNeedsAReason() {
            Problem p = problem(read(new MemorySource().file("1_x.sql", "SELECT 1;\n-- keel:irreversible   \n")),
                    ErrorCode.DIRECTIVE_INVALID);
            assertEquals(2, line(p));
        }
    }

    @Nested
    class Markers {

        @Test
        void duplicateUpMarker() {
            Problem p = problem(read(new MemorySource().file("1_x.sql",
                    "-- migrate:up\nSELECT 1;\n-- === UP MIGRATION ===\nSELECT 2;\n")), ErrorCode.MARKER_INVALID);
            assertEquals(3, line(p));
        }

        @Test
        void duplicateDownMarker() {
            Problem p = problem(read(new MemorySource().file("1_x.sql",
                    "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:down\n")), ErrorCode.MARKER_INVALID);
            assertEquals(5, line(p));
        }

        @Test
        void downBeforeUp() {
            Problem p = problem(read(new MemorySource().file("1_x.sql",
                    "-- === DOWN MIGRATION ===\nDROP TABLE t;\n-- === UP MIGRATION ===\nCREATE TABLE t(id INT);\n")),
                    ErrorCode.MARKER_INVALID);
            assertEquals(3, line(p));
            assertTrue(p.what().contains("db/migrations/1_x.sql"));
        }

        @Test
        void nearMissMarkersAreErrors() {
            assertEquals(2, line(problem(read(new MemorySource().file("1_x.sql", "SELECT 1;\n-- === DOWN ===\nSELECT 2;")),
                    ErrorCode.MARKER_INVALID)));
            assertEquals(1, line(problem(read(new MemorySource().file("1_x.sql", "-- migrate:upp\nSELECT 2;")),
                    ErrorCode.MARKER_INVALID)));
            assertEquals(1, line(problem(read(new MemorySource().file("1_x.sql", "-- migrate:up transaction:maybe\n")),
                    ErrorCode.MARKER_INVALID)));
        }

        @Test
        void decoratedCommentsAreNotMarkers() {
            MigrationScript m = only(new MemorySource().file("1_x.sql",
                    "-- ==========\n-- === Orders ===\nSELECT 1;\n"));
            assertEquals(Optional.empty(), m.down());
        }

        @Test
        void sqlBeforeTheUpMarker() {
            Problem p = problem(read(new MemorySource().file("1_x.sql",
                    "-- header\nSELECT 0;\n-- migrate:up\nSELECT 1;\n")), ErrorCode.MARKER_INVALID);
            assertEquals(3, line(p));
            assertTrue(p.what().contains("line 2"), p.what());
        }

        @Test
        void markersInADownFile() {
            problem(read(new MemorySource().file("1_x.sql", "SELECT 1;")
                    .file("1_x.down.sql", "-- migrate:down\nSELECT 2;")), ErrorCode.MARKER_INVALID);
        }
    }

    @Nested
    class Directives {

        @Test
        void allowancesWithLines() {
            MigrationScript m = only(new MemorySource().file("1_x.sql",
                    "-- keel:allow PG101 the table is empty in every environment\nDROP TABLE t;\n"
                            + "-- KEEL:allow MY-7  backfilled by job 42\nDELETE FROM u;\n"));
            assertEquals(List.of(
                    new Allowance(List.of("PG101"), "the table is empty in every environment", 1,
                            Allowance.Scope.STATEMENT),
                    new Allowance(List.of("MY-7"), "backfilled by job 42", 3, Allowance.Scope.STATEMENT)),
                    m.allowances());
        }

        @Test
        void allowWithoutReasonIsLeftForLintAndDoesNotStopTheRead() {
            MigrationScript m = only(new MemorySource().file("1_x.sql", "SELECT 1;\n\n-- keel:allow PG101\n"));
            assertEquals(List.of(), m.allowances());
            assertEquals(1, m.invalidAllowances().size());
            Problem p = m.invalidAllowances().get(0);
            assertEquals(ErrorCode.DIRECTIVE_INVALID, p.code());
            assertEquals(3, line(p));
            assertTrue(p.what().contains("gives no reason"), p.what());
        }

        @Test
        void unknownDirectiveNamesItsLine() {
            Problem p = problem(read(new MemorySource().file("1_x.sql", "SELECT 1;\nSELECT 2;\n-- keel:alow X why\n")),
                    ErrorCode.DIRECTIVE_UNKNOWN);
            assertEquals(3, line(p));
            assertTrue(p.what().contains("keel:alow"), p.what());
            assertTrue(p.fix().contains("keel:allow"), p.fix());
        }

        @Test
        void proseAfterKeelColonIsAComment() {
            only(new MemorySource().file("1_x.sql", "-- Keel: applies this first\nSELECT 1;\n"));
        }

        @Test
        void transactionDirectiveValues() {
            assertEquals(TransactionMode.NONE, only(new MemorySource().file("1_x.sql",
                    "-- keel:transaction none\nCREATE INDEX CONCURRENTLY i ON t(a);")).transactionMode());
            assertEquals(TransactionMode.TRANSACTIONAL, only(new MemorySource().file("1_x.sql",
                    "-- keel:transaction required\nSELECT 1;")).transactionMode());
            assertEquals(TransactionMode.TRANSACTIONAL, only(new MemorySource().file("1_x.sql",
                    "-- keel:transaction default\nSELECT 1;")).transactionMode());
            assertEquals(1, line(problem(read(new MemorySource().file("1_x.sql", "-- keel:transaction off\nSELECT 1;")),
                    ErrorCode.DIRECTIVE_INVALID)));
        }

        @Test
        void transactionDirectiveInDownSectionAppliesToDown() {
            MigrationScript m = only(new MemorySource().file("1_x.sql",
                    "CREATE INDEX i ON t(a);\n-- === DOWN MIGRATION ===\n-- keel:transaction none\nDROP INDEX CONCURRENTLY i;\n"));
            assertEquals(TransactionMode.TRANSACTIONAL, m.transactionMode());
            assertEquals(TransactionMode.NONE, m.down().orElseThrow().transactionMode());
        }

        @Test
        void allowInDownSectionIsReported() {
            problem(read(new MemorySource().file("1_x.sql",
                    "SELECT 1;\n-- === DOWN MIGRATION ===\n-- keel:allow X because\nDROP TABLE t;\n")),
                    ErrorCode.DIRECTIVE_INVALID);
        }

        @Test
        void sqlxNoTransactionFirstLine() {
            assertEquals(TransactionMode.NONE, only(new MemorySource().file("1_x.sql",
                    "\n-- no-transaction\nCREATE INDEX CONCURRENTLY i ON t(a);")).transactionMode());
            assertEquals(TransactionMode.TRANSACTIONAL, only(new MemorySource().file("1_x.sql",
                    "SELECT 1;\n-- no-transaction\n")).transactionMode());
        }

        @Test
        void autocommitName() {
            MigrationScript m = only(new MemorySource().file("1_x.autocommit.up.sql", "VACUUM;")
                    .file("1_x.down.sql", "SELECT 1;"));
            assertEquals(TransactionMode.NONE, m.transactionMode());
            assertEquals(TransactionMode.TRANSACTIONAL, m.down().orElseThrow().transactionMode());
        }

        @Test
        void contradictoryTransactionRequests() {
            problem(read(new MemorySource().file("1_x.autocommit.sql", "-- keel:transaction required\nSELECT 1;")),
                    ErrorCode.DIRECTIVE_INVALID);
            problem(read(new MemorySource().file("2_x.sql", "-- migrate:up transaction:false\n-- keel:transaction required\nSELECT 1;\n")),
                    ErrorCode.DIRECTIVE_INVALID);
        }

        @Test
        void headerMetadataStopsAtTheFirstStatement() {
            MigrationScript m = only(new MemorySource().file("1_x.sql",
                    "/* generated */\n-- MIGRATION: 1\n-- description:  add things \n-- Author: Bo\n"
                            + "-- Date: 2025-10-27\n-- Reviewer: Cy\nSELECT 1;\n-- Author: late\n"));
            assertEquals(Map.of("migration", "1", "description", "add things", "author", "Bo", "date", "2025-10-27"),
                    m.metadata());
        }
    }

    @Nested
    class Text {

        @Test
        void emptyUpUnderAnExplicitMarkerIsAnUnfinishedFileNotANoOp() {
            problem(read(new MemorySource().file("1_x.sql",
                    "-- Migration: 1\n\n-- === UP MIGRATION ===\n\n\n-- === DOWN MIGRATION ===\nDROP TABLE x;\n")),
                    ErrorCode.UP_SECTION_EMPTY);
            problem(read(new MemorySource().file("2_x.sql", "-- migrate:up\n-- nothing\n-- migrate:down\n")),
                    ErrorCode.UP_SECTION_EMPTY);
        }

        @Test
        void commentOnlyFileIsNoOp() {
            MigrationScript m = only(new MemorySource().file("1_x.sql",
                    "-- nothing yet\n\n/* block\n comment */ /* another */\n  \t\n"));
            assertTrue(m.noOp());
            assertTrue(only(new MemorySource().file("2_empty.sql", "")).noOp());
        }

        @Test
        void nestedCommentsAreAcceptedButOnlyNoOpWhenEveryDialectAgrees() {
            // PostgreSQL nests, MySQL and SQLite do not: the splitter of the target decides, nothing is refused here
            assertFalse(only(new MemorySource().file("1_x.sql", "/* outer /* nested */ still comment */\n")).noOp());
            assertFalse(only(new MemorySource().file("1_x.sql", "/* outer /* nested */\n")).noOp());
        }

        @Test
        void mysqlExecutableCommentIsNotNoOp() {
            assertFalse(only(new MemorySource().file("1_x.sql", "/*!40101 SET NAMES utf8 */;\n")).noOp());
        }

        @Test
        void commentThatCloseEarlyWithoutNestingIsNotNoOp() {
            // MySQL and SQLite end the comment at the first */ and would run "SELECT 1"
            assertFalse(only(new MemorySource().file("1_x.sql", "/* a /* b */ SELECT 1; */\n")).noOp());
        }

        @Test
        void unterminatedCommentInCommentOnlyFile() {
            Problem p = problem(read(new MemorySource().file("1_x.sql", "-- x\n/* never closed\n")),
                    ErrorCode.UNTERMINATED_COMMENT);
            assertEquals(2, line(p));
        }

        @Test
        void crlfGivesTheSameChecksumAsLf() {
            String lf = "-- migrate:up\nCREATE TABLE t(id INT);\n-- migrate:down\nDROP TABLE t;\n";
            MigrationScript a = only(new MemorySource().file("1_x.sql", lf));
            MigrationScript b = only(new MemorySource().file("1_x.sql", lf.replace("\n", "\r\n")));
            assertEquals(a.checksum(), b.checksum());
            assertEquals(a.down().orElseThrow().checksum(), b.down().orElseThrow().checksum());
            assertEquals(a.down().orElseThrow().firstLine(), b.down().orElseThrow().firstLine());
        }

        @Test
        void bomIsDropped() {
            byte[] body = "SELECT 1;\n".getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            MigrationScript a = only(new MemorySource().bytes("1_x.sql", withBom));
            assertEquals("SELECT 1;\n", a.sql());
            assertEquals(only(new MemorySource().bytes("1_x.sql", body)).checksum(), a.checksum());
        }

        @Test
        void invalidUtf8NamesOffsetAndLine() {
            byte[] bytes = "SELECT 1;\nSELECT 'caf\u00e9 ?';\n".getBytes(StandardCharsets.UTF_8);
            int at = new String(bytes, StandardCharsets.UTF_8).indexOf('?') + 1; // é takes two bytes
            bytes[at] = (byte) 0xC3; // a lead byte followed by "'", not a continuation byte
            Problem p = problem(read(new MemorySource().bytes("1_x.sql", bytes)), ErrorCode.FILE_ENCODING_INVALID);
            assertTrue(p.what().contains("byte offset " + at), p.what());
            assertEquals(2, line(p));
        }

        @Test
        void latin1FileIsRefused() {
            byte[] bytes = {'S', 'E', 'L', (byte) 0xE9};
            Problem p = problem(read(new MemorySource().bytes("1_x.sql", bytes)), ErrorCode.FILE_ENCODING_INVALID);
            assertTrue(p.what().contains("byte offset 3"), p.what());
        }

        @Test
        void tooLargeFileIsNotRead() {
            MemorySource source = new MemorySource().sized("1_x.sql", "SELECT 1;", 10L * 1024 * 1024 + 1);
            Problem p = problem(read(source), ErrorCode.FILE_TOO_LARGE);
            assertTrue(p.what().contains("10485761") && p.what().contains("10485760"), p.what());
            assertTrue(p.fix().contains("maxFileBytes"), p.fix());
            assertEquals(0, source.get("1_x.sql").reads());
        }

        @Test
        void unreadableFileIsReportedAndOthersStillRead() {
            ReadResult result = read(new MemorySource().unreadable("1_x.sql").file("2_y.sql", "SELECT 2;"));
            problem(result, ErrorCode.FILE_UNREADABLE);
            assertEquals(List.of("2"), versions(result.migrations()));
        }
    }

    @Nested
    class Problems {

        @Test
        void everyProblemIsCollected() {
            ReadResult result = read(new MemorySource()
                    .file("../x.sql", "SELECT 1;")
                    .file("rollback/../../y.sql", "SELECT 1;")
                    .file("/abs.sql", "SELECT 1;")
                    .file("R__views.sql", "SELECT 1;")
                    .file("0007_v1.5_fix.sql", "SELECT 1;")
                    .file("0008_ok.sql", "-- keel:nope\n")
                    .file("0009_fine.sql", "SELECT 9;"));
            assertEquals(List.of(ErrorCode.PATH_ESCAPES_FOLDER, ErrorCode.PATH_ESCAPES_FOLDER, ErrorCode.FILE_NAME_INVALID,
                            ErrorCode.FILE_NAME_INVALID, ErrorCode.PATH_ESCAPES_FOLDER, ErrorCode.DIRECTIVE_UNKNOWN),
                    result.problems().stream().map(Problem::code).toList());
            assertEquals(List.of("0009"), versions(result.migrations()));
            KeelException e = assertThrows(KeelException.class, result::throwIfProblems);
            assertEquals(6, e.problems().size());
        }

        @Test
        void okResultDoesNotThrow() {
            ReadResult result = read(new MemorySource().file("1_x.sql", "SELECT 1;"));
            result.throwIfProblems();
            assertTrue(result.ok());
        }
    }
}
