package dev.keel.snapshot.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP framing of {@link SocketArchive} against a scripted peer on a Unix socket: the request it sends, a body
 * read to the end, an error answer turned into the engine's message. (Against the real engine: DockerSnapshotStrategyIT.)
 */
class SocketArchiveTest {

    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    /** Accepts one connection, reads the request (head, and a body of Content-Length), answers with what the script says. */
    private CompletableFuture<byte[]> peer(Path socket, Function<byte[], byte[]> answer) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.supplyAsync(() -> {
            try (server; SocketChannel c = server.accept()) {
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate(65536);
                long expected = -1;
                while (c.read(buffer) >= 0) {
                    buffer.flip();
                    request.write(buffer.array(), 0, buffer.limit());
                    buffer.clear();
                    String text = request.toString(StandardCharsets.ISO_8859_1);
                    int end = text.indexOf("\r\n\r\n");
                    if (end >= 0) {
                        int at = text.indexOf("Content-Length: ");
                        expected = at < 0 ? 0 : Long.parseLong(text.substring(at + 16, text.indexOf("\r\n", at)));
                        if (request.size() >= end + 4 + expected) {
                            break;
                        }
                    }
                }
                c.write(ByteBuffer.wrap(answer.apply(request.toByteArray())));
                return request.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static byte[] concat(String head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Test
    void getSendsAFixedRequestAndReadsTheBodyToTheEnd() throws Exception {
        Path socket = dir.resolve("engine.sock");
        byte[] body = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(body);
        CompletableFuture<byte[]> request = peer(socket, r -> concat(
                "HTTP/1.0 200 OK\r\nContent-Type: application/x-tar\r\nX-Docker-Container-Path-Stat: e30=\r\n\r\n", body));
        Path target = Files.createFile(dir.resolve("out.tar"));
        long[] reported = {0};
        long n = new SocketArchive(socket, Duration.ofSeconds(30)).get(ID, "/var/lib/my sql", target, b -> reported[0] = b);
        assertEquals(body.length, n);
        assertEquals(body.length, reported[0]);
        assertArrayEquals(body, Files.readAllBytes(target));
        String sent = new String(request.get(), StandardCharsets.US_ASCII);
        assertTrue(sent.startsWith("GET /containers/" + ID + "/archive?path=%2Fvar%2Flib%2Fmy%20sql HTTP/1.0\r\n"), sent);
    }

    @Test
    void putSendsTheFileWithItsLengthAndAcceptsOk() throws Exception {
        Path socket = dir.resolve("engine.sock");
        byte[] archive = new byte[2 * 1024 * 1024 + 5];
        new Random(2).nextBytes(archive);
        Path file = Files.write(dir.resolve("data.tar"), archive);
        CompletableFuture<byte[]> request = peer(socket, r -> "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        new SocketArchive(socket, Duration.ofSeconds(30)).put(ID, "/var/lib", file, b -> { });
        byte[] sent = request.get();
        String head = new String(sent, 0, 300, StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("PUT /containers/" + ID + "/archive?path=%2Fvar%2Flib HTTP/1.1\r\n"), head);
        assertTrue(head.contains("Content-Length: " + archive.length + "\r\n"), head);
        int bodyStart = head.indexOf("\r\n\r\n") + 4;
        byte[] received = java.util.Arrays.copyOfRange(sent, bodyStart, sent.length);
        assertArrayEquals(archive, received);
    }

    @Test
    void anErrorAnswerBecomesTheEnginesMessage() throws Exception {
        Path socket = dir.resolve("engine.sock");
        peer(socket, r -> ("HTTP/1.0 404 Not Found\r\nContent-Type: application/json\r\n\r\n"
                + "{\"message\":\"Could not find the file /var/lib/nope in container db\"}\n").getBytes(StandardCharsets.US_ASCII));
        Path target = Files.createFile(dir.resolve("out.tar"));
        IOException e = assertThrows(IOException.class,
                () -> new SocketArchive(socket, Duration.ofSeconds(30)).get(ID, "/var/lib/nope", target, b -> { }));
        assertEquals("Could not find the file /var/lib/nope in container db (HTTP 404 to GET archive)", e.getMessage());
    }

    @Test
    void aMissingSocketIsNamed() {
        Path socket = dir.resolve("none.sock");
        IOException e = assertThrows(IOException.class, () -> new SocketArchive(socket, Duration.ofSeconds(5))
                .get(ID, "/x", dir.resolve("out.tar"), b -> { }));
        assertTrue(e.getMessage().contains(socket.toString()), e::getMessage);
    }

    @Test
    void onlyContainerIdsGoIntoTheRequest() {
        assertThrows(IllegalArgumentException.class, () -> new SocketArchive(dir.resolve("s"), Duration.ofSeconds(5))
                .get("db/../../images", "/x", dir.resolve("out.tar"), b -> { }));
    }
}
