package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/** The CLI's own markup renderer: the styles the sources use, and the same text as picocli's for our markup. */
class MarkupStylesTest {

    /** Markup inside a string literal (a quote earlier on the line), not in Javadoc. */
    private static final Pattern MARKUP = Pattern.compile("\"[^\"\\n]*@\\|([a-z_,]+) ");

    @Test
    void everyStyleInTheSourcesIsKnown() throws IOException {
        List<String> styles = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/dev/keel/cli"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = MARKUP.matcher(Files.readString(source));
                while (m.find()) {
                    styles.addAll(List.of(m.group(1).split(",")));
                }
            }
        }
        assertFalse(styles.isEmpty(), "no markup found: is the source folder right?");
        for (String style : styles) {
            assertTrue(Markup.knows(style), "markup style '" + style + "' is unknown");
        }
        for (Severity severity : Severity.values()) {
            for (String style : FindingText.style(severity).split(",")) {
                assertTrue(Markup.knows(style), severity + " uses '" + style + "'");
            }
        }
    }

    @Test
    void withoutColourTheTextIsPicocliS() {
        for (String markup : List.of("x @|bold,fg_red err|@ y", "@|faint (1 ms)|@", "a |@ b @ | c", "@|bold x",
                "  @|fg_green ✓|@ 1  V1__a.sql @|faint (3 ms)|@", "plain", "", "@|bold a|@@|faint b|@")) {
            assertEquals(Ansi.OFF.string(markup), Markup.render(markup, false), markup);
        }
    }

    @Test
    void withColourEachStyleIsSwitchedOnAndResetAfterItsText() {
        assertEquals("x \u001B[1m\u001B[31merr\u001B[0m y", Markup.render("x @|bold,fg_red err|@ y", true));
        assertEquals("@|bold x", Markup.render("@|bold x", true));
        assertEquals("\u001B[32m✓\u001B[0m 1 \u001B[2m(3 ms)\u001B[0m", Markup.render("@|fg_green ✓|@ 1 @|faint (3 ms)|@", true));
    }
}
