package dev.keel.testkit;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.migration.MigrationSource;
import dev.keel.spi.migration.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A migrations folder on disk for adapter tests that run the core directly ({@code MigrationReader}, {@code Migrator})
 * without engine-bootstrap, whose own directory source an adapter module cannot depend on: its {@code .sql} files
 * (suffix in any case) and those of {@code rollback/}.
 *
 * @param root the folder
 */
public record MigrationDirectory(Path root) implements MigrationSource {

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public List<SourceFile> files() {
        List<SourceFile> files = new ArrayList<>();
        add(root, "", files);
        Path rollback = root.resolve("rollback");
        if (Files.isDirectory(rollback)) {
            add(rollback, "rollback/", files);
        }
        return files;
    }

    private static void add(Path dir, String prefix, List<SourceFile> into) {
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> Files.isRegularFile(p)
                            && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted()
                    .forEach(p -> into.add(new File(p, prefix + p.getFileName())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record File(Path path, String relativeName) implements SourceFile {

        @Override
        public String displayName() {
            return path.toString();
        }

        @Override
        public long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public byte[] read() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw KeelException.of(ErrorCode.FILE_UNREADABLE, "cannot read " + path + ": " + e.getMessage(), "check it");
            }
        }
    }
}
