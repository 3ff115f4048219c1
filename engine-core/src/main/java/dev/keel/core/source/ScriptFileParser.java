package dev.keel.core.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.Checksum;
import dev.keel.spi.migration.SourceFile;
import dev.keel.spi.migration.TransactionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one named file: size limit, bytes, strict UTF-8, markers, directives, transaction mode and no-op
 * detection of each part. Every problem of the file is collected; a file with any problem yields nothing.
 */
final class ScriptFileParser {

    private static final String NO_TRANSACTION = "no-transaction";

    private final long maxFileBytes;
    private final Utf8Decoder decoder = new Utf8Decoder();

    ScriptFileParser(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** The file's parts, or empty after adding its problems. */
    Optional<ScriptFile> parse(NamedFile named, List<Problem> problems) {
        int before = problems.size();
        Optional<String> decoded = bytes(named.file(), problems)
                .flatMap(bytes -> decoder.decode(bytes, named.shown(), problems));
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String text = decoded.get();
        String shown = named.shown();
        List<CommentLine> comments = CommentLines.scan(text);
        Optional<MarkerSections> found = MarkerSections.split(text, comments, named.name().direction(), shown, problems);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MarkerSections sections = found.get();
        Optional<ScriptPart> up = Optional.empty();
        Optional<ScriptPart> down;
        if (named.name().direction() == Direction.UP) {
            up = part(text, comments, 0, sections.upEnd(), 1, Direction.UP, sections.up(), named, problems);
            down = sections.down().flatMap(marker -> part(text, comments, marker.line().next(), text.length(),
                    marker.line().number() + 1, Direction.DOWN, Optional.of(marker), named, problems));
        } else {
            down = part(text, comments, 0, text.length(), 1, Direction.DOWN, Optional.empty(), named, problems);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ScriptFile(named, up, down));
    }

    /** The file's bytes, refusing an oversized file before reading it. */
    private Optional<byte[]> bytes(SourceFile file, List<Problem> problems) {
        String shown = file.displayName();
        if (file.size() > maxFileBytes) {
            problems.add(tooLarge(shown, file.size()));
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = file.read();
        } catch (KeelException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        } catch (RuntimeException e) {
            // A source breaking its contract must still not stop the other files from being checked.
            problems.add(Problem.at(ErrorCode.FILE_UNREADABLE, Location.of(shown),
                    "The migration file " + shown + " could not be read: " + e + ".",
                    "check that the file exists and is readable by the user running Keel."));
            return Optional.empty();
        }
        if (bytes.length > maxFileBytes) {
            problems.add(tooLarge(shown, bytes.length)); // the file grew after it was listed
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    private Problem tooLarge(String shown, long size) {
        return Problem.at(ErrorCode.FILE_TOO_LARGE, Location.of(shown),
                "The migration file " + shown + " has " + size + " bytes, more than the limit of " + maxFileBytes + ".",
                "split the migration into smaller files, or raise the maxFileBytes setting if the file is meant to be this large.");
    }

    /** One part {@code [from, to)} of the text, or empty after adding its problems. */
    private static Optional<ScriptPart> part(String text, List<CommentLine> comments, int from, int to, int firstLine,
            Direction direction, Optional<Marker> marker, NamedFile named, List<Problem> problems) {
        String shown = named.shown();
        int before = problems.size();
        CodeScan flat = CommentScanner.scan(text, from, to, false);
        if (flat.unterminated()) {
            problems.add(Problem.at(ErrorCode.UNTERMINATED_COMMENT,
                    Location.of(shown, CommentLines.lineAt(text, flat.unterminatedAt())),
                    "The migration file " + shown + " has a block comment opened on line "
                            + CommentLines.lineAt(text, flat.unterminatedAt()) + " that is never closed.",
                    "close the comment with */."));
        }
        // Nothing is sent for a no-op, so it must be comment-only whether or not comments nest.
        boolean noOp = flat.onlyComments() && CommentScanner.scan(text, from, to, true).onlyComments();
        if (noOp && direction == Direction.UP && marker.isPresent()) {
            // An empty UP under an explicit marker is an unfinished file (e.g. fresh from 'keel new'), not a no-op:
            // applying it would record the version and make the later edit look like a modified migration.
            problems.add(Problem.at(ErrorCode.UP_SECTION_EMPTY, Location.of(shown, marker.get().line().number()),
                    "The migration file " + shown + " has an UP marker (line " + marker.get().line().number()
                            + ") but no statement under it.",
                    "write the UP statements below the marker; for a deliberate no-op, remove the markers and keep"
                            + " only comments."));
        }
        Directives directives = DirectiveParser.parse(text, comments, from, to, flat.firstCode(), direction, shown, problems);
        List<TransactionRequest> requests = new ArrayList<>(directives.transactionRequests());
        if (named.name().autocommit()) {
            requests.add(0, new TransactionRequest(TransactionMode.NONE, "the .autocommit in the file name", 0));
        }
        marker.flatMap(Marker::transactionMode).ifPresent(mode -> requests.add(0, new TransactionRequest(mode,
                "the marker option on line " + marker.get().line().number(), marker.get().line().number())));
        firstLineComment(text, comments, from, to)
                .filter(line -> line.body().equalsIgnoreCase(NO_TRANSACTION))
                .ifPresent(line -> requests.add(0, new TransactionRequest(TransactionMode.NONE,
                        "-- no-transaction (line " + line.number() + ")", line.number())));
        Optional<TransactionMode> mode = TransactionRequest.resolve(requests, shown, problems);
        if (problems.size() > before || mode.isEmpty()) {
            return Optional.empty();
        }
        String sql = text.substring(from, to);
        return Optional.of(new ScriptPart(sql, firstLine, Checksum.of(sql), mode.get(), directives.allowances(),
                directives.invalidAllowances(), directives.irreversibleReason(), directives.metadata(), noOp));
    }

    /** The comment line that is the first non-blank line of {@code [from, to)}, if that line is a comment. */
    private static Optional<CommentLine> firstLineComment(
            String text, List<CommentLine> comments, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i >= to) {
            return Optional.empty();
        }
        for (CommentLine line : comments) {
            if (line.start() > i) {
                break;
            }
            if (line.start() >= from && i < line.next()) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }
}
