package dev.keel.snapshot.docker;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.SnapshotOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code docker} strategy's options from {@code snapshot.options} in {@code keel.yaml}, checked.
 *
 * @param container    the database container, by name or id (as {@code docker ps} shows it)
 * @param dataPath     where the database keeps its data inside the container (a volume or bind mount, or a folder in one)
 * @param dockerHost   the Docker engine: the {@code dockerHost} option, else {@code DOCKER_HOST}, else the local socket
 * @param readyTimeout how long to wait for the restarted database, when set (else the engine's default)
 * @param readyCheck   what "the database is ready" means after a start
 * @param stopTimeout  how long Docker lets the database shut down cleanly before it kills it
 * @param helperImage  the image of the short-lived container that empties the data path before a restore and measures
 *                     it before a take, when set (else the database container's own image: nothing is pulled)
 */
record DockerOptions(String container, String dataPath, URI dockerHost, Optional<Duration> readyTimeout,
        ReadyCheck readyCheck, Duration stopTimeout, Optional<String> helperImage) {

    static final String CONTAINER = "container";
    static final String DATA_PATH = "dataPath";
    static final String DOCKER_HOST = "dockerHost";
    static final String READY_TIMEOUT = "readyTimeout";
    static final String READY_CHECK = "readyCheck";
    static final String STOP_TIMEOUT = "stopTimeout";
    static final String HELPER_IMAGE = "helperImage";
    static final Set<String> NAMES = Set.of(CONTAINER, DATA_PATH, DOCKER_HOST, READY_TIMEOUT, READY_CHECK, STOP_TIMEOUT,
            HELPER_IMAGE);

    static final String DEFAULT_DATA_PATH = "/var/lib/mysql";
    static final String DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(60);

    /** Docker's container names ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}, a leading {@code /} allowed) and hex ids. */
    private static final Pattern CONTAINER_NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}");
    /** An image reference: registry/name:tag@digest, or an image id; nothing a shell or a URL would read twice. */
    private static final Pattern IMAGE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.:/@-]{0,254}");
    private static final Pattern PLAIN_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    /** What "ready" means after the container was started. */
    enum ReadyCheck {
        /** A new database session succeeds. */
        SESSION,
        /** The container's Docker health check reports {@code healthy}, then a new session succeeds. */
        HEALTHY;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Reads and checks the options.
     *
     * @param environment the process environment ({@code DOCKER_HOST})
     * @throws dev.keel.spi.KeelException {@code CONFIG_INVALID} naming the option and where it was written
     */
    static DockerOptions from(SnapshotOptions options, Map<String, String> environment) {
        String container = options.text(CONTAINER)
                .map(String::strip)
                .orElseThrow(() -> options.invalid(CONTAINER,
                        "set to the name or id of the database's container, as 'docker ps' shows it (it is required)"));
        if (!CONTAINER_NAME.matcher(container).matches()) {
            throw options.invalid(CONTAINER, "a container name or id: letters, digits, '_', '.' and '-', not '"
                    + container + "'");
        }
        if (container.startsWith("/")) {
            container = container.substring(1);
        }
        String dataPath = dataPath(options);
        URI host = dockerHost(options, environment);
        Optional<Duration> readyTimeout = options.text(READY_TIMEOUT).map(v -> duration(options, READY_TIMEOUT, v));
        ReadyCheck readyCheck = options.text(READY_CHECK).map(v -> readyCheck(options, v)).orElse(ReadyCheck.SESSION);
        Duration stopTimeout = options.text(STOP_TIMEOUT).map(v -> duration(options, STOP_TIMEOUT, v))
                .orElse(DEFAULT_STOP_TIMEOUT);
        Optional<String> helperImage = options.text(HELPER_IMAGE).map(String::strip);
        if (helperImage.isPresent() && !IMAGE.matcher(helperImage.get()).matches()) {
            throw options.invalid(HELPER_IMAGE, "an image present on the Docker engine, e.g. busybox:1.36 or an image id");
        }
        return new DockerOptions(container, dataPath, host, readyTimeout, readyCheck, stopTimeout, helperImage);
    }

    /** The folder holding {@link #dataPath} inside the container, where the archive is put back. */
    String dataParent() {
        int slash = dataPath.lastIndexOf('/');
        return slash == 0 ? "/" : dataPath.substring(0, slash);
    }

    /** The last name of {@link #dataPath}: the top folder of the archive the engine makes of it. */
    String dataName() {
        return dataPath.substring(dataPath.lastIndexOf('/') + 1);
    }

    /** Whether {@link #dockerHost} is a Unix socket (the engine runs on this machine, or its socket is shared). */
    boolean localSocket() {
        return "unix".equals(dockerHost.getScheme());
    }

    private static String dataPath(SnapshotOptions options) {
        String path = options.text(DATA_PATH).map(String::strip).orElse(DEFAULT_DATA_PATH);
        // An absolute, normalised folder below '/': the archive of '/' would be the whole container.
        boolean normal = path.startsWith("/") && path.length() > 1 && !path.endsWith("/") && !path.contains("//")
                && !path.contains("\0") && !path.contains("\n")
                && Arrays.stream(path.substring(1).split("/")).noneMatch(p -> p.equals(".") || p.equals(".."));
        if (!normal) {
            throw options.invalid(DATA_PATH, "an absolute folder inside the container other than '/', written without "
                    + "'.', '..' or a trailing '/' (e.g. " + DEFAULT_DATA_PATH + "), not '" + path + "'");
        }
        return path;
    }

    private static URI dockerHost(SnapshotOptions options, Map<String, String> environment) {
        Optional<String> configured = options.text(DOCKER_HOST).map(String::strip);
        String fromEnvironment = environment.get("DOCKER_HOST");
        String text = configured.orElseGet(() -> fromEnvironment == null || fromEnvironment.isBlank()
                ? DEFAULT_DOCKER_HOST : fromEnvironment.strip());
        String where = configured.isPresent() ? null : fromEnvironment == null || fromEnvironment.isBlank() ? "" : "DOCKER_HOST";
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean valid = switch (scheme) {
                case "unix" -> uri.getPath() != null && uri.getPath().startsWith("/");
                case "tcp" -> uri.getHost() != null && uri.getPort() > 0;
                default -> false;
            };
            if (valid) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        if ("DOCKER_HOST".equals(where)) {
            throw KeelException.of(ErrorCode.CONFIG_INVALID,
                    "The variable DOCKER_HOST ('" + text + "') is not an address the docker snapshot strategy can use.",
                    "Set DOCKER_HOST to unix:///path/to/docker.sock or tcp://HOST:PORT, or set "
                            + "'snapshot.options.dockerHost' in keel.yaml.");
        }
        throw options.invalid(DOCKER_HOST, "unix:///path/to/docker.sock or tcp://HOST:PORT, not '" + text + "'");
    }

    private static ReadyCheck readyCheck(SnapshotOptions options, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "session" -> ReadyCheck.SESSION;
            case "healthy" -> ReadyCheck.HEALTHY;
            default -> throw options.invalid(READY_CHECK, "'session' (a new database session succeeds) or 'healthy' "
                    + "(the container's health check passes, then a session succeeds), not '" + value + "'");
        };
    }

    /** {@code 90}, {@code 90s}, {@code 1500ms}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT2M}); more than zero. */
    static Duration duration(SnapshotOptions options, String name, String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Duration duration = null;
        Matcher m = PLAIN_DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            duration = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        } else if (text.startsWith("pt")) {
            try {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                duration = null;
            }
        }
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw options.invalid(name, "a duration of more than zero, e.g. 120 (seconds), 90s, 2m or PT2M, not '"
                    + value + "'");
        }
        return duration;
    }
}
