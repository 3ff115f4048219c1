package dev.keel.dialect.postgres;

import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.dialect.SchemaFingerprint;
import java.util.Optional;

/**
 * Builds the canonical text of the session's current schema ({@code current_schema()}) from {@code pg_catalog},
 * one line per object or column, every query in a deterministic order (names compare as {@code name}, i.e.
 * bytewise; argument lists with {@code COLLATE "C"}):
 *
 * <ul>
 *   <li>extensions (name, version, schema; database-wide) — their member objects are left out below;</li>
 *   <li>types: enums with their labels in sort order, domains (base type, NOT NULL, default, constraints),
 *       composite types (attributes), range types (subtype);</li>
 *   <li>tables (kind, persistence, row-level security, partition key, partition bounds, inheritance, storage
 *       options, comment) and the columns of tables and views in column order (type from {@code format_type},
 *       NOT NULL, default from {@code pg_get_expr}, identity, generated, collation when not the type's, comment);</li>
 *   <li>indexes ({@code pg_get_indexdef}, plus {@code INVALID} for an index left by a failed concurrent build),
 *       constraints ({@code pg_get_constraintdef}), views and materialized views ({@code pg_get_viewdef}),
 *       functions, procedures and aggregates ({@code pg_get_functiondef}), non-internal triggers
 *       ({@code pg_get_triggerdef} and whether enabled), rules, row-level security policies, and sequences with
 *       their parameters and owning column (not their current value, which is data).</li>
 * </ul>
 *
 * <p>While reading, the session's {@code TimeZone}, {@code DateStyle}, {@code IntervalStyle} and
 * {@code extra_float_digits} are set to fixed values (and restored afterwards), so that constants in defaults,
 * partition bounds and view texts print alike in every session.
 *
 * <p>The history table and everything hanging on it (its index, constraints, triggers) are left out. Privileges,
 * owners and other schemas are not part of the fingerprint.
 */
final class PostgresSchemaFingerprint {

    private static final String IN_SCHEMA = "n.nspname = current_schema()";

    private static String notExtensionMember(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = "
                + oid + " AND e.deptype = 'e')";
    }

    private static final String EXTENSIONS = "SELECT e.extname, e.extversion, n.nspname"
            + " FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY e.extname";

    private static final String TYPES = "SELECT t.typname, t.typtype,"
            + " CASE t.typtype"
            + "  WHEN 'e' THEN (SELECT string_agg(quote_literal(v.enumlabel::text), ', ' ORDER BY v.enumsortorder)"
            + "   FROM pg_enum v WHERE v.enumtypid = t.oid)"
            + "  WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod)"
            + "   || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END"
            + "   || coalesce(' DEFAULT ' || t.typdefault, '')"
            + "   || coalesce((SELECT ' ' || string_agg('CONSTRAINT ' || quote_ident(k.conname) || ' '"
            + "      || pg_get_constraintdef(k.oid), ' ' ORDER BY k.conname) FROM pg_constraint k WHERE k.contypid = t.oid), '')"
            + "  WHEN 'c' THEN (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod),"
            + "   ', ' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0"
            + "   AND NOT a.attisdropped)"
            + "  WHEN 'r' THEN (SELECT format_type(r.rngsubtype, NULL) FROM pg_range r WHERE r.rngtypid = t.oid)"
            + " END AS detail"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " LEFT JOIN pg_class rc ON rc.oid = t.typrelid"
            + " WHERE " + IN_SCHEMA + " AND t.typtype IN ('e', 'd', 'c', 'r') AND (t.typtype <> 'c' OR rc.relkind = 'c')"
            + " AND " + notExtensionMember("pg_type", "t.oid")
            + " ORDER BY t.typname";

