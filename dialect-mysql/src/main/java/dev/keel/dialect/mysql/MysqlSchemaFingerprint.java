package dev.keel.dialect.mysql;

import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.dialect.SchemaFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema fingerprint of the session's current database, read from {@code information_schema}: one line per
 * table (type, engine, collation, options, comment), column (position, {@code COLUMN_TYPE}, nullability, default,
 * {@code EXTRA}, character set, collation, generation expression, comment), index column, constraint (primary,
 * unique, foreign key with its rules, check), view (definition, check option, security), routine (definition,
 * parameters, return type, characteristics), trigger, event and MariaDB sequence; sorted, so the text does not
 * depend on the order the server lists things in.
 *
 * <p>Left out, because they change without DDL or differ between two databases given the same DDL: the
 * database's own name (removed from view definitions), {@code AUTO_INCREMENT} counters, row counts, sizes and
 * index cardinalities, creation and change times, definers, the session character set and SQL mode a routine
 * was created under, event schedule times and status, and a sequence's next value. Routine, trigger, event and
 * check bodies have their white space collapsed. Keel's history table (and what belongs to it) is left out.
 */
final class MysqlSchemaFingerprint {

    private static final List<String> TABLE = List.of("table_type", "engine", "table_collation", "create_options",
            "table_comment");
    private static final List<String> COLUMN = List.of("ordinal_position", "column_type", "is_nullable",
            "column_default", "extra", "character_set_name", "collation_name", "generation_expression",
            "column_comment", "srs_id");
    private static final List<String> INDEX = List.of("non_unique", "column_name", "sub_part", "collation",
            "index_type", "comment", "index_comment", "ignored", "is_visible", "expression");
    private static final List<String> CONSTRAINT = List.of("constraint_type", "enforced");
    private static final List<String> KEY_COLUMN = List.of("column_name", "position_in_unique_constraint",
            "referenced_table_name", "referenced_column_name");
    private static final List<String> REFERENCE = List.of("unique_constraint_name", "match_option", "update_rule",
            "delete_rule", "referenced_table_name");
    private static final List<String> CHECK = List.of("table_name", "level", "check_clause");
    private static final List<String> VIEW = List.of("check_option", "is_updatable", "security_type", "algorithm");
    private static final List<String> ROUTINE = List.of("dtd_identifier", "routine_body", "external_name",
            "external_language", "parameter_style", "is_deterministic", "sql_data_access", "security_type",
            "routine_comment");
    private static final List<String> PARAMETER = List.of("parameter_mode", "parameter_name", "dtd_identifier");
    private static final List<String> TRIGGER = List.of("event_manipulation", "event_object_table", "action_order",
            "action_timing", "action_orientation");
    private static final List<String> EVENT = List.of("event_type", "interval_value", "interval_field",
            "on_completion", "event_comment");
    private static final List<String> SEQUENCE = List.of("minimum_value", "maximum_value", "start_value",
            "increment", "cache_size", "cycle_option");

    private final DatabaseSession session;
    private final String database;
    private final String history;
    private final Set<String> lines = new TreeSet<>();

    private MysqlSchemaFingerprint(DatabaseSession session, String database, String history) {
        this.session = session;
        this.database = database;
        this.history = history;
    }

    /** The fingerprint of the session's current database, without the history table. */
    static SchemaFingerprint of(DatabaseSession session, String historyTable) {
        String database = MysqlNamedLock.currentDatabase(session).orElseThrow(MysqlDialect::noDatabase);
        int dot = historyTable.indexOf('.');
        boolean elsewhere = dot >= 0 && !historyTable.substring(0, dot).equalsIgnoreCase(database);
        String history = elsewhere ? "" : historyTable.substring(dot + 1);
        return new MysqlSchemaFingerprint(session, database, history).read();
    }

