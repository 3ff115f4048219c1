package dev.keel.systemtests.docker;

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
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A project folder as a developer has it: {@code keel.yaml}, {@code db/migrations/}, and keel's {@code .keel/} beside
 * them (journal, audit log, snapshots). Runs the packaged {@code keel} there as a process.
 */
final class DockerProject {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    DockerProject(Path dir) {
        this.dir = dir.toAbsolutePath();
        try {
            Files.createDirectories(this.dir.resolve("db/migrations"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    Path keelFolder() {
        return dir.resolve(".keel");
    }

    void config(String yaml) {
        write(dir.resolve("keel.yaml"), yaml);
    }

    void migration(String name, String sql) {
        write(dir.resolve("db/migrations").resolve(name), sql);
    }

    /** {@code keel ARGS…} in environment {@code environment} ({@code KEEL_ENV}). */
    KeelRun keel(String environment, String... args) {
        return KeelProcess.run(dir, List.of(args), env(environment));
    }

    /** Starts {@code keel ARGS…} in environment {@code environment} without waiting. */
    KeelProcess start(String environment, String... args) {
        return KeelProcess.start(dir, List.of(args), env(environment));
    }

    private static Map<String, String> env(String environment) {
        Map<String, String> env = new HashMap<>();
        env.put("KEEL_ENV", environment);
        return env;
    }

    /** The phase the journal records ({@code TAKING}, {@code PROTECTING}, {@code RESTORING}), when there is one. */
    Optional<String> journalPhase() {
        Path journal = keelFolder().resolve("journal.properties");
        try {
            if (!Files.isRegularFile(journal)) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            return Optional.ofNullable(p.getProperty("phase"));
        } catch (IOException | IllegalArgumentException halfWritten) {
            return Optional.empty();
        }
    }

    /** The entries of {@code .keel/audit.log}, oldest first. */
    List<JsonNode> audit() {
        Path log = keelFolder().resolve("audit.log");
        List<JsonNode> entries = new ArrayList<>();
        if (!Files.exists(log)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    List<JsonNode> audit(String event) {
        return audit().stream().filter(e -> event.equals(e.path("event").asText())).toList();
    }

    /** The names in the snapshot folder ({@code ID}, {@code ID.partial}, …). */
    List<String> snapshotFolder() {
        Path folder = keelFolder().resolve("snapshots");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
