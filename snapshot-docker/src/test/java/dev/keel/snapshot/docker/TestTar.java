package dev.keel.snapshot.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes small tar archives byte by byte (ustar headers, as the Docker engine's), to test {@link TarCheck}. */
final class TestTar {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TestTar folder(String name) {
        return entry(name.endsWith("/") ? name : name + "/", '5', new byte[0], "");
    }

    TestTar file(String name, String content) {
        return entry(name, '0', content.getBytes(StandardCharsets.UTF_8), "");
    }

    TestTar hardLink(String name, String target) {
        return entry(name, '1', new byte[0], target);
    }

    /** A PAX header carrying {@code path=} for the next entry, as Go's archive/tar writes for long names. */
    TestTar paxPath(String path) {
        String body = "path=" + path + "\n";
        int length = body.length() + 3;
        String record = length + " " + body;
        if (record.length() != length) {
            record = (length + 1) + " " + body;
        }
        return entry("PaxHeaders/x", 'x', record.getBytes(StandardCharsets.UTF_8), "");
    }

    TestTar entry(String name, char type, byte[] content, String link) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644\0");
        put(header, 108, "0000000\0");
        put(header, 116, "0000000\0");
        put(header, 124, String.format("%011o\0", content.length));
        put(header, 136, "00000000000\0");
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = (byte) type;
        put(header, 157, link);
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        out.writeBytes(header);
        out.writeBytes(content);
        int pad = (512 - content.length % 512) % 512;
        out.writeBytes(new byte[pad]);
        return this;
    }

    /** The archive with its two end-of-archive blocks. */
    byte[] bytes() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(out.toByteArray());
        whole.writeBytes(new byte[1024]);
        return whole.toByteArray();
    }

    /** The archive without its end: what a download cut short leaves. */
    byte[] withoutEnd() {
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