    private static final String TABLES = "SELECT c.relname, c.relkind, c.relpersistence, c.relrowsecurity,"
            + " c.relforcerowsecurity, array_to_string(c.reloptions, ',') AS options,"
            + " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,"
            + " CASE WHEN c.relispartition THEN (SELECT i.inhparent::regclass::text FROM pg_inherits i"
            + "  WHERE i.inhrelid = c.oid) || ' ' || pg_get_expr(c.relpartbound, c.oid) END AS partition_of,"
            + " CASE WHEN NOT c.relispartition THEN (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)"
            + "  FROM pg_inherits i WHERE i.inhrelid = c.oid) END AS inherits,"
            + " obj_description(c.oid, 'pg_class') AS comment"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE " + IN_SCHEMA + " AND c.relkind IN ('r', 'p', 'f') AND c.oid <> ?"
            + " AND " + notExtensionMember("pg_class", "c.oid")
            + " ORDER BY c.relname";

    private static final String COLUMNS = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type,"
            + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS default_value, a.attidentity, a.attgenerated,"
            + " CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,"
            + " col_description(c.oid, a.attnum) AS comment"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
            + " WHERE " + IN_SCHEMA + " AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND c.oid <> ? AND " + notExtensionMember("pg_class", "c.oid")
            + " ORDER BY c.relname, a.attnum";

    private static final String INDEXES = "SELECT tc.relname AS table_name, ic.relname AS index_name,"
            + " pg_get_indexdef(i.indexrelid) AS definition, i.indisvalid, i.indisclustered"
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid"
            + " JOIN pg_namespace n ON n.oid = ic.relnamespace"
            + " WHERE " + IN_SCHEMA + " AND i.indrelid <> ? AND " + notExtensionMember("pg_class", "tc.oid")
            + " ORDER BY tc.relname, ic.relname";

    private static final String CONSTRAINTS = "SELECT tc.relname AS table_name, k.conname, k.contype,"
            + " pg_get_constraintdef(k.oid) AS definition"
            + " FROM pg_constraint k JOIN pg_class tc ON tc.oid = k.conrelid JOIN pg_namespace n ON n.oid = tc.relnamespace"
            + " WHERE " + IN_SCHEMA + " AND k.conrelid <> ? AND " + notExtensionMember("pg_class", "tc.oid")
            + " ORDER BY tc.relname, k.conname, k.contype";

    private static final String VIEWS = "SELECT c.relname, c.relkind, array_to_string(c.reloptions, ',') AS options,"
            + " pg_get_viewdef(c.oid, true) AS definition, obj_description(c.oid, 'pg_class') AS comment"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE " + IN_SCHEMA + " AND c.relkind IN ('v', 'm') AND " + notExtensionMember("pg_class", "c.oid")
            + " ORDER BY c.relname";

    private static final String ROUTINES = "SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS arguments,"
            + " p.prokind,"
            + " CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END AS definition,"
            + " CASE WHEN p.prokind = 'a' THEN (SELECT 'SFUNC ' || g.aggtransfn::text || ' STYPE '"
            + "  || format_type(g.aggtranstype, NULL) || ' FINALFUNC ' || g.aggfinalfn::text"
            + "  || coalesce(' INITCOND ' || quote_literal(g.agginitval), '') FROM pg_aggregate g WHERE g.aggfnoid = p.oid)"
            + " END AS aggregate"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE " + IN_SCHEMA + " AND " + notExtensionMember("pg_proc", "p.oid")
            + " ORDER BY p.proname, pg_get_function_identity_arguments(p.oid) COLLATE \"C\"";

    private static final String TRIGGERS = "SELECT tc.relname AS table_name, g.tgname, pg_get_triggerdef(g.oid) AS definition,"
            + " g.tgenabled"
            + " FROM pg_trigger g JOIN pg_class tc ON tc.oid = g.tgrelid JOIN pg_namespace n ON n.oid = tc.relnamespace"
            + " WHERE " + IN_SCHEMA + " AND NOT g.tgisinternal AND g.tgrelid <> ?"
            + " ORDER BY tc.relname, g.tgname";

    private static final String RULES = "SELECT r.tablename, r.rulename, r.definition FROM pg_rules r"
            + " WHERE r.schemaname = current_schema() ORDER BY r.tablename, r.rulename";

