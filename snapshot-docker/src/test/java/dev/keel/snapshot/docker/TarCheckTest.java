package dev.keel.snapshot.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarCheckTest {

    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("data.tar"), bytes);
    }

    private TestTar datadir() {
        return new TestTar().folder("mysql").file("mysql/ibdata1", "x".repeat(1000)).folder("mysql/app")
                .file("mysql/app/t.ibd", "rows");
    }

    @Test
    void a_whole_archive_inside_its_folder_passes_and_is_counted() throws IOException {
        TarCheck.Summary summary = TarCheck.verify(write(datadir().bytes()), "mysql");
        assertEquals(4, summary.entries());
        assertEquals(1004, summary.contentBytes());
    }

    @Test
    void long_names_in_pax_headers_are_read() throws IOException {
        String longName = "mysql/" + "a".repeat(150) + "/t.ibd";
        TarCheck.Summary summary = TarCheck.verify(write(datadir().paxPath(longName).file("ignored-short-name", "z")
                .bytes()), "mysql");
        assertEquals(5, summary.entries());
        IOException outside = assertThrows(IOException.class, () -> TarCheck.verify(write(datadir()
                .paxPath("etc/" + "b".repeat(120)).file("mysql/short", "z").bytes()), "mysql"));
        assertTrue(outside.getMessage().contains("etc/"), outside::getMessage);
    }

    @Test
    void an_archive_cut_short_is_refused() throws IOException {
        byte[] whole = datadir().bytes();
        IOException noEnd = assertThrows(IOException.class, () -> TarCheck.verify(write(datadir().withoutEnd()), "mysql"));
        assertTrue(noEnd.getMessage().contains("incomplete"), noEnd::getMessage);
        // cut inside the data of mysql/ibdata1
        IOException cut = assertThrows(IOException.class,
                () -> TarCheck.verify(write(Arrays.copyOf(whole, 512 * 2 + 300)), "mysql"));
        assertTrue(cut.getMessage().contains("incomplete"), cut::getMessage);
        assertThrows(IOException.class, () -> TarCheck.verify(write(new byte[0]), "mysql"));
    }

    @Test
    void a_damaged_header_is_refused() throws IOException {
        byte[] bytes = datadir().bytes();
        bytes[512 + 3] ^= 0x20; // a letter of the second entry's name
        IOException e = assertThrows(IOException.class, () -> TarCheck.verify(write(bytes), "mysql"));
        assertTrue(e.getMessage().contains("checksum"), e::getMessage);
    }

    @Test
    void entries_outside_the_folder_are_refused() {
        for (TestTar bad : new TestTar[] {
                datadir().file("mysqlx/evil", "x"),
                datadir().file("mysql/../etc/passwd", "x"),
                datadir().file("/etc/passwd", "x"),
                datadir().hardLink("mysql/link", "etc/shadow")}) {
            assertThrows(IOException.class, () -> TarCheck.verify(write(bad.bytes()), "mysql"));
        }
    }
}
