package dev.keel.cli;

import java.util.Locale;

/** Sizes and durations in the units a person reads at a glance ({@code 1.2 GiB}, {@code 3.4 s}). */
final class HumanUnits {

    private static final String[] BINARY = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private HumanUnits() {
    }

    /** Bytes in binary units with one decimal above 1 KiB, e.g. {@code 512 B}, {@code 1.2 GiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, BINARY[unit]);
    }

    /** A duration, e.g. {@code 850 ms}, {@code 3.4 s}, {@code 2 min 5 s}. */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
