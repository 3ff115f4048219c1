package dev.keel.spi;

import java.util.Objects;

/**
 * Where a problem or finding is: a file (as shown to the user), and a 1-based line and column,
 * 0 when unknown.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Location(String file, int line, int column) {

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    /** A location naming only a file. */
    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    /** A location naming a file and a line. */
    public static Location of(String file, int line) {
        return new Location(file, line, 0);
    }

    /** {@code file:line:col}, leaving out what is unknown. */
    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
