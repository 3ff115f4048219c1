package dev.keel.testkit;

import dev.keel.spi.migration.MigrationSource;
import dev.keel.spi.migration.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One migration file that exists only in memory, so a test can give a script to the engine's migration reader
 * without writing it to disk.
 *
 * @param fileName the migration's file name, e.g. {@code V1__rule_test.sql}
 * @param text     its content
 */
record InMemoryScript(String fileName, String text) implements MigrationSource, SourceFile {

    @Override
    public String location() {
        return "memory:";
    }

    @Override
    public List<SourceFile> files() {
        return List.of(this);
    }

    @Override
    public String relativeName() {
        return fileName;
    }

    @Override
    public String displayName() {
        return fileName;
    }

    @Override
    public long size() {
        return read().length;
    }

    @Override
    public byte[] read() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
