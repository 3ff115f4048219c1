package dev.keel.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.testkit.TestDatabase;
import java.io.IOException;
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

/**
 * A real {@code keel} process, started as a user or CI would: {@code java -jar keel.jar ARGS…}, with the shaded jar
 * {@code cli-adapter/target/keel.jar} that the reactor packaged before this module (it depends on the CLI). The jar
 * is copied once per test JVM, so a concurrent rebuild cannot swap it under running processes. A missing jar fails
 * the test: it means the CLI was not packaged, and a system test that did not run must not look green.
 *
 * <p>The process runs in a given working directory with a fixed environment ({@code KEEL_ENV=development}, no other
 * inherited {@code KEEL_*} variable), its stdout and stderr going to files under {@code target/keel-processes/},
 * which are kept for a look after a failure.
 */
public final class KeelProcess {

    /** How long {@link #run} waits before killing the process and failing. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static final Path OUTPUT = Path.of("target", "keel-processes").toAbsolutePath();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static Path jarCopy;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(KeelProcess::killLeftovers, "keel-process-reaper"));
    }

    private final Process process;
    private final List<String> command;
    private final Path stdout;
    private final Path stderr;

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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        int n = COUNTER.incrementAndGet();
        String name = String.format("%03d-%s", n, args.isEmpty() ? "keel" : args.get(0).replaceAll("[^A-Za-z0-9-]", "_"));
        Path out = OUTPUT.resolve(name + ".out");
        Path err = OUTPUT.resolve(name + ".err");
        try {
            Files.createDirectories(workingDirectory);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("KEEL_"));
            env.put("KEEL_ENV", "development");
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static synchronized Path jar() {
        if (jarCopy == null) {
            Path built = builtJar();
            if (!Files.isRegularFile(built)) {
                fail("The CLI jar " + built + " is missing. cli-adapter's package phase builds it, before this module"
                        + " in the reactor: run 'mvn -B verify' at the repository root, or build it first with"
                        + " 'mvn -B -q install -DskipTests' when running only this module (-pl system-tests).");
            }
            try {
                Files.createDirectories(OUTPUT);
                Path dir = Files.createTempDirectory(OUTPUT, "cli-");
                jarCopy = Files.copy(built, dir.resolve("keel.jar"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + built, e);
            }
        }
        return jarCopy;
    }
}
