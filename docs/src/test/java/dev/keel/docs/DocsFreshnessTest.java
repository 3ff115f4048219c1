package dev.keel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.bootstrap.config.SettingKey;
import dev.keel.cli.CliEnvironment;
import dev.keel.cli.KeelCli;
import dev.keel.spi.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Keeps the Markdown documentation in step with the code: every error code has its section (with the
 * anchor {@link ErrorCode#docsAnchor()} points at), every CLI command and option is in the CLI reference,
 * every configuration key and {@code KEEL_*} variable is in the configuration reference, and relative links
 * between the documents (anchors included) resolve.
 *
 * <p>Surefire runs this with the module folder as working directory, so the documents are in {@code .} and
 * the repository's README in {@code ..}.
 */
class DocsFreshnessTest {

    private static final Path DOCS = Path.of("");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern LONG_OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");
    private static final Pattern CODE_IN_TEXT = Pattern.compile("KEEL-E\\d{4}");

    @Test
    void everyErrorCodeHasASectionWhoseAnchorIsItsDocsAnchor() throws IOException {
        String text = read("error-codes.md");
        Set<String> anchors = anchors(text);
        List<String> missing = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            String anchor = code.docsAnchor().substring(code.docsAnchor().indexOf('#') + 1);
            if (!anchors.contains(anchor)) {
                missing.add(code.code() + " (no heading with anchor #" + anchor + "; write it as '### " + code.code() + "')");
            } else if (!section(text, code.code()).contains(code.name())) {
                missing.add(code.code() + " (its section does not name " + code.name() + ")");
            } else if (!section(text, code.code()).contains("Exit code " + code.exitClass().exitCode())) {
                missing.add(code.code() + " (its section does not say 'Exit code " + code.exitClass().exitCode() + "')");
            }
        }
        assertTrue(missing.isEmpty(), "docs/error-codes.md is out of date: " + String.join("; ", missing));
    }

    @Test
    void errorCodeReferenceDescribesNoCodeThatDoesNotExist() throws IOException {
        Set<String> known = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        for (String file : List.of("error-codes.md", "cli.md", "configuration.md", "migration-files.md",
                "getting-started.md", "embedding.md")) {
            Matcher m = CODE_IN_TEXT.matcher(read(file));
            while (m.find()) {
                if (!known.contains(m.group())) {
                    unknown.add(file + ": " + m.group());
                }
            }
        }
        assertTrue(unknown.isEmpty(), "The docs name error codes that ErrorCode does not have: " + unknown);
    }

    @Test
    void everyCommandAndOptionIsInTheCliReference() throws Exception {
        String cli = read("cli.md");
        Set<String> commandHeadings = headings(cli).stream()
                .map(h -> h.replace("`", "").trim())
                .collect(Collectors.toSet());

        String rootHelp = help("--help");
        Set<String> helpCommands = commandsListedIn(rootHelp);
        // The CLI adds RootCommand.SUBCOMMANDS itself (it builds only the invoked one), so they are read from there.
        java.lang.reflect.Field subcommandList = Class.forName("dev.keel.cli.RootCommand").getDeclaredField("SUBCOMMANDS");
        subcommandList.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<Class<?>> subcommands = (List<Class<?>>) subcommandList.get(null);
        Set<String> declaredCommands = new LinkedHashSet<>();
        Set<String> options = new TreeSet<>(optionsIn(rootHelp));
        options.addAll(optionsOf(Class.forName("dev.keel.cli.GlobalOptions")));
        for (Class<?> sub : subcommands) {
            String name = sub.getAnnotation(Command.class).name();
            declaredCommands.add(name);
            options.addAll(optionsOf(sub));
            KeelRun run = run(name, "--help");
            if (run.exitCode() == 0) {
                options.addAll(optionsIn(run.out())); // picks up help options once subcommands have them
            }
        }
        assertEquals(declaredCommands, helpCommands, "'keel --help' and RootCommand disagree on the commands");

        List<String> missing = new ArrayList<>();
        for (String command : declaredCommands) {
            if (commandHeadings.stream().noneMatch(h -> h.equals("keel " + command) || h.startsWith("keel " + command + " "))) {
                missing.add("command '" + command + "' (needs a heading '### `keel " + command + "`')");
            }
        }
        for (String option : options) {
            if (!Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])").matcher(cli).find()) {
                missing.add("option " + option);
            }
        }
        assertTrue(missing.isEmpty(), "docs/cli.md is out of date: " + String.join("; ", missing));
    }

    @Test
    void everySettingKeyAndVariableIsInTheConfigurationReference() throws IOException {
        String text = read("configuration.md");
        List<String> missing = new ArrayList<>();
        for (SettingKey key : SettingKey.values()) {
            if (!text.contains("`" + key.yamlName() + "`")) {
                missing.add("key `" + key.yamlName() + "`");
            }
            if (!text.contains("`" + key.environmentVariable() + "`")) {
                missing.add("variable `" + key.environmentVariable() + "`");
            }
        }
        if (!text.contains("`environments`")) {
            missing.add("key `environments`");
        }
        assertTrue(missing.isEmpty(), "docs/configuration.md is out of date: " + String.join(", ", missing));
    }

    @Test
    void relativeLinksAndAnchorsResolve() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(DOCS.toAbsolutePath().resolveSibling("README.md"));
        try (Stream<Path> files = Files.list(DOCS.toAbsolutePath())) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            String text = Files.readString(document, StandardCharsets.UTF_8);
            Matcher m = LINK.matcher(withoutCodeBlocks(text));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http:, https:, mailto:
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? "" : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(document.getFileName() + " -> " + target + " (no such file)");
                } else if (!anchor.isEmpty() && resolved.toString().endsWith(".md")
                        && !anchors(Files.readString(resolved, StandardCharsets.UTF_8)).contains(anchor)) {
                    broken.add(document.getFileName() + " -> " + target + " (no such heading)");
                }
            }
        }
        assertTrue(broken.isEmpty(), "Broken links: " + String.join("; ", broken));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static String read(String name) throws IOException {
        return Files.readString(DOCS.resolve(name), StandardCharsets.UTF_8);
    }

    private record KeelRun(int exitCode, String out) {
    }

    private static KeelRun run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = new KeelCli(new CliEnvironment(o, e, Map.of(), Path.of("").toAbsolutePath(), false)).run(args);
            return new KeelRun(code, out.toString(StandardCharsets.UTF_8));
        }
    }

    private static String help(String... args) {
        KeelRun run = run(args);
        assertEquals(0, run.exitCode(), "keel " + String.join(" ", args) + " should exit 0");
        return run.out();
    }

    /** The names under "Commands:" in picocli's usage text. */
    private static Set<String> commandsListedIn(String help) {
        Set<String> commands = new LinkedHashSet<>();
        boolean inCommands = false;
        for (String line : help.split("\\R")) {
            if (line.startsWith("Commands:")) {
                inCommands = true;
            } else if (inCommands) {
                Matcher m = Pattern.compile("^  ([a-z][a-z-]*)\\s").matcher(line);
                if (m.find()) {
                    commands.add(m.group(1));
                } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                    inCommands = false;
                }
            }
        }
        return commands;
    }

    private static Set<String> optionsIn(String help) {
        Set<String> options = new TreeSet<>();
        Matcher m = LONG_OPTION.matcher(help);
        while (m.find()) {
            options.add(m.group());
        }
        return options;
    }

    /** Long option names declared with {@code @Option} on a class and its superclasses. */
    private static Set<String> optionsOf(Class<?> type) {
        Set<String> options = new TreeSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                if (option != null) {
                    Arrays.stream(option.names()).filter(n -> n.startsWith("--")).forEach(options::add);
                }
            }
        }
        return options;
    }

    private static List<String> headings(String markdown) {
        List<String> headings = new ArrayList<>();
        for (String line : withoutCodeBlocks(markdown).split("\\R")) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                headings.add(m.group(2));
            }
        }
        return headings;
    }

    /** The anchors GitHub gives the headings of a document. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String heading : headings(markdown)) {
            String slug = slug(heading);
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped (but {@code -} and {@code _}), spaces to dashes. */
    static String slug(String heading) {
        String plain = heading.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1"); // a link keeps its text
        StringBuilder slug = new StringBuilder();
        plain.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** The text from a heading that names {@code code} up to the next heading of the same or a higher level. */
    private static String section(String markdown, String code) {
        String[] lines = markdown.split("\\R");
        StringBuilder section = new StringBuilder();
        int level = 0;
        for (String line : lines) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                int l = m.group(1).length();
                if (level > 0 && l <= level) {
                    break;
                }
                if (level == 0 && m.group(2).trim().equals(code)) {
                    level = l;
                    continue;
                }
            }
            if (level > 0) {
                section.append(line).append('\n');
            }
        }
        return section.toString();
    }

    /** The text with fenced code blocks blanked, so that {@code # comments} and links in examples do not count. */
    private static String withoutCodeBlocks(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\\R", -1)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                out.append('\n');
                continue;
            }
            out.append(fenced ? "" : line).append('\n');
        }
        return out.toString();
    }

    @Test
    void slugsFollowGitHub() {
        assertEquals("keel-e0301", slug("KEEL-E0301"));
        assertEquals("keel-migrate", slug("`keel migrate`"));
        assertEquals("environments-and-precedence", slug("Environments and precedence"));
        assertEquals("keel_-variables", slug("`KEEL_*` variables"));
    }
}
