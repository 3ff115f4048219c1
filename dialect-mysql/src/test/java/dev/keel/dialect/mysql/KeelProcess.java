package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the packaged {@code keel} CLI as a separate process, as a user or CI would (this module cannot depend on
 * engine-bootstrap or the CLI: they depend on it). The jar is {@code ../cli-adapter/target/keel.jar} (or the
 * {@code keel.cli.jar} system property), built by {@code mvn -B -q install -DskipTests} at the repository root; it is
 * copied once so a concurrent rebuild cannot swap it under running processes. This module's freshly compiled
 * classes go first on the class path, so the dialect under test is the one just built even if the jar is older.
 * When the jar is missing the test is skipped with the reason, except under {@code CI=true}, where that fails.
 *
 * @param exitCode the process's exit code
 * @param stdout   what it printed on stdout
 * @param stderr   what it printed on stderr
 */
record KeelProcess(int exitCode, String stdout, String stderr) {

    /** Strict: a {@code --json} stdout is exactly one JSON document. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static String classPath;

    /** Runs {@code keel args…} in a working directory and waits for it. */
    static KeelProcess run(Path workingDirectory, List<String> args) {
        try {
            Path out = Files.createTempFile("keel-out", ".txt");
            Path err = Files.createTempFile("keel-err", ".txt");
            Process process = builder(workingDirectory, args).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("keel " + args + " did not finish within " + TIMEOUT);
            }
            KeelProcess result = new KeelProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for keel", e);
        }
    }

    /** A process builder for {@code keel args…} (not started), with {@code KEEL_ENV=development}. */
    static ProcessBuilder builder(Path workingDirectory, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(classPath());
        command.add("dev.keel.cli.KeelCli");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> env = builder.environment();
        env.put("KEEL_ENV", "development");
        env.remove("KEEL_URL");
        env.remove("KEEL_MIGRATIONS");
        return builder;
    }

    /** The global options pointing keel at a database and a migrations directory. */
    static List<String> target(String url, Path migrations) {
        return List.of("--url", url, "--migrations", migrations.toAbsolutePath().toString());
    }

    /** A database URL with the user as a parameter, as one would pass it on the command line. */
    static String cliUrl(dev.keel.testkit.TestDatabase database) {
        String url = database.url();
        if (database.user().isPresent() && !url.contains("user=")) {
            url += (url.contains("?") ? "&" : "?") + "user=" + database.user().get();
        }
        if (database.password().isPresent() && !database.password().get().isEmpty() && !url.contains("password=")) {
            url += "&password=" + database.password().get();
        }
        return url;
    }

    /** Stdout parsed as exactly one JSON document. */
    JsonNode json() {
        try {
            return JSON.readTree(stdout);
        } catch (JsonProcessingException e) {
            return fail("stdout is not exactly one JSON document: " + e.getOriginalMessage() + "\n" + this);
        }
    }

    /** The problems of a JSON document. */
    List<JsonNode> problems() {
        JsonNode problems = json().path("problems");
        assertTrue(problems.isArray(), () -> "no problems array in " + this);
        return StreamSupport.stream(problems.spliterator(), false).toList();
    }

    /** The versions a {@code migrate --json} run applied, in order. */
    List<String> appliedVersions() {
        JsonNode applied = json().path("applied");
        assertTrue(applied.isArray(), () -> "no applied array in " + this);
        return StreamSupport.stream(applied.spliterator(), false).map(a -> a.path("version").asText()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }

    private static synchronized String classPath() {
        if (classPath == null) {
            Path built = Path.of(System.getProperty("keel.cli.jar", "../cli-adapter/target/keel.jar")).toAbsolutePath()
                    .normalize();
            if (!Files.isRegularFile(built)) {
                String reason = "The CLI jar " + built + " is missing: build it with 'mvn -B -q install -DskipTests' at the"
                        + " repository root before running this module's integration tests.";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail(reason);
                }
                System.err.println("[keel-test] skipping: " + reason);
                Assumptions.abort(reason);
            }
            try {
                Path dir = Files.createTempDirectory("keel-cli-jar");
                dir.toFile().deleteOnExit();
                Path copy = Files.copy(built, dir.resolve("keel.jar"), StandardCopyOption.REPLACE_EXISTING);
                copy.toFile().deleteOnExit();
                Path classes = Path.of("target", "classes").toAbsolutePath();
                classPath = (Files.isDirectory(classes) ? classes + File.pathSeparator : "") + copy;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + built, e);
            }
        }
        return classPath;
    }
}
