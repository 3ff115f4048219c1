package dev.keel.cli;

import static dev.keel.cli.CliRun.keel;
import static dev.keel.cli.CliRun.sqlite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TESTING.md "bad input" and SPEC §2/§4/§10: each bad file or configuration gives a clear coded error (code,
 * file, line where there is one, a fix) and changes nothing in the database. Every case starts from a database
 * with 0001 applied.
 */
class BadInputTest {

    @TempDir
    Path work;

    Path migrations;
    Path db;
    SqliteDb.State before;

    @BeforeEach
    void oneAppliedMigration() throws IOException {
        migrations = Files.createDirectories(work.resolve("migrations"));
        db = work.resolve("db.sqlite");
        write("0001_t1.sql", "CREATE TABLE t1(id INTEGER);\n");
        keel(work, sqlite(db, migrations, "migrate")).assertExit(0);
        before = SqliteDb.state(db);
    }

    @Test
    void invalidUtf8IsAnErrorNamingFileAndByteOffset() throws IOException {
        byte[] head = "CREATE TABLE t2(name TEXT);\nINSERT INTO t2 VALUES ('caf\u00e9 ".getBytes(StandardCharsets.UTF_8);
        byte[] tail = " bad');\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xFF; // byte offset 58: never valid in UTF-8
        all[head.length + 1] = (byte) 0xFE;
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        Files.write(migrations.resolve("0002_utf.sql"), all);
        assertEquals(58, head.length);

        JsonNode problem = refused("KEEL-E0203", "0002_utf.sql");
        assertEquals(2, problem.path("line").asInt(), problem::toPrettyString);
        assertTrue(problem.path("what").asText().matches("(?s).*offset\\D{0,12}58\\b.*"),
                () -> "byte offset 58 not named: " + problem.toPrettyString());
    }

    @Test
    void unterminatedQuoteIsAnErrorWithLine() throws IOException {
        write("0002_quote.sql", "CREATE TABLE t2(name TEXT);\nINSERT INTO t2 VALUES ('never closed);\n"
                + "CREATE TABLE t3(id INTEGER);\n");

        JsonNode problem = refusedByMigrate("KEEL-E0205", "0002_quote.sql");
        assertEquals(2, problem.path("line").asInt(), problem::toPrettyString);
        assertTextNamesFileAndLine("KEEL-E0205", "0002_quote.sql:2");
    }

    @Test
    void unterminatedBlockCommentIsAnErrorWithLine() throws IOException {
        write("0002_comment.sql", "CREATE TABLE t2(name TEXT);\n\n/* never closed\nCREATE TABLE t3(id INTEGER);\n");

        JsonNode problem = refusedByMigrate("KEEL-E0206", "0002_comment.sql");
        assertEquals(3, problem.path("line").asInt(), problem::toPrettyString);
        assertTextNamesFileAndLine("KEEL-E0206", "0002_comment.sql:3");
    }

    @Test
    void validateReportsWhatTheSplitterWouldStopMigrateFor() throws IOException {
        // ValidateCommand: "exit 3 when anything would stop a migrate" — an unterminated quote or comment does.
        write("0002_quote.sql", "CREATE TABLE t2(name TEXT);\nINSERT INTO t2 VALUES ('never closed);\n");
        write("0003_comment.sql", "CREATE TABLE t3(name TEXT);\n/* never closed\n");

        CliRun validate = keel(work, sqlite(db, migrations, "validate", "--json"));
        validate.assertExit(3);
        assertTrue(validate.problemCodes().containsAll(List.of("KEEL-E0205", "KEEL-E0206")), validate::toString);
    }

    @Test
    void unknownDirectiveIsAnErrorWithLine() throws IOException {
        write("0002_directive.sql", "-- Description: a typo in a directive\n-- keel:frobnicate now\n"
                + "CREATE TABLE t2(id INTEGER);\n");

        JsonNode problem = refused("KEEL-E0207", "0002_directive.sql");
        assertEquals(2, problem.path("line").asInt(), problem::toPrettyString);
        assertTrue(problem.path("what").asText().contains("frobnicate"), problem::toPrettyString);
        assertTextNamesFileAndLine("KEEL-E0207", "0002_directive.sql:2");
    }

