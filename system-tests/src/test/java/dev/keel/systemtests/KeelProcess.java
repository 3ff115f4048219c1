package dev.keel.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real {@code keel} process, started as a user or CI would: the repository's {@code ./keel} launcher running the
 * shaded jar {@code cli-adapter/target/keel.jar} that the reactor packaged before this module (it depends on the
 * CLI). Launcher and jar are copied once per test JVM, so a concurrent rebuild cannot swap them under running
 * processes. A missing jar fails
 * the test: it means the CLI was not packaged, and a system test that did not run must not look green.
 *
 * <p>The process runs in a given working directory with a fixed environment ({@code KEEL_ENV=development}, no other
 * inherited {@code KEEL_*} variable), its stdout and stderr going to files under {@code target/keel-processes/},
 * which are kept for a look after a failure.
 */
public final class KeelProcess {

    /** The CLI's main class, as named in the jar's manifest. */
    private static final String MAIN_CLASS = "dev.keel.cli.KeelCli";

    /** How long {@link #run} waits before killing the process and failing. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    // One folder per test JVM: two test runs at once must not read each other's numbered output files.
    private static final Path OUTPUT = Path.of("target", "keel-processes", "jvm-" + ProcessHandle.current().pid())
            .toAbsolutePath();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static Path launcherCopy;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(KeelProcess::killLeftovers, "keel-process-reaper"));
    }

    private final Process process;
    private final List<String> command;
    private final Path stdout;
    private final Path stderr;
    /** The threads copying a streamed process's output to the files and the callback ({@link #startStreaming}). */
    private volatile List<Thread> pumps = List.of();

