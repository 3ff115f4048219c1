package dev.keel.cli;

import dev.keel.spi.Problem;
import java.io.PrintStream;
import picocli.CommandLine.Help.Ansi;

/** Human output: lines with optional colour (picocli's {@code @|style text|@} markup). */
final class TextOutput {

    private final PrintStream out;
    private final Ansi ansi;

    TextOutput(PrintStream out, Ansi ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    /** Prints a line; {@code markup} may use {@code @|bold,green text|@}. */
    void line(String markup) {
        out.println(ansi.string(markup));
    }

    /** Prints text as is (no markup interpretation). */
    void plain(String text) {
        out.println(text);
    }

    /** Escapes text for use inside markup. */
    static String escape(String text) {
        return text.replace("@|", "@ |");
    }

    void problem(Problem problem) {
        String where = problem.where().map(w -> " " + w + ":").orElse("");
        line("@|bold,red error|@[" + problem.code().code() + "]" + escape(where) + " " + escape(problem.what()));
        line("  @|bold fix:|@ " + escape(problem.fix()));
        line("  @|faint docs: " + problem.code().docsAnchor() + "|@");
    }
}
