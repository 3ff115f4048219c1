package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.List;

/**
 * Port: lists the files of one migrations location (a directory, a classpath folder).
 * Files in a {@code rollback/} sub-folder are listed with that prefix; other sub-folders are not read.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface MigrationSource {

    /** The location as configured, for messages. */
    String location();

    /** Every {@code .sql} file of the location, in no particular order. */
    List<SourceFile> files();
}
