package dev.keel.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A no-op migrate reads every file on every run; 10,000 files must be cheap to read. */
class ManyFilesTest {

    @Test
    void readsTenThousandFiles() {
        MemorySource source = new MemorySource();
        String body = "-- Migration: %d\n-- Author: test\n-- === UP MIGRATION ===\n"
                + "-- keel:allow PG101 test data only\nCREATE TABLE t%d(id INT, name TEXT);\n"
                + "INSERT INTO t%d VALUES (1, 'a -- b');\n-- === DOWN MIGRATION ===\nDROP TABLE t%d;\n";
        for (int i = 1; i <= 10_000; i++) {
            source.file(String.format("%014d_create_table_%d.sql", 20250000000000L + i, i),
                    String.format(body, i, i, i, i));
        }
        ReaderSettings settings = ReaderSettings.defaults("postgres");
        ReadResult warm = new MigrationReader(settings).read(List.of(source));
        assertEquals(List.of(), warm.problems());
        long start = System.nanoTime();
        ReadResult result = new MigrationReader(settings).read(List.of(source));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(10_000, result.migrations().size());
        assertTrue(result.migrations().stream().allMatch(m -> m.down().isPresent()));
        // Generous bound so that a loaded CI machine does not flake; it takes a few hundred ms cold, ~50 ms warm.
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "reading 10,000 files took " + took);
    }
}
