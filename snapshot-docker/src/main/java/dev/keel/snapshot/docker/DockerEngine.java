package dev.keel.snapshot.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The calls the strategy makes to the Docker Engine API, through docker-java: inspect, stop and start a container,
 * stream the archive of a path out of it and back in, and run a short-lived helper container on its data mount.
 * Two clients: a quick one for questions (so {@code keel doctor} never hangs on a silent engine) and one with long
 * timeouts for work (a clean database shutdown, a gigabyte archive).
 */
final class DockerEngine implements AutoCloseable {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration QUICK_RESPONSE = Duration.ofSeconds(20);
    private static final Duration WORK_RESPONSE = Duration.ofMinutes(30);
    private static final int BUFFER = 1 << 20;
    static final String HELPER_LABEL = "dev.keel.role";
    static final String HELPER_ROLE = "snapshot-helper";

    private final URI host;
    private final Duration stopTimeout;
    private DockerClient quick;
    private DockerClient work;

    /**
     * @param host        the engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://HOST:PORT})
     * @param stopTimeout how long a stop may take (Docker's grace period), added to the work client's timeout
     */
    DockerEngine(URI host, Duration stopTimeout) {
        this.host = host;
        this.stopTimeout = stopTimeout;
    }

    URI host() {
        return host;
    }

    /**
     * Why the engine cannot be used, in a few words, or empty when it answers. Never throws.
     */
    Optional<String> unreachable() {
        if ("unix".equals(host.getScheme())) {
            Path socket = Path.of(host.getPath());
            if (!Files.exists(socket)) {
                return Optional.of("there is no socket " + socket + " (the Docker engine is not running on this machine, "
                        + "or the socket is not shared with this container)");
            }
            if (!Files.isReadable(socket) || !Files.isWritable(socket)) {
                return Optional.of("this user may not use the socket " + socket + " (permission denied)");
            }
        }
        try {
            quick().pingCmd().exec();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("it does not answer at " + host + ": " + reason(e));
        }
    }

    /** The engine's version and API version, e.g. {@code 20.10.24 (API 1.41)}. */
    String version() {
        var version = quick().versionCmd().exec();
        return version.getVersion() + " (API " + version.getApiVersion() + ")";
    }

    /** The container named or identified so, or empty when there is none. */
    Optional<ContainerState> inspect(String container) {
        InspectContainerResponse response;
        try {
            response = quick().inspectContainerCmd(container).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        InspectContainerResponse.ContainerState state = response.getState();
        String status = state == null || state.getStatus() == null ? "unknown" : state.getStatus();
        Optional<String> health = Optional.ofNullable(state == null ? null : state.getHealth())
                .map(h -> h.getStatus()).filter(s -> !s.isBlank());
        List<DataMount> mounts = new ArrayList<>();
        if (response.getMounts() != null) {
            for (InspectContainerResponse.Mount m : response.getMounts()) {
                if (m.getDestination() == null || m.getDestination().getPath() == null) {
                    continue;
                }
                String name = m.getName() == null ? "" : m.getName();
                String source = m.getSource() == null ? "" : m.getSource();
                if (name.isEmpty() && source.isEmpty()) {
                    continue; // tmpfs and the like: nothing that outlives the container
                }
                mounts.add(new DataMount(!name.isEmpty(), name, source, m.getDestination().getPath()));
            }
        }
        String name = response.getName() == null ? "" : response.getName().replaceFirst("^/", "");
        return Optional.of(new ContainerState(response.getId(), name,
                response.getImageId() == null ? "" : response.getImageId(), status, health, mounts));
    }

    private boolean localSocket() {
        return "unix".equals(host.getScheme());
    }

    /** The archive calls over the Unix socket, for speed (see {@link SocketArchive}). */
    private SocketArchive socketArchive() {
        return new SocketArchive(Path.of(host.getPath()), WORK_RESPONSE.plus(stopTimeout));
    }

    /** Stops a container (SIGTERM, then SIGKILL after the grace period); one already stopped is fine. */
    void stop(String id) {
        try {
            work().stopContainerCmd(id).withTimeout((int) Math.min(Integer.MAX_VALUE, stopTimeout.toSeconds())).exec();
        } catch (NotModifiedException alreadyStopped) {
            // nothing to do
        }
    }

    /** Starts a container; one already running is fine. */
    void start(String id) {
        try {
            work().startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            // nothing to do
        }
    }

    /**
     * Streams the archive of {@code path} in the container (the engine's {@code GET /containers/ID/archive}) into
     * {@code target}, which must exist (created 0600 by the caller). Over a Unix socket through {@link SocketArchive},
     * otherwise through docker-java.
     *
     * @param progress receives the bytes written so far
     * @return the bytes written
     */
    long copyOut(String id, String path, Path target, LongConsumer progress) throws IOException {
        if (localSocket()) {
            return socketArchive().get(id, path, target, progress);
        }
        return copyOutThroughClient(id, path, target, progress);
    }

    /** {@link #copyOut} through docker-java: for engines not on a Unix socket ({@code tcp://}, with TLS). */
    long copyOutThroughClient(String id, String path, Path target, LongConsumer progress) throws IOException {
        long written = 0;
        try (InputStream in = work().copyArchiveFromContainerCmd(id, path).exec();
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                written += n;
                progress.accept(written);
            }
        }
        return written;
    }

