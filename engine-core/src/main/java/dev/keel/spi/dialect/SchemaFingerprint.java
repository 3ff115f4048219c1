package dev.keel.spi.dialect;

import dev.keel.spi.Api;
import dev.keel.spi.migration.Checksum;
import java.util.Objects;

/**
 * A canonical text of a database schema (tables, columns with type, nullability and default, indexes,
 * constraints, views, routines, triggers, sequences; Keel's history table left out) and its SHA-256. Two
 * databases migrated by the same files have equal fingerprints; any DDL change makes them differ. Used to
 * verify restores and to detect drift.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record SchemaFingerprint(String canonicalText, String hash) {

    public SchemaFingerprint {
        Objects.requireNonNull(canonicalText, "canonicalText");
        Objects.requireNonNull(hash, "hash");
    }

    /** The fingerprint of a canonical text. */
    public static SchemaFingerprint of(String canonicalText) {
        return new SchemaFingerprint(canonicalText, Checksum.of(canonicalText).hex());
    }

    /** The first 12 hex digits, for display. */
    public String shortHash() {
        return hash.substring(0, 12);
    }
}
