package dev.keel.rules;

import dev.keel.spi.ServerInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule's documented example: a migration the rule flags and the safe way (or a close look-alike) that it leaves
 * alone. Each is a migration as a user writes it, so a {@code -- keel:transaction none} line in it means what it
 * means in a file. A test lints both with the rule, so the catalogue in {@code docs/rules.md} cannot show an
 * example that the rule does not agree with.
 *
 * @param dialect    the dialect id both migrations are written for ({@code postgres}, {@code mysql}, {@code sqlite})
 * @param bad        a migration on which the rule reports a finding
 * @param good       a migration on which the rule reports nothing
 * @param badServer  the server version the bad migration is linted for, when the rule depends on it
 * @param goodServer the server version the good migration is linted for, when the rule depends on it
 */
public record RuleExample(String dialect, String bad, String good, Optional<ServerInfo> badServer,
        Optional<ServerInfo> goodServer) {

    public RuleExample {
        Objects.requireNonNull(dialect, "dialect");
        bad = Objects.requireNonNull(bad, "bad").strip();
        good = Objects.requireNonNull(good, "good").strip();
        Objects.requireNonNull(badServer, "badServer");
        Objects.requireNonNull(goodServer, "goodServer");
    }

    /** An example that holds whatever the server version. */
    public static RuleExample of(String dialect, String bad, String good) {
        return new RuleExample(dialect, bad, good, Optional.empty(), Optional.empty());
    }

    /** The same example, both migrations aimed at {@code major.minor} of the dialect's server. */
    public RuleExample onVersion(int major, int minor) {
        return new RuleExample(dialect, bad, good, Optional.of(server(major, minor)), Optional.of(server(major, minor)));
    }

    /** The same example with the good migration aimed at another version (the safe way is to upgrade). */
    public RuleExample goodOnVersion(int major, int minor) {
        return new RuleExample(dialect, bad, good, badServer, Optional.of(server(major, minor)));
    }

    private ServerInfo server(int major, int minor) {
        String product = switch (dialect) {
            case "postgres" -> "PostgreSQL";
            case "sqlite" -> "SQLite";
            default -> "MySQL";
        };
        return new ServerInfo(product, major + "." + minor, major, minor);
    }
}
