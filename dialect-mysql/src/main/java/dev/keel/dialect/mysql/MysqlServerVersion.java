package dev.keel.dialect.mysql;

import dev.keel.spi.ServerInfo;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the product and version from a MySQL or MariaDB version string ({@code SELECT VERSION()}, or the
 * driver's {@code getDatabaseProductVersion()}): {@code 10.11.6-MariaDB-0+deb12u1} is MariaDB 10.11,
 * {@code 8.0.36} and {@code 8.4.2-log} are MySQL. The {@code 5.5.5-} prefix MariaDB 10 sends in its handshake (for
 * old clients), which makes mysql-connector-j report such a server as MySQL 5.5, is skipped.
 */
final class MysqlServerVersion {

    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final String HANDSHAKE_PREFIX = "5.5.5-";

    private MysqlServerVersion() {
    }

    /** The server described by a version string. */
    static ServerInfo parse(String versionText) {
        String text = versionText.strip();
        boolean mariaDb = text.toLowerCase(Locale.ROOT).contains("mariadb");
        if (mariaDb && text.startsWith(HANDSHAKE_PREFIX)) {
            text = text.substring(HANDSHAKE_PREFIX.length());
        }
        Matcher m = NUMBERS.matcher(text);
        int major = 0;
        int minor = 0;
        if (m.lookingAt()) {
            major = Integer.parseInt(m.group(1));
            minor = Integer.parseInt(m.group(2));
        }
        return new ServerInfo(mariaDb ? "MariaDB" : "MySQL", text, major, minor);
    }
}
