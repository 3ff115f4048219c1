package dev.keel.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * What one finished {@link KeelProcess} did.
 *
 * @param exitCode the process's exit code
 * @param stdout   what it printed on stdout
 * @param stderr   what it printed on stderr
 */
public record KeelRun(int exitCode, String stdout, String stderr) {

    /** Strict: a {@code --json} stdout is exactly one JSON document. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Stdout parsed as exactly one JSON document (fails the test otherwise). */
    public JsonNode json() {
        try {
            return JSON.readTree(stdout);
        } catch (JsonProcessingException e) {
            return fail("stdout is not exactly one JSON document: " + e.getOriginalMessage() + "\n" + this);
        }
    }

    /** The problems of a JSON document. */
    public List<JsonNode> problems() {
        JsonNode problems = json().path("problems");
        assertTrue(problems.isArray(), () -> "no problems array in " + this);
        return StreamSupport.stream(problems.spliterator(), false).toList();
    }

    /** The versions a {@code migrate --json} run applied, in order. */
    public List<String> appliedVersions() {
        JsonNode applied = json().path("applied");
        assertTrue(applied.isArray(), () -> "no applied array in " + this);
        return StreamSupport.stream(applied.spliterator(), false).map(a -> a.path("version").asText()).toList();
    }

    /** Both streams together, for "printed somewhere" checks. */
    public String output() {
        return stdout + "\n" + stderr;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }
}
