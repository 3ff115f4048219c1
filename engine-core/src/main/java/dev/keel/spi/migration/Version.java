package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A migration version: digits of any length, optionally dotted ({@code 7}, {@code 20251027120000},
 * {@code 1.2.10}). Versions compare numerically part by part, so {@code 2 < 10}, {@code 001} equals
 * {@code 1}, and trailing zero parts do not count ({@code 1.0} equals {@code 1}). The text as written
 * is kept for display.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Version(List<BigInteger> parts, String text) implements Comparable<Version> {

    public Version {
        Objects.requireNonNull(text, "text");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a version needs at least one part");
        }
    }

    /**
     * Parses {@code digits(.digits)*}.
     *
     * @throws IllegalArgumentException when the text is not such a version
     */
    public static Version parse(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("not a version (digits, optionally dotted): '" + text + "'");
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("\\.")) {
            parts.add(new BigInteger(part));
        }
        return new Version(parts, text);
    }

    /** Whether {@link #parse} accepts the text. */
    public static boolean isValid(String text) {
        if (text == null || text.isEmpty() || text.startsWith(".") || text.endsWith(".")) {
            return false;
        }
        char previous = '.';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(c == '.' && previous != '.')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    @Override
    public int compareTo(Version other) {
        if (parts.size() == 1 && other.parts.size() == 1) {
            return parts.get(0).compareTo(other.parts.get(0)); // the usual case; history and files sort thousands
        }
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int last = parts.size();
        while (last > 1 && parts.get(last - 1).signum() == 0) {
            last--;
        }
        // List.hashCode of the significant parts, without a sub-list per call.
        int hash = 1;
        for (int i = 0; i < last; i++) {
            hash = 31 * hash + parts.get(i).hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return text;
    }
}
