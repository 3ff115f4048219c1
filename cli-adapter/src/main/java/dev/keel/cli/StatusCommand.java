package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.spi.migration.MigrationState;
import dev.keel.spi.migration.StatusReport;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code keel status}: every version and where it stands. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show every migration and where it stands (applied, pending, failed, …).")
final class StatusCommand extends KeelCommand {

    StatusCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            StatusReport report = keel.status();
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("status", report.problems().isEmpty());
                document.put("database", report.database());
                document.put("dialect", report.dialect());
                document.put("environment", keel.environment());
                document.put("current", report.current().map(v -> v.text()).orElse(null));
                document.put("pending", report.pendingCount());
                document.put("migrations", report.migrations().stream().map(MigrationJson::state).toList());
                document.put("problems", JsonOutput.problems(report.problems()));
                report.drift().ifPresent(d -> document.put("drift", Map.of("sinceVersion", d.sinceVersion(),
                        "recordedFingerprint", d.recordedHash(), "currentFingerprint", d.currentHash())));
                context.jsonOutput().write(document);
                return DONE;
            }
            TextOutput text = context.text();
            text.line("@|bold " + TextOutput.escape(report.database()) + "|@ (" + report.dialect() + ", environment "
                    + TextOutput.escape(keel.environment()) + "): version "
                    + report.current().map(v -> v.text()).orElse("none") + ", " + report.pendingCount() + " pending");
            for (MigrationState state : report.migrations()) {
                text.line(String.format("  %-16s %-13s %s%s", TextOutput.escape(state.version().text()),
                        colour(state.state()), TextOutput.escape(state.script()),
                        state.error().map(e -> "\n" + " ".repeat(33) + TextOutput.escape(e)).orElse("")));
            }
            report.drift().ifPresent(d -> text.line("@|fg_yellow drift|@: the schema was changed outside Keel since version "
                    + TextOutput.escape(d.sinceVersion()) + " was applied (fingerprint " + d.recordedHash().substring(0, 12)
                    + " recorded, " + d.currentHash().substring(0, 12) + " now)."));
            report.problems().forEach(text::problem);
            return DONE;
        }
    }

    private static String colour(MigrationState.State state) {
        String label = state.label();
        return switch (state) {
            case APPLIED, BASELINE, BELOW_BASELINE -> "@|fg_green " + label + "|@" + pad(label);
            case PENDING, ROLLED_BACK -> "@|fg_yellow " + label + "|@" + pad(label);
            default -> "@|fg_red " + label + "|@" + pad(label);
        };
    }

    private static String pad(String label) {
        return " ".repeat(Math.max(0, 13 - label.length()));
    }
}
