package dev.keel.core.rollback;

import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.rollback.DataLoss;
import dev.keel.spi.rule.Clause;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.SqlObject;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures, on the live database and without changing it, how much data each destructive statement of a DOWN
 * script would destroy (SPEC §8): rows of dropped or emptied tables, non-null values of dropped columns, rows matched
 * by a {@code DELETE … WHERE} (counted up to a bound). What cannot be measured is reported as unknown, never guessed.
 */
public final class DataLossEstimator {

    /** A DELETE's matches are counted up to this many; more is reported as "more than". */
    public static final long COUNT_BOUND = 1_000_000;

    private static final Pattern DELETE_WHERE = Pattern.compile(
            "(?is)^\\s*DELETE\\s+FROM\\s+(?:ONLY\\s+)?([^\\s(;]+)(\\s+(?:AS\\s+)?(?!WHERE\\b)[A-Za-z_][A-Za-z0-9_]*)?\\s+(WHERE\\s+.+?)(?:\\s+RETURNING\\s+.+?)?\\s*;?\\s*$");

    private final Dialect dialect;
    private final DatabaseSession session;

    public DataLossEstimator(Dialect dialect, DatabaseSession session) {
        this.dialect = dialect;
        this.session = session;
    }

    /** The data destroyed by one statement; empty when it destroys none that Keel knows of. */
    public List<DataLoss> estimate(ParsedStatement statement) {
        List<DataLoss> losses = new ArrayList<>();
        int index = statement.index();
        switch (statement.kind()) {
            case DROP_TABLE -> {
                for (String table : statement.names(SqlObject.Type.TABLE)) {
                    losses.add(rows(index, DataLoss.Kind.TABLE_DROPPED, table, "drops table " + table));
                }
            }
            case TRUNCATE -> {
                for (String table : statement.names(SqlObject.Type.TABLE)) {
                    losses.add(rows(index, DataLoss.Kind.TABLE_EMPTIED, table, "truncates table " + table));
                }
            }
            case ALTER_TABLE -> statement.table().ifPresent(table -> {
                for (String column : statement.names(SqlObject.Type.COLUMN)) {
                    if (dropsColumn(statement.sql(), column)) {
                        losses.add(column(index, table, column));
                    }
                }
            });
            case DELETE -> statement.table().ifPresent(table -> losses.add(delete(statement, table)));
            case DROP_SCHEMA, DROP_DATABASE -> losses.add(new DataLoss(index, DataLoss.Kind.NOT_MEASURED,
                    statement.objects().isEmpty() ? "?" : statement.objects().get(0).name(), Optional.empty(),
                    OptionalLong.empty(), false, statement.excerpt() + ": everything in it, not measured"));
            default -> {
                // Other statements destroy no stored rows that Keel measures.
            }
        }
        return losses;
    }

    private DataLoss rows(int index, DataLoss.Kind kind, String table, String what) {
        try {
            long n = dialect.rowCount(session, table);
            return new DataLoss(index, kind, table, Optional.empty(), OptionalLong.of(n), false,
                    what + ": " + amount(n, false) + " row" + (n == 1 ? "" : "s"));
        } catch (KeelException e) {
            return unknown(index, kind, table, Optional.empty(), what, e);
        }
    }

    private DataLoss column(int index, String table, String column) {
        String what = "drops column " + table + "." + column;
        try {
            long n = dialect.nonNullCount(session, table, column);
            return new DataLoss(index, DataLoss.Kind.COLUMN_DROPPED, table, Optional.of(column), OptionalLong.of(n), false,
                    what + ": " + amount(n, false) + " non-null value" + (n == 1 ? "" : "s"));
        } catch (KeelException e) {
            return unknown(index, DataLoss.Kind.COLUMN_DROPPED, table, Optional.of(column), what, e);
        }
    }

    private DataLoss delete(ParsedStatement statement, String table) {
        int index = statement.index();
        if (!statement.has(Clause.WHERE)) {
            if (statement.has(Clause.LIMIT)) {
                return new DataLoss(index, DataLoss.Kind.ROWS_DELETED, table, Optional.empty(), OptionalLong.empty(), false,
                        "deletes rows of " + table + " (with LIMIT): unknown");
            }
            return rows(index, DataLoss.Kind.TABLE_EMPTIED, table, "deletes every row of " + table);
        }
        Matcher m = DELETE_WHERE.matcher(statement.sql());
        if (statement.has(Clause.LIMIT) || statement.has(Clause.ORDER_BY) || !m.matches()) {
            return new DataLoss(index, DataLoss.Kind.ROWS_DELETED, table, Optional.empty(), OptionalLong.empty(), false,
                    "deletes rows of " + table + ": unknown (Keel counts only a plain DELETE FROM table WHERE …)");
        }
        String what = "deletes rows of " + table + " matching its WHERE";
        // The alias stays: the WHERE may name the table by it (DELETE FROM orders o WHERE o.id …).
        String count = "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM " + m.group(1)
                + (m.group(2) == null ? "" : m.group(2)) + " " + m.group(3)
                + " LIMIT " + (COUNT_BOUND + 1) + ") keel_matched";
        try {
            List<Row> rows = session.query(count);
            long n = rows.get(0).number("n").orElse(0L);
            boolean bounded = n > COUNT_BOUND;
            long shown = Math.min(n, COUNT_BOUND);
            return new DataLoss(index, DataLoss.Kind.ROWS_DELETED, table, Optional.empty(), OptionalLong.of(shown), bounded,
                    what + ": " + amount(shown, bounded) + " row" + (shown == 1 ? "" : "s"));
        } catch (KeelException e) {
            return unknown(index, DataLoss.Kind.ROWS_DELETED, table, Optional.empty(), what, e);
        }
    }

    private static DataLoss unknown(int index, DataLoss.Kind kind, String table, Optional<String> column, String what,
            KeelException e) {
        return new DataLoss(index, kind, table, column, OptionalLong.empty(), false,
                what + ": unknown (" + e.problems().get(0).what().strip().replaceAll("\\s+", " ") + ")");
    }

    /** Whether the ALTER TABLE text drops this column (its objects list every column it names). */
    static boolean dropsColumn(String sql, String column) {
        String name = Pattern.quote(unquote(column));
        return Pattern.compile("(?is)\\bDROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?[`\"\\[]?" + name + "[`\"\\]]?(?![\\w$])")
                .matcher(sql).find();
    }

    static String unquote(String name) {
        String n = name.trim();
        if (n.length() >= 2 && (n.startsWith("\"") && n.endsWith("\"") || n.startsWith("`") && n.endsWith("`")
                || n.startsWith("[") && n.endsWith("]"))) {
            return n.substring(1, n.length() - 1);
        }
        return n;
    }

    static String amount(long n, boolean bounded) {
        return (bounded ? "more than " : "") + String.format(Locale.ROOT, "%,d", n);
    }
}
