package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.Objects;

/**
 * The schema changed outside Keel: its fingerprint now differs from the one recorded after the run that
 * applied {@code sinceVersion}.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record SchemaDrift(String sinceVersion, String recordedHash, String currentHash) {

    public SchemaDrift {
        Objects.requireNonNull(sinceVersion, "sinceVersion");
        Objects.requireNonNull(recordedHash, "recordedHash");
        Objects.requireNonNull(currentHash, "currentHash");
    }
}
