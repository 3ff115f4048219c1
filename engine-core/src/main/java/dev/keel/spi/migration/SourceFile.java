package dev.keel.spi.migration;

import dev.keel.spi.Api;
import dev.keel.spi.KeelException;

/**
 * One file offered by a {@link MigrationSource}. Reading is lazy so that a source can list thousands
 * of files cheaply and refuse an oversized one before reading it.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface SourceFile {

    /** Path relative to the migrations location, with {@code /} separators (e.g. {@code rollback/0007_x.sql}). */
    String relativeName();

    /** How to show the file to a user (a path or {@code classpath:} resource). */
    String displayName();

    /** Size in bytes. */
    long size();

    /**
     * The file's bytes.
     *
     * @throws KeelException with {@code FILE_UNREADABLE} when it cannot be read
     */
    byte[] read();
}
