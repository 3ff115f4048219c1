package dev.keel.core.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import java.util.List;
import java.util.Optional;

/**
 * How a file splits at its markers. The UP part is everything before the DOWN marker line (the header
 * and the UP marker included, so that directives and metadata above the UP marker count and line numbers
 * of the UP part are those of the file); the DOWN part is everything after the DOWN marker line. The DOWN
 * marker line itself belongs to neither, so editing the DOWN never changes the UP checksum.
 *
 * @param up       the UP marker, when there is one
 * @param down     the DOWN marker, when there is one
 * @param upEnd    end (exclusive) of the UP part: the DOWN marker line's start, or the text's length
 */
record MarkerSections(Optional<Marker> up, Optional<Marker> down, int upEnd) {

    /**
     * Finds the markers of a file, or empty after adding problems: markers in a DOWN file, duplicate markers,
     * a DOWN marker before the UP marker, statements before the UP marker, a near-miss marker.
     */
    static Optional<MarkerSections> split(
            String text, List<CommentLine> comments, Direction fileDirection, String shown, List<Problem> problems) {
        int before = problems.size();
        Marker up = null;
        Marker down = null;
        for (CommentLine line : comments) {
            Optional<Marker> found = MarkerParser.parse(line, shown, problems);
            if (found.isEmpty()) {
                continue;
            }
            Marker marker = found.get();
            if (fileDirection == Direction.DOWN) {
                invalid(problems, shown, marker, "has a section marker, but it is a DOWN file",
                        "remove the marker: a .down.sql, U or rollback/ file is entirely the DOWN migration.");
            } else if (marker.direction() == Direction.UP && up != null) {
                invalid(problems, shown, marker, "has a second UP marker (the first is on line " + up.line().number() + ")",
                        "keep one UP marker and one DOWN marker per file.");
            } else if (marker.direction() == Direction.DOWN && down != null) {
                invalid(problems, shown, marker, "has a second DOWN marker (the first is on line "
                        + down.line().number() + ")", "keep one UP marker and one DOWN marker per file.");
            } else if (marker.direction() == Direction.UP && down != null) {
                invalid(problems, shown, marker, "has its UP marker after the DOWN marker on line "
                        + down.line().number(), "put the UP section first, then the DOWN section.");
            } else if (marker.direction() == Direction.UP) {
                up = marker;
            } else {
                down = marker;
            }
        }
        if (up != null) {
            checkHeader(text, up, shown, problems);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        int upEnd = down == null ? text.length() : down.line().start();
        return Optional.of(new MarkerSections(Optional.ofNullable(up), Optional.ofNullable(down), upEnd));
    }

    /** Only comments may precede the UP marker: SQL there would belong to no section. */
    private static void checkHeader(String text, Marker up, String shown, List<Problem> problems) {
        CodeScan header = CommentScanner.scan(text, 0, up.line().start(), false);
        if (header.firstCode() >= 0) {
            invalid(problems, shown, up, "has SQL on line " + CommentLines.lineAt(text, header.firstCode())
                    + ", before its UP marker", "move the SQL below the UP marker; only comments may precede it.");
        } else if (header.unterminated()) {
            invalid(problems, shown, up, "has its UP marker inside the block comment opened on line "
                    + CommentLines.lineAt(text, header.unterminatedAt()), "close the comment before the UP marker.");
        }
    }

    private static void invalid(List<Problem> problems, String shown, Marker marker, String what, String fix) {
        problems.add(Problem.at(ErrorCode.MARKER_INVALID, Location.of(shown, marker.line().number()),
                "The migration file " + shown + " " + what + ".", fix));
    }
}
