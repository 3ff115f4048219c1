package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.SqlObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link TableHistory} answers exactly what {@link MigrationContext#createdBefore} answers, for every statement and table. */
class TableHistoryTest {

    private final StatementParser parser = new StatementParser();

    @Test
    void agreesWithTheContextOnCreatesDropsAndRenames() {
        assertAgree("postgres", List.of(
                "CREATE TABLE a (id int)", "ALTER TABLE a ADD COLUMN x int", "ALTER TABLE b RENAME TO c",
                "ALTER TABLE a RENAME TO b", "CREATE INDEX i ON b (x)", "DROP TABLE b", "CREATE TABLE b (id int)",
                "DROP TABLE IF EXISTS a, b", "CREATE TABLE public.a (id int)", "ALTER TABLE a RENAME TO a",
                "UPDATE a SET x = 1", "DROP TABLE a", "DELETE FROM a"));
        assertAgree("mysql", List.of(
                "CREATE TABLE t (id int)", "RENAME TABLE t TO t_old, t_new TO t", "CREATE TABLE t_new (id int)",
                "RENAME TABLE t_new TO t", "ALTER TABLE t DROP COLUMN id", "TRUNCATE t_old"));
    }

    @Test
    void agreesWithTheContextOnEveryLabelledMigration() throws IOException {
        int migrations = 0;
        for (String dialect : List.of("postgres", "mysql", "sqlite")) {
            for (LabelledCase c : LabelledCase.load(Path.of("src/test/resources/labelled", dialect), dialect)) {
                assertAgree(dialect, ScriptSplitter.split(c.sql()).stream().map(SqlStatement::sql).toList());
                migrations++;
            }
        }
        assertTrue(migrations > 100, "checked " + migrations);
    }

    private void assertAgree(String dialect, List<String> sql) {
        List<ParsedStatement> parsed = new ArrayList<>();
        for (int i = 0; i < sql.size(); i++) {
            parsed.add(parser.parse(new SqlStatement(sql.get(i), i, i + 1, 1), dialect, Optional.empty()));
        }
        MigrationContext context = new MigrationContext("m.sql", true, parsed);
        Set<String> tables = new LinkedHashSet<>();
        parsed.forEach(p -> p.objects().stream().filter(o -> o.type() == SqlObject.Type.TABLE).forEach(o -> tables.add(o.name())));
        tables.add("never_mentioned");
        for (ParsedStatement p : parsed) {
            for (String t : tables) {
                assertEquals(context.createdBefore(p, t), TableHistory.of(context).createdBefore(p, t),
                        "createdBefore(" + p.sql() + ", " + t + ") in " + sql);
            }
        }
    }
}
