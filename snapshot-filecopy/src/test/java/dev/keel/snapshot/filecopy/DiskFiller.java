package dev.keel.snapshot.filecopy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Fills a (small, test-only) disk with real bytes, so that the next write fails with "no space left". */
final class DiskFiller {

    private DiskFiller() {
    }

    static void fill(Path folder) {
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(folder.resolve("filler"), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full: that was the point
        }
    }
}
