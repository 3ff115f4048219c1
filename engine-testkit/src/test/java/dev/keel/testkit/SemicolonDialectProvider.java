package dev.keel.testkit;

import dev.keel.core.split.ScriptCursor;
import dev.keel.core.split.StatementCollector;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.dialect.Capabilities;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.dialect.DialectContext;
import dev.keel.spi.dialect.DialectProvider;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.session.DatabaseSession;
import java.util.Optional;
import java.util.Set;

/**
 * A dialect for the test kit's own tests, found through this test folder's services file: the real dialect modules
 * cannot be test dependencies here (their tests depend on the kit). Its splitter cuts at every {@code ;} and skips
 * {@code --} comments; it has no database side.
 */
public final class SemicolonDialectProvider implements DialectProvider {

    static final String ID = "semicolon";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("semi");
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:" + ID + ":");
    }

    @Override
    public Dialect create(DialectContext context) {
        return new SplitOnly();
    }

    private static final class SplitOnly implements Dialect {

        @Override
        public String id() {
            return ID;
        }

        @Override
        public StatementSplitter splitter() {
            return (sql, file, firstLine) -> {
                StatementCollector statements = new StatementCollector(new ScriptCursor(sql, file, firstLine));
                for (int i = 0; i < sql.length(); i++) {
                    char c = sql.charAt(i);
                    if (c == '-' && sql.startsWith("--", i)) {
                        int end = sql.indexOf('\n', i);
                        i = end < 0 ? sql.length() : end;
                    } else if (c == ';') {
                        statements.cut();
                    } else if (!Character.isWhitespace(c)) {
                        statements.token(i, i + 1);
                    }
                }
                statements.cut();
                return statements.statements();
            };
        }

        @Override
        public Capabilities capabilities() {
            throw new UnsupportedOperationException("split only");
        }

        @Override
        public Optional<String> transactionRestriction(SqlStatement statement, ServerInfo server) {
            return Optional.empty();
        }

        @Override
        public DatabaseLock lock(DatabaseSession session) {
            throw new UnsupportedOperationException("split only");
        }

        @Override
        public SchemaFingerprint fingerprint(DatabaseSession session, String historyTable) {
            throw new UnsupportedOperationException("split only");
        }

        @Override
        public long rowCount(DatabaseSession session, String table) {
            throw new UnsupportedOperationException("split only");
        }

        @Override
        public long nonNullCount(DatabaseSession session, String table, String column) {
            throw new UnsupportedOperationException("split only");
        }

        @Override
        public MigrationHistory history(DatabaseSession session, String tableName) {
            throw new UnsupportedOperationException("split only");
        }
    }
}
