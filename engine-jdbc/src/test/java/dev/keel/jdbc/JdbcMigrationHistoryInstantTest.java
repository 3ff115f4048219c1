package dev.keel.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcMigrationHistoryInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T06:02:54Z", "2026-11-22T06:02:54.7Z", "2026-11-22T06:02:54.740Z",
        "2026-11-22T06:02:54.740754976Z", "1999-12-31T23:59:59.000001Z", "+12026-11-22T06:02:54Z"})
    void readsWhatInstantParseReads(String text) {
        assertEquals(Instant.parse(text), JdbcMigrationHistory.instant(text));
    }
}
