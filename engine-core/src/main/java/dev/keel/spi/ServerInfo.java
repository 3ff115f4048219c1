package dev.keel.spi;

import dev.keel.spi.Api;
import java.util.Objects;

/** The product and version a server reports (e.g. {@code MariaDB 10.11.6}). */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ServerInfo(String product, String version, int major, int minor) {

    public ServerInfo {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return product + " " + version;
    }
}
