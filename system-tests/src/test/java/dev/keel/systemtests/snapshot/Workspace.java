package dev.keel.systemtests.snapshot;

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
import java.util.regex.Pattern;

/**
 * A project folder as a user has it: {@code keel.yaml}, {@code db/migrations/}, and the {@code .keel/} folder keel
 * keeps beside them (audit log, journal, snapshots). Runs the packaged {@code keel} there as a process.
 */
final class Workspace {

    /** Snapshot ids as the engine makes them: {@code 20261122T081530Z-3f2a}. */
    static final Pattern SNAPSHOT_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4,}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path migrations;

    Workspace(Path dir) {
        this.dir = dir.toAbsolutePath();
        this.migrations = this.dir.resolve("db/migrations");
        try {
            Files.createDirectories(migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** keel's own folder ({@code workDirectory}, default {@code .keel}). */
    Path keelFolder() {
        return dir.resolve(".keel");
    }

    /** Writes {@code keel.yaml}. */
    void config(String yaml) {
        write(dir.resolve("keel.yaml"), yaml);
    }

    /** Writes a migration file into {@code db/migrations}. */
    void migration(String fileName, String sql) {
        write(migrations.resolve(fileName), sql);
    }

    /** {@code keel ARGS…} with {@code KEEL_ENV=development} (as {@link KeelProcess} sets it). */
    KeelRun keel(String... args) {
        return KeelProcess.run(dir, List.of(args));
    }

    /**
     * {@code keel ARGS…} with {@code KEEL_ENV} set to {@code environment}, or unset when it is {@code null} (then
     * keel.yaml's {@code environment:} or detection decides).
     */
    KeelRun keelIn(String environment, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("KEEL_ENV", environment);
        return KeelProcess.run(dir, List.of(args), env);
    }

    /** The entries of {@code .keel/audit.log}, oldest first (each line one JSON object). */
    List<JsonNode> audit() {
        Path log = keelFolder().resolve("audit.log");
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

    /** The audit entries of one event ({@code run}, {@code snapshot}, {@code restore}, …). */
    List<JsonNode> audit(String event) {
        return audit().stream().filter(e -> event.equals(e.path("event").asText())).toList();
    }

    /** {@code snapshot.id} of a {@code --json} document ({@code migrate}, {@code snapshot begin|commit|restore}). */
    static String snapshotId(KeelRun run) {
        String id = run.json().path("snapshot").path("id").asText();
        if (!SNAPSHOT_ID.matcher(id).matches()) {
            fail("no snapshot.id in the JSON document\n" + run);
        }
        return id;
    }

    /** {@code keel snapshot list --json} in an environment: the ids listed, oldest first. */
    List<String> listedSnapshots(String environment) {
        KeelRun list = keelIn(environment, "snapshot", "list", "--json");
        if (list.exitCode() != 0) {
            fail("keel snapshot list failed\n" + list);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode s : list.json().path("snapshots")) {
            ids.add(s.path("id").asText());
        }
        return ids;
    }

    /** {@code keel snapshot list --json} in development. */
    List<String> listedSnapshots() {
        return listedSnapshots("development");
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
