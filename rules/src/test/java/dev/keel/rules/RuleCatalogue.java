package dev.keel.rules;

import dev.keel.spi.ServerInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the rule catalogue of {@code docs/rules.md} from the built-in rules' own metadata: the part between
 * {@link #BEGIN} and {@link #END}. The prose around it is written by hand in the document. {@link
 * RuleCatalogueTest} fails when the committed document differs from what this produces.
 *
 * <p>Run {@code main} (argument: the document, default {@code ../docs/rules.md} from the rules module) or
 * {@code mvn -pl rules -am test -Dtest=RuleCatalogueTest -Dsurefire.failIfNoSpecifiedTests=false -Dkeel.rules.regenerate=true}.
 */
record RuleCatalogue(List<BuiltinRule> rules) {

    static final String BEGIN = "<!-- BEGIN GENERATED RULE CATALOGUE: edit the rules' metadata, not this part -->";
    static final String END = "<!-- END GENERATED RULE CATALOGUE -->";

    /** The document as committed, seen from the rules module (Surefire's working directory). */
    static final Path DOCUMENT = Path.of("../docs/rules.md");

    RuleCatalogue {
        rules = List.copyOf(rules);
    }

    /** The catalogue of Keel's built-in rules, in the order the provider lists them. */
    static RuleCatalogue builtin() {
        return new RuleCatalogue(new KeelRuleProvider().rules().stream().map(BuiltinRule.class::cast).toList());
    }

    public static void main(String[] args) throws IOException {
        Path document = args.length > 0 ? Path.of(args[0]) : DOCUMENT;
        builtin().writeInto(document);
        System.out.println("Wrote the rule catalogue into " + document.toAbsolutePath().normalize());
    }

    /** Replaces the generated part of {@code document} with the current catalogue. */
    void writeInto(Path document) throws IOException {
        Files.writeString(document, regenerated(Files.readString(document, StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    /** {@code text} with the part between the markers replaced by the current catalogue. */
    String regenerated(String text) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("The document has no generated part: put the lines '" + BEGIN
                    + "' and '" + END + "' where the catalogue goes.");
        }
        return text.substring(0, begin) + BEGIN + "\n\n" + markdown() + "\n" + text.substring(end);
    }

    /** The generated part: an index table, then one section per rule. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| Rule | Dialects | Severity | Risk | What it detects |\n");
        out.append("|---|---|---|---|---|\n");
        for (BuiltinRule rule : rules) {
            out.append("| [`").append(rule.id()).append("`](#").append(rule.id()).append(") | ")
                    .append(dialects(rule)).append(" | ").append(rule.defaultSeverity().label()).append(" | ")
                    .append(rule.defaultRisk().label()).append(" | ").append(cell(rule.description())).append(" |\n");
        }
        for (BuiltinRule rule : rules) {
            out.append('\n').append(section(rule));
        }
        return out.toString();
    }

    private static String section(BuiltinRule rule) {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(rule.id()).append("\n\n");
        out.append(sentence(rule.description())).append("\n\n");
        out.append("Dialects: ").append(dialects(rule)).append(". Default severity: **")
                .append(rule.defaultSeverity().label()).append("**. Risk: **").append(rule.defaultRisk().label())
                .append("**.\n\n");
        rule.example().ifPresent(example -> {
            out.append("Bad (").append(target(example.dialect(), example.badServer())).append("):\n\n")
                    .append(sql(example.bad()));
            out.append("Good (").append(target(example.dialect(), example.goodServer())).append("):\n\n")
                    .append(sql(example.good()));
        });
        out.append("**Help:** ").append(rule.help()).append("\n");
        return out.toString();
    }

    private static String dialects(BuiltinRule rule) {
        if (rule.dialects().isEmpty()) {
            return "all";
        }
        // A fixed order, whatever the set's iteration order.
        return List.of("postgres", "mysql", "sqlite").stream().filter(rule.dialects()::contains)
                .map(RuleCatalogue::product).collect(Collectors.joining(", "));
    }

    private static String product(String dialect) {
        return switch (dialect) {
            case "postgres" -> "PostgreSQL";
            case "mysql" -> "MySQL/MariaDB";
            case "sqlite" -> "SQLite";
            default -> dialect;
        };
    }

    private static String target(String dialect, Optional<ServerInfo> server) {
        return server.map(s -> s.product() + " " + s.version()).orElse(product(dialect));
    }

    private static String sql(String text) {
        return "```sql\n" + text + "\n```\n\n";
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
