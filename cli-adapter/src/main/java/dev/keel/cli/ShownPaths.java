package dev.keel.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Files as reports show them: relative to the working directory when they lie below it, as the engine named them
 * otherwise (another folder, a {@code classpath:} resource).
 */
record ShownPaths(Path workingDirectory) {

    /** {@code file} as shown to the user. */
    String shown(String file) {
        try {
            Path path = Path.of(file);
            return path.isAbsolute() && path.startsWith(workingDirectory) ? workingDirectory.relativize(path).toString() : file;
        } catch (InvalidPathException e) {
            return file;
        }
    }
}
