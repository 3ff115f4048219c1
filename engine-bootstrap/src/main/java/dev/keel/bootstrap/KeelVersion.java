package dev.keel.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this Keel build, as Maven stamped it. */
public final class KeelVersion {

    private static final String VERSION = load();

    private KeelVersion() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = KeelVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
