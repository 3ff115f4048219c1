package dev.keel.snapshot.docker;

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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;

/**
 * The {@code docker} strategy. <b>Take</b>: check that the engine answers, the container runs with its data path on a
 * volume or bind mount, and the copy fits; record in {@code <id>.partial/} that the take is about to stop the
 * container; stop it; stream the archive of the data path out of the stopped container (the engine's archive
 * endpoint: no image, no exec) into {@code data.tar}; verify the archive; start the container, wait until the
 * database answers; rename the folder to {@code <id>/}. <b>Restore</b>: stop the container; empty the data path with
 * a short-lived helper container from the container's own image, mounting only the data's volume or bind mount;
 * stream the archive back in; start; wait. Every restore step can be repeated, so a restore interrupted anywhere and
 * called again ends with the snapshot's data; the snapshot is kept.
 */
final class DockerSnapshotStrategy implements SnapshotStrategy {

    private static final long MIB = 1L << 20;
    /** Progress is reported at most every this many bytes, so a gigabyte makes hundreds of events, not millions. */
    private static final long PROGRESS_STEP = 4 * MIB;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration MEASURE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration EMPTY_TIMEOUT = Duration.ofMinutes(30);

    private final SnapshotContext context;
    private final DockerOptions options;
    private final DockerEngine engine;
    private final SnapshotStore store;

    DockerSnapshotStrategy(SnapshotContext context, DockerOptions options, DockerEngine engine) {
        this.context = context;
        this.options = options;
        this.engine = engine;
        this.store = new SnapshotStore(context.snapshotDirectory(), DockerStrategyProvider.ID);
    }

    @Override
    public String id() {
        return DockerStrategyProvider.ID;
    }

    @Override
    public String describe() {
        return "data path " + options.dataPath() + " of container '" + options.container() + "' (Docker engine "
                + options.dockerHost() + "), archived through the engine while the container is stopped";
    }

    /** The container and the mount that holds its data, found and checked. */
    record Target(ContainerState container, DataMount mount) {
    }

    @Override
    public List<Problem> check() {
        try {
            List<Problem> problems = new ArrayList<>();
            Optional<Target> target = locate(problems, true);
            target.ifPresent(t -> checkReadiness(t.container(), problems));
            checkFolder(problems);
            return problems;
        } finally {
            // Each operation opens its own connections to the engine: the port has no close(), so none are kept.
            engine.close();
        }
    }

    /** The container and its data mount, or the first problem that stops a snapshot, as an exception. */
    Target locate() {
        List<Problem> problems = new ArrayList<>();
        Optional<Target> target = locate(problems, false);
        if (target.isEmpty()) {
            throw new KeelException(problems);
        }
        return target.get();
    }

