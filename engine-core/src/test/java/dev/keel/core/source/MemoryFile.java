package dev.keel.core.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.migration.SourceFile;

/** An in-memory migration file; a negative {@code fakeSize} means the real size, {@code unreadable} makes read() fail. */
final class MemoryFile implements SourceFile {

    private final String location;
    private final String relativeName;
    private final byte[] bytes;
    private final long size;
    private final boolean unreadable;
    private int reads;

    MemoryFile(String location, String relativeName, byte[] bytes, long size, boolean unreadable) {
        this.location = location;
        this.relativeName = relativeName;
        this.bytes = bytes.clone();
        this.size = size < 0 ? bytes.length : size;
        this.unreadable = unreadable;
    }

    @Override
    public String relativeName() {
        return relativeName;
    }

    @Override
    public String displayName() {
        return location + "/" + relativeName;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] read() {
        reads++;
        if (unreadable) {
            throw KeelException.at(ErrorCode.FILE_UNREADABLE, Location.of(displayName()),
                    "The migration file " + displayName() + " could not be read: permission denied.",
                    "make the file readable.");
        }
        return bytes.clone();
    }

    /** How often the file was read, to check that ignored files are not read. */
    int reads() {
        return reads;
    }
}
