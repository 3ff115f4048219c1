package dev.keel.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Help.Ansi;

/** Test support: a {@link TextOutput} without colours over a buffer, and what was printed to it. */
final class Printed {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    final TextOutput text = new TextOutput(stream, Ansi.OFF);

    PrintStream stream() {
        return stream;
    }

    /** Everything printed, with carriage returns and padding as they were. */
    String raw() {
        return buffer.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    /** What a terminal would show: each line as left by its last carriage return, trailing spaces removed. */
    String screen() {
        StringBuilder shown = new StringBuilder();
        for (String line : raw().split("\n", -1)) {
            String last = line.substring(line.lastIndexOf('\r') + 1);
            shown.append(last.stripTrailing()).append('\n');
        }
        return shown.toString().stripTrailing();
    }
}
