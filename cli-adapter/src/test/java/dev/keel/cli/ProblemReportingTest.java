package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.event.RunStep;
import dev.keel.spi.event.SnapshotRestored;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** SPEC §6, §9: each new code exits with its class; a failure after a restore is printed whole. */
class ProblemReportingTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final GlobalOptions global = new GlobalOptions();
    final CliEnvironment environment = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Path.of(""), false);
    final RunEvents events = new RunEvents(environment, global);
    final CommandLine migrate = new KeelCli(environment).commandLine(global, events).getSubcommands().get("migrate");

    int report(KeelException exception) {
        return new ProblemReporter(environment, global, events).onExecutionException(exception, migrate, null);
    }

    @ParameterizedTest
    @EnumSource(names = {"RECOVERY_FAILED", "HOOK_FAILED", "SNAPSHOT_STRATEGY_UNKNOWN", "SNAPSHOT_UNAVAILABLE",
        "SNAPSHOT_NO_SPACE", "SNAPSHOT_TAKE_FAILED", "SNAPSHOT_RESTORE_FAILED", "SNAPSHOT_NOT_FOUND",
        "SNAPSHOT_VERIFY_FAILED", "SNAPSHOT_SESSION_STATE"})
    void snapshotAndRecoveryCodesExitWithTheirClass(ErrorCode code) {
        int exit = report(KeelException.of(code, "what", "fix"));
        assertEquals(code.exitClass().exitCode(), exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(code.code()));
    }

    @Test
    void theExitCodesOfSpecSection9() {
        assertEquals(6, report(KeelException.of(ErrorCode.SNAPSHOT_RESTORE_FAILED, "w", "f")));
        assertEquals(1, report(KeelException.of(ErrorCode.SNAPSHOT_TAKE_FAILED, "w", "f")));
        assertEquals(2, report(KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND, "w", "f")));
    }

    @Test
    void aFailureWithARestorePrintsWhatFailedAndWhatWasRestoredInFull() {
        String what = "Migration 0003 (0003_index.sql) failed: statement 2 of 4 (line 9) failed: " + "x".repeat(400)
                + " END-OF-WHAT";
        String fix = "The database was restored from snapshot 20261122T081530Z-3f2a (filecopy) and verified against the"
                + " schema fingerprint taken before the run.\nFix statement 2 and run 'keel migrate' again. END-OF-FIX";
        int exit = report(KeelException.of(ErrorCode.MIGRATION_FAILED, what, fix));
        assertEquals(1, exit);
        String text = err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertTrue(text.contains(what), text);
        assertTrue(text.contains("  fix: The database was restored from snapshot 20261122T081530Z-3f2a (filecopy) and"
                + " verified against the schema fingerprint taken before the run.\n       Fix statement 2 and run"
                + " 'keel migrate' again. END-OF-FIX"), text);
    }

    @Test
    void aFailureEndsTheOpenStepLineAndItsJsonCarriesTheRunsEvents() throws Exception {
        global.json = true;
        events.on(new RunStep(3, 4, "Applying migrations", RunStep.State.FAILED, "0003 failed"));
        events.on(new SnapshotRestored("s1", true, 10));
        report(KeelException.of(ErrorCode.MIGRATION_FAILED, "w", "f"));
        var json = CliRun.JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("migrate", json.path("command").asText());
        assertEquals(1, json.path("exitCode").asInt());
        assertEquals("RunStep", json.path("events").path(0).path("type").asText());
        assertEquals("SnapshotRestored", json.path("events").path(1).path("type").asText());
    }
}
