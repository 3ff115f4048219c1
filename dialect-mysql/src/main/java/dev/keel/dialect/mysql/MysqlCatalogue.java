package dev.keel.dialect.mysql;

import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import java.util.List;

/**
 * The {@code information_schema} queries on the session's current database that both the schema fingerprint and
 * the schema model read, so that the two see the same catalogue.
 */
final class MysqlCatalogue {

    private MysqlCatalogue() {
    }

    /** Every table and view of the current database. */
    static List<Row> tables(DatabaseSession session) {
        return session.query("SELECT * FROM information_schema.tables WHERE table_schema = DATABASE()");
    }

    /** Every column of the current database. */
    static List<Row> columns(DatabaseSession session) {
        return session.query("SELECT * FROM information_schema.columns WHERE table_schema = DATABASE()");
    }

    /** Every index column of the current database (one row per column of each index). */
    static List<Row> indexColumns(DatabaseSession session) {
        return session.query("SELECT * FROM information_schema.statistics WHERE table_schema = DATABASE()");
    }

    /** Every column of every key constraint (primary, unique, foreign) of the current database. */
    static List<Row> keyColumns(DatabaseSession session) {
        return session.query("SELECT * FROM information_schema.key_column_usage WHERE constraint_schema = DATABASE()");
    }
}
