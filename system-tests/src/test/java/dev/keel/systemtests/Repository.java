package dev.keel.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are in the checkout: the repository root is given by failsafe ({@code keel.repository.root}, set in
 * this module's pom), or is the parent of the working directory (failsafe runs in the module's folder). Fixtures
 * stay in the modules whose in-process tests also use them, and are read from there.
 */
public final class Repository {

    private Repository() {
    }

    /** The repository root. */
    public static Path root() {
        return Path.of(System.getProperty("keel.repository.root", "..")).toAbsolutePath().normalize();
    }

    /** A folder of the checkout, e.g. {@code dialect-postgres/src/test/resources/realworld}; fails if it is missing. */
    public static Path folder(String relative) {
        Path folder = root().resolve(relative).normalize();
        if (!Files.isDirectory(folder)) {
            fail("The folder " + folder + " is missing from the checkout (looked up from the repository root " + root()
                    + ").");
        }
        return folder;
    }
}