    /**
     * Finds the container and its data mount, adding a problem for what is wrong: the engine does not answer, the
     * container does not exist (or, when {@code mustRun}, does not run), the data path is on no mount.
     */
    private Optional<Target> locate(List<Problem> problems, boolean mustRun) {
        Optional<String> unreachable = engine.unreachable();
        if (unreachable.isPresent()) {
            problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The Docker engine cannot be reached: " + unreachable.get() + ".",
                    "Start Docker (e.g. 'systemctl start docker', or 'dockerd &' as root), or point Keel at the engine"
                            + " with 'snapshot.options.dockerHost' or DOCKER_HOST (now " + options.dockerHost()
                            + "). Nothing was stopped."));
            return Optional.empty();
        }
        ContainerState container;
        try {
            Optional<ContainerState> found = engine.inspect(options.container());
            if (found.isEmpty()) {
                problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                        "No container named '" + options.container() + "' exists on the Docker engine at "
                                + options.dockerHost() + ".",
                        "Create and start the database container (e.g. 'docker compose up -d'), or set "
                                + "'snapshot.options.container' to its name or id as 'docker ps -a' shows it. Nothing "
                                + "was stopped."));
                return Optional.empty();
            }
            container = found.get();
        } catch (RuntimeException e) {
            problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The Docker engine at " + options.dockerHost() + " could not say whether container '"
                            + options.container() + "' exists: " + DockerEngine.reason(e) + ".",
                    "Check the engine ('docker ps -a') and try again. Nothing was stopped."));
            return Optional.empty();
        }
        if (mustRun && !container.running()) {
            problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The container '" + container.name() + "' (" + container.shortId() + ") exists but is "
                            + container.status() + ", so its database cannot answer or be snapshotted.",
                    "Start it ('docker start " + container.name() + "') and run the command again. Nothing was "
                            + "stopped."));
        }
        Optional<DataMount> mount = container.mountOf(options.dataPath());
        if (mount.isEmpty()) {
            problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The data path " + options.dataPath() + " of container '" + container.name() + "' is on no volume or "
                            + "bind mount (" + (container.mounts().isEmpty() ? "it has none"
                                    : "its mounts: " + container.mounts().stream().map(m -> m.destination()).toList())
                            + "), so Keel could not put the data back without recreating the container.",
                    "Keep the database's data in a named volume or a host folder mounted at its data path (compose: "
                            + "'volumes: [db-data:/var/lib/mysql]'), or set 'snapshot.options.dataPath' to where the "
                            + "database keeps its data. Nothing was stopped."));
            return Optional.empty();
        }
        return Optional.of(new Target(container, mount.get()));
    }

    private void checkReadiness(ContainerState container, List<Problem> problems) {
        if (options.readyCheck() == DockerOptions.ReadyCheck.HEALTHY && container.health().isEmpty()) {
            problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "'snapshot.options.readyCheck' is 'healthy', but container '" + container.name()
                            + "' has no health check, so Keel could not tell when the restarted database is ready.",
                    "Give the container a health check (compose: 'healthcheck:'), or use readyCheck 'session'."));
        }
    }

    private void checkFolder(List<Problem> problems) {
        Path existing = SnapshotFiles.existingAncestor(store.root());
        if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
            problems.add(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The snapshot folder " + store.root() + " cannot be created or written (" + existing
                            + " is not a writable folder).",
                    "Make " + existing + " writable for the user running Keel, or set 'snapshot.directory' to "
                            + "another folder."));
        }
    }

    @Override
    public Snapshot take(String id, Map<String, String> metadata, SnapshotProgress progress) {
        try {
            return takeSnapshot(id, metadata, progress);
        } finally {
            engine.close();
        }
    }

    private Snapshot takeSnapshot(String id, Map<String, String> metadata, SnapshotProgress progress) {
        SnapshotStore.checkId(id);
        progress.update(SnapshotPhase.CHECKING_SPACE, 0, 0);
        List<Problem> problems = new ArrayList<>();
        Optional<Target> located = locate(problems, true);
        located.ifPresent(t -> checkReadiness(t.container(), problems));
        checkFolder(problems);
        if (!problems.isEmpty()) {
            throw new KeelException(problems);
        }
        Target target = located.orElseThrow();
        ContainerState container = target.container();
        long estimate = measure(target);
        requireSpace(estimate, target);

        Map<String, String> state = new LinkedHashMap<>();
        state.put("containerId", container.id());
        state.put("containerName", container.name());
        state.put("stopsContainer", "true");
        state.put("dataPath", options.dataPath());
        String step = "preparing the snapshot folder " + store.partial(id);
        try {
            // Written and flushed before the stop: a crash from here on is undone by abandonTake.
            Path partial = store.beginPartial(id, state);
            Path archive = partial.resolve(SnapshotStore.ARCHIVE);
            SnapshotFiles.createPrivateFile(archive);
            context.closeConnections();
            step = "stopping the container";
            progress.update(SnapshotPhase.STOPPING, 0, 0);
            stopAndConfirm(container.id());
            step = "copying " + options.dataPath() + " out of the container";
            progress.update(SnapshotPhase.COPYING, 0, estimate);
            long written = engine.copyOut(container.id(), options.dataPath(), archive,
                    bytes(progress, SnapshotPhase.COPYING, estimate));
            TarCheck.Summary summary = TarCheck.verify(archive, options.dataName());
            progress.update(SnapshotPhase.COPYING, written, written);
            // The archive goes to the disk while the database starts: a gigabyte's fsync takes seconds.
            CompletableFuture<Void> flushed = flushInBackground(archive);
            step = "starting the container";
            progress.update(SnapshotPhase.STARTING, 0, 0);
            engine.start(container.id());
            step = "waiting for the database";
            awaitReady(container.id(), progress);
            step = "writing the archive to the disk";
            awaitFlush(flushed);
            step = "completing the snapshot folder";
            Map<String, String> details = new LinkedHashMap<>();
            details.put("docker.container", options.container());
            details.put("docker.containerName", container.name());
            details.put("docker.containerId", container.id());
            details.put("docker.image", container.imageId());
            details.put("docker.dataPath", options.dataPath());
            details.put("docker.mount", target.mount().describe());
            details.put("docker.engine", options.dockerHost().toString());
            details.put("docker.entries", Long.toString(summary.entries()));
            details.put("docker.contentBytes", Long.toString(summary.contentBytes()));
            return store.publish(id, metadata, written, details);
        } catch (IOException | RuntimeException e) {
            KeelException failure = new KeelException(Problem.of(ErrorCode.SNAPSHOT_TAKE_FAILED,
                    "Taking snapshot " + id + " of container '" + container.name() + "' failed while " + step + ": "
                            + message(e) + ".",
                    "The database's data was not changed, and Keel started the container again. Fix the cause and "
                            + "try again."), e);
            try {
                abandon(id, progress);
            } catch (RuntimeException again) {
                failure.addSuppressed(again);
            }
            throw failure;
        }
    }

    /**
     * Puts the snapshot's data back: stop, empty the data path, stream the archive in, start, wait. Each step can be
     * repeated, so calling this again after an interruption anywhere finishes the work.
     */
    @Override
    public void restore(Snapshot snapshot, SnapshotProgress progress) {
        try {
            restoreSnapshot(snapshot, progress);
        } finally {
            engine.close();
        }
    }

    private void restoreSnapshot(Snapshot snapshot, SnapshotProgress progress) {
        String id = SnapshotStore.checkId(snapshot.id());
        Path archive = store.complete(id).resolve(SnapshotStore.ARCHIVE);
        Map<String, String> properties = store.properties(id)
                .filter(p -> Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS))
                .orElseThrow(() -> KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND,
                        "Snapshot " + id + " has no archive in " + store.complete(id) + ".",
                        "Choose a snapshot that 'keel snapshot list' shows."));
        String recorded = properties.getOrDefault("docker.dataPath", "");
        if (!recorded.equals(options.dataPath())) {
            throw restoreFailed(id, "Snapshot " + id + " holds the data of " + recorded + ", but the data path is now "
                    + options.dataPath() + "; nothing was stopped.",
                    "Set 'snapshot.options.dataPath' back to " + recorded + " to restore it.", null);
        }
        long size;
        try {
            TarCheck.verify(archive, options.dataName());
            size = Files.size(archive);
        } catch (IOException e) {
            throw restoreFailed(id, "Snapshot " + id + " cannot be restored: " + e.getMessage() + " (" + archive
                    + "); nothing was stopped.", "Restore another snapshot ('keel snapshot list').", e);
        }
        List<Problem> problems = new ArrayList<>();
        Optional<Target> located = locate(problems, false);
        if (located.isEmpty() || !problems.isEmpty()) {
            Problem first = problems.get(0);
            throw restoreFailed(id, first.what(), first.fix().replace(" Nothing was stopped.", "")
                    + " Then run any keel command: it finishes the restore.", null);
        }
        Target target = located.get();
        String containerId = target.container().id();
        String step = "stopping the container";
        try {
            context.closeConnections();
            progress.update(SnapshotPhase.STOPPING, 0, 0);
            stopAndConfirm(containerId);
            step = "emptying " + options.dataPath();
            progress.update(SnapshotPhase.SWAPPING, 0, 0);
            empty(target);
            step = "copying the snapshot into " + options.dataPath();
            progress.update(SnapshotPhase.COPYING, 0, size);
            engine.copyIn(containerId, options.dataParent(), archive, bytes(progress, SnapshotPhase.COPYING, size));
            progress.update(SnapshotPhase.COPYING, size, size);
            step = "starting the container";
            progress.update(SnapshotPhase.STARTING, 0, 0);
            engine.start(containerId);
            step = "waiting for the database";
            awaitReady(containerId, progress);
        } catch (IOException | RuntimeException e) {
            throw restoreFailed(id, "Restoring snapshot " + id + " into container '" + target.container().name()
                    + "' failed while " + step + ": " + message(e) + ".",
                    "Fix the cause and restore again (any keel command finishes an interrupted restore): it starts over"
                            + " from the snapshot, which is kept in " + store.complete(id) + ".", e);
        }
    }

    @Override
    public void discard(Snapshot snapshot) {
        try {
            store.discard(SnapshotStore.checkId(snapshot.id()));
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE,
                    "Snapshot " + snapshot.id() + " could not be deleted from " + store.root() + ": " + e.getMessage() + ".",
                    "Make " + store.root() + " writable for the user running Keel, then prune again "
                            + "('keel snapshot prune').");
        }
    }

    @Override
    public List<Snapshot> list() {
        try {
            return store.list(this::belongsHere);
        } catch (UncheckedIOException e) {
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE,
                    "The snapshot folder " + store.root() + " cannot be read: " + e.getCause().getMessage() + ".",
                    "Make " + store.root() + " readable and writable for the user running Keel.");
        }
    }

    /** A snapshot of the configured container, whether it was named or given by id, then or now. */
    private boolean belongsHere(Map<String, String> properties) {
        String configured = options.container();
        return configured.equals(properties.get("docker.container"))
                || configured.equals(properties.get("docker.containerName"))
                || properties.getOrDefault("docker.containerId", "").startsWith(configured);
    }

    @Override
    public void abandonTake(String id, SnapshotProgress progress) {
        try {
            abandon(id, progress);
        } finally {
            engine.close();
        }
    }

    /** Starts the container again if the take had stopped it, then deletes what the take left. */
    private void abandon(String id, SnapshotProgress progress) {
        SnapshotStore.checkId(id);
        String container = options.container();
        try {
            Optional<Map<String, String>> state = store.takeState(id);
            if (state.isPresent() && "true".equals(state.get().get("stopsContainer"))) {
                String stopped = state.get().getOrDefault("containerId", options.container());
                container = state.get().getOrDefault("containerName", stopped);
                ContainerState found = engine.inspect(stopped).or(() -> engine.inspect(options.container()))
                        .orElseThrow(() -> new IOException("the container no longer exists; create it again (e.g. "
                                + "'docker compose up -d'): its data was not changed by the snapshot"));
                if (!found.running()) {
                    progress.update(SnapshotPhase.STARTING, 0, 0);
                    engine.start(found.id());
                    awaitReady(found.id(), progress);
                }
            }
            if (Files.exists(store.partial(id), LinkOption.NOFOLLOW_LINKS)) {
                progress.update(SnapshotPhase.DELETING, 0, 0);
                store.deletePartial(id);
            }
            if (store.properties(id).isPresent()) {
                // Completed just before the crash, but the engine never recorded it: nothing will use it.
                store.discard(id);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeelException k) {
                throw k;
            }
            throw new KeelException(Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Keel could not undo the interrupted snapshot " + id + " of container '" + container + "': "
                            + message(e) + ".",
                    "Make sure the container runs ('docker start " + container + "') and that " + store.root()
                            + " is writable, then run any keel command again: it finishes the clean-up."), e);
        }
    }

    // ------------------------------------------------------------------------------------------ the steps

    /** Stops the container and makes sure it is down: emptying the data path of a running database would lose it. */
    private void stopAndConfirm(String containerId) throws IOException {
        engine.stop(containerId);
        ContainerState now = engine.inspect(containerId)
                .orElseThrow(() -> new IOException("the container disappeared while it was stopped"));
        if (now.running() || now.status().equals("restarting")) {
            throw new IOException("the container is still " + now.status() + " after 'stop' (a restart policy or "
                    + "another tool starts it again?)");
        }
    }

    /**
     * Empties the data path, keeping the folder itself: {@code find PATH -mindepth 1 -delete} in a helper container
     * from the database's own image (or {@code helperImage}), mounting only the data's volume or bind mount.
     */
    private void empty(Target target) throws IOException {
        String image = options.helperImage().orElse(target.container().imageId());
        DockerEngine.HelperRun run;
        try {
            run = engine.runHelper("keel-restore-" + target.container().shortId(), image,
                    List.of("find", options.dataPath(), "-mindepth", "1", "-delete"), target.mount(), false,
                    EMPTY_TIMEOUT);
        } catch (RuntimeException e) {
            throw new IOException("a helper container from image " + shortImage(image) + " could not run 'find' ("
                    + DockerEngine.reason(e) + "); if the image has no 'find', set 'snapshot.options.helperImage' to a"
                    + " local image that has one (e.g. busybox)", e);
        }
        if (run.exitCode() != 0) {
            throw new IOException("'find " + options.dataPath() + " -mindepth 1 -delete' in a helper container exited with "
                    + run.exitCode() + (run.output().isEmpty() ? "" : ": " + run.output()));
        }
    }

    /**
     * The size of the data, to check the free space before anything stops: summed on this machine when the engine is
     * local and the mount's folder is readable here, else measured with {@code du} in a read-only helper container;
     * 0 when neither works (the copy then fails cleanly if the disk fills).
     */
    long measure(Target target) {
        DataMount mount = target.mount();
        Path here = Path.of(mount.source() + options.dataPath().substring(mount.destination().length()));
        if (options.localSocket() && !mount.source().isEmpty() && Files.isDirectory(here)
                && Files.isReadable(here)) {
            try {
                return SnapshotFiles.treeSize(here);
            } catch (RuntimeException unreadable) {
                // measure in a helper instead
            }
        }
        return measureInHelper(target);
    }

    long measureInHelper(Target target) {
        String image = options.helperImage().orElse(target.container().imageId());
        try {
            DockerEngine.HelperRun run = engine.runHelper("keel-measure-" + target.container().shortId(), image,
                    List.of("du", "-s", "-k", options.dataPath()), target.mount(), true, MEASURE_TIMEOUT);
            String[] fields = run.output().strip().split("\\s+");
            if (run.exitCode() == 0 && fields.length > 0 && fields[0].matches("\\d{1,15}")) {
                return Long.parseLong(fields[0]) * 1024;
            }
        } catch (RuntimeException unmeasured) {
            // unknown size
        }
        return 0;
    }

    private void requireSpace(long bytes, Target target) {
        if (bytes <= 0) {
            return;
        }
        // An archive adds a 512-byte header per file and pads each to 512 bytes: a tenth more and 1 MiB cover it.
        long needed = bytes + bytes / 10 + MIB;
        Path existing = SnapshotFiles.existingAncestor(store.root());
        long usable;
        try {
            usable = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot read the free space of " + existing + ": " + e.getMessage() + ".",
                    "Check that the snapshot folder " + store.root() + " is on a mounted file system. Nothing was "
                            + "stopped.");
        }
        if (usable < needed) {
            throw KeelException.of(ErrorCode.SNAPSHOT_NO_SPACE,
                    "A snapshot of " + options.dataPath() + " in container '" + target.container().name() + "' ("
                            + target.mount().describe() + ", " + megabytes(bytes) + ") needs about " + megabytes(needed)
                            + " in " + store.root() + ", but that disk has only " + megabytes(usable)
                            + " free; nothing was stopped or copied.",
                    "Free " + megabytes(needed - usable) + " or more on that disk, or set 'snapshot.directory' to a "
                            + "disk with more room.");
        }
    }

    /**
     * Waits until the started container's database answers: a new session succeeds (after the health check reports
     * {@code healthy}, with readyCheck {@code healthy}). Fails early when the container stops again.
     */
    private void awaitReady(String containerId, SnapshotProgress progress) throws IOException {
        progress.update(SnapshotPhase.WAITING, 0, 0);
        Duration timeout = options.readyTimeout().orElse(context.readyTimeout());
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (true) {
            ContainerState now = engine.inspect(containerId)
                    .orElseThrow(() -> new IOException("the container disappeared after it was started"));
            if (!now.running() && !now.status().equals("restarting") && !now.status().equals("created")) {
                String logs = engine.logTail(containerId, 15);
                throw new IOException("the container " + now.status() + " right after it was started"
                        + (logs.isEmpty() ? "" : "; its last output:\n" + logs));
            }
            boolean healthy = options.readyCheck() != DockerOptions.ReadyCheck.HEALTHY
                    || now.health().map("healthy"::equals).orElse(false);
            if (!healthy) {
                last = "health " + now.health().orElse("unknown");
            } else {
                try {
                    context.openSession().close();
                    return;
                } catch (RuntimeException down) {
                    last = message(down);
                }
            }
            if (System.nanoTime() - deadline > 0) {
                String logs = engine.logTail(containerId, 15);
                throw new IOException("the database did not answer within " + timeout.toSeconds() + " s after the "
                        + "container started (" + last + ")" + (logs.isEmpty() ? "" : "; the container's last output:\n"
                        + logs));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the database", e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ small things

    private static CompletableFuture<Void> flushInBackground(Path file) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread flusher = new Thread(() -> {
            try {
                SnapshotFiles.fsyncFile(file);
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "keel-docker-snapshot-flush");
        flusher.setDaemon(true);
        flusher.start();
        return done;
    }

    private static void awaitFlush(CompletableFuture<Void> flushed) throws IOException {
        try {
            flushed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the archive was written to the disk", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Reports copied bytes, at most every {@link #PROGRESS_STEP}. */
    private static LongConsumer bytes(SnapshotProgress progress, SnapshotPhase phase, long total) {
        long[] reported = {0};
        return done -> {
            if (done - reported[0] >= PROGRESS_STEP) {
                reported[0] = done;
                progress.update(phase, done, Math.max(total, done));
            }
        };
    }

    private KeelException restoreFailed(String id, String what, String fix, Throwable cause) {
        return new KeelException(List.of(Problem.of(ErrorCode.SNAPSHOT_RESTORE_FAILED, what, fix)),
                ExitClass.FAILED_UNRESTORED, cause);
    }

    private static String message(Throwable e) {
        if (e instanceof KeelException k) {
            return k.problems().get(0).what();
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return e.getMessage();
        }
        return DockerEngine.reason(e);
    }

    private static String shortImage(String image) {
        return image.startsWith("sha256:") && image.length() > 19 ? image.substring(7, 19) : image;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
