package dev.keel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source lines findings point at, for showing a statement under its finding. Each file is read once; a file
 * that cannot be read (a {@code classpath:} resource, a file gone since) has no lines, and the caller shows the
 * finding's excerpt instead.
 */
final class SourceLines {

    private final Path workingDirectory;
    private final Map<String, Optional<List<String>>> files = new HashMap<>();

    /** Relative file names are taken from {@code workingDirectory}. */
    SourceLines(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Line {@code number} (1-based) of {@code file}, without its line break; empty when unknown. */
    Optional<String> line(String file, int number) {
        return files.computeIfAbsent(file, this::read)
                .filter(lines -> number >= 1 && number <= lines.size())
                .map(lines -> lines.get(number - 1));
    }

    private Optional<List<String>> read(String file) {
        try {
            String text = new String(Files.readAllBytes(workingDirectory.resolve(file)), StandardCharsets.UTF_8);
            // A byte-order mark is no column of the first line.
            return Optional.of(text.replaceFirst("^\uFEFF", "").lines().toList());
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}
