package dev.keel.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.migration.Checksum;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.MigrationState;
import dev.keel.spi.migration.MigrationState.State;
import dev.keel.spi.migration.MigrationStatus;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.migration.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * History rows of schema policy fixes ({@code << policy-fix PACK >>}) have no file: reconciliation shows them after the
 * migration they followed, never reports them missing, and does not let them change versions, order or what is pending.
 */
class PolicyFixRowsTest {

    private static MigrationScript file(String version, String sql) {
        String name = version + "_m.sql";
        return new MigrationScript(Version.parse(version), "m", name, name, sql, 1, Checksum.of(sql), Optional.empty(),
                TransactionMode.TRANSACTIONAL, List.of(), List.of(), Optional.empty(), Map.of(), false);
    }

    private static AppliedMigration row(int rank, String version, String script, String sql, MigrationStatus status) {
        return new AppliedMigration(rank, Version.parse(version), "d", script, Checksum.of(sql), Optional.empty(), status,
                Instant.EPOCH, "me", 1, 1, status == MigrationStatus.SUCCESS ? 1 : 0, Optional.empty(), Optional.empty(),
                Optional.empty(), "0.1", Optional.empty(), List.of(), Optional.empty());
    }

    private static final String FIX = AppliedMigration.policyFixScript("type-normalisation");

    @Test
    void aFixRowIsShownAfterItsMigrationAndIsNeverMissing() {
        MigrationScript one = file("1", "CREATE TABLE a (x INT)");
        MigrationScript two = file("2", "CREATE TABLE b (x INT)");
        List<AppliedMigration> history = List.of(
                row(1, "1", one.script(), one.sql(), MigrationStatus.SUCCESS),
                row(2, "1", FIX, "ALTER TABLE a MODIFY x BIGINT;\n", MigrationStatus.SUCCESS));
        Reconciliation r = new HistoryReconciler(false).reconcile(List.of(one, two), history);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(two), r.pending(), "the file of the fix's version stays applied; the next one is pending");
        assertEquals(Optional.of(Version.parse("1")), r.current());
        assertEquals(3, r.nextRank());
        assertEquals(List.of("1_m.sql applied", FIX + " applied", "2_m.sql pending"),
                r.states().stream().map(s -> s.script() + " " + s.state().label()).toList());
        assertTrue(new AppliedMigration(1, Version.parse("1"), "d", FIX, Checksum.of(""), Optional.empty(),
                MigrationStatus.SUCCESS, Instant.EPOCH, "me", 0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                "0.1", Optional.empty(), List.of(), Optional.empty()).isPolicyFix());
    }

    @Test
    void aFailedOrPartialFixIsShownButBlocksNothing() {
        MigrationScript one = file("1", "CREATE TABLE a (x INT)");
        MigrationScript two = file("2", "CREATE TABLE b (x INT)");
        List<AppliedMigration> history = List.of(
                row(1, "1", one.script(), one.sql(), MigrationStatus.SUCCESS),
                row(2, "1", FIX, "ALTER TABLE a MODIFY x BIGINT;\n", MigrationStatus.PARTIAL));
        Reconciliation r = new HistoryReconciler(false).reconcile(List.of(one, two), history);
        assertEquals(List.of(), r.problems(), "the next run checks the schema again and fixes what is left");
        assertEquals(List.of(two), r.pending());
        assertEquals(State.PARTIAL, r.states().get(1).state());
    }

    @Test
    void theLatestAttemptOfAFixIsShownOncePerVersion() {
        MigrationScript one = file("1", "CREATE TABLE a (x INT)");
        List<AppliedMigration> history = List.of(
                row(1, "1", one.script(), one.sql(), MigrationStatus.SUCCESS),
                row(2, "1", FIX, "x", MigrationStatus.FAILED),
                row(3, "1", FIX, "x", MigrationStatus.SUCCESS));
        List<MigrationState> states = new HistoryReconciler(false).reconcile(List.of(one), history).states();
        assertEquals(2, states.size(), states::toString);
        assertEquals(State.APPLIED, states.get(1).state());
    }
}
