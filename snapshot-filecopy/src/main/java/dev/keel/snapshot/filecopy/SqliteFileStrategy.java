package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.SnapshotFiles;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotContext;
import dev.keel.spi.snapshot.SnapshotPhase;
import dev.keel.spi.snapshot.SnapshotProgress;
import dev.keel.spi.snapshot.SnapshotStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConnection;

/**
 * The {@code filecopy} strategy for a SQLite database: a consistent copy of the file through SQLite's online backup
 * API (other connections may keep reading, and in WAL mode writing, while it runs); restored by copying it beside the
 * live file and renaming it over it. A restore does not use the snapshot up.
 */
final class SqliteFileStrategy implements SnapshotStrategy {

    static final String DATA_FILE = "database.sqlite";
    private static final String RESTORE_SUFFIX = ".keel-restore";
    private static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");
    /** Busy waits of the backup: 100 ms each, up to a minute while another connection writes. */
    private static final int BUSY_SLEEP_MILLIS = 100;
    private static final int BUSY_RETRIES = 600;
    /** All pages in one step: one read transaction, so a concurrent writer cannot make the backup start over. */
    private static final int ALL_PAGES = -1;

    private final SnapshotContext context;
    private final SqliteFile file;
    private final SnapshotFolder folder;

    SqliteFileStrategy(SnapshotContext context, SqliteFile file) {
        this.context = context;
        this.file = file;
        this.folder = new SnapshotFolder(context.snapshotDirectory(), FileCopyStrategyProvider.ID);
    }

    @Override
    public String id() {
        return FileCopyStrategyProvider.ID;
    }

    @Override
    public String describe() {
        return "SQLite file " + file.path() + ", copied through the online backup API";
    }

