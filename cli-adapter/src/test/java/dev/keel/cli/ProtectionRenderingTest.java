package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.RunProtection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/** SPEC §6: how {@code plan} and {@code migrate} show the run's protection, and migrate's kept snapshot. */
class ProtectionRenderingTest {

    static final RunProtection FILECOPY = RunProtection.snapshot("filecopy",
            "PostgreSQL data directory /x (server stopped while copying)", "migration 3 runs outside a transaction");

    static String line(RunProtection protection) {
        return Ansi.OFF.string(ProtectionLine.markup(protection));
    }

    @Test
    void snapshotSaysWhichStrategyWhatAndWhy() {
        assertEquals("Protection: snapshot (filecopy) — PostgreSQL data directory /x (server stopped while copying);"
                + " because migration 3 runs outside a transaction", line(FILECOPY));
    }

    @Test
    void transactionsSayWhy() {
        assertEquals("Protection: transactions — every migration runs in a transaction",
                line(RunProtection.transactions("every migration runs in a transaction.")));
    }

    @Test
    void unprotectedIsSaidPlainlyWithWhatAFailureLeaves() {
        String line = line(RunProtection.unprotected(
                "migration 3 runs statements outside a transaction and no snapshot strategy is configured"));
        assertTrue(line.startsWith("Protection: UNPROTECTED — migration 3 runs statements outside a transaction and no"
                + " snapshot strategy is configured. "), line);
        assertTrue(line.contains("stay applied and nothing undoes them"), line);
    }

    @Test
    void planShowsTheProtectionLineAndWhatCoversAMigrationWithoutTransaction() {
        MigrationPlan plan = new MigrationPlan(List.of(Records.planned("1", "CREATE TABLE a (id INT)", true),
                Records.planned("3", "CREATE INDEX CONCURRENTLY i ON a (id)", false)), Optional.empty(), false, FILECOPY);
        Printed printed = new Printed();
        PlanCommand.print(printed.text, plan, "development", false, Records.findings());
        assertEquals("""
                Plan (development): 2 migration(s); risk low
                Protection: snapshot (filecopy) — PostgreSQL data directory /x (server stopped while copying); because migration 3 runs outside a transaction
                  1  1_m.sql  1 statement(s), risk low, transaction
                  3  3_m.sql  1 statement(s), risk low, no transaction: covered by the snapshot""", printed.raw().strip());
    }

    @Test
    void planWithoutSnapshotCallsAMigrationWithoutTransactionUnprotected() {
        MigrationPlan plan = new MigrationPlan(List.of(Records.planned("3", "VACUUM", false)), Optional.empty(), false);
        Printed printed = new Printed();
        PlanCommand.print(printed.text, plan, "production", false, Records.findings());
        assertTrue(printed.raw().contains("Protection: UNPROTECTED — migration 3 runs statements outside a transaction"),
                printed.raw());
        assertTrue(printed.raw().contains("unprotected: statements commit one by one"), printed.raw());
    }

    @Test
    void planJsonCarriesTheProtection() throws Exception {
        MigrationPlan plan = new MigrationPlan(List.of(Records.planned("3", "VACUUM", false)), Optional.empty(), false,
                FILECOPY);
        JsonNode protection = json(PlanCommand.document(plan, "development", false, false, Records.findings())).path("protection");
        assertEquals("snapshot", protection.path("kind").asText());
        assertEquals("filecopy", protection.path("strategy").asText());
        assertEquals(FILECOPY.what(), protection.path("what").asText());
        assertEquals(FILECOPY.reason(), protection.path("reason").asText());
    }

    @Test
    void withoutSnapshotTheStrategyIsNull() throws Exception {
        MigrationPlan plan = new MigrationPlan(List.of(), Optional.empty(), false);
        JsonNode protection = json(PlanCommand.document(plan, "development", false, false, Records.findings())).path("protection");
        assertEquals("transaction", protection.path("kind").asText());
        assertTrue(protection.path("strategy").isNull(), protection::toString);
    }

    @Test
    void migrateJsonCarriesProtectionTheKeptSnapshotAndTheEvents() throws Exception {
        MigrationPlan plan = new MigrationPlan(List.of(), Optional.empty(), false, FILECOPY);
        MigrationReport report = new MigrationReport(plan, List.of(), false, 42,
                Optional.of(Records.snapshot("20261122T081530Z-3f2a", 2048, true)));
        List<Map<String, Object>> events = List.of(Map.of("type", "RunStep", "number", 1));
        JsonNode json = json(MigrateCommand.document(report, false, events, Records.findings()));
        assertEquals("snapshot", json.path("protection").path("kind").asText());
        JsonNode snapshot = json.path("snapshot");
        assertEquals("20261122T081530Z-3f2a", snapshot.path("id").asText());
        assertEquals("filecopy", snapshot.path("strategy").asText());
        assertEquals(2048, snapshot.path("sizeBytes").asLong());
        assertEquals("/srv/app/.keel/snapshots/20261122T081530Z-3f2a", snapshot.path("location").asText());
        assertEquals("RunStep", json.path("events").path(0).path("type").asText());
    }

    @Test
    void migrateJsonWithoutSnapshotHasNoSnapshotAndAnEmptyEventList() throws Exception {
        MigrationReport report = new MigrationReport(new MigrationPlan(List.of(), Optional.empty(), false), List.of(),
                false, 1);
        JsonNode json = json(MigrateCommand.document(report, false, List.of(), Records.findings()));
        assertTrue(json.path("snapshot").isMissingNode(), json::toString);
        assertTrue(json.path("events").isArray() && json.path("events").isEmpty(), json::toString);
    }

    static JsonNode json(Map<String, Object> document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonOutput(new PrintStream(out, true, StandardCharsets.UTF_8), List::of).write(document);
        return CliRun.JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
