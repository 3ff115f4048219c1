package dev.keel.dialect.mysql;

import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.schema.ColumnModel;
import dev.keel.spi.schema.ForeignKeyModel;
import dev.keel.spi.schema.IndexModel;
import dev.keel.spi.schema.SchemaModel;
import dev.keel.spi.schema.TableModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The schema model of the session's current database, from the same {@code information_schema} rows the
 * fingerprint reads ({@link MysqlCatalogue}): base tables with their columns, primary key, indexes and foreign keys;
 * the history table left out.
 *
 * <p>Defaults become SQL text usable in DDL whichever server reported them: MariaDB already reports quoted literals,
 * expressions and {@code NULL}; MySQL reports literals unquoted and marks expressions {@code DEFAULT_GENERATED}.
 */
final class MysqlSchemaReader {

    private static final Pattern NOW = Pattern.compile("(?i)current_timestamp(\\(\\d*\\))?|now\\(\\d*\\)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final List<String> NUMERIC = List.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint",
            "decimal", "numeric", "float", "double", "real", "bit");

    private final DatabaseSession session;
    private final String history;
    private final boolean mariadb;

    private MysqlSchemaReader(DatabaseSession session, String history, boolean mariadb) {
        this.session = session;
        this.history = history;
        this.mariadb = mariadb;
    }

    /** The model of the session's current database, without the history table. */
    static SchemaModel read(DatabaseSession session, String historyTable, String product) {
        String database = MysqlNamedLock.currentDatabase(session).orElseThrow(MysqlDialect::noDatabase);
        int dot = historyTable.indexOf('.');
        boolean elsewhere = dot >= 0 && !historyTable.substring(0, dot).equalsIgnoreCase(database);
        String history = elsewhere ? "" : historyTable.substring(dot + 1);
        boolean mariadb = product.toLowerCase(Locale.ROOT).contains("mariadb");
        return new MysqlSchemaReader(session, history, mariadb).read(product);
    }

    private SchemaModel read(String product) {
        Map<String, Optional<String>> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Row row : MysqlCatalogue.tables(session)) {
            String type = text(row, "table_type");
            String name = text(row, "table_name");
            boolean base = type.equalsIgnoreCase("BASE TABLE") || type.equalsIgnoreCase("SYSTEM VERSIONED");
            if (base && !isHistory(name) && !"Y".equalsIgnoreCase(text(row, "temporary"))) {
                tables.put(name, row.text("table_collation"));
            }
        }
        Map<String, List<Row>> columns = byTable(MysqlCatalogue.columns(session), "ordinal_position");
        Map<String, List<Row>> indexColumns = byTable(MysqlCatalogue.indexColumns(session), "seq_in_index");
        Map<String, List<Row>> keyColumns = byTable(MysqlCatalogue.keyColumns(session), "ordinal_position");
        List<TableModel> models = new ArrayList<>();
        tables.forEach((name, collation) -> models.add(new TableModel(name, collation,
                columns.getOrDefault(name, List.of()).stream().map(this::column).toList(),
                primaryKey(indexColumns.getOrDefault(name, List.of())),
                indexes(indexColumns.getOrDefault(name, List.of())),
                foreignKeys(keyColumns.getOrDefault(name, List.of())))));
        return new SchemaModel(MysqlDialectProvider.ID, product, models);
    }

    private ColumnModel column(Row row) {
        String dataType = text(row, "data_type").toLowerCase(Locale.ROOT);
        String rawExtra = text(row, "extra");
        String extra = rawExtra.replaceAll("(?i)default_generated", "").strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        return new ColumnModel(text(row, "column_name"), dataType, text(row, "column_type").toLowerCase(Locale.ROOT),
                "YES".equalsIgnoreCase(text(row, "is_nullable")),
                defaultSql(row.text("column_default"), dataType, rawExtra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED")),
                row.text("character_set_name"), row.text("collation_name"), extra, text(row, "column_comment"));
    }

    /** The default as DDL text: MariaDB's as reported ({@code NULL} meaning none), MySQL's quoted or parenthesised. */
    private Optional<String> defaultSql(Optional<String> reported, String dataType, boolean expression) {
        if (reported.isEmpty()) {
            return Optional.empty();
        }
        String value = reported.get();
        if (mariadb) {
            return value.equalsIgnoreCase("NULL") ? Optional.empty() : Optional.of(value);
        }
        if (NOW.matcher(value).matches()) {
            return Optional.of(value);
        }
        if (expression) {
            return Optional.of("(" + value + ")");
        }
        if (NUMERIC.contains(dataType) && NUMBER.matcher(value).matches()) {
            return Optional.of(value);
        }
        return Optional.of("'" + value.replace("\\", "\\\\").replace("'", "''") + "'");
    }

    private static List<String> primaryKey(List<Row> indexColumns) {
        return indexColumns.stream().filter(r -> text(r, "index_name").equals("PRIMARY"))
                .map(r -> text(r, "column_name")).filter(c -> !c.isEmpty()).toList();
    }

    private static List<IndexModel> indexes(List<Row> indexColumns) {
        Map<String, List<Row>> byName = new LinkedHashMap<>();
        indexColumns.forEach(r -> byName.computeIfAbsent(text(r, "index_name"), k -> new ArrayList<>()).add(r));
        List<IndexModel> indexes = new ArrayList<>();
        byName.forEach((name, rows) -> indexes.add(new IndexModel(name,
                rows.stream().map(r -> text(r, "column_name")).filter(c -> !c.isEmpty()).toList(),
                "0".equals(text(rows.get(0), "non_unique")))));
        return indexes;
    }

    private static List<ForeignKeyModel> foreignKeys(List<Row> keyColumns) {
        Map<String, List<Row>> byName = new LinkedHashMap<>();
        keyColumns.stream().filter(r -> r.text("referenced_table_name").isPresent())
                .forEach(r -> byName.computeIfAbsent(text(r, "constraint_name"), k -> new ArrayList<>()).add(r));
        List<ForeignKeyModel> keys = new ArrayList<>();
        byName.forEach((name, rows) -> keys.add(new ForeignKeyModel(name,
                rows.stream().map(r -> text(r, "column_name")).toList(), text(rows.get(0), "referenced_table_name"),
                rows.stream().map(r -> text(r, "referenced_column_name")).toList())));
        return keys;
    }

    /** Rows grouped by table (case-insensitively), each group sorted by a position column. */
    private Map<String, List<Row>> byTable(List<Row> rows, String position) {
        Map<String, List<Row>> grouped = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Row row : rows) {
            String table = text(row, "table_name");
            if (!isHistory(table)) {
                grouped.computeIfAbsent(table, k -> new ArrayList<>()).add(row);
            }
        }
        Comparator<Row> order = Comparator.comparing(r -> r.number(position).orElse(0L));
        grouped.values().forEach(list -> list.sort(order.thenComparing(r -> text(r, "index_name"))));
        return grouped;
    }

    private boolean isHistory(String table) {
        return !history.isEmpty() && table.equalsIgnoreCase(history);
    }

    private static String text(Row row, String column) {
        return row.text(column).orElse("");
    }
}
