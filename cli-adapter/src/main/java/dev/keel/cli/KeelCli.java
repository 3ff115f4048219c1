package dev.keel.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code keel} program: builds the picocli command tree over injectable streams and environment, runs
 * it, and maps every outcome to the exit codes of SPEC §9 in one place ({@link ProblemReporter}).
 */
public final class KeelCli {

    private final CliEnvironment environment;

    public KeelCli(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        CliEnvironment environment = new CliEnvironment(out, err, System.getenv(), Path.of("").toAbsolutePath(),
                System.console() != null);
        int code = new KeelCli(environment).run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one invocation and returns its exit code. */
    public int run(String... args) {
        GlobalOptions global = new GlobalOptions();
        RunEvents events = new RunEvents(environment, global);
        return commandLine(global, events, InvokedCommand.in(args, RootCommand.SUBCOMMANDS)).execute(args);
    }

    /** The whole command tree, with its global options, events and error handling. */
    CommandLine commandLine(GlobalOptions global, RunEvents events) {
        return commandLine(global, events, RootCommand.SUBCOMMANDS);
    }

    /**
     * The tree with only the given subcommands: building a command costs picocli a reflective walk of its class, and
     * a run needs only the one it invokes (the whole tree when that is not certain, e.g. for {@code keel --help}).
     */
    private CommandLine commandLine(GlobalOptions global, RunEvents events, List<Class<?>> subcommands) {
        CommandFactory factory = new CommandFactory(environment, global, events);
        CommandLine commandLine = new CommandLine(new RootCommand(), factory);
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(new CommandLine(subcommand, factory));
        }
        commandLine.addMixin("global", global);
        addGlobalOptions(commandLine, global);
        ProblemReporter reporter = new ProblemReporter(environment, global, events);
        commandLine.setOut(new java.io.PrintWriter(environment.out(), true));
        commandLine.setErr(new java.io.PrintWriter(environment.err(), true));
        commandLine.setExecutionExceptionHandler(reporter::onExecutionException);
        commandLine.setParameterExceptionHandler(reporter::onParameterException);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** Global options are accepted at every level, also after a nested command ({@code keel snapshot list --json}). */
    private static void addGlobalOptions(CommandLine parent, GlobalOptions global) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            sub.addMixin("global", global);
            addGlobalOptions(sub, global);
        }
    }

    /** Exposed for tests that read the environment. */
    Map<String, String> variables() {
        return environment.variables();
    }
}