    private static final String POLICIES = "SELECT p.tablename, p.policyname, p.permissive,"
            + " array_to_string(p.roles, ',') AS roles, p.cmd, p.qual, p.with_check FROM pg_policies p"
            + " WHERE p.schemaname = current_schema() ORDER BY p.tablename, p.policyname";

    private static final String SEQUENCES = "SELECT c.relname, format_type(s.seqtypid, NULL) AS type, s.seqstart,"
            + " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
            + " (SELECT tc.relname || '.' || a.attname FROM pg_depend d JOIN pg_class tc ON tc.oid = d.refobjid"
            + "  JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
            + "  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass"
            + "  AND d.deptype IN ('a', 'i') LIMIT 1) AS owned_by"
            + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE " + IN_SCHEMA + " AND " + notExtensionMember("pg_class", "c.oid")
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
            + "  AND d.refclassid = 'pg_class'::regclass AND d.refobjid = ? AND d.deptype IN ('a', 'i'))"
            + " ORDER BY c.relname";

    private PostgresSchemaFingerprint() {
    }

    /**
     * The fingerprint of the session's current schema.
     *
     * @param historyOid the oid of Keel's history table (0 when it does not exist)
     */
    static SchemaFingerprint of(DatabaseSession session, long historyOid) {
        Row saved = session.query("SELECT current_setting('TimeZone') AS tz, current_setting('DateStyle') AS ds,"
                + " current_setting('IntervalStyle') AS iv, current_setting('extra_float_digits') AS fd").get(0);
        // Constants in defaults, bounds and view texts are printed in the session's formats: fix them while reading.
        settings(session, "UTC", "ISO, MDY", "postgres", "1");
        try {
            return read(session, historyOid);
        } finally {
            settings(session, saved.text("tz").orElse("UTC"), saved.text("ds").orElse("ISO, MDY"),
                    saved.text("iv").orElse("postgres"), saved.text("fd").orElse("1"));
        }
    }

    private static void settings(DatabaseSession session, String timeZone, String dateStyle, String intervalStyle,
            String floatDigits) {
        session.query("SELECT set_config('TimeZone', ?, false) AS a, set_config('DateStyle', ?, false) AS b,"
                + " set_config('IntervalStyle', ?, false) AS c, set_config('extra_float_digits', ?, false) AS d",
                timeZone, dateStyle, intervalStyle, floatDigits);
    }

