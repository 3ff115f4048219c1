package dev.keel.snapshot.filecopy;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.SnapshotContext;
import dev.keel.spi.snapshot.SnapshotStrategy;
import dev.keel.spi.snapshot.SnapshotStrategyProvider;
import java.util.Set;

/**
 * The {@code filecopy} snapshot strategy: a SQLite file copied through SQLite's online backup API, or the data
 * directory of a PostgreSQL or MariaDB/MySQL server on this host copied while the server is stopped. Options
 * ({@code snapshot.options} in {@code keel.yaml}, for servers only except {@code copyThreads}):
 * <ul>
 *   <li>{@code dataDirectory}: the server's data directory, when Keel should not ask the server for it;</li>
 *   <li>{@code stopCommand}: an argument list that stops the server (default: {@code pg_ctl stop -m fast}, or the
 *       SQL statement {@code SHUTDOWN} on MariaDB/MySQL);</li>
 *   <li>{@code startCommand}: an argument list that starts it (default: the command line it was running with);</li>
 *   <li>{@code copyThreads}: how many files are copied at once (default: the number of processors);</li>
 *   <li>{@code method}: {@code directory} (the default: the data directory, as above) or {@code template}
 *       (PostgreSQL only: the database copied by the running server with {@code CREATE DATABASE … TEMPLATE}, see
 *       {@link TemplateDatabaseStrategy}).</li>
 * </ul>
 */
public final class FileCopyStrategyProvider implements SnapshotStrategyProvider {

    /** The strategy's id in {@code keel.yaml}. */
    public static final String ID = "filecopy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> optionNames() {
        return FileCopyOptions.NAMES;
    }

    /** Reads the options and picks the SQLite or the server strategy by dialect; stops, copies and changes nothing. */
    @Override
    public SnapshotStrategy create(SnapshotContext context) {
        FileCopyOptions options = FileCopyOptions.from(context.options());
        String dialect = context.dialectId();
        if (options.method() == FileCopyOptions.Method.TEMPLATE) {
            return templateStrategy(context, options, dialect);
        }
        switch (dialect) {
            case "sqlite":
                if (options.hasServerOptions()) {
                    String name = options.dataDirectory().isPresent() ? FileCopyOptions.DATA_DIRECTORY
                            : !options.stopCommand().isEmpty() ? FileCopyOptions.STOP_COMMAND
                            : FileCopyOptions.START_COMMAND;
                    throw context.options().invalid(name, "left out for a SQLite database (filecopy copies the file "
                            + "named by the URL; dataDirectory, stopCommand and startCommand are for servers)");
                }
                return new SqliteFileStrategy(context, SqliteFile.fromUrl(context.databaseUrl(), context.displayUrl()));
            case "postgres":
                return new DataDirectoryStrategy(context, ServerFamily.POSTGRES, options);
            case "mysql":
                return new DataDirectoryStrategy(context, ServerFamily.MYSQL, options);
            default:
                throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                        "The filecopy snapshot strategy does not know " + dialect + " databases (" + context.displayUrl()
                                + "); it copies SQLite files and PostgreSQL or MariaDB/MySQL data directories.",
                        "Choose another snapshot strategy for this database, or none.");
        }
    }

    /** {@code method: template}: PostgreSQL only, and without the options that stop and start a server. */
    private static SnapshotStrategy templateStrategy(SnapshotContext context, FileCopyOptions options, String dialect) {
        if (!dialect.equals("postgres")) {
            throw context.options().invalid(FileCopyOptions.METHOD, "directory (the default) for a " + dialect
                    + " database: method template uses PostgreSQL's CREATE DATABASE … TEMPLATE and works for "
                    + "PostgreSQL only");
        }
        if (!options.stopCommand().isEmpty() || !options.startCommand().isEmpty()) {
            String name = options.stopCommand().isEmpty() ? FileCopyOptions.START_COMMAND : FileCopyOptions.STOP_COMMAND;
            throw context.options().invalid(name, "left out with method template (the server keeps running; "
                    + "stopCommand and startCommand are for method directory)");
        }
        return new TemplateDatabaseStrategy(context, options);
    }
}
