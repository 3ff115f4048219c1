package dev.keel.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration history of a small multi-tenant shop ({@code src/test/resources/realworld}: Flyway, plain,
 * marker, pair, popx and variant names mixed; enums extended outside transactions; plpgsql bodies with nested
 * dollar quotes; SQL-standard bodies; triggers, rules, views, materialized views, partitions, sequences,
 * concurrent index builds; CRLF, BOM and comment-only files) applied to a fresh database: everything applies and
 * a second run applies nothing. That the packaged CLI builds the same schema is checked by
 * {@code system-tests}' {@code PostgresRealWorldCliIT}, which runs it as a process.
 */
class PostgresRealWorldIT {

    private static Path folder;

    @BeforeAll
    static void locate() throws URISyntaxException {
        folder = Path.of(PostgresRealWorldIT.class.getResource("/realworld").toURI());
    }

    @Test
    void theFixtureIsWhatItClaims() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() >= 200, "files: " + files.size());
        long crlf = 0;
        for (Path f : files) {
            if (Files.readString(f).contains("\r\n")) {
                crlf++;
            }
        }
        assertTrue(crlf >= 10, "CRLF files: " + crlf);
        List<MigrationScript> scripts = InProcessKeel.read(folder);
        assertTrue(scripts.size() >= 120, "migrations: " + scripts.size());
        assertTrue(scripts.stream().filter(s -> s.transactionMode() == TransactionMode.NONE).count() >= 20);
        assertTrue(scripts.stream().anyMatch(MigrationScript::noOp));
        assertTrue(scripts.stream().anyMatch(s -> s.script().endsWith(".postgres.up.sql")));
        assertTrue(scripts.stream().noneMatch(s -> s.script().contains(".mysql.")));
    }

    @Test
    void appliesCleanlyAndASecondRunAppliesNothing() {
        try (TestDatabase database = DatabaseProvisioning.postgres(); InProcessKeel keel = new InProcessKeel(database)) {
            int total = InProcessKeel.read(folder).size();
            MigrationReport first = keel.migrate(folder);
            assertEquals(total, first.applied().size());
            var fingerprint = keel.fingerprint();

            MigrationReport second = keel.migrate(folder);
            assertEquals(List.of(), second.applied());
            assertEquals(fingerprint.hash(), keel.fingerprint().hash());
            assertEquals((long) total, keel.query("SELECT count(*) AS n FROM keel_schema_history WHERE status = 'success'")
                    .get(0).number("n").orElseThrow());
            assertEquals(0L, keel.query("SELECT count(*) AS n FROM pg_index WHERE NOT indisvalid").get(0).number("n")
                    .orElseThrow(), "an index build left an invalid index");
            assertEquals(1L, keel.query("SELECT count(*) AS n FROM tenants WHERE slug = 'demo-shop'").get(0).number("n")
                    .orElseThrow(), "the seed ran once");
        }
    }
}
