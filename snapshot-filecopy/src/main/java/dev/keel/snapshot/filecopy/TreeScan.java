package dev.keel.snapshot.filecopy;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What a copy of a data directory involves, found before the server is stopped: how many bytes, which entries
 * Keel cannot read, and which symbolic links point outside it (a tablespace, a WAL folder moved elsewhere), whose
 * targets a copy of the directory would not contain.
 *
 * @param bytes        the total size of the regular files
 * @param files        how many regular files
 * @param unreadable   entries that could not be read
 * @param outsideLinks symbolic links whose target is outside the directory
 */
record TreeScan(long bytes, long files, List<Path> unreadable, List<Path> outsideLinks) {

    TreeScan {
        unreadable = List.copyOf(unreadable);
        outsideLinks = List.copyOf(outsideLinks);
    }

    /** Walks a tree without following links. */
    static TreeScan of(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        long[] totals = {0, 0};
        List<Path> unreadable = new ArrayList<>();
        List<Path> outside = new ArrayList<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
                    unreadable.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    totals[0] += attrs.size();
                    totals[1]++;
                    if (!Files.isReadable(file)) {
                        unreadable.add(file);
                    }
                } else if (attrs.isSymbolicLink()) {
                    Path target = Files.readSymbolicLink(file);
                    Path resolved = file.getParent().resolve(target).normalize();
                    if (!resolved.startsWith(base)) {
                        outside.add(file);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                unreadable.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        return new TreeScan(totals[0], totals[1], unreadable, outside);
    }
}
