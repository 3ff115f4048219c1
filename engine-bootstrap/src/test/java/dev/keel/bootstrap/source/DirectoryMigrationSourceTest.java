package dev.keel.bootstrap.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.migration.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryMigrationSourceTest {

    @TempDir
    Path dir;

    private Map<String, SourceFile> list() {
        List<SourceFile> files = new DirectoryMigrationSource(dir, "db/migrations").files();
        return files.stream().collect(Collectors.toMap(SourceFile::relativeName, f -> f));
    }

    @Test
    void listsSqlFilesInAnyCaseAndTheRollbackFolder() throws IOException {
        Files.writeString(dir.resolve("0001_a.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("0002_B.SQL"), "SELECT 2;");
        Files.writeString(dir.resolve("README.md"), "not a migration");
        Files.createDirectories(dir.resolve("rollback"));
        Files.writeString(dir.resolve("rollback/0001_rollback.sql"), "SELECT 0;");
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("other/0003_c.sql"), "SELECT 3;");

        Map<String, SourceFile> files = list();

        assertEquals(java.util.Set.of("0001_a.sql", "0002_B.SQL", "rollback/0001_rollback.sql"), files.keySet());
        assertEquals("db/migrations/0002_B.SQL", files.get("0002_B.SQL").displayName());
        assertEquals("SELECT 2;", new String(files.get("0002_B.SQL").read()));
    }

    @Test
    void aFolderNamedLikeAMigrationIsReportedWhenRead() throws IOException {
        Files.createDirectories(dir.resolve("0003_x.sql"));
        KeelException e = assertThrows(KeelException.class, () -> list().get("0003_x.sql").read());
        assertEquals(ErrorCode.FILE_UNREADABLE, e.code());
    }
}
