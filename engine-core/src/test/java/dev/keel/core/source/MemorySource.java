package dev.keel.core.source;

import dev.keel.spi.migration.MigrationSource;
import dev.keel.spi.migration.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An in-memory migrations location for tests. */
final class MemorySource implements MigrationSource {

    private final String location;
    private final List<MemoryFile> files = new ArrayList<>();

    MemorySource() {
        this("db/migrations");
    }

    MemorySource(String location) {
        this.location = location;
    }

    MemorySource file(String relativeName, String text) {
        return bytes(relativeName, text.getBytes(StandardCharsets.UTF_8));
    }

    MemorySource bytes(String relativeName, byte[] bytes) {
        files.add(new MemoryFile(location, relativeName, bytes, -1, false));
        return this;
    }

    MemorySource sized(String relativeName, String text, long fakeSize) {
        files.add(new MemoryFile(location, relativeName, text.getBytes(StandardCharsets.UTF_8), fakeSize, false));
        return this;
    }

    MemorySource unreadable(String relativeName) {
        files.add(new MemoryFile(location, relativeName, new byte[0], 10, true));
        return this;
    }

    MemoryFile get(String relativeName) {
        return files.stream().filter(f -> f.relativeName().equals(relativeName)).findFirst().orElseThrow();
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public List<SourceFile> files() {
        return List.copyOf(files);
    }
}
