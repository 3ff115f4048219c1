package dev.keel.cli;

import dev.keel.bootstrap.DoctorCheck;
import dev.keel.bootstrap.DoctorReport;
import dev.keel.bootstrap.Keel;
import dev.keel.spi.ExitClass;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code keel doctor}: checks connection, privileges, files, lock, plugins and disk space. */
@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Check connection, history table, migration files, lock, plugins and disk space.")
final class DoctorCommand extends KeelCommand {

    DoctorCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            DoctorReport report = keel.doctor();
            int code = report.ok() ? DONE : ExitClass.USAGE.exitCode();
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("doctor", report.ok());
                document.put("checks", report.checks().stream().map(DoctorCommand::check).toList());
                context.jsonOutput().write(document);
                return code;
            }
            for (DoctorCheck check : report.checks()) {
                String mark = switch (check.outcome()) {
                    case OK -> "@|fg_green ok  |@";
                    case WARN -> "@|fg_yellow warn|@";
                    case FAIL -> "@|fg_red fail|@";
                };
                context.text().line("  " + mark + " " + String.format("%-15s", check.name()) + TextOutput.escape(check.detail()));
            }
            return code;
        }
    }

    private static Map<String, Object> check(DoctorCheck check) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", check.name());
        map.put("outcome", check.outcome().label());
        map.put("detail", check.detail());
        return map;
    }
}
