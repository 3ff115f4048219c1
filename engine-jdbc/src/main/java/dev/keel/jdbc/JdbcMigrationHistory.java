package dev.keel.jdbc;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.migration.Checksum;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.spi.migration.MigrationStatus;
import dev.keel.spi.migration.Version;
import dev.keel.spi.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The history table of SPEC §3 in portable SQL, shared by the dialects, which supply their column types
 * and how to ask whether the table exists. Times are stored as ISO-8601 UTC text so that every database
 * sorts and shows them alike.
 */
public final class JdbcMigrationHistory implements MigrationHistory {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    private static final String COLUMNS = "installed_rank, version, description, script, checksum, down_checksum, status,"
            + " applied_at, applied_by, execution_ms, statements_total, statements_applied, error, snapshot_id, risk,"
            + " engine_version, rolled_back_at, statement_checksums, schema_fingerprint";

    private final DatabaseSession session;
    private final String table;
    private final HistoryColumnTypes types;
    private final Predicate<String> tableExists;
    private final boolean keepStatements;

    /**
     * A history that prepares its statements on every call (what SQLite needs: a statement kept open there blocks
     * VACUUM).
     *
     * @param session     the session rows are read and written through
     * @param table       the table name, optionally schema-qualified ({@code keel_schema_history})
     * @param types       the dialect's column types
     * @param tableExists asks the database whether a table of that name exists
     */
    public JdbcMigrationHistory(DatabaseSession session, String table, HistoryColumnTypes types,
            Predicate<String> tableExists) {
        this(session, table, types, tableExists, false);
    }

