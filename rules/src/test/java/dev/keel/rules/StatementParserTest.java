package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.rule.Clause;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.SqlObject;
import dev.keel.spi.rule.StatementKind;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.statement.update.Update;
import org.junit.jupiter.api.Test;

class StatementParserTest {

    private final StatementParser parser = new StatementParser();

    private ParsedStatement parse(String sql, String dialect) {
        return parser.parse(new SqlStatement(sql, 0, 1, 1), dialect, Optional.empty());
    }

    @Test
    void parsed_statement_carries_kind_objects_clauses_and_the_syntax_tree() {
        ParsedStatement p = parse("UPDATE users SET a = (SELECT max(x) FROM t WHERE t.id = 1)", "postgres");

        assertFalse(p.lexicalFallback());
        assertEquals(StatementKind.UPDATE, p.kind());
        assertEquals(Optional.of("users"), p.table());
        assertFalse(p.has(Clause.WHERE), "the WHERE is in a subquery");
        assertTrue(JsqlParsedStatement.of(p).ast(Update.class).isPresent());
    }

    @Test
    void lexical_fallback_yields_kind_objects_and_clauses() {
        ParsedStatement p = parse("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_ref_idx ON ONLY public.orders (ref)", "postgres");

        assertTrue(p.lexicalFallback());
        assertEquals(StatementKind.CREATE_INDEX, p.kind());
        assertEquals(Optional.of("public.orders"), p.table());
        assertEquals(List.of("orders_ref_idx"), p.names(SqlObject.Type.INDEX));
        assertTrue(p.has(Clause.CONCURRENTLY) && p.has(Clause.IF_NOT_EXISTS) && p.has(Clause.UNIQUE));
        assertTrue(JsqlParsedStatement.of(p).ast().isEmpty());
    }

    @Test
    void alter_table_objects_name_the_columns_touched() {
        ParsedStatement p = parse("ALTER TABLE users ADD COLUMN a int, RENAME COLUMN b TO c, DROP COLUMN d", "postgres");

        assertEquals(StatementKind.ALTER_TABLE, p.kind());
        assertEquals(List.of("a", "b", "c", "d"), p.names(SqlObject.Type.COLUMN));
    }

    @Test
    void context_knows_tables_created_earlier_and_the_risk_baseline_uses_it() {
        ParsedStatement create = parse("CREATE TABLE t (id int)", "postgres");
        ParsedStatement index = parser.parse(new SqlStatement("CREATE INDEX t_idx ON t (id)", 1, 2, 1), "postgres", Optional.empty());
        ParsedStatement other = parser.parse(new SqlStatement("CREATE INDEX u_idx ON u (id)", 2, 3, 1), "postgres", Optional.empty());
        MigrationContext m = new MigrationContext("V1.sql", true, List.of(create, index, other));

        assertTrue(m.createdBefore(index, "T"));
        assertFalse(m.createdBefore(other, "u"));
        RiskClassifier risks = new RiskClassifier();
        assertEquals(Risk.LOW, risks.baseline(index, m));
        assertEquals(Risk.MEDIUM, risks.baseline(other, m));
        assertEquals(Risk.HIGH, risks.baseline(parse("ALTER TABLE u DROP COLUMN x", "postgres"), m));
    }
}
