package dev.keel.spi.session;

import dev.keel.spi.Api;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One result row, keyed by lower-case column label. Values are {@code String}, {@code Long},
 * {@code Double}, {@code byte[]} or absent for SQL NULL.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Row(Map<String, Object> values) {

    public Row {
        values = Collections.unmodifiableMap(values);
    }

    /** The value of a column, empty for NULL. */
    public Optional<Object> value(String column) {
        Object value = values.get(column);
        // Keel's own callers name columns in lower case already; lower-casing only on a miss saves a copy per read.
        return Optional.ofNullable(value != null ? value : values.get(column.toLowerCase(Locale.ROOT)));
    }

    /** A column as text, empty for NULL. */
    public Optional<String> text(String column) {
        return value(column).map(String::valueOf);
    }

    /** A column as a number, empty for NULL. */
    public Optional<Long> number(String column) {
        return value(column).map(v -> v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v).trim()));
    }
}
