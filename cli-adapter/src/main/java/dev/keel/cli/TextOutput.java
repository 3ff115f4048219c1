package dev.keel.cli;

import dev.keel.spi.Problem;
import java.io.PrintStream;
import picocli.CommandLine.Help.Ansi;

/**
 * Human output: lines with optional colour ({@link Markup}: {@code @|bold,fg_red text|@}), and on a terminal one
 * open line that can be redrawn in place (a step waiting for its outcome, a progress bar).
 */
final class TextOutput {

    private final PrintStream out;
    private final boolean colour;
    /** Visible width of the unterminated line being redrawn; -1 when every line is terminated. */
    private int openWidth = -1;

    TextOutput(PrintStream out, Ansi ansi) {
        this.out = out;
        this.colour = ansi.enabled();
    }

    /** Prints a line; {@code markup} may use {@code @|bold,fg_green text|@}. */
    void line(String markup) {
        endLine();
        out.println(Markup.render(markup, colour));
    }

    /** Prints text as is (no markup interpretation). */
    void plain(String text) {
        endLine();
        out.println(text);
    }

    /**
     * Replaces the open line with {@code markup} without ending it (carriage return, then spaces over what was
     * longer before). Only for a terminal: elsewhere the redraws would pile up.
     */
    void rewrite(String markup) {
        int width = visibleWidth(markup);
        out.print("\r" + Markup.render(markup, colour) + " ".repeat(Math.max(0, openWidth - width)));
        out.flush(); // print() of a line without a newline is not flushed by itself
        openWidth = width;
    }

    /** Ends the open line, keeping what it shows. */
    void endLine() {
        if (openWidth >= 0) {
            out.println();
            openWidth = -1;
        }
    }

    /** Blanks the open line and puts the cursor back at its start, so the next line takes its place. */
    void clearLine() {
        if (openWidth >= 0) {
            out.print("\r" + " ".repeat(openWidth) + "\r");
            out.flush();
            openWidth = -1;
        }
    }

    /** Whether a line is open (drawn, not yet ended). */
    boolean lineOpen() {
        return openWidth >= 0;
    }

    /** Escapes text for use inside markup. */
    static String escape(String text) {
        return text.replace("@|", "@ |");
    }

    /** How many columns {@code markup} takes once its styles are removed. */
    static int visibleWidth(String markup) {
        String plain = Markup.render(markup, false);
        return plain.codePointCount(0, plain.length());
    }

    /** A problem in full: what (however long), fix, docs; continuation lines are indented under their first. */
    void problem(Problem problem) {
        String where = problem.where().map(w -> " " + w + ":").orElse("");
        line("@|bold,fg_red error|@[" + problem.code().code() + "]" + escape(where) + " " + indented(problem.what(), "  "));
        line("  @|bold fix:|@ " + indented(problem.fix(), "       "));
        line("  @|faint docs: " + problem.code().docsAnchor() + "|@");
    }

    /** Escaped text whose second and later lines start with {@code indent}. */
    private static String indented(String text, String indent) {
        return escape(text.strip()).replaceAll("\\R", System.lineSeparator() + indent);
    }
}
