package dev.keel.core.source;

import dev.keel.spi.migration.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * What a migration file's name says about it.
 *
 * @param relativeName name relative to the migrations location, as recorded in history
 * @param version      the version
 * @param description  words from the name, underscores turned to spaces
 * @param direction    UP for a migration (which may hold a DOWN section), DOWN for a down, undo or rollback file
 * @param dialect      canonical id of the dialect this file is a variant for; empty for a generic file
 * @param autocommit   whether the name carries popx's {@code .autocommit} (run outside a transaction)
 */
record ScriptName(
        String relativeName,
        Version version,
        String description,
        Direction direction,
        Optional<String> dialect,
        boolean autocommit) {

    ScriptName {
        Objects.requireNonNull(relativeName, "relativeName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(dialect, "dialect");
    }

    /** Whether this file is meant for one dialect only. */
    boolean isVariant() {
        return dialect.isPresent();
    }
}
