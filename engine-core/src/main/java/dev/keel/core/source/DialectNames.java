package dev.keel.core.source;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the dialect part of a variant file name ({@code 0007_x.postgres.sql}). Keel's own dialects
 * come with their aliases from the settings; well-known other databases are recognised too, so that a
 * directory shared with another tool (e.g. a {@code .cockroach.sql} variant) is read without errors,
 * while a dotted word that names no database at all is reported instead of silently dropped.
 */
final class DialectNames {

    /** Databases Keel has no dialect for, as they appear in other tools' variant names. */
    static final Set<String> OTHER_DATABASES = Set.of(
            "cockroach", "cockroachdb", "crdb",
            "sqlserver", "mssql", "azuresql",
            "oracle", "h2", "hsqldb", "db2", "derby",
            "snowflake", "redshift", "bigquery", "databricks", "athena", "synapse",
            "clickhouse", "tidb", "spanner", "yugabyte", "yugabytedb", "duckdb",
            "firebird", "informix", "sybase", "libsql", "turso",
            "trino", "presto", "vertica", "exasol", "teradata", "hana", "saphana",
            "singlestore", "memsql", "greenplum", "materialize", "questdb");

    private final Map<String, String> aliases;

    DialectNames(Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
    }

    /**
     * The canonical dialect id a name part stands for: the canonical id of a known alias, the lower-case
     * name of another well-known database, or empty when the part names no database.
     */
    Optional<String> dialectOf(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        String canonical = aliases.get(lower);
        if (canonical != null) {
            return Optional.of(canonical);
        }
        return OTHER_DATABASES.contains(lower) ? Optional.of(lower) : Optional.empty();
    }
}
