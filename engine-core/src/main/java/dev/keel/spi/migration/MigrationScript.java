package dev.keel.spi.migration;

import dev.keel.spi.Api;
import dev.keel.spi.Problem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One versioned migration as read from its files, already resolved for the target dialect.
 *
 * @param version        the version
 * @param description    words from the file name (underscores turned to spaces)
 * @param script         the UP file's name relative to its migrations location, as recorded in history
 * @param location       the UP file as shown to the user (path or classpath resource)
 * @param sql            the UP text (BOM removed, line endings as in the file)
 * @param firstLine      line of the file at which {@code sql} starts
 * @param checksum       checksum of the UP text
 * @param down           the DOWN part, when there is one
 * @param transactionMode whether the UP runs in a transaction
 * @param allowances     {@code -- keel:allow} directives in the UP text
 * @param invalidAllowances {@code -- keel:allow} lines without a rule id or a reason; they do not stop the file from
 *                       being read: lint reports each as an error finding ({@code keel-allow-invalid})
 * @param irreversibleReason the reason of {@code -- keel:irreversible}, when given
 * @param metadata       header comments ({@code Migration}, {@code Description}, {@code Author}, {@code Date})
 * @param noOp           whether the UP text holds only comments and whitespace
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MigrationScript(
        Version version,
        String description,
        String script,
        String location,
        String sql,
        int firstLine,
        Checksum checksum,
        Optional<DownScript> down,
        TransactionMode transactionMode,
        List<Allowance> allowances,
        List<Problem> invalidAllowances,
        Optional<String> irreversibleReason,
        Map<String, String> metadata,
        boolean noOp) {

    public MigrationScript {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(transactionMode, "transactionMode");
        allowances = List.copyOf(allowances);
        invalidAllowances = List.copyOf(invalidAllowances);
        Objects.requireNonNull(irreversibleReason, "irreversibleReason");
        metadata = Map.copyOf(metadata);
    }
}
