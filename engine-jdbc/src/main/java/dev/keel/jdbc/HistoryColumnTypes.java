package dev.keel.jdbc;

import java.util.Objects;

/**
 * The column types one database family uses for the history table.
 *
 * @param shortText  a short string (version, status, checksum): e.g. {@code VARCHAR(200)} or {@code TEXT}
 * @param longText   a long string (description, script, error)
 * @param integer    a 32-bit integer
 * @param bigInteger a 64-bit integer
 */
public record HistoryColumnTypes(String shortText, String longText, String integer, String bigInteger) {

    public HistoryColumnTypes {
        Objects.requireNonNull(shortText, "shortText");
        Objects.requireNonNull(longText, "longText");
        Objects.requireNonNull(integer, "integer");
        Objects.requireNonNull(bigInteger, "bigInteger");
    }
}
