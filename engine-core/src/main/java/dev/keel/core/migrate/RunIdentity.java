package dev.keel.core.migrate;

import java.util.Objects;

/** Who runs Keel and which Keel, as recorded in each history row. */
public record RunIdentity(String appliedBy, String engineVersion) {

    public RunIdentity {
        Objects.requireNonNull(appliedBy, "appliedBy");
        Objects.requireNonNull(engineVersion, "engineVersion");
    }
}
