package dev.keel.systemtests.rollback;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A project folder as a user has it ({@code db/migrations/}, optionally {@code keel.yaml}, and the {@code .keel/}
 * folder keel keeps beside them), where the packaged {@code keel} runs as a real process, with its standard input
 * not a terminal. The database is given either on the command line ({@link #targeting}) or in keel.yaml
 * ({@link #configured}).
 */
final class Project {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path migrations;
    private final List<String> target;
    private final Map<String, String> environment = new HashMap<>();

    private Project(Path dir, List<String> target) {
        this.dir = dir.toAbsolutePath();
        this.migrations = this.dir.resolve("db/migrations");
        this.target = target;
        try {
            Files.createDirectories(migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project whose keel runs get {@code --url … --migrations db/migrations [--user …]} for this database. */
    static Project targeting(Path dir, Db db) {
        return new Project(dir, KeelProcess.target(db.database(), dir.toAbsolutePath().resolve("db/migrations")));
    }

    /** A project configured by a keel.yaml (which names the database and the migrations folder). */
    static Project configured(Path dir, String yaml) {
        Project project = new Project(dir, List.of());
        write(project.dir.resolve("keel.yaml"), yaml);
        return project;
    }

    /** Sets {@code KEEL_ENV} for every following run ({@code null}: unset, so keel.yaml or detection decides). */
    Project environment(String name) {
        environment.put("KEEL_ENV", name);
        return this;
    }

    /** Writes (or replaces) a migration file. */
    void migration(String fileName, String sql) {
        write(migrations.resolve(fileName), sql);
    }

    /** Runs {@code keel ARGS…} (the database options appended) and waits for it. */
    KeelRun keel(String... args) {
        return keelWith(Map.of(), args);
    }

    /** Runs {@code keel ARGS…} with extra environment variables, e.g. {@code KEEL_MAX_ROLLBACK_AGE}. */
    KeelRun keelWith(Map<String, String> extra, String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(target);
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(extra);
        return KeelProcess.run(dir, command, env);
    }

    /** The entries of {@code .keel/audit.log}, oldest first. */
    List<JsonNode> audit() {
        Path log = dir.resolve(".keel/audit.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(JSON.readTree(line));
                }
            }
        } catch (JsonProcessingException e) {
            return fail("a line of " + log + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The audit entries of one event ({@code run}, {@code forced}, {@code confirmation}, {@code restore}, …). */
    List<JsonNode> audit(String event) {
        return audit().stream().filter(e -> event.equals(e.path("event").asText())).toList();
    }

    /** Times a step and prints it as {@code [timing] what: N ms}, for the report. */
    static <T> T timed(String what, Supplier<T> step) {
        long started = System.nanoTime();
        try {
            return step.get();
        } finally {
            System.out.printf("[timing] %s: %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
