package dev.keel.snapshot.filecopy;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The database file a {@code jdbc:sqlite:} URL names, with the files SQLite keeps beside it.
 *
 * @param path the absolute, normalised path of the database file
 */
record SqliteFile(Path path) {

    private static final String PREFIX = "jdbc:sqlite:";

    /**
     * Reads the file from {@code jdbc:sqlite:PATH}, {@code jdbc:sqlite:file:PATH?…} (percent-escapes decoded, as
     * SQLite does) or {@code jdbc:sqlite:PATH?…}. An in-memory database ({@code :memory:}, an empty name,
     * {@code mode=memory}) or a class-path resource has no file to copy: {@code SNAPSHOT_UNAVAILABLE}.
     *
     * @param url        the JDBC URL
     * @param displayUrl the same URL with passwords masked, for the message
     */
    static SqliteFile fromUrl(String url, String displayUrl) {
        if (!url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "filecopy expected a jdbc:sqlite: URL for a SQLite database, not " + displayUrl + ".",
                    "Check the database URL.");
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String params = query >= 0 ? rest.substring(query + 1).toLowerCase(Locale.ROOT) : "";
        String location = query >= 0 ? rest.substring(0, query) : rest;
        if (location.startsWith("file:")) {
            location = URLDecoder.decode(location.substring("file:".length()).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            if (location.startsWith("//")) {
                // file://host/path: only the local host form (an empty host) names a file here.
                location = location.substring(2);
                if (location.startsWith("localhost/")) {
                    location = location.substring("localhost".length());
                }
            }
        }
        boolean memory = location.isEmpty() || location.equals(":memory:")
                || (":" + params.replace('&', ':') + ":").contains(":mode=memory:");
        if (memory || location.startsWith(":resource:")) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "filecopy cannot snapshot " + displayUrl + ": it is " + (memory ? "an in-memory database"
                            : "a read-only class-path resource") + ", not a file.",
                    "Use a database file (jdbc:sqlite:path/to/app.db), or configure no snapshot strategy for it (SQLite runs each migration in a transaction).");
        }
        try {
            return new SqliteFile(Path.of(location).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "filecopy cannot read the file name in " + displayUrl + ": " + e.getReason() + ".",
                    "Check the database URL.");
        }
    }

    /** A file SQLite keeps beside the database: {@code -wal}, {@code -shm} or {@code -journal}. */
    Path sibling(String suffix) {
        return path.resolveSibling(path.getFileName() + suffix);
    }
}
