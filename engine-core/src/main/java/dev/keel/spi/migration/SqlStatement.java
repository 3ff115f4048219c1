package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.Objects;

/**
 * One statement cut from a script, as it will be sent to the database (no trailing delimiter),
 * with its 0-based index in the script and the 1-based line and column of its first character.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record SqlStatement(String sql, int index, int line, int column) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        if (index < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException("index >= 0, line >= 1 and column >= 1 required");
        }
    }

    /**
     * A short checksum of the statement's text (16 hex digits of SHA-256, line endings normalised), recorded per
     * statement so that a partially applied migration resumes only over unchanged statements.
     */
    public String shortChecksum() {
        return Checksum.of(sql).hex().substring(0, 16);
    }

    /** The first line of the statement, shortened for messages. */
    public String excerpt() {
        String first = sql.strip();
        int nl = first.indexOf('\n');
        if (nl >= 0) {
            first = first.substring(0, nl).strip() + " …";
        }
        return first.length() > 100 ? first.substring(0, 97) + "…" : first;
    }
}
