package dev.keel.snapshot.filecopy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs external programs, always from an argument list (never a shell string, so nothing in a path or an option is
 * ever interpreted by a shell).
 */
final class Commands {

    private static final File DEV_NULL = new File("/dev/null");
    private static final int OUTPUT_LIMIT = 16 * 1024;
    private static final List<Path> SYSTEM_DIRECTORIES = List.of(Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"),
            Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"), Path.of("/bin"));

    /**
     * How a program ended.
     *
     * @param exitCode its exit code
     * @param output   the end of its standard output and error, merged
     */
    record Result(int exitCode, String output) {
    }

    private Commands() {
    }

    /**
     * Runs a program to its end (stdin from /dev/null); kills it and throws when it takes longer than allowed.
     *
     * @param directory the folder to run it in
     */
    static Result run(List<String> command, Path directory, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL)).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        // Read on a thread of its own: a program filling the pipe would otherwise never end.
        Thread reader = new Thread(() -> drain(process.getInputStream(), output), "keel-filecopy-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("'" + command.get(0) + "' did not finish within " + timeout.toSeconds()
                        + " seconds");
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for '" + command.get(0) + "'", e);
        }
        String text;
        synchronized (output) {
            text = output.toString(StandardCharsets.UTF_8);
        }
        return new Result(process.exitValue(), text.strip());
    }

    /**
     * Starts a program that keeps running on its own: in a session of its own (so a Ctrl-C on Keel's terminal does
     * not reach it), stdin from /dev/null, stdout and stderr appended to {@code log} (discarded without one).
     *
     * @param environment the whole environment to give it, or empty to pass Keel's on
     * @param fork        whether {@code setsid} forks, so that the returned process (setsid itself) ends at once and
     *                    the program runs on as no child of Keel's
     */
    static Process startDetached(List<String> command, Path workingDirectory, Optional<Map<String, String>> environment,
            Optional<Path> log, boolean fork) throws IOException {
        List<String> full = new ArrayList<>();
        find("setsid").ifPresent(setsid -> {
            full.add(setsid.toString());
            if (fork) {
                full.add("--fork");
            }
        });
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(Files.isDirectory(workingDirectory) ? workingDirectory.toFile() : new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectErrorStream(true)
                .redirectOutput(log.map(l -> ProcessBuilder.Redirect.appendTo(l.toFile()))
                        .orElse(ProcessBuilder.Redirect.DISCARD));
        environment.ifPresent(values -> {
            builder.environment().clear();
            builder.environment().putAll(values);
        });
        return builder.start();
    }

    /** Runs {@code command} as {@code user} through {@code runuser} when Keel is root and the user is another. */
    static List<String> asUser(Optional<String> user, List<String> command) throws IOException {
        if (user.isEmpty() || user.get().equals(LinuxProcess.currentUser()) || !LinuxProcess.isRoot()) {
            return command;
        }
        Path runuser = find("runuser").orElseThrow(() -> new IOException("'runuser' (util-linux) is needed to run "
                + command.get(0) + " as " + user.get() + " but was not found on PATH or in /usr/sbin"));
        List<String> wrapped = new ArrayList<>(List.of(runuser.toString(), "-u", user.get(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** An executable on {@code PATH} or in the usual system folders. */
    static Optional<Path> find(String name) {
        List<Path> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        directories.addAll(SYSTEM_DIRECTORIES);
        return directories.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /** The last lines of a log file, for an error message. */
    static String tail(Path log, int lines) {
        try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
            long length = in.length();
            int read = (int) Math.min(length, 4096);
            byte[] bytes = new byte[read];
            in.seek(length - read);
            in.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).strip().split("\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", List.of(all).subList(from, all.length));
        } catch (IOException e) {
            return "";
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream into) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (into) {
                    into.write(buffer, 0, n);
                    if (into.size() > OUTPUT_LIMIT * 2) {
                        // Keep the end: the reason a program failed is usually its last line.
                        byte[] kept = into.toByteArray();
                        into.reset();
                        into.write(kept, kept.length - OUTPUT_LIMIT, OUTPUT_LIMIT);
                    }
                }
            }
        } catch (IOException closed) {
            // the program ended
        }
    }
}
