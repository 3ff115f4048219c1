package dev.keel.snapshot.docker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the headers of a tar archive made by the Docker engine and checks that it is whole (every entry's data is
 * there, headers' checksums match, the end-of-archive blocks are present) and that every entry lies inside one top
 * folder. A truncated download would otherwise be published as a snapshot and, restored, lose data; an entry outside
 * the top folder would write beside the data path.
 */
final class TarCheck {

    private static final int BLOCK = 512;

    /**
     * What the archive holds.
     *
     * @param entries      how many entries (files, folders, links)
     * @param contentBytes the bytes of the regular files
     */
    record Summary(long entries, long contentBytes) {
    }

    private TarCheck() {
    }

    /**
     * @param topFolder the name every entry must be, or start with followed by {@code /} (e.g. {@code mysql})
     * @throws IOException naming what is wrong, when the archive is not whole or has an entry outside the folder
     */
    static Summary verify(Path archive, String topFolder) throws IOException {
        try (FileChannel in = FileChannel.open(archive, StandardOpenOption.READ)) {
            long size = in.size();
            long position = 0;
            long entries = 0;
            long content = 0;
            String longName = null;
            String paxPath = null;
            ByteBuffer header = ByteBuffer.allocate(BLOCK);
            while (true) {
                if (position + BLOCK > size) {
                    throw new IOException("the archive ends inside an entry header at byte " + position
                            + " (no end-of-archive marker): it is incomplete");
                }
                read(in, header, position);
                byte[] h = header.array();
                if (isZero(h)) {
                    // The end: one zero block, normally followed by a second; anything else after it is padding.
                    return new Summary(entries, content);
                }
                if (checksum(h) != octal(h, 148, 8, position)) {
                    throw new IOException("the entry header at byte " + position + " has a wrong checksum: the archive "
                            + "is damaged");
                }
                long length = length(h, position);
                long dataBlocks = (length + BLOCK - 1) / BLOCK;
                long dataStart = position + BLOCK;
                if (dataStart + dataBlocks * BLOCK > size) {
                    throw new IOException("the archive ends inside the data of entry " + name(h, longName, paxPath)
                            + ": it is incomplete");
                }
                char type = (char) h[156];
                switch (type) {
                    case 'x' -> paxPath = paxPath(in, dataStart, length);
                    case 'L' -> longName = text(in, dataStart, length);
                    case 'g', 'K' -> {
                        // global attributes, GNU long link name: nothing to check
                    }
                    default -> {
                        String name = name(h, longName, paxPath);
                        inside(name, topFolder);
                        if (type == '1') {
                            inside(cString(h, 157, 100), topFolder);
                        }
                        if (type == '0' || type == '\0' || type == '7') {
                            content += length;
                        }
                        entries++;
                        longName = null;
                        paxPath = null;
                    }
                }
                position = dataStart + dataBlocks * BLOCK;
            }
        }
    }

    private static void inside(String name, String topFolder) throws IOException {
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        boolean under = n.equals(topFolder) || n.startsWith(topFolder + "/");
        boolean climbs = ("/" + n + "/").contains("/../");
        if (!under || climbs || n.startsWith("/")) {
            throw new IOException("the entry '" + name + "' is not inside the folder '" + topFolder + "'");
        }
    }

    private static String name(byte[] h, String longName, String paxPath) {
        if (paxPath != null) {
            return paxPath;
        }
        if (longName != null) {
            return longName;
        }
        String name = cString(h, 0, 100);
        String magic = cString(h, 257, 6);
        String prefix = magic.startsWith("ustar") ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} record of a PAX extended header ({@code "LEN path=VALUE\n"} records), when it has one. */
    private static String paxPath(FileChannel in, long start, long length) throws IOException {
        String records = text(in, start, length);
        String found = null;
        int i = 0;
        while (i < records.length()) {
            int space = records.indexOf(' ', i);
            if (space < 0) {
                break;
            }
            int recordLength;
            try {
                recordLength = Integer.parseInt(records.substring(i, space));
            } catch (NumberFormatException e) {
                throw new IOException("a PAX header has a malformed record: the archive is damaged");
            }
            byte[] bytes = records.substring(i).getBytes(StandardCharsets.UTF_8);
            if (recordLength <= 0 || recordLength > bytes.length) {
                throw new IOException("a PAX header has a malformed record: the archive is damaged");
            }
            String record = new String(bytes, 0, recordLength, StandardCharsets.UTF_8);
            String keyValue = record.substring(record.indexOf(' ') + 1, record.length() - 1);
            if (keyValue.startsWith("path=")) {
                found = keyValue.substring("path=".length());
            }
            i += record.length();
        }
        return found;
    }

    private static String text(FileChannel in, long start, long length) throws IOException {
        if (length > 1 << 20) {
            throw new IOException("a tar metadata entry of " + length + " bytes is too large: the archive is damaged");
        }
        ByteBuffer data = ByteBuffer.allocate((int) length);
        read(in, data, start);
        byte[] bytes = data.array();
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static void read(FileChannel in, ByteBuffer buffer, long position) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("the archive ends early at byte " + (position + buffer.position()));
            }
        }
        buffer.flip();
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long checksum(byte[] h) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        return sum;
    }

    /** The size field: octal text, or base-256 (GNU) when its first byte has the high bit set. */
    private static long length(byte[] h, long position) throws IOException {
        if ((h[124] & 0x80) != 0) {
            long value = h[124] & 0x7f;
            for (int i = 125; i < 136; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw new IOException("the entry at byte " + position + " has an impossible size");
                }
                value = (value << 8) | (h[i] & 0xff);
            }
            return value;
        }
        return octal(h, 124, 12, position);
    }

    private static long octal(byte[] h, int offset, int length, long position) throws IOException {
        long value = 0;
        boolean digits = false;
        for (int i = offset; i < offset + length; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (digits) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7') {
                throw new IOException("the entry header at byte " + position + " has a malformed number: the archive is"
                        + " damaged");
            }
            value = (value << 3) + (b - '0');
            digits = true;
        }
        return value;
    }

    private static String cString(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) {
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.UTF_8);
    }
}
