package dev.keel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Risk;
import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.event.MigrationReviewed;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.MigrationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint step and the confirmation gate of {@code migrate} as an embedding program meets them, on a real SQLite file
 * in environment production (confirmAt medium): a lint error is LINT_ERROR (exit 3), an unconfirmed gated run is
 * CONFIRMATION_REQUIRED (exit 4) with nothing applied, {@code confirmed(YES_FLAG)} applies it.
 */
class MigrateGateTest {

    @TempDir
    Path work;

    private Path migrations;
    private final List<KeelEvent> events = new ArrayList<>();

    @BeforeEach
    void writeMigrations() throws IOException {
        migrations = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT);\n");
        Files.writeString(migrations.resolve("V2__backfill.sql"), """
                -- keel:allow dml-without-where every row gets the default on purpose
                UPDATE a SET v = 'x';
                """);
    }

    private Keel keel() {
        return Keel.configure().url("jdbc:sqlite:" + work.resolve("app.db")).migrations(migrations.toString())
                .environment("production").workingDirectory(work).listener(events::add).build();
    }

    @Test
    void anUnconfirmedGatedRunIsRefusedBeforeAnythingChanges() {
        try (Keel keel = keel()) {
            MigrationPlan plan = keel.plan(MigrateOptions.defaults());
            assertEquals(Risk.MEDIUM, plan.risk());
            assertTrue(keel.needsConfirmation(plan.risk()));

            KeelException refused = assertThrows(KeelException.class, keel::migrate);

            assertEquals(ErrorCode.CONFIRMATION_REQUIRED, refused.code());
            assertEquals(ExitClass.REFUSED, refused.exitClass());
            assertEquals(2, keel.status().pendingCount(), "nothing applied, not even V1");
        }
    }

    @Test
    void yesFlagAppliesAndTheReviewsAreReportedAsEvents() {
        try (Keel keel = keel()) {
            MigrationReport report = keel.migrate(MigrateOptions.defaults().confirmed(Confirmation.YES_FLAG));

            assertEquals(2, report.applied().size());
            assertEquals(Risk.MEDIUM, report.plan().risk());
            List<MigrationReviewed> reviews = events.stream().filter(MigrationReviewed.class::isInstance)
                    .map(MigrationReviewed.class::cast).toList();
            assertEquals(List.of("1", "2"), reviews.stream().map(MigrationReviewed::version).toList());
            assertTrue(reviews.get(1).findings().stream().noneMatch(f -> f.ruleId().equals("dml-without-where")),
                    "the accepted finding is left out: " + reviews);
            assertTrue(Files.readString(work.resolve(".keel/audit.log").toAbsolutePath()).contains("\"by\":\"yes_flag\""));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aLintErrorStopsMigrateAndIsAProblemOfValidate() throws IOException {
        Files.writeString(migrations.resolve("V2__backfill.sql"), "UPDATE a SET v = 'x';\n");
        try (Keel keel = keel()) {
            KeelException stopped = assertThrows(KeelException.class,
                    () -> keel.migrate(MigrateOptions.defaults().confirmed(Confirmation.YES_FLAG)));
            assertEquals(ErrorCode.LINT_ERROR, stopped.code());
            assertEquals(ExitClass.VALIDATION, stopped.exitClass());
            assertTrue(stopped.problems().get(0).fix().contains("-- keel:allow dml-without-where"));
            assertEquals(2, keel.status().pendingCount());

            assertFalse(keel.validate().ok());
            assertEquals(ErrorCode.LINT_ERROR, keel.validate().problems().get(0).code());
        }
    }
}
