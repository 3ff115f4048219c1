package dev.keel.core.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.Allowance;
import dev.keel.spi.migration.TransactionMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code -- keel:…} directives and header metadata ({@code -- Author: …}) from the comment lines of
 * one part of a file. A comment is a directive when it starts with {@code keel:} directly followed by a
 * letter; {@code -- Keel: some prose} stays a comment. An unknown directive is an error, not a comment: a
 * misspelt {@code -- keel:alow} must not silently stop accepting a finding.
 */
final class DirectiveParser {

    static final String KNOWN = "-- keel:transaction none|default|required, -- keel:allow RULE-ID reason…, "
            + "-- keel:irreversible reason…";

    private static final String PREFIX = "keel:";
    private static final Set<String> METADATA_KEYS = Set.of("migration", "description", "author", "date");

    private DirectiveParser() {
    }

    /**
     * The directives of the comment lines in {@code [from, to)} of {@code text}; problems are added for bad ones,
     * except for a malformed {@code keel:allow}, which lint reports among its findings ({@link
     * Directives#invalidAllowances()}).
     *
     * @param firstCode offset of the part's first statement; metadata is read only above it (-1: none)
     */
    static Directives parse(String text, List<CommentLine> comments, int from, int to, int firstCode, Direction part,
            String shown, List<Problem> problems) {
        List<TransactionRequest> transaction = new ArrayList<>(1);
        List<Allowance> allowances = new ArrayList<>(1);
        List<Problem> invalidAllowances = new ArrayList<>(0);
        String irreversible = null;
        Map<String, String> metadata = new HashMap<>();
        for (CommentLine line : comments) {
            if (line.start() < from || line.start() >= to) {
                continue;
            }
            String body = line.body();
            if (isDirective(body)) {
                String rest = body.substring(PREFIX.length());
                String name = firstWord(rest).toLowerCase(Locale.ROOT);
                String argument = Words.afterFirst(rest);
                Report report = new Report(shown, line.number(), problems);
                switch (name) {
                    case "transaction" -> transaction(argument, line, report).ifPresent(transaction::add);
                    case "allow" -> {
                        if (part == Direction.DOWN) {
                            report.downOnly("keel:allow");
                        } else {
                            Allowance.Scope scope = coversFile(text, line, firstCode < 0 ? to : firstCode)
                                    ? Allowance.Scope.FILE : Allowance.Scope.STATEMENT;
                            allowance(argument, line, scope, new Report(shown, line.number(), invalidAllowances))
                                    .ifPresent(allowances::add);
                        }
                    }
                    case "irreversible" -> {
                        if (part == Direction.DOWN) {
                            report.downOnly("keel:irreversible");
                        } else if (argument.isEmpty()) {
                            report.invalid("-- keel:irreversible needs a reason",
                                    "write why there is no DOWN: -- keel:irreversible drops data that cannot be restored.");
                        } else if (irreversible == null) {
                            irreversible = argument;
                        }
                    }
                    default -> problems.add(Problem.at(ErrorCode.DIRECTIVE_UNKNOWN,
                            Location.of(shown, line.number()),
                            "The migration file " + shown + " has an unknown directive 'keel:" + name + "' on line "
                                    + line.number() + ".",
                            "use one of " + KNOWN + "; or write it as an ordinary comment without 'keel:'."));
                }
            } else if (part == Direction.UP && (firstCode < 0 || line.start() < firstCode)) {
                metadata(body, metadata);
            }
        }
        return new Directives(transaction, allowances, invalidAllowances, Optional.ofNullable(irreversible), metadata);
    }

    private static boolean isDirective(String body) {
        return body.length() > PREFIX.length()
                && body.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && Character.isLetter(body.charAt(PREFIX.length()));
    }

    private static Optional<TransactionRequest> transaction(String argument, CommentLine line, Report report) {
        String value = firstWord(argument).toLowerCase(Locale.ROOT);
        TransactionMode mode = switch (value) {
            case "none" -> TransactionMode.NONE;
            case "default", "required" -> TransactionMode.TRANSACTIONAL;
            default -> null;
        };
        if (mode == null) {
            report.invalid(value.isEmpty() ? "-- keel:transaction needs a value"
                            : "-- keel:transaction has the unknown value '" + value + "'",
                    "write -- keel:transaction none (run outside a transaction) or -- keel:transaction required.");
            return Optional.empty();
        }
        return Optional.of(new TransactionRequest(mode, "-- keel:transaction " + value + " (line " + line.number() + ")",
                line.number()));
    }

    /**
     * {@code RULE-ID[, RULE-ID…] reason…}: ids are separated by commas (blanks around them allowed); the reason is
     * everything after the last id.
     */
    private static Optional<Allowance> allowance(String argument, CommentLine line, Allowance.Scope scope,
            Report report) {
        List<String> ids = new ArrayList<>(1);
        int n = argument.length();
        int i = 0;
        while (true) {
            i = skipBlanks(argument, i);
            int start = i;
            while (i < n && !Character.isWhitespace(argument.charAt(i)) && argument.charAt(i) != ',') {
                i++;
            }
            if (i == start) {
                break;
            }
            ids.add(argument.substring(start, i));
            int after = skipBlanks(argument, i);
            if (after >= n || argument.charAt(after) != ',') {
                break;
            }
            i = after + 1;
        }
        String reason = argument.substring(Math.min(i, n)).trim();
        if (ids.isEmpty()) {
            report.invalid("-- keel:allow needs a rule id and a reason",
                    "write -- keel:allow RULE-ID why this finding is acceptable here.");
            return Optional.empty();
        }
        if (reason.isEmpty()) {
            report.invalid("-- keel:allow " + String.join(", ", ids) + " gives no reason",
                    "write why the finding is acceptable after the rule id, e.g. -- keel:allow " + ids.get(0)
                            + " the table is empty in every environment.");
            return Optional.empty();
        }
        return Optional.of(new Allowance(ids, reason, line.number(), scope));
    }

    /**
     * Whether an allow on {@code line} covers the whole file: it sits above the part's first statement and a blank
     * line separates the two (RULES.md); otherwise it covers the next statement.
     */
    private static boolean coversFile(String text, CommentLine line, int firstCode) {
        int i = line.next();
        while (i < firstCode) {
            while (i < firstCode && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i < firstCode && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
                return true;
            }
            while (i < firstCode && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            i += i + 1 < text.length() && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n' ? 2 : 1;
        }
        return false;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code Key: value} with a known key; the first occurrence wins. */
    private static void metadata(String body, Map<String, String> metadata) {
        int colon = body.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String key = body.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = body.substring(colon + 1).trim();
        if (METADATA_KEYS.contains(key) && !value.isEmpty()) {
            metadata.putIfAbsent(key, value);
        }
    }

    private static String firstWord(String s) {
        List<String> words = Words.of(s);
        return words.isEmpty() ? "" : words.get(0);
    }

    /** Problems of one directive line. */
    private record Report(String shown, int line, List<Problem> problems) {

        void invalid(String what, String fix) {
            problems.add(Problem.at(ErrorCode.DIRECTIVE_INVALID, Location.of(shown, line),
                    "In " + shown + ", line " + line + ": " + what + ".", fix));
        }

        void downOnly(String directive) {
            invalid("-- " + directive + " is in the DOWN part, where it has no effect",
                    "move it to the UP part of the migration.");
        }
    }
}
