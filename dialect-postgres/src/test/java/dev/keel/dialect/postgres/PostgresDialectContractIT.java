package dev.keel.dialect.postgres;

import dev.keel.spi.dialect.DialectProvider;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.DialectContractTest;
import dev.keel.testkit.TestDatabase;
import java.util.Optional;

/** The dialect contract of engine-testkit, against the local PostgreSQL (or {@code KEEL_TEST_POSTGRES_URL}). */
class PostgresDialectContractIT extends DialectContractTest {

    @Override
    protected DialectProvider provider() {
        return new PostgresDialectProvider();
    }

    @Override
    protected TestDatabase provisionDatabase() {
        return DatabaseProvisioning.postgres();
    }

    @Override
    protected String scriptWithThreeStatements() {
        return "-- a comment; with a 'quote' and a $$\n"
                + "CREATE TABLE split_a (\"semi;colon\" text DEFAULT 'x;y -- not a comment',\n"
                + "  b text DEFAULT E'it\\'s; /* no */');\n"
                + "/* block /* nested; */ comment; */\n"
                + "CREATE FUNCTION split_f(a int) RETURNS int LANGUAGE plpgsql AS $fn$\n"
                + "BEGIN\n"
                + "  -- inner; semicolons\n"
                + "  RETURN a + length($$;$$);\n"
                + "END;\n"
                + "$fn$;\n"
                + "INSERT INTO split_a (\"semi;colon\") VALUES ($q$it's; here$q$ || split_f(1)::text);\n";
    }

    @Override
    protected Optional<String> statementThatCannotRunInTransaction(String table) {
        return Optional.of("CREATE INDEX CONCURRENTLY " + table + "_cx ON " + table + " (name)");
    }
}
