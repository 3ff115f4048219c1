package dev.keel.cli;

import static dev.keel.cli.CliRun.keel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** SPEC §9: {@code migrate --snapshot}, {@code plan --snapshot} and the {@code snapshot} command group parse. */
class SnapshotOptionsTest {

    @TempDir
    Path work;

    GlobalOptions global = new GlobalOptions();

    /** The innermost command of a parse. */
    Object parse(String... args) {
        CliEnvironment environment = new CliEnvironment(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Map.of(), work, false);
        CommandLine commandLine = new KeelCli(environment).commandLine(global, new RunEvents(environment, global));
        ParseResult result = commandLine.parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result.commandSpec().userObject();
    }

    @Test
    void migrateTakesASnapshotStrategyOrNone() {
        MigrateCommand migrate = (MigrateCommand) parse("migrate", "--snapshot", "docker", "--dry-run");
        assertEquals("docker", migrate.snapshot);
        assertEquals(Optional.of("docker"), MigrateCommand.snapshotOption(migrate.snapshot));
        assertEquals(Optional.of("none"), MigrateCommand.snapshotOption(((MigrateCommand) parse("migrate", "--snapshot=none")).snapshot));
        assertEquals(Optional.empty(), MigrateCommand.snapshotOption(((MigrateCommand) parse("migrate")).snapshot));
    }

    @Test
    void planTakesTheSameOverride() {
        assertEquals("filecopy", ((PlanCommand) parse("plan", "--snapshot", "filecopy")).snapshot);
    }

    @Test
    void snapshotSubcommandsParseWithGlobalOptionsAtAnyLevel() {
        assertEquals(SnapshotBeginCommand.class, parse("snapshot", "begin").getClass());
        assertEquals(SnapshotCommitCommand.class, parse("snapshot", "commit").getClass());
        assertEquals(SnapshotListCommand.class, parse("snapshot", "list", "--json").getClass());
        assertTrue(global.json);
        assertEquals("20261122T081530Z-3f2a",
                ((SnapshotRestoreCommand) parse("--url", "jdbc:sqlite:x.db", "snapshot", "restore", "20261122T081530Z-3f2a")).id);
        assertEquals("jdbc:sqlite:x.db", global.url);
        assertNull(((SnapshotRestoreCommand) parse("snapshot", "restore")).id);
        assertEquals(3, ((SnapshotPruneCommand) parse("snapshot", "--no-color", "prune", "--keep", "3")).keep);
        assertTrue(global.noColor);
        assertNull(((SnapshotPruneCommand) parse("snapshot", "prune")).keep);
    }

    @Test
    void snapshotAloneIsAUsageError() {
        CliRun run = keel(work, "snapshot").assertExit(2);
        assertTrue(run.stderr().contains("Missing subcommand") && run.stderr().contains("restore"), run::toString);
        JsonNode json = keel(work, "snapshot", "--json").assertExit(2).json();
        assertEquals("snapshot", json.path("command").asText());
        assertEquals("KEEL-E0104", json.path("problems").path(0).path("code").asText());
    }

    @Test
    void snapshotHelpListsTheSubcommands() {
        CliRun run = keel(work, "snapshot", "--help").assertExit(0);
        for (String sub : new String[] {"begin", "commit", "restore", "list", "prune"}) {
            assertTrue(run.stdout().contains("  " + sub + " "), run::toString);
        }
        assertTrue(keel(work, "snapshot", "prune", "--help").assertExit(0).stdout().contains("--keep=N"));
    }

    @Test
    void badValuesAreUsageErrorsBeforeAnythingOpens() {
        JsonNode keep = keel(work, "snapshot", "prune", "--keep", "-1", "--json").assertExit(2).json();
        assertEquals("snapshot prune", keep.path("command").asText());
        assertEquals("KEEL-E0104", keep.path("problems").path(0).path("code").asText());
        assertTrue(keep.path("problems").path(0).path("what").asText().contains("--keep"));
        keel(work, "snapshot", "prune", "--keep", "many").assertExit(2);
        JsonNode blank = keel(work, "migrate", "--snapshot", " ", "--json").assertExit(2).json();
        assertEquals("KEEL-E0104", blank.path("problems").path(0).path("code").asText());
        keel(work, "migrate", "--snapshot").assertExit(2); // a value is required
        keel(work, "snapshot", "restore", "a", "b").assertExit(2); // one id at most
    }

    @Test
    void errorsOfNestedCommandsAreNamedAsTyped() {
        JsonNode json = keel(work, "snapshot", "list", "--json", "--frobnicate").assertExit(2).json();
        assertEquals("snapshot list", json.path("command").asText());
    }

    static String utf8(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }
}
