package dev.keel.cli;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns failures into output and exit codes (SPEC §9): a {@link KeelException} exits with
 * its exit class; a usage error exits 2; anything unexpected exits 6, because Keel cannot vouch for the
 * database after an error it did not foresee. With {@code --json}, the problems are the JSON document, with the
 * run's steps and snapshot events (a failed step, the restore that followed) as its {@code events}. In text, a
 * problem's what and fix are printed whole: after a restore they say what failed and what was restored.
 */
final class ProblemReporter {

    /** Exit code for an unforeseen error: the database state is not vouched for. */
    static final int UNEXPECTED = ExitClass.FAILED_UNRESTORED.exitCode();

    private final CliEnvironment environment;
    private final GlobalOptions global;
    private final RunEvents events;

    ProblemReporter(CliEnvironment environment, GlobalOptions global, RunEvents events) {
        this.environment = environment;
        this.global = global;
        this.events = events;
    }

    int onExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        String command = commandName(commandLine);
        if (exception instanceof KeelException keel) {
            report(command, keel.problems(), keel.exitClass().exitCode());
            return keel.exitClass().exitCode();
        }
        Problem problem = Problem.of(ErrorCode.DATABASE_ERROR,
                "Unexpected error: " + exception.getClass().getName() + ": " + exception.getMessage(),
                "Run 'keel status' to see where the database stands; run again with -v and report the stack trace.");
        report(command, List.of(problem), UNEXPECTED);
        if (global.verbose) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            environment.err().print(trace);
        }
        return UNEXPECTED;
    }

    int onParameterException(ParameterException exception, String[] args) {
        int code = ExitClass.USAGE.exitCode();
        if (global.json) {
            Problem problem = Problem.of(ErrorCode.OPTION_INVALID, exception.getMessage(),
                    "Run '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            report(commandName(exception.getCommandLine()), List.of(problem), code);
            return code;
        }
        environment.err().println("error: " + exception.getMessage());
        environment.err().println("  fix: run '" + exception.getCommandLine().getCommandSpec().qualifiedName()
                + " --help' for the options.");
        return code;
    }

    /** {@code migrate}, {@code snapshot restore}: the command as typed, without the program's name. */
    static String commandName(CommandLine commandLine) {
        String qualified = commandLine.getCommandSpec().qualifiedName();
        int space = qualified.indexOf(' ');
        return space < 0 ? qualified : qualified.substring(space + 1);
    }

    private void report(String command, List<Problem> problems, int exitCode) {
        events.finish(); // a step or bar left open on the terminal would run into the first line of the problem
        if (global.json) {
            Map<String, Object> document = JsonOutput.document(command, false);
            document.put("exitCode", exitCode);
            document.put("problems", JsonOutput.problems(problems));
            new JsonOutput(environment.out(), events::recorded).write(document);
            return;
        }
        TextOutput err = new TextOutput(environment.err(), global.ansi(environment));
        problems.forEach(err::problem);
        if (problems.size() > 1) {
            err.plain(problems.size() + " problems found.");
        }
    }
}
