package dev.keel.jdbc;

import java.util.regex.Pattern;

/**
 * A JDBC URL with every password hidden, for messages and logs: {@code password=…} parameters (any
 * separator: {@code ?}, {@code &}, {@code ;}) and {@code user:secret@} credentials become {@code ****}.
 */
public record MaskedUrl(String text) {

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|pwd|pass|passwd|sslpassword)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]*:)[^@/]*@");

    /** Masks a URL. */
    public static MaskedUrl of(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
        masked = USER_INFO.matcher(masked).replaceAll("$1****@");
        return new MaskedUrl(masked);
    }

    /** Masks every occurrence of a known secret in a message (drivers sometimes echo it). */
    public static String scrub(String message, String secret) {
        if (message == null) {
            return "";
        }
        if (secret == null || secret.isEmpty()) {
            return message;
        }
        return message.replace(secret, "****");
    }

    @Override
    public String toString() {
        return text;
    }
}
