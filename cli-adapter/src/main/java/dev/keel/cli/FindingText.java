package dev.keel.cli;

import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A lint finding as text for people, in picocli markup (styles show only when the output has colours). Two forms:
 * the one line {@code file:line:col: level: message [rule-id]} that editors and CI parse, and the full form that
 * adds the statement's source line with a caret under its column, the help (the safe way) and the docs anchor.
 */
final class FindingText {

    /** Source lines longer than this are cut around the caret. */
    static final int MAX_SOURCE_WIDTH = 120;
    /** How much of a long line is kept before the caret. */
    private static final int CONTEXT_BEFORE_CARET = 20;

    private FindingText() {
    }

    /** {@code file:line:col: level: message [rule-id]}, the level coloured; {@code file} as shown to the user. */
    static String oneLine(Finding finding, String file) {
        return TextOutput.escape(file + ":" + finding.location().line() + ":" + finding.location().column() + ": ")
                + "@|" + style(finding.severity()) + " " + finding.severity().label() + "|@: "
                + TextOutput.escape(finding.message()) + " [" + TextOutput.escape(finding.ruleId()) + "]";
    }

    /**
     * The one line, then the source line with a caret under the finding's column, then {@code help:} and
     * {@code docs:}. Without {@code sourceLine} (the file cannot be read) the statement's excerpt stands in, with
     * the caret at its start.
     */
    static List<String> full(Finding finding, String file, Optional<String> sourceLine) {
        String source = sourceLine.orElse(finding.excerpt());
        int column = sourceLine.isPresent() ? finding.location().column() : 1;
        int caret = Math.max(0, Math.min(column - 1, source.length()));
        // On a long line keep the caret in view: cut before and after it.
        int from = caret > MAX_SOURCE_WIDTH - CONTEXT_BEFORE_CARET ? caret - CONTEXT_BEFORE_CARET : 0;
        int to = Math.min(source.length(), from + MAX_SOURCE_WIDTH);
        String lead = from > 0 ? "…" : "";
        String shown = lead + source.substring(from, to) + (to < source.length() ? "…" : "");
        // Tabs stay tabs under the line, so the caret lines up whatever the terminal's tab width.
        String pad = (lead + source.substring(from, caret)).replaceAll("[^\t]", " ");
        String number = String.valueOf(finding.location().line());
        String gutter = " ".repeat(number.length());
        return List.of(
                oneLine(finding, file),
                "@|faint  " + number + " ||@ " + TextOutput.escape(shown),
                "@|faint  " + gutter + " ||@ " + pad + "@|" + style(finding.severity()) + " ^|@",
                "  @|bold help:|@ " + TextOutput.escape(finding.remediation()),
                "  @|faint docs: " + TextOutput.escape(finding.docsAnchor()) + "|@");
    }

    static String style(Severity severity) {
        return switch (severity) {
            case ERROR -> "bold,fg_red";
            case WARNING -> "bold,fg_yellow";
            case INFO -> "bold,fg_blue";
        };
    }
}