    @Override
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        Path db = file.path();
        if (!Files.isRegularFile(db)) {
            problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The SQLite file " + db + " does not exist, so filecopy has nothing to copy.",
                    "Check the database URL " + context.displayUrl() + "; the file must exist before a snapshot."));
        } else if (!Files.isReadable(db)) {
            problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE, "Keel cannot read the SQLite file " + db + ".",
                    "Run Keel as a user that can read and write it."));
        }
        Path dbFolder = db.getParent();
        if (Files.isDirectory(dbFolder) && !Files.isWritable(dbFolder)) {
            problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The folder " + dbFolder + " is not writable: a restore writes the file beside the database and "
                            + "renames it into place.",
                    "Run Keel as a user that can write to " + dbFolder + "."));
        }
        Path snapshots = SnapshotFiles.existingAncestor(folder.root());
        if (!Files.isDirectory(snapshots) || !Files.isWritable(snapshots)) {
            problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The snapshot folder " + folder.root() + " cannot be created or written (" + snapshots
                            + " is not a writable folder).",
                    "Make " + snapshots + " writable for the user running Keel, or use another snapshot folder."));
        }
        return problems;
    }

    @Override
    public Snapshot take(String id, Map<String, String> metadata, SnapshotProgress progress) {
        SnapshotFolder.checkId(id);
        progress.update(SnapshotPhase.CHECKING_SPACE, 0, 0);
        List<Problem> problems = check();
        if (!problems.isEmpty()) {
            throw new KeelException(problems);
        }
        long size = sizeOf(file.path()) + sizeOf(file.sibling("-wal"));
        SpaceCheck.require(folder.root(), size, "the SQLite file " + file.path());
        Path partial;
        try {
            partial = folder.beginPartial(id);
        } catch (IOException e) {
            throw takeFailed(id, e);
        }
        try {
            Path target = partial.resolve(DATA_FILE);
            // Created 0600 before SQLite opens it, so the copy is private from its first byte.
            SnapshotFiles.createPrivateFile(target);
            progress.update(SnapshotPhase.COPYING, 0, size);
            backup(target, progress, size);
            // The destination's own rollback journal is gone after a successful backup; make sure no stray is kept.
            Files.deleteIfExists(partial.resolve(DATA_FILE + "-journal"));
            SnapshotFiles.setMode(target, SnapshotFiles.PRIVATE_FILE);
            long copied = Files.size(target);
            progress.update(SnapshotPhase.COPYING, size, size);
            return folder.publish(id, metadata, copied, false,
                    Map.of("kind", "sqlite", "database", file.path().toString()));
        } catch (IOException | SQLException | RuntimeException e) {
            KeelException failure = takeFailed(id, e);
            try {
                folder.deletePartial(id);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** Copies the database through SQLite's backup API on a connection of its own. */
    private void backup(Path target, SnapshotProgress progress, long size) throws SQLException {
        Connection connection = new org.sqlite.JDBC().connect(context.databaseUrl(), new Properties());
        if (connection == null) {
            throw new SQLException("the SQLite driver does not accept " + context.displayUrl());
        }
        try (connection) {
            SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
            int rc = sqlite.getDatabase().backup("main", target.toString(), (remaining, pages) -> {
                if (pages > 0) {
                    progress.update(SnapshotPhase.COPYING, size * (pages - remaining) / pages, size);
                }
            }, BUSY_SLEEP_MILLIS, BUSY_RETRIES, ALL_PAGES);
            if (rc != 0) {
                throw new SQLException("SQLite's backup API returned error code " + rc
                        + " (5 means the database stayed locked by another connection)");
            }
        }
    }

    /**
     * Copies the snapshot beside the live file, flushes it, deletes the live {@code -wal}, {@code -shm} and
     * {@code -journal} (they belong to the old content) and renames the copy over the live file in one step. Every
     * step can be repeated, so a restore interrupted anywhere and called again ends with the snapshot's content.
     */
    @Override
    public void restore(Snapshot snapshot, SnapshotProgress progress) {
        String id = SnapshotFolder.checkId(snapshot.id());
        Path source = folder.complete(id).resolve(DATA_FILE);
        if (!Files.isRegularFile(source)) {
            throw KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND,
                    "Snapshot " + id + " has no database file (" + source + ").",
                    "Choose a snapshot that 'keel snapshot list' shows.");
        }
        Path live = file.path();
        Path temporary = file.sibling(RESTORE_SUFFIX);
        context.closeConnections();
        try {
            long size = Files.size(source);
            progress.update(SnapshotPhase.COPYING, 0, size);
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            takeOwnershipOf(live, temporary);
            SnapshotFiles.fsyncFile(temporary);
            progress.update(SnapshotPhase.COPYING, size, size);
            progress.update(SnapshotPhase.SWAPPING, 0, 0);
            for (String suffix : SIDE_FILES) {
                Files.deleteIfExists(file.sibling(suffix));
            }
            SnapshotFiles.rename(temporary, live);
        } catch (IOException | RuntimeException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_RESTORE_FAILED,
                    "Restoring snapshot " + id + " over the SQLite file " + live + " failed: " + e.getMessage() + ".",
                    "Fix the cause and run the restore again ('keel snapshot restore " + id + "'): it starts over "
                            + "from the snapshot, which is kept.");
        }
    }

    /** Gives the restored copy the live file's mode and owner, so the application can open it as before. */
    private static void takeOwnershipOf(Path live, Path copy) throws IOException {
        if (!Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(copy, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        PosixFileAttributes attributes = Files.readAttributes(live, PosixFileAttributes.class);
        view.setPermissions(attributes.permissions());
        if (!Files.getOwner(copy).equals(attributes.owner())) {
            view.setOwner(attributes.owner());
        }
        if (!Files.readAttributes(copy, PosixFileAttributes.class).group().equals(attributes.group())) {
            view.setGroup(attributes.group());
        }
    }

    @Override
    public void discard(Snapshot snapshot) {
        try {
            folder.discard(SnapshotFolder.checkId(snapshot.id()));
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot delete snapshot " + snapshot.id() + " in " + folder.root() + ": " + e.getMessage() + ".",
                    "Check the permissions of " + folder.root() + "; a leftover '.deleting' folder is removed by the "
                            + "next 'keel snapshot list'.");
        }
    }

    @Override
    public List<Snapshot> list() {
        return folder.list(dir -> Files.isRegularFile(dir.resolve(DATA_FILE), LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public void abandonTake(String id, SnapshotProgress progress) {
        try {
            if (Files.exists(folder.partial(id), LinkOption.NOFOLLOW_LINKS)) {
                progress.update(SnapshotPhase.DELETING, 0, 0);
                folder.deletePartial(id);
            }
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot delete the unfinished snapshot " + folder.partial(id) + ": " + e.getMessage() + ".",
                    "Delete it by hand; the database was not changed.");
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (IOException gone) {
            return 0;
        }
    }

    private KeelException takeFailed(String id, Exception cause) {
        return new KeelException(Problem.of(ErrorCode.SNAPSHOT_TAKE_FAILED,
                "Taking snapshot " + id + " of the SQLite file " + file.path() + " failed: " + cause.getMessage() + ".",
                "The database was not changed. Fix the cause (disk, permissions of " + folder.root()
                        + ") and try again."), cause);
    }
}