    /**
     * As {@link #JdbcMigrationHistory(DatabaseSession, String, HistoryColumnTypes, Predicate)}; with
     * {@code keepStatements}, the writes made for every migration (the row's insert and its progress updates) stay
     * prepared for the session's life when it is a {@link JdbcDatabaseSession}, so the driver does not parse them
     * again for each migration.
     */
    public JdbcMigrationHistory(DatabaseSession session, String table, HistoryColumnTypes types,
            Predicate<String> tableExists, boolean keepStatements) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw KeelException.of(ErrorCode.CONFIG_INVALID,
                    "History table name '" + table + "' is not a plain identifier.",
                    "Use letters, digits and underscores, optionally 'schema.table', in 'historyTable'.");
        }
        this.session = session;
        this.table = table;
        this.types = types;
        this.tableExists = tableExists;
        this.keepStatements = keepStatements;
    }

    @Override
    public String tableName() {
        return table;
    }

    @Override
    public void ensureExists() {
        if (exists()) {
            return;
        }
        session.execute("CREATE TABLE " + table + " ("
                + "installed_rank " + types.integer() + " NOT NULL PRIMARY KEY, "
                + "version " + types.shortText() + " NOT NULL, "
                + "description " + types.longText() + " NOT NULL, "
                + "script " + types.longText() + " NOT NULL, "
                + "checksum " + types.shortText() + " NOT NULL, "
                + "down_checksum " + types.shortText() + ", "
                + "status " + types.shortText() + " NOT NULL, "
                + "applied_at " + types.shortText() + " NOT NULL, "
                + "applied_by " + types.shortText() + " NOT NULL, "
                + "execution_ms " + types.bigInteger() + " NOT NULL, "
                + "statements_total " + types.integer() + " NOT NULL, "
                + "statements_applied " + types.integer() + " NOT NULL, "
                + "error " + types.longText() + ", "
                + "snapshot_id " + types.shortText() + ", "
                + "risk " + types.shortText() + ", "
                + "engine_version " + types.shortText() + " NOT NULL, "
                + "rolled_back_at " + types.shortText() + ", "
                + "statement_checksums " + types.longText() + ", "
                + "schema_fingerprint " + types.shortText() + ")");
    }

    @Override
    public boolean exists() {
        return tableExists.test(table);
    }

    @Override
    public List<AppliedMigration> readAll() {
        if (!exists()) {
            return List.of();
        }
        List<Row> rows = session.query("SELECT " + COLUMNS + " FROM " + table + " ORDER BY installed_rank");
        List<AppliedMigration> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(toApplied(row));
        }
        return result;
    }

    @Override
    public void insert(AppliedMigration row) {
        repeatedUpdate("INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.rank(), row.version().text(), row.description(), row.script(), row.checksum().hex(),
                row.downChecksum().map(Checksum::hex).orElse(null), row.status().dbValue(), row.appliedAt().toString(),
                row.appliedBy(), row.executionMs(), row.statementsTotal(), row.statementsApplied(),
                row.error().orElse(null), row.snapshotId().orElse(null), row.risk().map(Risk::label).orElse(null),
                row.engineVersion(), row.rolledBackAt().map(Instant::toString).orElse(null),
                row.statementChecksums().isEmpty() ? null : String.join(",", row.statementChecksums()),
                row.schemaFingerprint().orElse(null));
    }

    @Override
    public void updateProgress(int rank, MigrationStatus status, int statementsApplied, String error, long executionMs) {
        repeatedUpdate("UPDATE " + table + " SET status = ?, statements_applied = ?, error = ?, execution_ms = ?"
                + " WHERE installed_rank = ?", status.dbValue(), statementsApplied, error, executionMs, rank);
    }

    @Override
    public void recordFingerprint(int rank, String fingerprintHash) {
        session.update("UPDATE " + table + " SET schema_fingerprint = ? WHERE installed_rank = ?", fingerprintHash, rank);
    }

    @Override
    public void markRolledBack(int rank, Instant at) {
        session.update("UPDATE " + table + " SET status = ?, rolled_back_at = ? WHERE installed_rank = ?",
                MigrationStatus.ROLLED_BACK.dbValue(), at.toString(), rank);
    }

    @Override
    public void realign(int rank, Version version, Checksum checksum, String script, String description) {
        session.update("UPDATE " + table + " SET version = ?, checksum = ?, script = ?, description = ?"
                + " WHERE installed_rank = ?", version.text(), checksum.hex(), script, description, rank);
    }

    @Override
    public void delete(int rank) {
        session.update("DELETE FROM " + table + " WHERE installed_rank = ?", rank);
    }

    /** An update made once per migration: kept prepared where the dialect allows it. */
    private void repeatedUpdate(String sql, Object... parameters) {
        if (keepStatements && session instanceof JdbcDatabaseSession jdbc) {
            jdbc.updateKept(sql, parameters);
        } else {
            session.update(sql, parameters);
        }
    }

    /**
     * Reads the {@code Instant.toString()} form Keel writes ({@code 2026-11-22T06:02:54.740754976Z}) without the
     * general formatter, which dominated reading 10,000 rows; anything else goes through {@link Instant#parse}.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z') {
            try {
                int nanos = 0;
                if (n > 20) {
                    if (text.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                        return Instant.parse(text);
                    }
                    String fraction = text.substring(20, n - 1);
                    nanos = Integer.parseInt(fraction) * (int) Math.pow(10, 9 - fraction.length());
                } else if (n != 20) {
                    return Instant.parse(text);
                }
                long epochSecond = java.time.LocalDateTime.of(Integer.parseInt(text, 0, 4, 10),
                        Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10),
                        Integer.parseInt(text, 11, 13, 10), Integer.parseInt(text, 14, 16, 10),
                        Integer.parseInt(text, 17, 19, 10)).toEpochSecond(java.time.ZoneOffset.UTC);
                return Instant.ofEpochSecond(epochSecond, nanos);
            } catch (RuntimeException e) {
                return Instant.parse(text);
            }
        }
        return Instant.parse(text);
    }

    private AppliedMigration toApplied(Row row) {
        try {
            return new AppliedMigration(
                    row.number("installed_rank").orElseThrow().intValue(),
                    Version.parse(row.text("version").orElseThrow()),
                    row.text("description").orElse(""),
                    row.text("script").orElse(""),
                    new Checksum(row.text("checksum").orElseThrow()),
                    row.text("down_checksum").map(Checksum::new),
                    MigrationStatus.fromDb(row.text("status").orElseThrow()),
                    instant(row.text("applied_at").orElseThrow()),
                    row.text("applied_by").orElse(""),
                    row.number("execution_ms").orElse(0L),
                    row.number("statements_total").orElse(0L).intValue(),
                    row.number("statements_applied").orElse(0L).intValue(),
                    row.text("error"),
                    row.text("snapshot_id"),
                    row.text("risk").map(Risk::parse),
                    row.text("engine_version").orElse(""),
                    row.text("rolled_back_at").map(JdbcMigrationHistory::instant),
                    row.text("statement_checksums").map(s -> List.of(s.split(","))).orElse(List.of()),
                    row.text("schema_fingerprint"));
        } catch (RuntimeException e) {
            throw KeelException.of(ErrorCode.HISTORY_TABLE_INVALID,
                    "History table " + table + " holds a row Keel cannot read (" + row.values() + "): " + e.getMessage(),
                    "Check that '" + table + "' is Keel's history table and was not edited by hand;"
                            + " configure another name with 'historyTable'.");
        }
    }
}
