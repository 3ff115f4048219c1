package dev.keel.core.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.TransactionMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises marker lines. Case and spacing are free. A line that is almost a marker
 * ({@code -- === DOWN ===}, {@code -- migrate:dwon}) is an error rather than a comment: read as a comment,
 * it would put the DOWN statements into the UP and run them on {@code migrate}.
 */
final class MarkerParser {

    private static final String DBMATE = "migrate:";
    private static final String KEEL_FORM = "-- === UP MIGRATION === or -- === DOWN MIGRATION ===";
    private static final String DBMATE_FORM = "-- migrate:up or -- migrate:down, optionally followed by transaction:false";

    private MarkerParser() {
    }

    /** The marker on this line, or empty when it is none; a near miss adds a MARKER_INVALID problem. */
    static Optional<Marker> parse(CommentLine line, String shown, List<Problem> problems) {
        String body = line.body();
        if (body.isEmpty()) {
            return Optional.empty();
        }
        if (body.charAt(0) == '=') {
            return keelMarker(line, shown, problems);
        }
        if (body.regionMatches(true, 0, DBMATE, 0, DBMATE.length())) {
            return dbmateMarker(line, shown, problems);
        }
        return Optional.empty();
    }

    private static Optional<Marker> keelMarker(CommentLine line, String shown, List<Problem> problems) {
        String body = line.body();
        int from = 0;
        int to = body.length();
        while (from < to && (body.charAt(from) == '=' || Character.isWhitespace(body.charAt(from)))) {
            from++;
        }
        while (to > from && (body.charAt(to - 1) == '=' || Character.isWhitespace(body.charAt(to - 1)))) {
            to--;
        }
        List<String> words = Words.of(body.substring(from, to));
        if (words.isEmpty()) {
            return Optional.empty(); // a ruler line: -- =========
        }
        String first = words.get(0).toUpperCase(Locale.ROOT);
        if (!first.equals("UP") && !first.equals("DOWN")) {
            return Optional.empty(); // an ordinary decorated heading
        }
        if (words.size() != 2 || !words.get(1).equalsIgnoreCase("MIGRATION")) {
            return invalid(line, shown, problems, "line " + line.number() + " looks like a section marker but is not one",
                    "write the marker exactly as " + KEEL_FORM + " (case and spaces are free), "
                            + "or reword the comment so it does not start with UP or DOWN.");
        }
        Direction direction = first.equals("UP") ? Direction.UP : Direction.DOWN;
        return Optional.of(new Marker(direction, line, Optional.empty()));
    }

    private static Optional<Marker> dbmateMarker(CommentLine line, String shown, List<Problem> problems) {
        List<String> words = Words.of(line.body().substring(DBMATE.length()));
        String which = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        if (!which.equals("up") && !which.equals("down")) {
            return invalid(line, shown, problems, "line " + line.number() + " starts like a dbmate marker but is not one",
                    "write the marker as " + DBMATE_FORM + ".");
        }
        Optional<TransactionMode> mode = Optional.empty();
        for (String option : words.subList(1, words.size())) {
            String lower = option.toLowerCase(Locale.ROOT);
            if (lower.equals("transaction:false")) {
                mode = Optional.of(TransactionMode.NONE);
            } else if (lower.equals("transaction:true")) {
                mode = Optional.of(TransactionMode.TRANSACTIONAL);
            } else {
                return invalid(line, shown, problems, "the marker on line " + line.number()
                        + " has an unknown option '" + option + "'",
                        "the only marker option is transaction:false (or transaction:true); remove '" + option + "'.");
            }
        }
        Direction direction = which.equals("up") ? Direction.UP : Direction.DOWN;
        return Optional.of(new Marker(direction, line, mode));
    }

    private static Optional<Marker> invalid(
            CommentLine line, String shown, List<Problem> problems, String what, String fix) {
        problems.add(Problem.at(ErrorCode.MARKER_INVALID, Location.of(shown, line.number()),
                "In " + shown + ", " + what + ".", fix));
        return Optional.empty();
    }
}
