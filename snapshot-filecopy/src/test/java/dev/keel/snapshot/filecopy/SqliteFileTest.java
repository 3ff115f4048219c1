package dev.keel.snapshot.filecopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which file a {@code jdbc:sqlite:} URL names. */
class SqliteFileTest {

    private static Path file(String url) {
        return SqliteFile.fromUrl(url, url).path();
    }

    @Test
    void plain_file_and_uri_forms_name_the_same_file() {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(cwd.resolve("app.db"), file("jdbc:sqlite:app.db"));
        assertEquals(cwd.resolve("data/app.db"), file("jdbc:sqlite:./data/../data/app.db"));
        assertEquals(Path.of("/var/lib/app/app.db"), file("jdbc:sqlite:/var/lib/app/app.db"));
        assertEquals(Path.of("/var/lib/app/app.db"), file("jdbc:sqlite:/var/lib/app/app.db?journal_mode=WAL"));
        assertEquals(Path.of("/var/lib/app/app.db"), file("jdbc:sqlite:file:/var/lib/app/app.db?cache=shared"));
        assertEquals(Path.of("/var/lib/app/app.db"), file("jdbc:sqlite:file:///var/lib/app/app.db"));
        assertEquals(Path.of("/var/lib/app/app.db"), file("jdbc:sqlite:file://localhost/var/lib/app/app.db"));
        assertEquals(Path.of("/srv/my app.db"), file("jdbc:sqlite:file:/srv/my%20app.db"));
        assertEquals(cwd.resolve("app.db"), file("jdbc:sqlite:file:app.db?mode=rwc"));
    }

    @Test
    void memory_and_resource_databases_have_no_file() {
        for (String url : new String[] {"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file::memory:",
                "jdbc:sqlite:file:shared?mode=memory", "jdbc:sqlite::resource:db/app.db"}) {
            KeelException e = assertThrows(KeelException.class, () -> file(url), url);
            assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, e.code());
        }
    }

    @Test
    void side_files_sit_beside_the_database() {
        SqliteFile f = SqliteFile.fromUrl("jdbc:sqlite:/srv/app.db", "x");
        assertEquals(Path.of("/srv/app.db-wal"), f.sibling("-wal"));
    }
}
