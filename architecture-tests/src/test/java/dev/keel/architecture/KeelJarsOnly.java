package dev.keel.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Imports class folders and Keel's own jars ({@code keel-*.jar}, as Maven resolves sibling modules
 * outside the reactor), and no other jar, so a third-party jar that happened to ship a
 * {@code dev.keel} package could not make a rule pass or fail.
 */
public final class KeelJarsOnly implements ImportOption {

    private static final Pattern KEEL_JAR = Pattern.compile(".*/keel-[^/!]*\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
        return !location.isArchive() || location.matches(KEEL_JAR);
    }
}
