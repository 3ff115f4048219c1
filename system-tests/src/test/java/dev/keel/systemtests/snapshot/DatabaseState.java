package dev.keel.systemtests.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

/**
 * What a database holds, to compare before and after a run: keel's schema fingerprint text (tables, columns, indexes,
 * constraints, views…; the history table left out) and the rows of every table, history table included, each table's
 * rows sorted.
 *
 * @param schema   the canonical text of the schema fingerprint
 * @param contents table name to its rows, as text
 */
record DatabaseState(String schema, Map<String, List<String>> contents) {

    /** Asserts that a database is in this state, schema first, then each table's rows. */
    void assertSameAs(DatabaseState actual, String when) {
        assertEquals(schema, actual.schema, "schema fingerprint " + when);
        assertEquals(contents.keySet(), actual.contents.keySet(), "tables " + when);
        for (String table : contents.keySet()) {
            assertEquals(contents.get(table), actual.contents.get(table), "rows of " + table + " " + when);
        }
    }
}
