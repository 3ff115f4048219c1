package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import picocli.CommandLine.Help.Ansi.Style;

/**
 * Every colour style the CLI writes in its markup is one of picocli's own style names ({@code fg_red}), which picocli
 * looks up directly; a short name ({@code red}) works too, but only after picocli has thrown and caught an exception,
 * once per printed line.
 */
class MarkupStylesTest {

    /** Markup inside a string literal (a quote earlier on the line), not in Javadoc. */
    private static final Pattern MARKUP = Pattern.compile("\"[^\"\\n]*@\\|([a-z_,]+) ");

    @Test
    void markupInTheSourcesUsesPicocliStyleNames() throws IOException {
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
            assertDoesNotThrow(() -> Style.valueOf(style), "markup style '" + style + "' is not a picocli style name");
        }
    }

    @Test
    void severityStylesArePicocliStyleNames() {
        for (Severity severity : Severity.values()) {
            for (String style : FindingText.style(severity).split(",")) {
                assertDoesNotThrow(() -> Style.valueOf(style), severity + " uses '" + style + "'");
            }
        }
    }
}
