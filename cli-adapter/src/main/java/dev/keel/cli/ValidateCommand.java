package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.migration.ValidationReport;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code keel validate}: checks files against history and runs the rules on pending migrations; exit 3 when anything
 * would stop a migrate (a lint error included).
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check migration files against history (modified, missing, renamed, …) and lint the pending ones; exit 3 on problems or lint errors.")
final class ValidateCommand extends KeelCommand {

    ValidateCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            ValidationReport report = keel.validate();
            PendingFindings findings = new PendingFindings(new ShownPaths(context.environment().workingDirectory()),
                    context.events());
            // The first problem decides, as for any other command: a missing folder is a usage error (2), not 3.
            int code = report.ok() ? DONE : report.problems().get(0).code().exitClass().exitCode();
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("validate", report.ok());
                document.put("exitCode", code);
                document.put("files", report.files());
                document.put("applied", report.applied());
                document.put("pending", report.pending());
                document.put("problems", JsonOutput.problems(report.problems()));
                document.put("findings", findings.json(context.events().findings()));
                document.put("accepted", findings.acceptedJson(context.events().accepted()));
                context.jsonOutput().write(document);
                return code;
            }
            findings.print(context.text(), context.events().findings(), "");
            findings.printAccepted(context.text(), context.events().accepted(), "");
            if (report.ok()) {
                context.text().line("@|fg_green OK|@: " + report.files() + " files, " + report.applied() + " applied, "
                        + report.pending() + " pending; nothing stands in the way.");
            } else {
                TextOutput err = new TextOutput(context.environment().err(), context.ansi());
                // Lint errors were shown above with their source line; here they are only counted.
                report.problems().stream().filter(p -> p.code() != ErrorCode.LINT_ERROR).forEach(err::problem);
                err.plain(report.problems().size() + " problem(s); 'keel migrate' will not run until they are fixed.");
            }
            return code;
        }
    }
}
