package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.SnapshotFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.spi.snapshot.SnapshotPhase;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cp -a}-like parallel copy of a data directory. */
class TreeCopyTest {

    @TempDir
    Path dir;

    @Test
    void copies_contents_modes_owners_times_and_links_like_cp_a() throws Exception {
        Path source = dir.resolve("source");
        Files.createDirectories(source.resolve("base/1"));
        Files.createDirectories(source.resolve("empty"));
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(big);
        Files.write(source.resolve("base/1/16384"), big);
        Files.writeString(source.resolve("PG_VERSION"), "15\n");
        Files.write(source.resolve("empty-file"), new byte[0]);
        Files.createSymbolicLink(source.resolve("link-inside"), Path.of("base/1/16384"));
        Files.createSymbolicLink(source.resolve("dangling"), Path.of("nowhere"));
        Files.setPosixFilePermissions(source.resolve("PG_VERSION"), PosixFilePermissions.fromString("r--r-----"));
        Files.setPosixFilePermissions(source.resolve("base"), PosixFilePermissions.fromString("rwx--x---"));
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rwx------"));
        FileTime old = FileTime.from(Instant.parse("2020-02-02T10:00:00Z"));
        Files.setLastModifiedTime(source.resolve("base/1/16384"), old);
        Files.setLastModifiedTime(source.resolve("base/1"), old);
        boolean root = LinuxProcess.isRoot();
        if (root) {
            // A numeric owner without a name must be kept too.
            Files.setAttribute(source.resolve("base/1/16384"), "unix:uid", 4242);
            Files.setAttribute(source.resolve("base/1/16384"), "unix:gid", 4343);
            Files.setAttribute(source.resolve("link-inside"), "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
            Files.setLastModifiedTime(source.resolve("base/1"), old);
        }
        Path socket = source.resolve("server.sock");
        try (ServerSocketChannel unused = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            unused.bind(UnixDomainSocketAddress.of(socket));
            List<Long> reported = new ArrayList<>();
            Path target = dir.resolve("copy");

            long copied = new TreeCopy(3, (phase, done, total) -> {
                assertEquals(SnapshotPhase.COPYING, phase);
                reported.add(done);
            }).copy(source, target, SnapshotFiles.treeSize(source));

            assertEquals(big.length + 3, copied);
            assertEquals(copied, reported.get(reported.size() - 1));
            assertArrayEquals(big, Files.readAllBytes(target.resolve("base/1/16384")));
            assertEquals("15\n", Files.readString(target.resolve("PG_VERSION")));
            assertEquals(0, Files.size(target.resolve("empty-file")));
            assertTrue(Files.isDirectory(target.resolve("empty")));
            assertFalse(Files.exists(target.resolve("server.sock"), LinkOption.NOFOLLOW_LINKS), "sockets left out");
            assertEquals(Path.of("base/1/16384"), Files.readSymbolicLink(target.resolve("link-inside")));
            assertEquals(Path.of("nowhere"), Files.readSymbolicLink(target.resolve("dangling")));
            for (String name : List.of("", "PG_VERSION", "base", "base/1", "base/1/16384", "empty", "empty-file",
                    "link-inside", "dangling")) {
                Map<String, Object> a = attributes(source.resolve(name));
                Map<String, Object> b = attributes(target.resolve(name));
                assertEquals(a.get("uid"), b.get("uid"), name);
                assertEquals(a.get("gid"), b.get("gid"), name);
                if (!Files.isSymbolicLink(source.resolve(name))) {
                    assertEquals(a.get("mode"), b.get("mode"), name);
                    assertEquals(a.get("lastModifiedTime"), b.get("lastModifiedTime"), name);
                }
            }
            if (root) {
                assertEquals(4242, attributes(target.resolve("base/1/16384")).get("uid"));
                assertEquals(4242, attributes(target.resolve("link-inside")).get("uid"));
            }
        }
    }

    @Test
    void scan_counts_bytes_and_finds_links_that_leave_the_directory() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("pg_tblspc"));
        Files.writeString(data.resolve("a"), "12345");
        Files.createSymbolicLink(data.resolve("pg_tblspc/16400"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(data.resolve("inside"), Path.of("a"));
        Files.createSymbolicLink(data.resolve("sneaky"), Path.of("../outside"));

        TreeScan scan = TreeScan.of(data);

        assertEquals(5, scan.bytes());
        assertEquals(1, scan.files());
        assertEquals(List.of(data.resolve("pg_tblspc/16400"), data.resolve("sneaky")),
                scan.outsideLinks().stream().sorted().toList());
    }

    @Test
    void unreadable_entries_are_found_before_anything_stops() throws IOException {
        assumeTrue(!LinuxProcess.isRoot(), "root reads everything");
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("locked"));
        Files.setPosixFilePermissions(data.resolve("locked"), PosixFilePermissions.fromString("---------"));
        try {
            assertEquals(List.of(data.resolve("locked")), TreeScan.of(data).unreadable());
        } finally {
            Files.setPosixFilePermissions(data.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static Map<String, Object> attributes(Path path) throws IOException {
        return Files.readAttributes(path, "unix:uid,gid,mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    }
}