    private KeelProcess(Process process, List<String> command, Path stdout, Path stderr) {
        this.process = process;
        this.command = command;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The jar as built: {@code cli-adapter/target/keel.jar}, or the {@code keel.cli.jar} system property. */
    public static Path builtJar() {
        String configured = System.getProperty("keel.cli.jar");
        return configured != null ? Path.of(configured).toAbsolutePath().normalize()
                : Repository.root().resolve("cli-adapter/target/keel.jar");
    }

    /** Runs {@code keel args…} in a working directory and waits for it (at most {@link #TIMEOUT}). */
    public static KeelRun run(Path workingDirectory, List<String> args) {
        return start(workingDirectory, args).finish(TIMEOUT.toSeconds());
    }

    /** Starts {@code keel args…} in a working directory, without waiting. */
    public static KeelProcess start(Path workingDirectory, List<String> args) {
        return start(workingDirectory, args, Map.of());
    }

    /**
     * Runs {@code keel args…} as {@link #run(Path, List)} does, with the environment changed: each entry is set, or
     * removed when its value is {@code null} (e.g. {@code KEEL_ENV} removed, so that keel.yaml or detection chooses
     * the environment).
     */
    public static KeelRun run(Path workingDirectory, List<String> args, Map<String, String> environment) {
        return start(workingDirectory, args, environment).finish(TIMEOUT.toSeconds());
    }

    /**
     * Starts {@code keel args…} as {@link #start(Path, List)} does, with the environment changed: each entry is set,
     * or removed when its value is {@code null}.
     */
    public static KeelProcess start(Path workingDirectory, List<String> args, Map<String, String> environment) {
        return start(workingDirectory, command(args), args, environment);
    }

    /**
     * Runs keel as {@link #run(Path, List)} does, but started from its main class with more jars on the class path
     * ({@code java -cp keel.jar:JARS… dev.keel.cli.KeelCli ARGS…}), as an application shipping rule plugins on its
     * class path would.
     */
    public static KeelRun runOnClasspath(Path workingDirectory, List<Path> extraJars, List<String> args) {
        List<String> classpath = new ArrayList<>(List.of(jar().toString()));
        extraJars.forEach(j -> classpath.add(j.toAbsolutePath().toString()));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, classpath), MAIN_CLASS));
        command.addAll(args);
        return start(workingDirectory, command, args, Map.of()).finish(TIMEOUT.toSeconds());
    }

    /**
     * Runs {@code keel args…} on a pseudo-terminal (util-linux {@code script -qec CMD /dev/null}), typing {@code input}
     * at it: keel's stdin and stdout are a terminal, as for a person at one. What the terminal shows (keel's stdout and
     * stderr, and the echoed input) is the run's stdout.
     */
    public static KeelRun runOnTerminal(Path workingDirectory, List<String> args, String input) {
        String shell = command(args).stream().map(a -> "'" + a.replace("'", "'\\''") + "'")
                .collect(java.util.stream.Collectors.joining(" "));
        Path typed = OUTPUT.resolve("terminal-input-" + COUNTER.incrementAndGet() + ".txt");
        try {
            Files.createDirectories(OUTPUT);
            Files.writeString(typed, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(workingDirectory, List.of("script", "-qec", shell, "/dev/null"), args, Map.of(), typed)
                .finish(TIMEOUT.toSeconds());
    }

    private static KeelProcess start(Path workingDirectory, List<String> command, List<String> args,
            Map<String, String> environment) {
        return start(workingDirectory, command, args, environment, null);
    }

    private static KeelProcess start(Path workingDirectory, List<String> command, List<String> args,
            Map<String, String> environment, Path input) {
        int n = COUNTER.incrementAndGet();
        String name = String.format("%03d-%s", n, args.isEmpty() ? "keel" : args.get(0).replaceAll("[^A-Za-z0-9-]", "_"));
        Path out = OUTPUT.resolve(name + ".out");
        Path err = OUTPUT.resolve(name + ".err");
        try {
            Files.createDirectories(workingDirectory);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (input != null) {
                builder.redirectInput(input.toFile());
            }
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("KEEL_"));
            env.put("KEEL_ENV", "development");
            environment.forEach((variable, value) -> {
                if (value == null) {
                    env.remove(variable);
                } else {
                    env.put(variable, value);
                }
            });
            Process process = builder.start();
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
            return new KeelProcess(process, command, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The options pointing keel at a test database (its user as {@code --user}) and a migrations folder. */
    public static List<String> target(TestDatabase database, Path migrations) {
        String url = database.url();
        if (database.password().isPresent() && !database.password().get().isEmpty() && !url.contains("password=")) {
            url += (url.contains("?") ? "&" : "?") + "password=" + database.password().get();
        }
        List<String> args = new ArrayList<>(List.of("--url", url, "--migrations", migrations.toAbsolutePath().toString()));
        database.user().ifPresent(u -> args.addAll(List.of("--user", u)));
        return args;
    }

    /** Kills every keel process this JVM started that is still running (for {@code @AfterEach}). */
    public static void killLeftovers() {
        for (Process p : LIVE) {
            p.destroyForcibly();
        }
    }

    /**
     * Waits for the process to end and returns what it did; after {@code seconds} kills it and fails the test.
     */
    public KeelRun finish(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                return fail("keel did not finish within " + seconds + " s: " + command + "\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return fail("interrupted while waiting for " + command);
        }
        awaitPumps();
        return new KeelRun(process.exitValue(), read(stdout), read(stderr));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the process ({@code kill -9}). */
    public void kill() {
        process.destroyForcibly();
    }

    /** Everything printed so far, stdout then stderr. */
    public String output() {
        return "--- stdout:\n" + read(stdout) + "\n--- stderr:\n" + read(stderr);
    }

    /**
     * One line a {@linkplain #startStreaming streamed} process printed.
     *
     * @param stderr  whether it came on stderr (else stdout)
     * @param atNanos {@link System#nanoTime()} when the test read it
     * @param text    the line, without its end
     */
    public record Line(boolean stderr, long atNanos, String text) {
    }

    /**
     * Starts {@code keel args…} as {@link #start(Path, List)} does, but with stdout and stderr read through pipes:
     * each line goes to {@code lines} as soon as keel prints it (from a reader thread, with the time it was read),
     * and to the usual files, so {@link #finish} and {@link #output()} work as for any process. For tests that act
     * when keel reaches a point of its run, e.g. kill it there ({@link #killNow()}).
     */
    public static KeelProcess startStreaming(Path workingDirectory, List<String> args, Consumer<Line> lines) {
        List<String> command = command(args);
        int n = COUNTER.incrementAndGet();
        String name = String.format("%03d-%s", n, args.isEmpty() ? "keel" : args.get(0).replaceAll("[^A-Za-z0-9-]", "_"));
        Path out = OUTPUT.resolve(name + ".out");
        Path err = OUTPUT.resolve(name + ".err");
        try {
            Files.createDirectories(workingDirectory);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("KEEL_"));
            env.put("KEEL_ENV", "development");
            Process process = builder.start();
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
            KeelProcess started = new KeelProcess(process, command, out, err);
            started.pumps = List.of(pump(process.getInputStream(), out, false, lines, name),
                    pump(process.getErrorStream(), err, true, lines, name));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * Kills the process with {@code SIGKILL} ({@code kill -9} on its PID; processes it started, such as a database
     * server, are not touched) and waits until it is gone and its output is read.
     *
     * @return the process's exit code (137 after a kill; another one if it ended by itself first)
     */
    public int killNow() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                fail("keel (pid " + process.pid() + ") is still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the killed keel process");
        }
        awaitPumps();
        return process.exitValue();
    }

    /** Copies one output stream line by line to a file and the callback, until its end. */
    private static Thread pump(InputStream in, Path file, boolean stderr, Consumer<Line> lines, String name) {
        Thread thread = new Thread(() -> {
            try (in; OutputStream copy = Files.newOutputStream(file)) {
                java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    copy.write(buffer, 0, read);
                    copy.flush();
                    long now = System.nanoTime();
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines.accept(new Line(stderr, now, stripEnd(line.toString(StandardCharsets.UTF_8))));
                            line.reset();
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                }
                if (line.size() > 0) {
                    lines.accept(new Line(stderr, System.nanoTime(), stripEnd(line.toString(StandardCharsets.UTF_8))));
                }
            } catch (IOException e) {
                // The stream closes when the process dies; what was read is in the file.
            }
        }, "keel-output-" + name + (stderr ? "-err" : "-out"));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String stripEnd(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /**
     * Waits (briefly) until a streamed process's output is read to its end. A process that keel started and that
     * inherited its output (a server) could keep a pipe open after keel's death; then this gives up after 5 s.
     */
    private void awaitPumps() {
        for (Thread t : pumps) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether a streamed process's output was read to its end (false: something else still holds its pipes). */
    public boolean outputClosed() {
        return pumps.stream().noneMatch(Thread::isAlive);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** {@code keel args…}: the launcher copy, then the arguments. */
    private static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(args);
        return command;
    }

    /**
     * The repository's {@code keel} launcher beside a copy of the jar, in the layout it expects
     * ({@code cli-adapter/target/keel.jar}), made once per test JVM: keel then starts exactly as a user's does (the same
     * JVM flags, its class-data sharing archive made by one training run here, before any test times a command).
     */
    /** The copy of the jar that {@link #launcher()} runs. */
    private static Path jar() {
        return launcher().resolveSibling("cli-adapter").resolve("target").resolve("keel.jar");
    }

    private static synchronized Path launcher() {
        if (launcherCopy == null) {
            Path built = builtJar();
            if (!Files.isRegularFile(built)) {
                fail("The CLI jar " + built + " is missing. cli-adapter's package phase builds it, before this module"
                        + " in the reactor: run 'mvn -B verify' at the repository root, or build it first with"
                        + " 'mvn -B -q install -DskipTests' when running only this module (-pl system-tests).");
            }
            try {
                Files.createDirectories(OUTPUT);
                Path dir = Files.createTempDirectory(OUTPUT, "cli-");
                Path target = Files.createDirectories(dir.resolve("cli-adapter").resolve("target"));
                Files.copy(built, target.resolve("keel.jar"), StandardCopyOption.REPLACE_EXISTING);
                Path script = Files.copy(Repository.root().resolve("keel"), dir.resolve("keel"),
                        StandardCopyOption.REPLACE_EXISTING);
                if (!script.toFile().setExecutable(true)) {
                    fail("cannot make " + script + " executable");
                }
                Process training = new ProcessBuilder(script.toString(), "--version").directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("training.out").toFile()).start();
                if (!training.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || training.exitValue() != 0) {
                    training.destroyForcibly();
                    fail(script + " --version failed: " + Files.readString(dir.resolve("training.out")));
                }
                launcherCopy = script;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + built + " and the launcher", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while preparing the keel launcher", e);
            }
        }
        return launcherCopy;
    }
}
