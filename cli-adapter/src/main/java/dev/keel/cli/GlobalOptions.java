package dev.keel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/**
 * The global options of SPEC §9, accepted before or after the subcommand. One instance per invocation.
 */
final class GlobalOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: keel.yaml in the working directory).")
    Path config;

    @Option(names = "--env", paramLabel = "NAME", description = "Environment (development, production, …); default: KEEL_ENV, keel.yaml, then detection.")
    String environment;

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "Database JDBC URL.")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Name of the environment variable holding the password.")
    String passwordVariable;

    @Option(names = "--migrations", paramLabel = "DIR", split = ",", description = "Migrations location(s): directories or classpath: folders.")
    java.util.List<String> migrations;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", description = "How long to wait for another run's lock (e.g. 30s, 5m).")
    String lockTimeout;

    @Option(names = "--json", description = "Print one JSON document on stdout and nothing else there.")
    boolean json;

    @Option(names = "--no-color", description = "No ANSI colours.")
    boolean noColor;

    @Option(names = {"-v", "--verbose"}, description = "More detail (stack traces of unexpected errors).")
    boolean verbose;

    /**
     * Colours only on a terminal, never with {@code --no-color}, {@code NO_COLOR} or {@code --json}. Per no-color.org,
     * an empty {@code NO_COLOR} does not count.
     */
    Ansi ansi(CliEnvironment environment) {
        String noColorVariable = environment.variables().getOrDefault("NO_COLOR", "");
        boolean colour = environment.terminal() && !noColor && !json && noColorVariable.isEmpty();
        return colour ? Ansi.ON : Ansi.OFF;
    }

    /** Progress redrawn in place only on a terminal that can move its cursor ({@code TERM=dumb} cannot). */
    boolean liveProgress(CliEnvironment environment) {
        return environment.terminal() && !json && !"dumb".equals(environment.variables().get("TERM"));
    }

    /** The terminal's width from {@code COLUMNS} when the shell exports it, else 80. */
    int columns(CliEnvironment environment) {
        String columns = environment.variables().getOrDefault("COLUMNS", "");
        return columns.matches("\\d{2,4}") ? Integer.parseInt(columns) : 80;
    }
}
