package dev.keel.rules;

import dev.keel.spi.ServerInfo;
import dev.keel.spi.rule.ParsedStatement;
import java.util.Locale;

/**
 * The server a statement is aimed at, for version-aware rules. With no version known, rules assume the oldest
 * version Keel supports for the dialect and say so in their message.
 *
 * @param product  {@code PostgreSQL}, {@code MySQL}, {@code MariaDB} or {@code SQLite}
 * @param major    major version
 * @param minor    minor version
 * @param assumed  whether the version is the assumed oldest one rather than known
 */
public record TargetServer(String product, int major, int minor, boolean assumed) {

    /** The oldest supported PostgreSQL (major, minor). */
    static final int[] OLDEST_POSTGRES = {12, 0};
    /** The oldest supported MySQL. */
    static final int[] OLDEST_MYSQL = {8, 0};
    /** The oldest supported SQLite (3.x). */
    static final int[] OLDEST_SQLITE = {3, 35};

    /** The target of a statement: its server when known, else the dialect's oldest supported version. */
    public static TargetServer of(ParsedStatement statement) {
        String dialect = statement.dialect().toLowerCase(Locale.ROOT);
        if (statement.server().isPresent()) {
            ServerInfo s = statement.server().get();
            String product = s.product().toLowerCase(Locale.ROOT).contains("maria") || s.version().toLowerCase(Locale.ROOT)
                    .contains("maria") ? "MariaDB" : productOf(dialect);
            return new TargetServer(product, s.major(), s.minor(), false);
        }
        int[] oldest = switch (dialect) {
            case "postgres" -> OLDEST_POSTGRES;
            case "sqlite" -> OLDEST_SQLITE;
            default -> OLDEST_MYSQL;
        };
        return new TargetServer(productOf(dialect), oldest[0], oldest[1], true);
    }

    private static String productOf(String dialect) {
        return switch (dialect) {
            case "postgres" -> "PostgreSQL";
            case "sqlite" -> "SQLite";
            case "mariadb" -> "MariaDB";
            default -> "MySQL";
        };
    }

    /** Whether the version is at least {@code major.minor}. */
    public boolean atLeast(int major, int minor) {
        return this.major > major || this.major == major && this.minor >= minor;
    }

    /** Whether this is MariaDB. */
    public boolean mariaDb() {
        return product.equals("MariaDB");
    }

    /** A phrase for messages, e.g. {@code PostgreSQL 15.4} or {@code PostgreSQL 12.0 (assumed: no version known)}. */
    public String describe() {
        return product + " " + major + "." + minor + (assumed ? " (assumed: no server version known)" : "");
    }
}
