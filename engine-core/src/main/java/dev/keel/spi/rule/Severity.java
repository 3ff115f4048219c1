package dev.keel.spi.rule;

import dev.keel.spi.Api;
import java.util.Locale;

/** How a finding is reported: an error stops the run, a warning and info do not. */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum Severity {
    INFO, WARNING, ERROR;

    /** The lower-case name used in files, config and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error|warning|info}, case-insensitively; throws {@link IllegalArgumentException} otherwise. */
    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
