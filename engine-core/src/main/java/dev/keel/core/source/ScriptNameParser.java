package dev.keel.core.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.SourceFile;
import dev.keel.spi.migration.Version;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a migration file's relative name (SPEC §2): plain {@code 0007_x.sql}, pairs {@code 0007_x.up.sql} /
 * {@code .down.sql}, Flyway {@code V7__x.sql} / {@code U7__x.sql}, {@code rollback/0007_x.sql}, and the
 * dialect and {@code .autocommit} parts of the popx layout. Hand-written rather than a regex: it runs once
 * per file on every command, and each way of failing gets its own message.
 */
final class ScriptNameParser {

    static final String ACCEPTED_FORMS = "rename it to one of the accepted forms: 0007_description.sql, "
            + "0007_description.up.sql with 0007_description.down.sql, V7__description.sql with U7__description.sql, "
            + "rollback/0007_description.sql, optionally with a dialect before the suffix "
            + "(0007_description.postgres.sql, 0007_description.postgres.up.sql); see docs/migration-files.md";

    private static final String ROLLBACK_FOLDER = "rollback/";
    private static final String SUFFIX = ".sql";

    private final DialectNames dialects;

    ScriptNameParser(DialectNames dialects) {
        this.dialects = dialects;
    }

    /**
     * What the file's name says, or empty when the file is not a migration (not {@code .sql}, in another
     * sub-folder) or its name is wrong, in which case a problem has been added.
     */
    Optional<ScriptName> parse(SourceFile file, List<Problem> problems) {
        String relative = file.relativeName();
        String shown = file.displayName();
        if (escapesFolder(relative)) {
            problems.add(Problem.at(ErrorCode.PATH_ESCAPES_FOLDER, Location.of(shown),
                    "The migration file name '" + relative + "' points outside its migrations folder.",
                    "list only files inside the migrations folder; a name must not be absolute, "
                            + "contain '..' parts, backslashes or NUL characters."));
            return Optional.empty();
        }
        if (!endsWithIgnoreCase(relative, SUFFIX)) {
            return Optional.empty();
        }
        boolean rollback = false;
        String fileName = relative;
        if (relative.indexOf('/') >= 0) {
            // Only the rollback folder holds migrations; other sub-folders belong to the user.
            if (!relative.startsWith(ROLLBACK_FOLDER) || relative.indexOf('/', ROLLBACK_FOLDER.length()) >= 0) {
                return Optional.empty();
            }
            rollback = true;
            fileName = relative.substring(ROLLBACK_FOLDER.length());
        }
        String base = fileName.substring(0, fileName.length() - SUFFIX.length());
        NameReport report = new NameReport(shown, problems);
        if (base.isEmpty()) {
            return report.invalid("The migration file " + shown + " has no version in its name.", ACCEPTED_FORMS);
        }
        char first = base.charAt(0);
        if (rollback) {
            return isDigit(first) ? parsePlain(relative, base, Direction.DOWN, true, report)
                    : report.invalid("The rollback file " + shown + " does not start with a version.",
                            "name rollback files <version>_<description>.sql, e.g. rollback/0007_rollback.sql.");
        }
        if (base.startsWith("R__")) {
            return report.invalid("The migration file " + shown + " is a Flyway repeatable migration (R__).",
                    "Keel has no repeatable migrations: turn it into a versioned migration (e.g. V8__"
                            + base.substring(3) + ".sql) or move it out of the migrations folder.");
        }
        if ((first == 'V' || first == 'U') && base.length() > 1 && isDigit(base.charAt(1))) {
            return parseFlyway(relative, base, first == 'V' ? Direction.UP : Direction.DOWN, report);
        }
        if (isDigit(first)) {
            return parsePlain(relative, base, Direction.UP, false, report);
        }
        return report.invalid("The migration file " + shown + " does not start with a version.", ACCEPTED_FORMS);
    }

    /** {@code <version>[_|__<description>][.<dialect>][.autocommit][.up|.down]}. */
    private Optional<ScriptName> parsePlain(
            String relative, String base, Direction direction, boolean rollback, NameReport report) {
        int i = 0;
        int n = base.length();
        // A dot belongs to the version only when a digit follows it, so "0007.postgres" ends at the dot.
        while (i < n && (isDigit(base.charAt(i)) || (base.charAt(i) == '.' && i + 1 < n && isDigit(base.charAt(i + 1))))) {
            i++;
        }
        String versionText = base.substring(0, i);
        if (i < n && base.charAt(i) != '_' && base.charAt(i) != '.') {
            return report.invalid("The migration file " + report.shown + " has '" + base.charAt(i)
                    + "' after its version " + versionText + "; Keel expects '_' there.", ACCEPTED_FORMS);
        }
        int descriptionStart = i;
        if (i < n && base.charAt(i) == '_') {
            descriptionStart = base.startsWith("__", i) ? i + 2 : i + 1;
        }
        return finish(relative, base, versionText, descriptionStart, direction,
                rollback ? Role.ROLLBACK : Role.PLAIN, report);
    }

