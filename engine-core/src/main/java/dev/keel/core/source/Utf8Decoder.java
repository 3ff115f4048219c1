package dev.keel.core.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a file strictly as UTF-8: a byte that is not valid UTF-8 is an error naming its offset, never a
 * replacement character that would silently change the SQL and its checksum. A leading BOM is dropped.
 */
final class Utf8Decoder {

    private static final char BOM = '\uFEFF';

    /** The text, or empty after adding a FILE_ENCODING_INVALID problem. */
    Optional<String> decode(byte[] bytes, String shown, List<Problem> problems) {
        if (isAscii(bytes)) {
            // Most SQL is plain ASCII, which is valid UTF-8 as it is and cannot hold a BOM.
            return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
        }
        // A decoder is not thread-safe and cheap to make; one per file keeps the reader stateless.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more chars than bytes, so one call decodes everything or stops at the bad byte.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = lineAt(bytes, offset);
            problems.add(Problem.at(ErrorCode.FILE_ENCODING_INVALID, Location.of(shown, line),
                    "The migration file " + shown + " is not valid UTF-8: byte offset " + offset + " (line " + line
                            + ") starts an invalid byte sequence" + byteShown(bytes, offset) + ".",
                    "save the file as UTF-8 (convert it, e.g. with iconv -f <its encoding> -t UTF-8)."));
            return Optional.empty();
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == BOM) {
            out.position(1);
        }
        return Optional.of(out.toString());
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String byteShown(byte[] bytes, int offset) {
        return offset < bytes.length ? String.format(" (0x%02x)", bytes[offset] & 0xff) : "";
    }

    /** 1-based line of a byte offset; only on the error path. */
    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