    @Test
    void symlinkPointingOutsideTheFolderIsRefused() throws IOException {
        Path outside = Files.createDirectories(work.resolve("outside")).resolve("evil.sql");
        Files.writeString(outside, "CREATE TABLE evil(id INTEGER);\n");
        Files.createSymbolicLink(migrations.resolve("0002_evil.sql"), outside);

        refused("KEEL-E0208", "0002_evil.sql");
        assertFalse(SqliteDb.hasTable(db, "evil"));
    }

    @Test
    void hundredMegabyteFileIsTooLarge() throws IOException {
        try (RandomAccessFile big = new RandomAccessFile(migrations.resolve("0002_big.sql").toFile(), "rw")) {
            big.setLength(100L * 1024 * 1024); // sparse: costs no disk
        }
        refused("KEEL-E0204", "0002_big.sql");
    }

    @Test
    void danglingSymlinkIsAnUnreadableFileNamedInTheError() throws IOException {
        // A link to nothing is unreadable for every user, root included.
        Files.createSymbolicLink(migrations.resolve("0003_x.sql"), work.resolve("does-not-exist.sql"));

        refused("KEEL-E0202", "0003_x.sql");
    }

    @Test
    void namedPipeIsReportedNotWaitedOn() throws Exception {
        Path fifo = migrations.resolve("0003_pipe.sql");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");

        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keel-on-fifo");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                    () -> keel(work, sqlite(db, migrations, "migrate", "--json")), executor);
            CliRun done;
            try {
                done = run.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // Release the reader blocked on the pipe (a writer opens and closes it), then fail.
                Thread writer = new Thread(() -> {
                    try (FileOutputStream ignored = new FileOutputStream(fifo.toFile())) {
                        // open + close: the reader sees end of file
                    } catch (IOException ignored) {
                        // nothing more to release
                    }
                }, "fifo-release");
                writer.setDaemon(true);
                writer.start();
                try {
                    run.get(10, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // only waiting for the blocked run to end
                }
                fail("keel migrate blocked for more than 5 s reading the named pipe " + fifo.getFileName());
                return;
            }
            done.assertExit(3);
            JsonNode problem = done.problem("KEEL-E0202");
            assertTrue(problem.toString().contains("0003_pipe.sql"), problem::toPrettyString);
            assertEquals(before, SqliteDb.state(db));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void malformedKeelYamlIsAConfigurationErrorWithLine() throws IOException {
        Files.writeString(work.resolve("keel.yaml"), "url: jdbc:sqlite:" + db + "\nmigrations:\n  - migrations\n"
                + "\tenvironment: development\n");

        CliRun run = keel(work, "migrate", "--json").assertExit(2);
        JsonNode problem = run.problem("KEEL-E0101");
        assertTrue(problem.path("file").asText().endsWith("keel.yaml"), problem::toPrettyString);
        assertEquals(4, problem.path("line").asInt(), problem::toPrettyString);
        assertFixPresent(problem);
        CliRun text = keel(work, "migrate").assertExit(2);
        assertTrue(text.stderr().contains("KEEL-E0101") && text.stderr().contains("keel.yaml:4"), text::toString);
        assertEquals(before, SqliteDb.state(db));
    }

    @Test
    void badIndentationInKeelYamlIsAConfigurationErrorWithLine() throws IOException {
        Files.writeString(work.resolve("keel.yaml"), "url: jdbc:sqlite:" + db + "\nmigrations:\n  - migrations\n"
                + " environment: development\n");

        JsonNode problem = keel(work, "migrate", "--json").assertExit(2).problem("KEEL-E0101");
        assertTrue(problem.path("file").asText().endsWith("keel.yaml"), problem::toPrettyString);
        assertEquals(4, problem.path("line").asInt(), problem::toPrettyString);
        assertEquals(before, SqliteDb.state(db));
    }

    @Test
    void unknownKeyInKeelYamlIsAnErrorWithLine() throws IOException {
        Files.writeString(work.resolve("keel.yaml"), "url: jdbc:sqlite:" + db + "\nmigrations:\n  - migrations\n"
                + "frobnicate: true\n");
        write("0002_t2.sql", "CREATE TABLE t2(id INTEGER);\n");

        CliRun run = keel(work, "migrate", "--json").assertExit(2);
        JsonNode problem = run.problem("KEEL-E0102");
        assertTrue(problem.path("file").asText().endsWith("keel.yaml"), problem::toPrettyString);
        assertEquals(4, problem.path("line").asInt(), problem::toPrettyString);
        assertTrue(problem.path("what").asText().contains("frobnicate"), problem::toPrettyString);
        assertFixPresent(problem);
        assertEquals(before, SqliteDb.state(db), "0002 must not run under an invalid configuration");
    }

    @Test
    void missingMigrationsFolderIsAConfigurationErrorExit2ForEveryCommand() {
        // SPEC §9: exit 2 = usage or configuration error; KEEL-E0105 belongs to that class. A typo in
        // --migrations must not read as "every applied migration was deleted".
        Path typo = work.resolve("migrationz");
        for (String command : List.of("migrate", "plan", "validate", "status")) {
            CliRun run = keel(work, sqlite(db, typo, command, "--json"));
            assertEquals(2, run.exitCode(), () -> command + " with a missing migrations folder:\n" + run);
            run.problem("KEEL-E0105");
        }
        assertEquals(before, SqliteDb.state(db));
    }

    @Test
    void validKeelYamlInTheWorkingDirectoryIsUsed() throws IOException {
        Files.writeString(work.resolve("keel.yaml"), "url: jdbc:sqlite:" + db + "\nmigrations:\n  - migrations\n");
        write("0002_t2.sql", "CREATE TABLE t2(id INTEGER);\n");

        keel(work, "migrate").assertExit(0);
        assertEquals(List.of("t1", "t2"), SqliteDb.userTables(db));
    }

    /** migrate --json exits 3 with {@code code} naming {@code fileName} and a fix; the database is as before. */
    private JsonNode refusedByMigrate(String code, String fileName) {
        CliRun migrate = keel(work, sqlite(db, migrations, "migrate", "--json")).assertExit(3);
        JsonNode problem = migrate.problem(code);
        assertTrue(problem.path("file").asText().endsWith(fileName)
                || problem.path("what").asText().contains(fileName), problem::toPrettyString);
        assertFixPresent(problem);
        assertEquals(before, SqliteDb.state(db), () -> "database changed:\n" + migrate);
        return problem;
    }

    /**
     * migrate --json and validate --json both exit 3 with {@code code} naming {@code fileName} and carrying a fix;
     * the database is as before. Returns migrate's problem.
     */
    private JsonNode refused(String code, String fileName) {
        JsonNode problem = refusedByMigrate(code, fileName);

        CliRun validate = keel(work, sqlite(db, migrations, "validate", "--json")).assertExit(3);
        validate.problem(code);
        assertEquals(before, SqliteDb.state(db));
        return problem;
    }

    private void assertTextNamesFileAndLine(String code, String fileAndLine) {
        CliRun text = keel(work, sqlite(db, migrations, "migrate")).assertExit(3);
        assertTrue(text.stderr().contains(code) && text.stderr().contains(fileAndLine), text::toString);
        assertEquals(before, SqliteDb.state(db));
    }

    private static void assertFixPresent(JsonNode problem) {
        assertFalse(problem.path("fix").asText().isBlank(), () -> "no fix in " + problem.toPrettyString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(migrations.resolve(name), text, StandardCharsets.UTF_8);
    }
}
