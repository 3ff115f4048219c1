package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.Objects;

/**
 * The DOWN part of a migration: where it came from (a marker section, a {@code .down.sql} file,
 * a Flyway {@code U} file or a {@code rollback/} file), its text, its checksum, and the line of the
 * file at which the text starts (1 for a file of its own).
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record DownScript(String script, String sql, Checksum checksum, int firstLine, TransactionMode transactionMode) {

    public DownScript {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(transactionMode, "transactionMode");
    }
}
