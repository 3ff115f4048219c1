package dev.keel.systemtests.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.bootstrap.Confirmation;
import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.MigrateOptions;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Repository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite real-world fixture (kept with the dialect's in-process {@code SqliteRealWorldIT} in
 * {@code dialect-sqlite/src/test/resources/realworld}) applied by the packaged CLI: it builds the same schema as the
 * engine run in this JVM, records every migration, and a second run applies nothing.
 */
class SqliteRealWorldCliIT {

    @TempDir
    Path work;

    @Test
    void theCliBuildsTheSameSchema() throws SQLException {
        Path fixture = Repository.folder("dialect-sqlite/src/test/resources/realworld");
        Path viaEngine = work.resolve("engine.db");
        Path viaCli = work.resolve("cli.db");
        int applied;
        try (Keel keel = Keel.configure().url("jdbc:sqlite:" + viaEngine).migrations(fixture.toString())
                .environment("development").workingDirectory(work).build()) {
            // The fixture rebuilds tables and drops columns on purpose (accepted with -- keel:allow): high risk, accepted.
            applied = keel.migrate(MigrateOptions.defaults().confirmed(Confirmation.YES_FLAG)).applied().size();
        }
        List<String> args = List.of("migrate", "--yes", "--url", "jdbc:sqlite:" + viaCli, "--migrations",
                fixture.toString(), "--json");

        KeelRun first = KeelProcess.run(work, args);
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals(applied, first.appliedVersions().size(), first::toString);
        assertEquals(schema(viaEngine), schema(viaCli));
        assertEquals(List.of(String.valueOf(applied)), query(viaCli,
                "SELECT count(*) FROM keel_schema_history WHERE status = 'success'"));

        KeelRun again = KeelProcess.run(work, args);
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.appliedVersions().isEmpty(), again::toString);
        assertEquals(schema(viaEngine), schema(viaCli));
    }

    private static List<String> schema(Path db) throws SQLException {
        return query(db, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master"
                + " WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> 'keel_schema_history' ORDER BY type, name");
    }

    private static List<String> query(Path db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
