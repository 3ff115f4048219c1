package dev.keel.bootstrap.protect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .keel/audit.log}: one JSON object per line, appended and synced, readable by its owner only (SPEC §3). It
 * lives outside the database so that the record of a failed run survives the restore of the snapshot that erased
 * the run from the database.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;
    private final Map<String, Object> common;

    /**
     * @param workDirectory the {@code .keel} folder
     * @param clock         time source
     * @param common        fields written on every entry (environment, user, database URL masked)
     */
    public AuditLog(Path workDirectory, Clock clock, Map<String, Object> common) {
        this.file = workDirectory.resolve("audit.log");
        this.clock = clock;
        this.common = Map.copyOf(common);
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /**
     * Appends an entry.
     *
     * @param event   what happened: {@code run}, {@code snapshot}, {@code restore}, {@code recovery}, {@code confirmation}, …
     * @param outcome {@code ok}, {@code failed}, {@code restored}, …
     * @param details further fields, in order
     */
    public void record(String event, String outcome, Map<String, Object> details) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", clock.instant().toString());
        entry.put("event", event);
        entry.put("outcome", outcome);
        entry.put("pid", ProcessHandle.current().pid());
        entry.putAll(common);
        entry.putAll(details);
        byte[] line;
        try {
            line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values always serialises", e);
        }
        try {
            PrivateFiles.createDirectory(file.getParent());
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(line));
                channel.force(false);
            }
            if (created) {
                PrivateFiles.restrict(file);
            }
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE, "Cannot append to the audit log " + file + ": " + e.getMessage(),
                    "Make the folder writable, or set 'workDirectory' in keel.yaml to a writable folder.");
        }
    }

    /** Every entry, oldest first (for tests and tools). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .map(l -> {
                        try {
                            return (Map<String, Object>) JSON.readValue(l, Map.class);
                        } catch (JsonProcessingException e) {
                            return Map.<String, Object>of("unreadable", l);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE, "Cannot read the audit log " + file + ": " + e.getMessage(),
                    "Make it readable by the user running Keel.");
        }
    }
}
