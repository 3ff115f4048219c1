package dev.keel.spi;

import dev.keel.spi.Api;
import java.util.Locale;

/** How dangerous a statement or migration is (SPEC §5). Ordered from least to most. */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum Risk {
    LOW, MEDIUM, HIGH;

    /** The lower-case name used in files, config and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code low|medium|high}, case-insensitively. */
    public static Risk parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** The higher of two risks. */
    public Risk max(Risk other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
