package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.spi.migration.ValidationReport;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code keel validate}: checks files against history; exit 3 when anything would stop a migrate. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check migration files against history (modified, missing, renamed, …); exit 3 on problems.")
final class ValidateCommand extends KeelCommand {

    ValidateCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            ValidationReport report = keel.validate();
            // The first problem decides, as for any other command: a missing folder is a usage error (2), not 3.
            int code = report.ok() ? DONE : report.problems().get(0).code().exitClass().exitCode();
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("validate", report.ok());
                document.put("exitCode", code);
                document.put("files", report.files());
                document.put("applied", report.applied());
                document.put("pending", report.pending());
                document.put("problems", JsonOutput.problems(report.problems()));
                context.jsonOutput().write(document);
                return code;
            }
            if (report.ok()) {
                context.text().line("@|green OK|@: " + report.files() + " files, " + report.applied() + " applied, "
                        + report.pending() + " pending; nothing stands in the way.");
            } else {
                TextOutput err = new TextOutput(context.environment().err(), context.ansi());
                report.problems().forEach(err::problem);
                err.plain(report.problems().size() + " problem(s); 'keel migrate' will not run until they are fixed.");
            }
            return code;
        }
    }
}
