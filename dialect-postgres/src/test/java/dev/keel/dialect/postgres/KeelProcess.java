package dev.keel.dialect.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code keel} process: the CLI jar built by {@code mvn install} at the repository root
 * ({@code ../cli-adapter/target/keel.jar}), started with this module's freshly compiled classes in front of it on
 * the class path, so that the process runs the dialect under test rather than the copy shaded into the jar when it
 * was last built (bootstrap and CLI depend on this module, so the jar cannot be a dependency of its tests). Without
 * the jar the test is skipped, or fails when {@code CI=true}.
 */
final class KeelProcess {

    static final Path JAR = Path.of("..", "cli-adapter", "target", "keel.jar").toAbsolutePath().normalize();
    private static final Path CLASSES = Path.of("target", "classes").toAbsolutePath();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Process process;
    private final Path output;
    private final List<String> command;

    private KeelProcess(Process process, Path output, List<String> command) {
        this.process = process;
        this.output = output;
        this.command = command;
    }

    /** Skips (or fails under CI) when the CLI jar has not been built. */
    static void requireJar() {
        if (Files.isRegularFile(JAR)) {
            return;
        }
        String reason = "the CLI jar " + JAR + " is missing; run 'mvn -B -q install -DskipTests' at the repository root";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason);
        }
        Assumptions.abort(reason);
    }

    /** Starts {@code keel ARGS…} in a working folder, stdout and stderr going to a file there. */
    static KeelProcess start(Path workDir, String... args) {
        requireJar();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(CLASSES + File.pathSeparator + JAR);
        command.add("dev.keel.cli.KeelCli");
        command.addAll(List.of(args));
        Path output = workDir.resolve("keel-" + COUNTER.incrementAndGet() + ".out");
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().remove("KEEL_ENV");
            return new KeelProcess(builder.start(), output, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the exit code, killing the process (and failing) after {@code seconds}. */
    int waitFor(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("keel did not finish within " + seconds + " s: " + command + "\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return fail("interrupted");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Everything the process printed. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    void kill() {
        process.destroyForcibly();
    }
}