    /**
     * Streams an archive into the container at {@code parentPath} (the engine's {@code PUT /containers/ID/archive}),
     * which works while the container is stopped; ownership and modes come from the archive.
     *
     * @param progress receives the bytes sent so far
     */
    void copyIn(String id, String parentPath, Path archive, LongConsumer progress) throws IOException {
        if (localSocket()) {
            socketArchive().put(id, parentPath, archive, progress);
            return;
        }
        copyInThroughClient(id, parentPath, archive, progress);
    }

    /** {@link #copyIn} through docker-java: for engines not on a Unix socket ({@code tcp://}, with TLS). */
    void copyInThroughClient(String id, String parentPath, Path archive, LongConsumer progress) throws IOException {
        try (InputStream in = new Counting(Files.newInputStream(archive), progress)) {
            work().copyArchiveToContainerCmd(id).withRemotePath(parentPath).withTarInputStream(in).exec();
        }
    }

    /**
     * What a helper container did.
     *
     * @param exitCode its exit code
     * @param output   the end of what it printed
     */
    record HelperRun(int exitCode, String output) {
    }

    /**
     * Runs a short-lived container from {@code image} as root, with no network and only {@code mount} mounted (at
     * its place in the database container), and removes it afterwards. A container of the same name left by a
     * crash is removed first.
     *
     * @param command the program and its arguments (no shell)
     */
    HelperRun runHelper(String name, String image, List<String> command, DataMount mount, boolean readOnly,
            Duration timeout) {
        removeLeftoverHelper(name);
        Mount m = new Mount().withType(mount.volume() ? MountType.VOLUME : MountType.BIND)
                .withSource(mount.volume() ? mount.name() : mount.source())
                .withTarget(mount.destination())
                .withReadOnly(readOnly);
        String id = work().createContainerCmd(image)
                .withName(name)
                .withEntrypoint(command.get(0))
                .withCmd(command.subList(1, command.size()))
                .withUser("0:0")
                .withLabels(Map.of(HELPER_LABEL, HELPER_ROLE))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withMounts(List.of(m)))
                .exec()
                .getId();
        try {
            work().startContainerCmd(id).exec();
            Integer code;
            try (WaitContainerResultCallback waiting = work().waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
                code = waiting.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException closing) {
                code = null;
            }
            return new HelperRun(code == null ? -1 : code, logTail(id, 20));
        } finally {
            removeQuietly(id);
        }
    }

    /** Removes a helper container an interrupted run left under this name; refuses to touch anyone else's. */
    private void removeLeftoverHelper(String name) {
        InspectContainerResponse existing;
        try {
            existing = work().inspectContainerCmd(name).exec();
        } catch (NotFoundException none) {
            return;
        }
        Map<String, String> labels = existing.getConfig() == null || existing.getConfig().getLabels() == null ? Map.of()
                : existing.getConfig().getLabels();
        if (!HELPER_ROLE.equals(labels.get(HELPER_LABEL))) {
            throw new IllegalStateException("a container named '" + name + "' exists that Keel did not create; remove "
                    + "or rename it");
        }
        removeQuietly(existing.getId());
    }

    /**
     * Removes a helper container (forcibly) if it exists, with the anonymous volumes its image's {@code VOLUME} lines
     * made (named volumes and bind mounts stay); failures are ignored.
     */
    void removeQuietly(String nameOrId) {
        try {
            work().removeContainerCmd(nameOrId).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException absentOrBusy) {
            // nothing to remove, or the engine will say so on the next call
        }
    }

    /** The last lines a container printed (stdout and stderr), for error messages; empty when they cannot be read. */
    String logTail(String id, int lines) {
        StringBuilder text = new StringBuilder();
        try (ResultCallback.Adapter<Frame> reading = quick().logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withTail(lines).exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                })) {
            reading.awaitCompletion(10, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException unreadable) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
        return text.toString().strip();
    }

    /** One line saying why a call failed: the engine's message, or what broke on the way to it. */
    static String reason(Throwable e) {
        if (e instanceof DockerException d) {
            String message = d.getMessage() == null ? "" : d.getMessage();
            // docker-java puts the engine's JSON body in the message: {"message":"..."}
            int at = message.indexOf("\"message\":\"");
            if (at >= 0) {
                int end = message.indexOf('"', at + 11);
                message = message.substring(at + 11, end > 0 ? end : message.length());
            }
            return message.strip() + " (HTTP " + d.getHttpStatus() + ")";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }

    private synchronized DockerClient quick() {
        if (quick == null) {
            quick = client(QUICK_RESPONSE);
        }
        return quick;
    }

    private synchronized DockerClient work() {
        if (work == null) {
            work = client(WORK_RESPONSE.plus(stopTimeout));
        }
        return work;
    }

    private DockerClient client(Duration responseTimeout) {
        // DOCKER_TLS_VERIFY and DOCKER_CERT_PATH still apply to a tcp:// engine; the address is always ours.
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.toString())
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(8)
                .connectionTimeout(CONNECT)
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    @Override
    public synchronized void close() {
        for (DockerClient client : new DockerClient[] {quick, work}) {
            if (client != null) {
                try {
                    client.close();
                } catch (IOException | RuntimeException ignored) {
                    // closing sockets; nothing left to do
                }
            }
        }
        quick = null;
        work = null;
    }

    /** Reports how many bytes were read from a stream. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        private long count;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                progress.accept(count);
            }
            return n;
        }
    }
}