    /** {@code V|U<version with . or _>__<description>[.<dialect>][.autocommit]}. */
    private Optional<ScriptName> parseFlyway(String relative, String base, Direction direction, NameReport report) {
        int separator = base.indexOf("__", 1);
        if (separator < 0) {
            return report.invalid("The Flyway migration file " + report.shown
                    + " does not separate version and description with two underscores.",
                    "name it like V7__description.sql or V1_2__description.sql; " + ACCEPTED_FORMS);
        }
        String versionText = base.substring(1, separator).replace('_', '.');
        return finish(relative, base, versionText, separator + 2, direction, Role.FLYWAY, report);
    }

    private Optional<ScriptName> finish(String relative, String base, String versionText, int descriptionStart,
            Direction direction, Role role, NameReport report) {
        if (!Version.isValid(versionText)) {
            return report.invalid("The migration file " + report.shown + " has an invalid version '" + versionText
                    + "'; a version is digits, optionally dotted (7, 20251027120000, 1.2.10).", ACCEPTED_FORMS);
        }
        int dot = base.indexOf('.', descriptionStart);
        String description = (dot < 0 ? base.substring(descriptionStart) : base.substring(descriptionStart, dot))
                .replace('_', ' ').trim();
        Optional<String> dialect = Optional.empty();
        boolean autocommit = false;
        Direction resolved = direction;
        if (dot >= 0) {
            String[] parts = base.substring(dot + 1).split("\\.", -1);
            int end = parts.length;
            String last = parts[end - 1].toLowerCase(Locale.ROOT);
            if (last.equals("up") || last.equals("down")) {
                if (role != Role.PLAIN && !(role == Role.ROLLBACK && last.equals("down"))) {
                    return report.invalid("The migration file " + report.shown + " has '." + last
                            + "' in a name whose form already says its direction.",
                            "remove '." + last + "' from the name; " + ACCEPTED_FORMS);
                }
                resolved = last.equals("up") ? Direction.UP : Direction.DOWN;
                end--;
            }
            for (int p = 0; p < end; p++) {
                String part = parts[p];
                Optional<String> named = dialect.isEmpty() ? dialects.dialectOf(part) : Optional.empty();
                if (part.equalsIgnoreCase("autocommit") && !autocommit) {
                    autocommit = true;
                } else if (named.isPresent()) {
                    dialect = named;
                } else {
                    return report.invalid("The migration file " + report.shown + " has a dotted part '" + part
                            + "' that is neither a dialect nor .up, .down or .autocommit.",
                            "remove dots from the description (use '_' instead), or use a known dialect name "
                                    + "(e.g. .postgres, .mysql, .sqlite) right before .sql, .up.sql or .down.sql.");
                }
            }
        }
        return Optional.of(new ScriptName(relative, Version.parse(versionText), description, resolved, dialect,
                autocommit));
    }

    /** Names handed to Keel must never reach outside the folder they were listed from. */
    static boolean escapesFolder(String relative) {
        if (relative.isEmpty() || relative.charAt(0) == '/' || relative.indexOf('\\') >= 0
                || relative.indexOf('\0') >= 0) {
            return true;
        }
        if (relative.length() > 1 && relative.charAt(1) == ':' && Character.isLetter(relative.charAt(0))) {
            return true; // a Windows drive, e.g. C:x.sql
        }
        int start = 0;
        while (start <= relative.length()) {
            int slash = relative.indexOf('/', start);
            int end = slash < 0 ? relative.length() : slash;
            if (end - start == 2 && relative.startsWith("..", start)) {
                return true;
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return false;
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Which naming convention the name follows; only plain names may say up or down with a suffix. */
    private enum Role { PLAIN, FLYWAY, ROLLBACK }

    /** Adds a FILE_NAME_INVALID problem for one file. */
    private record NameReport(String shown, List<Problem> problems) {
        Optional<ScriptName> invalid(String what, String fix) {
            problems.add(Problem.at(ErrorCode.FILE_NAME_INVALID, Location.of(shown), what, fix));
            return Optional.empty();
        }
    }
}
