package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.SnapshotFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Keel knew about the server when it stopped it, written to {@code server.properties} in the snapshot folder
 * before the server is stopped: after a crash of Keel, {@code abandonTake} and {@code restore} read it to find and
 * start the server again.
 *
 * @param family        the kind of server
 * @param dataDirectory its data directory
 * @param pidFile       its pid file
 * @param pid           its PID when it was stopped, 0 when it was not running
 * @param start         how to start it again
 */
record ServerState(ServerFamily family, Path dataDirectory, Path pidFile, long pid, StartCommand start) {

    static final String FILE = "server.properties";

    /** Writes {@code server.properties} (0600, flushed) into a folder. */
    void save(Path folder) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("family", family.name());
        values.put("dataDirectory", dataDirectory.toString());
        values.put("pidFile", pidFile.toString());
        values.put("pid", Long.toString(pid));
        start.writeTo(values);
        SnapshotFiles.writeProperties(folder.resolve(FILE), values, SnapshotFolder.WRITTEN_BY);
    }

    /** Reads {@code server.properties} from a folder; empty when it is missing or damaged. */
    static Optional<ServerState> load(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<String, String> values = SnapshotFiles.readProperties(file);
            Optional<StartCommand> start = StartCommand.readFrom(values);
            if (start.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ServerState(ServerFamily.valueOf(values.get("family")),
                    Path.of(values.get("dataDirectory")), Path.of(values.get("pidFile")),
                    Long.parseLong(values.getOrDefault("pid", "0")), start.get()));
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /** The PID in the pid file now, when that process is alive and is such a server. */
    OptionalLong runningPid() {
        return family.runningPid(pidFile);
    }
}
