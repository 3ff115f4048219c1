package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.SnapshotFiles;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotContext;
import dev.keel.spi.snapshot.SnapshotPhase;
import dev.keel.spi.snapshot.SnapshotProgress;
import dev.keel.spi.snapshot.SnapshotStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code filecopy} strategy for a PostgreSQL or MariaDB/MySQL server on this host: the server is stopped, its
 * data directory copied (owner, mode and times kept), and the server started again as it was running.
 *
 * <p>Restore swaps directories: the live one is renamed aside ({@code DIR.keel-replaced-ID}), the snapshot's copy
 * renamed into place, the server started, the old one deleted. When the snapshot folder is on the data directory's
 * file system that is two renames and the snapshot is used up; otherwise the snapshot is first copied beside the data
 * directory ({@code DIR.keel-restoring-ID}) and kept. Every step looks at which of these directories exist, so a
 * restore interrupted anywhere continues from there when called again.
 */
final class DataDirectoryStrategy implements SnapshotStrategy {

    static final String DATA = "data";
    private static final String REPLACED = ".keel-replaced-";
    private static final String RESTORING = ".keel-restoring-";
    private static final String LOG = "server.log";

    private final SnapshotContext context;
    private final ServerFamily family;
    private final FileCopyOptions options;
    private final SnapshotFolder folder;
    private final ServerControl server;
    private Path dataDirectory;
    private String productName;

    DataDirectoryStrategy(SnapshotContext context, ServerFamily family, FileCopyOptions options) {
        this.context = context;
        this.family = family;
        this.options = options;
        this.folder = new SnapshotFolder(context.snapshotDirectory(), FileCopyStrategyProvider.ID);
        this.server = new ServerControl(context, family, options, folder.root().resolve(LOG));
    }

    @Override
    public String id() {
        return FileCopyStrategyProvider.ID;
    }

    @Override
    public String describe() {
        String where;
        try {
            where = dataDirectory().toString();
        } catch (KeelException unknownYet) {
            where = options.dataDirectory().map(Path::toString).orElse("(asked from the server)");
        }
        return productName() + " data directory " + where + " (server stopped while copying)";
    }

