package dev.keel.cli;

import java.io.Console;
import java.util.Locale;

/** A yes/no question asked at the terminal, for the confirmation gate: only {@code y} or {@code yes} is yes. */
final class TerminalQuestion {

    private TerminalQuestion() {
    }

    /** Asks {@code question}; no terminal, end of input or any other answer is no. */
    static boolean yes(String question) {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s", question);
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).matches("y|yes");
    }
}
