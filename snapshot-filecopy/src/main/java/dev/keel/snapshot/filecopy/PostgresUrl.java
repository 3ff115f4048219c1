package dev.keel.snapshot.filecopy;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PostgreSQL JDBC URL split where the database name is, so that the same server can be reached with the same
 * host, port and parameters (credentials included) in another database: {@code jdbc:postgresql://HOSTS/DB?PARAMS}
 * or {@code jdbc:postgresql:DB?PARAMS}.
 *
 * @param head     everything before the database name ({@code jdbc:postgresql://127.0.0.1:5432/})
 * @param database the database name, decoded as the driver does; empty when the URL names none
 * @param query    the parameters with their leading {@code ?}, or empty
 */
record PostgresUrl(String head, String database, String query) {

    private static final String PREFIX = "jdbc:postgresql:";

    /** Splits a URL; empty when it is not a PostgreSQL JDBC URL. */
    static Optional<PostgresUrl> parse(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = url.substring(PREFIX.length());
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question);
            rest = rest.substring(0, question);
        }
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            if (slash < 0) {
                return Optional.of(new PostgresUrl(PREFIX + rest + "/", "", query));
            }
            return Optional.of(new PostgresUrl(PREFIX + rest.substring(0, slash + 1),
                    decode(rest.substring(slash + 1)), query));
        }
        // jdbc:postgresql:DB, or jdbc:postgresql:/ for the default database on localhost
        String name = rest.startsWith("/") ? rest.substring(1) : rest;
        return Optional.of(new PostgresUrl(PREFIX, decode(name), query));
    }

    /** The same URL naming another database, with an extra parameter appended (a later parameter wins in pgjdbc). */
    String withDatabase(String name, String parameter) {
        String params = query.isEmpty() ? "?" : query.endsWith("?") || query.endsWith("&") ? query : query + "&";
        return head + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + params + parameter;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return text;
        }
    }
}