    @Override
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        if (!LinuxProcess.available()) {
            problems.add(unavailable("filecopy stops and starts a " + family.product() + " server through Linux's "
                    + "/proc, which this system does not have.", "Use another snapshot strategy on this system."));
        }
        Path dir = null;
        try {
            dir = dataDirectory();
        } catch (KeelException e) {
            problems.addAll(e.problems());
        }
        Path snapshots = folder.root();
        Path existing = SnapshotFiles.existingAncestor(snapshots);
        if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
            problems.add(unavailable("The snapshot folder " + snapshots + " cannot be created or written ("
                    + existing + " is not a writable folder).",
                    "Make " + existing + " writable for the user running Keel, or use another snapshot folder."));
        }
        if (dir == null) {
            return problems;
        }
        Path parent = dir.getParent();
        if (parent == null || !Files.isWritable(parent)) {
            problems.add(unavailable("The folder " + parent + " holding the data directory is not writable: a "
                    + "restore renames the data directory there.",
                    "Run Keel as root or as a user that can write to " + parent + "."));
        }
        Optional<String> owner = ServerControl.owner(dir);
        if (!LinuxProcess.isRoot() && owner.isPresent() && !owner.get().equals(LinuxProcess.currentUser())) {
            problems.add(unavailable("The data directory " + dir + " belongs to " + owner.get() + " but Keel runs as "
                    + LinuxProcess.currentUser() + ", so a copy could not keep its owner.",
                    "Run Keel as root or as " + owner.get() + "."));
        }
        Path realSnapshots = SnapshotFiles.existingAncestor(snapshots);
        if (snapshots.startsWith(dir) || realSnapshots.startsWith(dir) || dir.startsWith(snapshots)) {
            problems.add(unavailable("The snapshot folder " + snapshots + " and the data directory " + dir
                    + " lie inside one another, so the copy would copy itself.",
                    "Use a snapshot folder beside the data directory (on the same file system), not inside it."));
        }
        if (options.stopCommand().isEmpty() && family == ServerFamily.POSTGRES
                && server.pgCtl(dir, OptionalLong.empty()).isEmpty()) {
            problems.add(unavailable("pg_ctl, which stops PostgreSQL, is neither in /usr/lib/postgresql/*/bin nor "
                    + "on PATH.", "Install the PostgreSQL server binaries here, or set snapshot.options.stopCommand "
                    + "(e.g. [pg_ctlcluster, 15, main, stop]) and snapshot.options.startCommand."));
        }
        if (LinuxProcess.isRoot() && owner.isPresent() && !owner.get().equals(LinuxProcess.currentUser())
                && Commands.find("runuser").isEmpty()) {
            problems.add(unavailable("Keel runs as root and must run the server as " + owner.get()
                    + ", but runuser (util-linux) was not found.",
                    "Install util-linux, or set snapshot.options.stopCommand and startCommand."));
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------ take

    @Override
    public Snapshot take(String id, Map<String, String> metadata, SnapshotProgress progress) {
        SnapshotFolder.checkId(id);
        progress.update(SnapshotPhase.CHECKING_SPACE, 0, 0);
        List<Problem> problems = check();
        if (!problems.isEmpty()) {
            throw new KeelException(problems);
        }
        Path dir = dataDirectory();
        TreeScan scan = scan(dir);
        SpaceCheck.require(folder.root(), scan.bytes(), "the " + family.product() + " data directory " + dir);
        Path pidFile = server.pidFile(dir);
        long pid = family.runningPid(pidFile).orElseThrow(() -> KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                "No running " + family.product() + " server was found for " + dir + " (pid file " + pidFile
                        + "); filecopy stops and starts the server on this host.",
                "Run Keel on the database host, with the server running; check snapshot.options.dataDirectory."));
        StartCommand start = server.startCommand(pid).orElseThrow(() -> KeelException.of(
                ErrorCode.SNAPSHOT_UNAVAILABLE,
                "Cannot read how the " + family.product() + " server (PID " + pid + ") was started, from /proc/" + pid
                        + "; it could not be started again after the copy.",
                "Run Keel as root or as the server's user, or set snapshot.options.startCommand."));
        ServerState state = new ServerState(family, dir, pidFile, pid, start);
        Path partial;
        boolean sameFileSystem;
        try {
            folder.ensureRoot();
            sameFileSystem = sameFileSystem(folder.root(), dir.getParent());
            partial = folder.beginPartial(id);
            // Before stopping anything: a Keel killed from here on leaves what abandonTake needs to start it again.
            state.save(partial);
        } catch (IOException e) {
            throw takeFailed(id, dir, e, true);
        }
        try {
            progress.update(SnapshotPhase.STOPPING, 0, 0);
            context.closeConnections();
            server.stop(dir, pid);
            progress.update(SnapshotPhase.COPYING, 0, scan.bytes());
            long copied = new TreeCopy(options.copyThreads(), progress).copy(dir, partial.resolve(DATA), scan.bytes());
            progress.update(SnapshotPhase.STARTING, 0, 0);
            server.start(state);
            progress.update(SnapshotPhase.WAITING, 0, 0);
            return folder.publish(id, metadata, copied, sameFileSystem,
                    Map.of("kind", family.dialectId(), "database", dir.toString()));
        } catch (IOException | RuntimeException e) {
            throw recoverFromFailedTake(id, state, e);
        }
    }

    /** After a failure with the server perhaps stopped: start it, delete the partial copy, say what happened. */
    private KeelException recoverFromFailedTake(String id, ServerState state, Exception cause) {
        Path partial = folder.partial(id);
        List<Exception> later = new ArrayList<>();
        try {
            // First: the copy may have filled the disk that the server's log (and the restart) needs.
            SnapshotFiles.deleteTree(partial.resolve(DATA));
        } catch (IOException e) {
            later.add(e);
        }
        boolean running;
        try {
            server.ensureRunning(state);
            running = true;
        } catch (IOException | RuntimeException e) {
            running = false;
            later.add(e);
        }
        if (running) {
            try {
                folder.deletePartial(id);
            } catch (IOException e) {
                later.add(e);
            }
        }
        // Not running: server.properties stays in the partial folder for abandonTake (or the next Keel command).
        KeelException failure = takeFailed(id, state.dataDirectory(), cause, running);
        later.forEach(failure::addSuppressed);
        return failure;
    }

    private KeelException takeFailed(String id, Path dir, Exception cause, boolean running) {
        String what = "Taking snapshot " + id + " of the " + family.product() + " data directory " + dir + " failed: "
                + message(cause) + ".";
        if (running) {
            return new KeelException(List.of(Problem.of(ErrorCode.SNAPSHOT_TAKE_FAILED, what,
                    "The server runs as before and nothing was changed. Fix the cause and try again.")),
                    ExitClass.FAILED_RESTORED, cause);
        }
        return new KeelException(List.of(Problem.of(ErrorCode.SNAPSHOT_SERVER_DOWN,
                what + " The server could not be started again.",
                "Start the " + family.product() + " server by hand (see " + folder.root().resolve(LOG) + "), or "
                        + "run any keel command, which starts it with the command kept in " + folder.partial(id)
                        + ".")), ExitClass.FAILED_UNRESTORED, cause);
    }

    // ------------------------------------------------------------------------------------------ restore

    @Override
    public void restore(Snapshot snapshot, SnapshotProgress progress) {
        String id = SnapshotFolder.checkId(snapshot.id());
        Path snapshotFolder = folder.complete(id);
        Optional<ServerState> recorded = ServerState.load(snapshotFolder);
        if (recorded.isEmpty()) {
            // A finished swap deletes the snapshot folder last: called again after that, nothing is left to do.
            if (!Files.exists(snapshotFolder, LinkOption.NOFOLLOW_LINKS) && server.answers()
                    && !Files.exists(replaced(dataDirectoryOrNull(), id), LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            throw KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND,
                    "Snapshot " + id + " is not in " + folder.root() + " (or its server.properties is missing).",
                    "Choose a snapshot that 'keel snapshot list' shows.");
        }
        ServerState state = recorded.get();
        Path dir = state.dataDirectory();
        if (state.family() != family) {
            throw KeelException.of(ErrorCode.SNAPSHOT_RESTORE_FAILED,
                    "Snapshot " + id + " is a copy of a " + state.family().product() + " data directory, not of "
                            + family.product() + "; nothing was changed.",
                    "Choose a snapshot of this database ('keel snapshot list').");
        }
        if (options.dataDirectory().isPresent() && !samePlace(options.dataDirectory().get(), dir)) {
            throw KeelException.of(ErrorCode.SNAPSHOT_RESTORE_FAILED,
                    "Snapshot " + id + " is a copy of " + dir + ", not of the configured data directory "
                            + options.dataDirectory().get() + "; nothing was changed.",
                    "Restore it with the configuration it was taken with, or choose another snapshot.");
        }
        boolean consumed = consumedByRestore(id);
        Path data = snapshotFolder.resolve(DATA);
        Path replaced = replaced(dir, id);
        Path source = consumed ? data : sibling(dir, RESTORING + id);
        try {
            boolean swapped = !exists(source) && exists(replaced) && exists(dir);
            boolean finished = consumed && !exists(data) && !exists(replaced) && exists(dir);
            if (!swapped && !finished) {
                if (!consumed && !exists(source)) {
                    prepareCopy(data, source, dir, progress);
                }
                state = swap(id, state, source, replaced, data, progress);
            }
            progress.update(SnapshotPhase.STARTING, 0, 0);
            server.ensureRunning(state);
            progress.update(SnapshotPhase.DELETING, 0, 0);
            SnapshotFiles.deleteTree(replaced);
            if (consumed) {
                folder.discard(id);
            }
        } catch (IOException | RuntimeException e) {
            throw restoreFailed(id, dir, replaced, e);
        }
    }

    /** Copies the snapshot beside the data directory (the server still runs meanwhile), then renames it complete. */
    private void prepareCopy(Path data, Path source, Path dir, SnapshotProgress progress) throws IOException {
        if (!exists(data)) {
            throw new IOException("the snapshot has no data folder " + data);
        }
        Path partial = source.resolveSibling(source.getFileName() + SnapshotFolder.PARTIAL);
        SnapshotFiles.deleteTree(partial);
        long bytes = SnapshotFiles.treeSize(data);
        SpaceCheck.require(dir.getParent(), bytes, "snapshot data for " + dir);
        progress.update(SnapshotPhase.COPYING, 0, bytes);
        new TreeCopy(options.copyThreads(), progress).copy(data, partial, bytes);
        SnapshotFiles.fsyncTree(partial);
        SnapshotFiles.rename(partial, source);
    }

    /** Stops the server if it runs, renames the live directory aside and the snapshot's into place. */
    private ServerState swap(String id, ServerState state, Path source, Path replaced, Path data,
            SnapshotProgress progress) throws IOException {
        Path dir = state.dataDirectory();
        if (!exists(source)) {
            throw new IOException("neither the snapshot's data (" + source + ") nor a replaced data directory ("
                    + replaced + ") is there to continue from");
        }
        if (exists(dir) && exists(replaced)) {
            throw new IOException("both " + dir + " and " + replaced + " exist, so it is unclear which is the "
                    + "database to keep");
        }
        progress.update(SnapshotPhase.STOPPING, 0, 0);
        context.closeConnections();
        ServerState current = state;
        Path pidFile = family == ServerFamily.MYSQL && server.answers() ? server.pidFile(dir) : state.pidFile();
        OptionalLong pid = family.runningPid(pidFile);
        if (pid.isPresent()) {
            // Start it again the way it runs now, which may differ from when the snapshot was taken.
            Optional<StartCommand> now = server.startCommand(pid.getAsLong());
            current = new ServerState(family, dir, pidFile, pid.getAsLong(), now.orElse(state.start()));
            current.save(folder.complete(id));
            server.stop(dir, pid.getAsLong());
        } else if (server.answers()) {
            // Never move a data directory away under a server that runs.
            throw new IOException("the server answers, but its process was not found through the pid file " + pidFile
                    + ", so Keel cannot stop it; stop it by hand and run the restore again");
        }
        progress.update(SnapshotPhase.SWAPPING, 0, 0);
        if (exists(dir)) {
            SnapshotFiles.rename(dir, replaced);
        }
        try {
            SnapshotFiles.rename(source, dir);
        } catch (IOException e) {
            if (!SnapshotFiles.isCrossDevice(e)) {
                throw e;
            }
            // Same device number but another mount (a bind mount): copy beside the data directory, then rename.
            Path copy = sibling(dir, RESTORING + id);
            Path partial = copy.resolveSibling(copy.getFileName() + SnapshotFolder.PARTIAL);
            SnapshotFiles.deleteTree(partial);
            new TreeCopy(options.copyThreads(), progress).copy(data, partial, SnapshotFiles.treeSize(data));
            SnapshotFiles.fsyncTree(partial);
            SnapshotFiles.rename(partial, dir);
        }
        return current;
    }

    private KeelException restoreFailed(String id, Path dir, Path replaced, Exception cause) {
        return KeelException.of(ErrorCode.SNAPSHOT_RESTORE_FAILED,
                "Restoring snapshot " + id + " into the " + family.product() + " data directory " + dir + " failed: "
                        + message(cause) + ".",
                "Fix the cause and run the restore again ('keel snapshot restore " + id + "'): it continues from "
                        + "where it stopped. Until then the data directory before the restore is kept as " + replaced
                        + " (when it exists), and the server log is " + folder.root().resolve(LOG) + ".");
    }

    // ------------------------------------------------------------------------------------------ the rest

    @Override
    public void discard(Snapshot snapshot) {
        try {
            folder.discard(SnapshotFolder.checkId(snapshot.id()));
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot delete snapshot " + snapshot.id() + " in " + folder.root() + ": " + message(e) + ".",
                    "Check the permissions of " + folder.root() + "; a leftover '.deleting' folder is removed by the "
                            + "next 'keel snapshot list'.");
        }
    }

    @Override
    public List<Snapshot> list() {
        return folder.list(dir -> Files.isDirectory(dir.resolve(DATA), LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public void abandonTake(String id, SnapshotProgress progress) {
        Path partial = folder.partial(id);
        if (!Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Optional<ServerState> state = ServerState.load(partial);
        if (state.isPresent()) {
            progress.update(SnapshotPhase.STARTING, 0, 0);
            try {
                server.ensureRunning(state.get());
            } catch (IOException | RuntimeException e) {
                throw new KeelException(List.of(Problem.of(ErrorCode.SNAPSHOT_SERVER_DOWN,
                        "An interrupted snapshot " + id + " had stopped the " + family.product() + " server, and "
                                + "starting it again with " + state.get().start().display() + " failed: "
                                + message(e) + ".",
                        "Start the server by hand (see " + folder.root().resolve(LOG) + "), then run the keel "
                                + "command again; " + partial + " is kept until then.")),
                        ExitClass.FAILED_UNRESTORED, e);
            }
        }
        progress.update(SnapshotPhase.DELETING, 0, 0);
        try {
            folder.deletePartial(id);
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot delete the unfinished snapshot " + partial + ": " + message(e) + ".",
                    "Delete it by hand; the server runs.");
        }
    }

    /**
     * The data directory: the {@code dataDirectory} option, else asked from the running server; it must be a
     * readable folder on this host. Resolved to its real path (a symbolic link to it is not what gets renamed).
     */
    synchronized Path dataDirectory() {
        if (dataDirectory != null) {
            return dataDirectory;
        }
        Path dir;
        if (options.dataDirectory().isPresent()) {
            dir = options.dataDirectory().get();
        } else {
            try {
                dir = Path.of(server.ask(family.dataDirectoryQuery()));
            } catch (RuntimeException e) {
                throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                        "Cannot ask the " + family.product() + " server at " + context.displayUrl()
                                + " for its data directory: " + message(e) + ".",
                        "Set snapshot.options.dataDirectory, or start the server so Keel can ask it.");
            }
        }
        if (!dir.isAbsolute() || !Files.isDirectory(dir) || !Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The " + family.product() + " data directory " + dir + " is not a readable folder on this host, "
                            + "so filecopy cannot copy it.",
                    "Run Keel on the database host as root or as the server's user, and set "
                            + "snapshot.options.dataDirectory if the server reports another path than the local one.");
        }
        try {
            dataDirectory = dir.toRealPath();
        } catch (IOException e) {
            dataDirectory = dir.normalize();
        }
        return dataDirectory;
    }

    /** {@code PostgreSQL}, {@code MariaDB} or {@code MySQL}; asked once, when the server answers. */
    private synchronized String productName() {
        if (productName == null) {
            String name = server.productName();
            if (!name.equals(family.product())) {
                productName = name;
            }
            return name;
        }
        return productName;
    }

    private Path dataDirectoryOrNull() {
        try {
            return dataDirectory();
        } catch (KeelException unknown) {
            return null;
        }
    }

    private TreeScan scan(Path dir) {
        TreeScan scan;
        try {
            scan = TreeScan.of(dir);
        } catch (IOException e) {
            throw unavailable(dir, "cannot be read: " + message(e));
        }
        if (!scan.unreadable().isEmpty()) {
            throw unavailable(dir, "has entries Keel cannot read, e.g. " + scan.unreadable().get(0));
        }
        if (!scan.outsideLinks().isEmpty()) {
            // A tablespace or a WAL folder elsewhere would be left out of the copy: a restore would mix two states.
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The data directory " + dir + " links to data outside it (" + scan.outsideLinks().get(0)
                            + "), which a copy of the directory would not contain; nothing was stopped.",
                    "Use another snapshot strategy (e.g. a file-system snapshot) for servers with tablespaces or "
                            + "a WAL folder outside the data directory.");
        }
        return scan;
    }

    private KeelException unavailable(Path dir, String what) {
        return KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                "The " + family.product() + " data directory " + dir + " " + what + "; nothing was stopped.",
                "Run Keel as root or as the server's user on the database host.");
    }

    private static Problem unavailable(String what, String fix) {
        return Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE, what, fix);
    }

    private boolean consumedByRestore(String id) {
        return folder.properties(id).map(p -> Boolean.parseBoolean(p.get("consumedByRestore"))).orElse(false);
    }

    private static Path replaced(Path dir, String id) {
        return dir == null ? Path.of("/nonexistent") : sibling(dir, REPLACED + id);
    }

    private static Path sibling(Path dir, String suffix) {
        return dir.resolveSibling(dir.getFileName() + suffix);
    }

    private static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether a rename between the two folders can work: one device. */
    static boolean sameFileSystem(Path a, Path b) {
        try {
            Object deviceA = Files.getAttribute(SnapshotFiles.existingAncestor(a), "unix:dev");
            Object deviceB = Files.getAttribute(SnapshotFiles.existingAncestor(b), "unix:dev");
            return Objects.equals(deviceA, deviceB);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            try {
                return Files.getFileStore(SnapshotFiles.existingAncestor(a))
                        .equals(Files.getFileStore(SnapshotFiles.existingAncestor(b)));
            } catch (IOException unknown) {
                return false;
            }
        }
    }

    private static boolean samePlace(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException | InvalidPathException e) {
            return a.normalize().equals(b.normalize());
        }
    }

    private static String message(Throwable e) {
        String text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }
}
