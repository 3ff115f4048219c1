package dev.keel.cli;

import java.nio.file.Path;
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
}
