package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 (lower-case hex) of a script's text with the BOM removed and line endings normalised
 * to LF, so that a CRLF checkout of an applied file does not look modified.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Checksum(String hex) {

    public Checksum {
        Objects.requireNonNull(hex, "hex");
        if (!isHex64(hex)) {
            throw new IllegalArgumentException("a checksum is 64 lower-case hex digits: '" + hex + "'");
        }
    }

    private static boolean isHex64(String hex) {
        if (hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The checksum of a script text. */
    public static Checksum of(String text) {
        String normalised = normalise(text);
        MessageDigest sha = SHA_256.get();
        return new Checksum(HexFormat.of().formatHex(sha.digest(normalised.getBytes(StandardCharsets.UTF_8))));
    }

    /** One digest per thread: looking the algorithm up costs more than hashing a small migration. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    });

    /** The text as the checksum sees it: no BOM, LF line endings. */
    public static String normalise(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The first 8 hex digits, for display. */
    public String shortForm() {
        return hex.substring(0, 8);
    }

    @Override
    public String toString() {
        return hex;
    }
}
