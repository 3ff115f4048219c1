package dev.keel.snapshot.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two bulk calls of the strategy — {@code GET} and {@code PUT /containers/{id}/archive} — over the engine's Unix
 * socket with the JDK's own Unix-domain channel and megabyte buffers (the file is sent with {@code transferTo}).
 * docker-java's socket (JNA, 8 KiB reads) moved a 1.2 GB archive in 23 s where this and the {@code docker} CLI take
 * 8 s (docs/snapshot-docker.md); every other call still goes through docker-java. The request is fixed text with
 * the container id checked and the path URL-encoded; nothing of it reaches a shell.
 */
final class SocketArchive {

    private static final int BUFFER = 1 << 20;
    private static final int MAX_HEAD = 64 * 1024;
    private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{12,64}");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Path socket;
    private final Duration timeout;

    /**
     * @param socket  the engine's socket ({@code /var/run/docker.sock})
     * @param timeout the longest a call may take; the connection is closed then
     */
    SocketArchive(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /** Streams the archive of {@code path} in the container into {@code target} (which exists); returns its size. */
    long get(String containerId, String path, Path target, LongConsumer progress) throws IOException {
        String request = "GET /containers/" + checked(containerId) + "/archive?path=" + encode(path) + " HTTP/1.0\r\n"
                + "Host: docker\r\nUser-Agent: keel\r\n\r\n";
        try (SocketChannel channel = open();
                FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            Timer watchdog = watch(channel);
            try {
                return receive(channel, request, out, progress);
            } finally {
                watchdog.cancel();
            }
        }
    }

    private static long receive(SocketChannel channel, String request, FileChannel out, LongConsumer progress)
            throws IOException {
        writeFully(channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        int status = readHead(channel, buffer);
        if (status != 200) {
            throw failure("GET", status, channel, buffer);
        }
        // HTTP/1.0: no chunking, the body ends when the engine closes the connection.
        long written = 0;
        do {
            buffer.flip();
            while (buffer.hasRemaining()) {
                written += out.write(buffer);
            }
            progress.accept(written);
            buffer.clear();
        } while (channel.read(buffer) >= 0);
        return written;
    }

    /** Streams an archive file into the container at {@code parentPath} (the engine extracts it there). */
    void put(String containerId, String parentPath, Path archive, LongConsumer progress) throws IOException {
        try (SocketChannel channel = open(); FileChannel in = FileChannel.open(archive, StandardOpenOption.READ)) {
            Timer watchdog = watch(channel);
            try {
                send(channel, containerId, parentPath, in, progress);
            } finally {
                watchdog.cancel();
            }
        }
    }

    private static void send(SocketChannel channel, String containerId, String parentPath, FileChannel in,
            LongConsumer progress) throws IOException {
        long size = in.size();
        String request = "PUT /containers/" + checked(containerId) + "/archive?path=" + encode(parentPath)
                + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: keel\r\nContent-Type: application/x-tar\r\n"
                + "Content-Length: " + size + "\r\nConnection: close\r\n\r\n";
        writeFully(channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        long sent = 0;
        while (sent < size) {
            long n = in.transferTo(sent, Math.min(8L * BUFFER, size - sent), channel);
            if (n <= 0) {
                throw new IOException("the engine stopped reading the archive after " + sent + " of " + size
                        + " bytes");
            }
            sent += n;
            progress.accept(sent);
        }
        ByteBuffer buffer = ByteBuffer.allocate(MAX_HEAD);
        int status = readHead(channel, buffer);
        if (status != 200) {
            throw failure("PUT", status, channel, buffer);
        }
    }

    private SocketChannel open() throws IOException {
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new IOException("cannot connect to the Docker engine's socket " + socket + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the status line and headers; leaves what came after them (the start of the body) in the buffer, ready
     * for more reads (position at its end).
     *
     * @return the status code
     */
    private static int readHead(SocketChannel channel, ByteBuffer buffer) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the engine closed the connection before it answered");
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                head.write(buffer.get());
                byte[] h = head.toByteArray();
                int n = h.length;
                if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                    buffer.compact();
                    String statusLine = new String(h, 0, Math.max(0, indexOf(h, '\r')), StandardCharsets.US_ASCII);
                    String[] parts = statusLine.split(" ");
                    if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
                        throw new IOException("the engine answered something that is not HTTP: " + statusLine);
                    }
                    return Integer.parseInt(parts[1]);
                }
                if (n > MAX_HEAD) {
                    throw new IOException("the engine's answer has no end of headers");
                }
            }
            buffer.clear();
        }
    }

    /** The engine's error message (its JSON {@code message}) as an exception. */
    private static IOException failure(String method, int status, SocketChannel channel, ByteBuffer buffer) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            do {
                buffer.flip();
                while (buffer.hasRemaining() && body.size() < MAX_HEAD) {
                    body.write(buffer.get());
                }
                buffer.clear();
            } while (body.size() < MAX_HEAD && channel.read(buffer) >= 0);
        } catch (IOException unreadable) {
            // the status says enough
        }
        String text = body.toString(StandardCharsets.UTF_8);
        Matcher m = MESSAGE.matcher(text);
        String message = m.find() ? m.group(1).replace("\\\"", "\"") : text.strip();
        return new IOException(message + " (HTTP " + status + " to " + method + " archive)");
    }

    private static void writeFully(SocketChannel channel, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    private static String checked(String containerId) {
        if (!CONTAINER_ID.matcher(containerId).matches()) {
            throw new IllegalArgumentException("not a container id: " + containerId);
        }
        return containerId;
    }

    private static String encode(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int indexOf(byte[] bytes, char c) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return bytes.length;
    }

    /** Closes the connection when a call takes longer than the timeout, so a silent engine cannot hang Keel. */
    private Timer watch(SocketChannel channel) {
        Timer timer = new Timer("keel-docker-archive-watchdog", true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing is all there is to do
                }
            }
        }, timeout.toMillis());
        return timer;
    }
}
