package dev.keel.dialect.sqlite;

import dev.keel.spi.dialect.DialectProvider;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.DialectContractTest;
import dev.keel.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The dialect contract on SQLite files in a temporary folder. */
class SqliteDialectContractTest extends DialectContractTest {

    @TempDir
    static Path dir;

    @Override
    protected DialectProvider provider() {
        return new SqliteDialectProvider();
    }

    @Override
    protected TestDatabase provisionDatabase() {
        return DatabaseProvisioning.sqlite(dir);
    }

    @Override
    protected String scriptWithThreeStatements() {
        return """
                -- V1: three statements; the comments and strings below hold ; and -- on purpose
                CREATE TABLE "split;table" (
                    id INTEGER PRIMARY KEY,
                    note TEXT DEFAULT 'it''s; -- not a comment /* nor this */'
                );
                /* a block comment; with a semicolon */
                CREATE TRIGGER split_audit AFTER INSERT ON "split;table"
                BEGIN
                    UPDATE "split;table" SET note = 'a;b' WHERE id = NEW.id;
                    UPDATE "split;table" SET note = note || ';end' WHERE id = NEW.id AND note <> 'x';
                END;
                INSERT INTO "split;table" (id) VALUES (1); -- trailing comment;
                """;
    }

    @Override
    protected Optional<String> statementThatCannotRunInTransaction(String table) {
        return Optional.of("VACUUM");
    }

    /** SQLite cannot alter a default: rebuild the table with the new one, as a migration would. */
    @Override
    protected List<String> changeDefaultSql(String table) {
        return List.of(
                "CREATE TABLE " + table + "_new (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100), qty INTEGER DEFAULT 7)",
                "INSERT INTO " + table + "_new (id, name, qty) SELECT id, name, qty FROM " + table,
                "DROP TABLE " + table,
                "ALTER TABLE " + table + "_new RENAME TO " + table);
    }
}
