package dev.keel.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What one CLI invocation sees of the world: its output streams, environment variables, working directory,
 * and whether a person is at a terminal. Injectable so tests run the CLI in-process.
 */
public record CliEnvironment(PrintStream out, PrintStream err, Map<String, String> variables, Path workingDirectory,
        boolean terminal) {

    public CliEnvironment {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }
}