    private static SchemaFingerprint read(DatabaseSession session, long historyOid) {
        StringBuilder text = new StringBuilder();
        text.append("schema ").append(session.query("SELECT current_schema() AS s").get(0).text("s").orElse("(none)"))
                .append('\n');
        for (Row r : session.query(EXTENSIONS)) {
            new Line("extension", r.text("extname")).add("version", r.text("extversion")).add("in", r.text("nspname"))
                    .appendTo(text);
        }
        for (Row r : session.query(TYPES)) {
            new Line("type", r.text("typname")).word(kind(r.text("typtype").orElse(""))).value(r.text("detail"))
                    .appendTo(text);
        }
        for (Row r : session.query(TABLES, historyOid)) {
            new Line("table", r.text("relname")).add("kind", r.text("relkind"))
                    .flag(r, "relpersistence", "u", "UNLOGGED").flag(r, "relrowsecurity", "true", "ROW LEVEL SECURITY")
                    .flag(r, "relforcerowsecurity", "true", "FORCE").add("with", r.text("options"))
                    .add("partition by", r.text("partition_key")).add("partition of", r.text("partition_of"))
                    .add("inherits", r.text("inherits")).add("comment", r.text("comment")).appendTo(text);
        }
        for (Row r : session.query(COLUMNS, historyOid)) {
            new Line("column", r.text("relname").map(t -> t + "." + r.text("attname").orElse("")))
                    .value(r.text("type")).flag(r, "attnotnull", "true", "NOT NULL")
                    .add("default", r.text("default_value")).add("identity", r.text("attidentity"))
                    .add("generated", r.text("attgenerated")).add("collate", r.text("collation"))
                    .add("comment", r.text("comment")).appendTo(text);
        }
        for (Row r : session.query(INDEXES, historyOid)) {
            new Line("index", r.text("index_name")).add("on", r.text("table_name")).value(r.text("definition"))
                    .flag(r, "indisvalid", "false", "INVALID").flag(r, "indisclustered", "true", "CLUSTERED")
                    .appendTo(text);
        }
        for (Row r : session.query(CONSTRAINTS, historyOid)) {
            new Line("constraint", r.text("conname")).add("on", r.text("table_name")).value(r.text("contype"))
                    .value(r.text("definition")).appendTo(text);
        }
        for (Row r : session.query(VIEWS)) {
            new Line("view", r.text("relname")).add("kind", r.text("relkind")).add("with", r.text("options"))
                    .add("comment", r.text("comment")).add("as", r.text("definition").map(String::strip))
                    .appendTo(text);
        }
        for (Row r : session.query(ROUTINES)) {
            new Line("routine", r.text("proname").map(p -> p + "(" + r.text("arguments").orElse("") + ")"))
                    .add("kind", r.text("prokind")).value(r.text("definition").map(String::strip))
                    .value(r.text("aggregate")).appendTo(text);
        }
        for (Row r : session.query(TRIGGERS, historyOid)) {
            new Line("trigger", r.text("tgname")).add("on", r.text("table_name")).value(r.text("definition"))
                    .add("enabled", r.text("tgenabled")).appendTo(text);
        }
        for (Row r : session.query(RULES)) {
            new Line("rule", r.text("rulename")).add("on", r.text("tablename")).value(r.text("definition"))
                    .appendTo(text);
        }
        for (Row r : session.query(POLICIES)) {
            new Line("policy", r.text("policyname")).add("on", r.text("tablename")).value(r.text("permissive"))
                    .add("to", r.text("roles")).add("for", r.text("cmd")).add("using", r.text("qual"))
                    .add("check", r.text("with_check")).appendTo(text);
        }
        for (Row r : session.query(SEQUENCES, historyOid)) {
            new Line("sequence", r.text("relname")).add("as", r.text("type")).add("start", r.text("seqstart"))
                    .add("increment", r.text("seqincrement")).add("min", r.text("seqmin")).add("max", r.text("seqmax"))
                    .add("cache", r.text("seqcache")).flag(r, "seqcycle", "true", "CYCLE")
                    .add("owned by", r.text("owned_by")).appendTo(text);
        }
        return SchemaFingerprint.of(text.toString());
    }

    private static String kind(String typtype) {
        switch (typtype) {
            case "e":
                return "enum";
            case "d":
                return "domain";
            case "c":
                return "composite";
            case "r":
                return "range";
            default:
                return typtype;
        }
    }

    /**
     * One line of the canonical text: a kind and a name, then labelled values that are written only when present
     * and not blank. Line breaks inside values (function bodies, view texts) are normalised to LF and indented, so
     * that every object starts a line of its own.
     */
    private static final class Line {
        private final StringBuilder line = new StringBuilder();

        Line(String kind, Optional<String> name) {
            line.append(kind).append(' ').append(name.orElse("?"));
        }

        Line word(String word) {
            line.append(' ').append(word);
            return this;
        }

        Line value(Optional<String> value) {
            value.filter(v -> !v.isBlank()).ifPresent(v -> line.append(' ').append(v));
            return this;
        }

        Line add(String label, Optional<String> value) {
            value.filter(v -> !v.isBlank()).ifPresent(v -> line.append(' ').append(label).append(' ').append(v));
            return this;
        }

        /** {@code word} when the column's text is {@code value} (booleans may read {@code true} or {@code t}). */
        Line flag(Row row, String column, String value, String word) {
            boolean on = row.text(column).filter(v -> v.equals(value) || v.equals(value.substring(0, 1))).isPresent();
            return on ? word(word) : this;
        }

        void appendTo(StringBuilder text) {
            text.append(line.toString().replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\n  ")).append('\n');
        }
    }
}
