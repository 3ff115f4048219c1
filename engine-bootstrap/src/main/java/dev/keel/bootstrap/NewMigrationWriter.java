package dev.keel.bootstrap;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.migration.Version;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes the file of {@code keel new <description>}: the next version (sequence, keeping the width of the
 * existing numbers, or a UTC timestamp), the header comments and both markers.
 */
final class NewMigrationWriter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;

    NewMigrationWriter(Clock clock) {
        this.clock = clock;
    }

    Path write(Path directory, List<Version> existing, String description, String style, String author) {
        String slug = description.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw KeelException.of(ErrorCode.OPTION_INVALID,
                    "The description '" + description + "' has no letters or digits to name the file with.",
                    "Describe the change in a few words, e.g. keel new \"add orders table\".");
        }
        String version = style.equals("timestamp") ? TIMESTAMP.format(clock.instant()) : nextSequence(existing);
        Path file = directory.resolve(version + "_" + slug + ".sql").normalize();
        if (!file.getParent().equals(directory.normalize())) {
            throw KeelException.of(ErrorCode.PATH_ESCAPES_FOLDER, "The file name would leave " + directory + ".",
                    "Use a plain description without path separators.");
        }
        String text = "-- Migration: " + version + "\n"
                + "-- Description: " + description.trim().replaceAll("[\\r\\n]+", " ") + "\n"
                + "-- Author: " + author + "\n"
                + "-- Date: " + clock.instant().atOffset(ZoneOffset.UTC).toLocalDate() + "\n"
                + "\n-- === UP MIGRATION ===\n\n\n-- === DOWN MIGRATION ===\n\n";
        try {
            Files.createDirectories(directory);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw KeelException.of(ErrorCode.VERSION_DUPLICATE, file + " already exists.", "Choose another description.");
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE, "Cannot write " + file + ": " + e.getMessage(),
                    "Make " + directory + " writable.");
        }
    }

    private static String nextSequence(List<Version> existing) {
        Version highest = existing.stream().max(Version::compareTo).orElse(null);
        if (highest == null) {
            return "0001";
        }
        BigInteger next = highest.parts().get(0).add(BigInteger.ONE);
        String first = highest.text().split("\\.")[0];
        String digits = next.toString();
        int width = Math.max(first.length(), digits.length());
        return "0".repeat(width - digits.length()) + digits;
    }
}
