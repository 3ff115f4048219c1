package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * One in-process run of the {@code keel} CLI: its exit code and everything it printed. Test support for the
 * CLI tests; the run sees only the given working directory and environment variables (no terminal).
 */
record CliRun(int exitCode, String stdout, String stderr) {

    /** Strict: a {@code --json} stdout must be exactly one JSON document, nothing before or after it. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Variables every run gets unless the test overrides them: a fixed environment, so no detection applies. */
    static final Map<String, String> BASE_ENV = Map.of("KEEL_ENV", "development");

    /** Runs {@code keel args…} in {@code workingDirectory} with {@link #BASE_ENV}. */
    static CliRun keel(Path workingDirectory, String... args) {
        return keel(workingDirectory, Map.of(), args);
    }

    /** Runs {@code keel args…} in {@code workingDirectory} with {@link #BASE_ENV} plus {@code env}. */
    static CliRun keel(Path workingDirectory, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> variables = new HashMap<>(BASE_ENV);
        variables.putAll(env);
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new KeelCli(new CliEnvironment(outStream, errStream, variables, workingDirectory, false)).run(args);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Global options pointing the CLI at one SQLite file and one migrations directory. */
    static String[] sqlite(Path database, Path migrations, String... commandAndOptions) {
        List<String> args = new ArrayList<>(List.of(commandAndOptions));
        args.addAll(List.of("--url", "jdbc:sqlite:" + database.toAbsolutePath(), "--migrations",
                migrations.toAbsolutePath().toString()));
        return args.toArray(String[]::new);
    }

    /** Stdout parsed as exactly one JSON document (fails the test otherwise). */
    JsonNode json() {
        try {
            return JSON.readTree(stdout);
        } catch (JsonProcessingException e) {
            return fail("stdout is not exactly one JSON document: " + e.getOriginalMessage() + "\n" + this);
        }
    }

    /** The {@code problems} of a JSON document. */
    List<JsonNode> problems() {
        JsonNode problems = json().path("problems");
        assertTrue(problems.isArray(), () -> "no problems array in " + this);
        return StreamSupport.stream(problems.spliterator(), false).toList();
    }

    /** The one problem with this code (fails the test when there is none). */
    JsonNode problem(String code) {
        return problems().stream()
                .filter(p -> code.equals(p.path("code").asText()))
                .findFirst()
                .orElseGet(() -> fail("no problem " + code + " in " + this));
    }

    /** The codes of all problems, in order. */
    List<String> problemCodes() {
        return problems().stream().map(p -> p.path("code").asText()).toList();
    }

    /** Asserts the exit code, showing the whole run when it differs. */
    CliRun assertExit(int expected) {
        assertEquals(expected, exitCode, () -> "exit code of " + this);
        return this;
    }

    /** Both streams together, for "never printed" checks. */
    String allOutput() {
        return stdout + "\n" + stderr;
    }

    @Override
    public String toString() {
        return "CliRun[exit " + exitCode + "]\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr + "---";
    }

    /** Texts of an array of objects' field, e.g. {@code versions(json.path("applied"), "version")}. */
    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
