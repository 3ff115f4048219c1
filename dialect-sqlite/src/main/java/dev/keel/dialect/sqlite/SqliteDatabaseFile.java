package dev.keel.dialect.sqlite;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The database file a {@code jdbc:sqlite:} URL points at, or empty for an in-memory database.
 * Accepts {@code jdbc:sqlite:path}, {@code jdbc:sqlite:file:path?…} and the {@code :memory:} forms.
 */
public record SqliteDatabaseFile(Optional<Path> path) {

    /** Reads the file from a URL. */
    public static SqliteDatabaseFile fromUrl(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String params = query >= 0 ? rest.substring(query + 1).toLowerCase(Locale.ROOT) : "";
        String location = query >= 0 ? rest.substring(0, query) : rest;
        if (location.startsWith("file:")) {
            // A URI filename: percent-escapes are decoded, as SQLite does (file:my%20app.db is "my app.db").
            location = java.net.URLDecoder.decode(location.substring("file:".length()).replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (location.startsWith("//")) {
                location = location.substring(2);
            }
        }
        if (location.isEmpty() || location.equals(":memory:") || params.contains("mode=memory")) {
            return new SqliteDatabaseFile(Optional.empty());
        }
        return new SqliteDatabaseFile(Optional.of(Path.of(location).toAbsolutePath().normalize()));
    }
}
