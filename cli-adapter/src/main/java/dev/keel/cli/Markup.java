package dev.keel.cli;

import java.util.Map;

/**
 * Renders the CLI's colour markup, {@code @|bold,fg_red text|@} (picocli's syntax), as ANSI escape codes or as bare
 * text. Written here rather than calling picocli's {@code Ansi.string}, which builds a styled text model for every
 * line: a run of a thousand migrations printed a thousand lines and spent more time rendering them than in its own
 * code around each migration. Markup does not nest; an unknown style is dropped; text without a closing
 * {@code |@} is printed as it is.
 */
final class Markup {

    private static final String OPEN = "@|";
    private static final String CLOSE = "|@";
    private static final String RESET = "\u001B[0m";
    private static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("bold", 1), Map.entry("faint", 2), Map.entry("italic", 3), Map.entry("underline", 4),
            Map.entry("blink", 5), Map.entry("reverse", 7), Map.entry("hidden", 8),
            Map.entry("fg_black", 30), Map.entry("fg_red", 31), Map.entry("fg_green", 32), Map.entry("fg_yellow", 33),
            Map.entry("fg_blue", 34), Map.entry("fg_magenta", 35), Map.entry("fg_cyan", 36), Map.entry("fg_white", 37),
            Map.entry("bg_black", 40), Map.entry("bg_red", 41), Map.entry("bg_green", 42), Map.entry("bg_yellow", 43),
            Map.entry("bg_blue", 44), Map.entry("bg_magenta", 45), Map.entry("bg_cyan", 46), Map.entry("bg_white", 47));

    private Markup() {
    }

    /** Whether {@code style} is a style name this renderer knows. */
    static boolean knows(String style) {
        return CODES.containsKey(style);
    }

    /** The text of {@code markup} with escape codes for its styles when {@code colour}, without them otherwise. */
    static String render(String markup, boolean colour) {
        int open = markup.indexOf(OPEN);
        if (open < 0) {
            return markup;
        }
        StringBuilder out = new StringBuilder(markup.length() + 16);
        int from = 0;
        while (open >= 0) {
            int space = markup.indexOf(' ', open + OPEN.length());
            int close = space < 0 ? -1 : markup.indexOf(CLOSE, space + 1);
            if (close < 0) {
                break;
            }
            out.append(markup, from, open);
            if (colour) {
                for (String style : markup.substring(open + OPEN.length(), space).split(",")) {
                    Integer code = CODES.get(style);
                    if (code != null) {
                        out.append("\u001B[").append(code).append('m');
                    }
                }
                out.append(markup, space + 1, close).append(RESET);
            } else {
                out.append(markup, space + 1, close);
            }
            from = close + CLOSE.length();
            open = markup.indexOf(OPEN, from);
        }
        return out.append(markup, from, markup.length()).toString();
    }
}