    private SchemaFingerprint read() {
        List<String> sequences = new ArrayList<>();
        for (Row row : MysqlCatalogue.tables(session)) {
            String table = text(row, "table_name");
            if (isHistory(table) || "Y".equalsIgnoreCase(text(row, "temporary"))) {
                continue;
            }
            String type = text(row, "table_type");
            if ("SEQUENCE".equalsIgnoreCase(type)) {
                sequences.add(table);
            }
            boolean view = "VIEW".equalsIgnoreCase(type);
            add("table " + table, row, view ? List.of("table_type") : TABLE);
        }
        for (Row row : MysqlCatalogue.columns(session)) {
            String table = text(row, "table_name");
            if (!isHistory(table)) {
                add("column " + table + "." + text(row, "column_name"), row, COLUMN);
            }
        }
        for (Row row : MysqlCatalogue.indexColumns(session)) {
            String table = text(row, "table_name");
            if (!isHistory(table)) {
                add("index " + table + "." + text(row, "index_name") + " #" + text(row, "seq_in_index"), row, INDEX);
            }
        }
        for (Row row : rows("SELECT * FROM information_schema.table_constraints WHERE constraint_schema = DATABASE()")) {
            String table = text(row, "table_name");
            if (!isHistory(table)) {
                add("constraint " + table + "." + text(row, "constraint_name"), row, CONSTRAINT);
            }
        }
        for (Row row : MysqlCatalogue.keyColumns(session)) {
            String table = text(row, "table_name");
            if (isHistory(table)) {
                continue;
            }
            String elsewhere = row.text("referenced_table_schema").filter(s -> !s.equals(database))
                    .map(s -> " referenced_schema=" + s).orElse("");
            add("key " + table + "." + text(row, "constraint_name") + " #" + text(row, "ordinal_position") + elsewhere,
                    row, KEY_COLUMN);
        }
        for (Row row : rows("SELECT * FROM information_schema.referential_constraints"
                + " WHERE constraint_schema = DATABASE()")) {
            String table = text(row, "table_name");
            if (!isHistory(table)) {
                String elsewhere = row.text("unique_constraint_schema").filter(s -> !s.equals(database))
                        .map(s -> " referenced_schema=" + s).orElse("");
                add("reference " + table + "." + text(row, "constraint_name") + elsewhere, row, REFERENCE);
            }
        }
        if (hasInformationSchemaTable("CHECK_CONSTRAINTS")) {
            for (Row row : rows("SELECT * FROM information_schema.check_constraints"
                    + " WHERE constraint_schema = DATABASE()")) {
                if (!isHistory(text(row, "table_name"))) {
                    add("check " + text(row, "constraint_name"), row, CHECK);
                }
            }
        }
        String qualifier = "`" + database.replace("`", "``") + "`.";
        for (Row row : rows("SELECT * FROM information_schema.views WHERE table_schema = DATABASE()")) {
            String definition = row.text("view_definition").map(d -> d.replace(qualifier, "")).orElse("(null)");
            add("view " + text(row, "table_name") + " definition=" + collapse(definition), row, VIEW);
        }
        for (Row row : rows("SELECT * FROM information_schema.routines WHERE routine_schema = DATABASE()")) {
            add("routine " + text(row, "routine_type") + " " + text(row, "routine_name") + " definition="
                    + row.text("routine_definition").map(MysqlSchemaFingerprint::collapse).orElse("(null)"), row, ROUTINE);
        }
        for (Row row : rows("SELECT * FROM information_schema.parameters WHERE specific_schema = DATABASE()")) {
            add("parameter " + text(row, "routine_type") + " " + text(row, "specific_name") + " #"
                    + text(row, "ordinal_position"), row, PARAMETER);
        }
        for (Row row : rows("SELECT * FROM information_schema.triggers WHERE trigger_schema = DATABASE()")) {
            if (!isHistory(text(row, "event_object_table"))) {
                add("trigger " + text(row, "trigger_name") + " statement="
                        + row.text("action_statement").map(MysqlSchemaFingerprint::collapse).orElse("(null)"), row, TRIGGER);
            }
        }
        for (Row row : rows("SELECT * FROM information_schema.events WHERE event_schema = DATABASE()")) {
            add("event " + text(row, "event_name") + " definition="
                    + row.text("event_definition").map(MysqlSchemaFingerprint::collapse).orElse("(null)"), row, EVENT);
        }
        for (String sequence : sequences) {
            for (Row row : rows("SELECT * FROM `" + sequence.replace("`", "``") + "`")) {
                add("sequence " + sequence, row, SEQUENCE);
            }
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return SchemaFingerprint.of(text.toString());
    }

    private List<Row> rows(String sql) {
        return session.query(sql);
    }

    private boolean hasInformationSchemaTable(String name) {
        return !session.query("SELECT 1 AS present FROM information_schema.tables"
                + " WHERE table_schema = 'information_schema' AND table_name = ?", name).isEmpty();
    }

    private boolean isHistory(String table) {
        return !history.isEmpty() && table.equalsIgnoreCase(history);
    }

    private void add(String head, Row row, List<String> fields) {
        StringBuilder line = new StringBuilder(escape(head));
        for (String field : fields) {
            Optional<String> value = row.text(field);
            line.append(" | ").append(field).append('=').append(value.map(MysqlSchemaFingerprint::escape).orElse("(null)"));
        }
        lines.add(line.toString());
    }

    private static String text(Row row, String column) {
        return row.text(column).orElse("");
    }

    /** White space collapsed, so that re-indenting a body does not look like a schema change. */
    private static String collapse(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

    /** One line per entry: line breaks and the field separator are escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("|", "\\|");
    }
}
