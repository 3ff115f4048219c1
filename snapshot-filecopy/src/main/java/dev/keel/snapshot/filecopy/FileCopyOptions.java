package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.SnapshotOptions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code filecopy} options from {@code snapshot.options}, checked once when the strategy is created.
 *
 * @param dataDirectory the server's data directory, when not asked from the server
 * @param stopCommand   the argument list that stops the server, empty for the standard way
 * @param startCommand  the argument list that starts it, empty to start it as it was running
 * @param copyThreads   how many files are copied at once
 * @param method        how a server database is copied: its data directory, or PostgreSQL's own template copy
 */
record FileCopyOptions(Optional<Path> dataDirectory, List<String> stopCommand, List<String> startCommand,
        int copyThreads, Method method) {

    static final String DATA_DIRECTORY = "dataDirectory";
    static final String STOP_COMMAND = "stopCommand";
    static final String START_COMMAND = "startCommand";
    static final String COPY_THREADS = "copyThreads";
    static final String METHOD = "method";
    static final Set<String> NAMES = Set.of(DATA_DIRECTORY, STOP_COMMAND, START_COMMAND, COPY_THREADS, METHOD);

    /** The values of the {@code method} option. */
    enum Method {
        /** The server's data directory, copied while the server is stopped (the default). */
        DIRECTORY,
        /** PostgreSQL only: {@code CREATE DATABASE … TEMPLATE}, done by the running server. */
        TEMPLATE;

        /** The value as written in {@code keel.yaml}. */
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    FileCopyOptions {
        stopCommand = List.copyOf(stopCommand);
        startCommand = List.copyOf(startCommand);
        if (copyThreads < 1) {
            throw new IllegalArgumentException("copyThreads must be at least 1");
        }
        Objects.requireNonNull(method, "method");
    }

    /** Reads and checks the options; a bad value is a {@code CONFIG_INVALID} error located where it was written. */
    static FileCopyOptions from(SnapshotOptions options) {
        Optional<Path> dataDirectory = options.text(DATA_DIRECTORY).map(text -> {
            try {
                Path path = Path.of(text);
                if (!path.isAbsolute()) {
                    throw options.invalid(DATA_DIRECTORY, "an absolute path (e.g. /var/lib/postgresql/15/main)");
                }
                return path.normalize();
            } catch (InvalidPathException e) {
                throw options.invalid(DATA_DIRECTORY, "a path");
            }
        });
        List<String> stop = command(options, STOP_COMMAND);
        List<String> start = command(options, START_COMMAND);
        int threads = Runtime.getRuntime().availableProcessors();
        Optional<String> threadsText = options.text(COPY_THREADS);
        if (threadsText.isPresent()) {
            try {
                threads = Integer.parseInt(threadsText.get().strip());
            } catch (NumberFormatException e) {
                threads = 0;
            }
            if (threads < 1 || threads > 256) {
                throw options.invalid(COPY_THREADS, "a whole number from 1 to 256");
            }
        }
        Method method = Method.DIRECTORY;
        Optional<String> methodText = options.text(METHOD);
        if (methodText.isPresent()) {
            String value = methodText.get().strip();
            if (value.equals(Method.TEMPLATE.id())) {
                method = Method.TEMPLATE;
            } else if (!value.equals(Method.DIRECTORY.id())) {
                throw options.invalid(METHOD, "directory (copy the data directory, the default) or template "
                        + "(PostgreSQL's CREATE DATABASE … TEMPLATE)");
            }
        }
        return new FileCopyOptions(dataDirectory, stop, start, threads, method);
    }

    /** Whether any of the server-only options is set. */
    boolean hasServerOptions() {
        return dataDirectory.isPresent() || !stopCommand.isEmpty() || !startCommand.isEmpty();
    }

    private static List<String> command(SnapshotOptions options, String name) {
        List<String> command = options.list(name);
        if (!command.isEmpty() && (command.get(0).isBlank() || command.stream().anyMatch(a -> a.indexOf('\0') >= 0))) {
            throw options.invalid(name, "an argument list whose first element is the program, e.g. "
                    + "[systemctl, stop, postgresql]");
        }
        return command;
    }
}
