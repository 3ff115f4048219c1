package dev.keel.cli;

import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.migration.RunProtection;

/** How {@code plan} and {@code migrate --dry-run} say in one line how a run is protected (SPEC §6). */
final class ProtectionLine {

    private ProtectionLine() {
    }

    /**
     * {@code Protection: snapshot (filecopy) — <what>; because <reason>}, {@code Protection: transactions — <reason>},
     * or {@code Protection: UNPROTECTED — <reason>} followed by what a failure would leave behind.
     */
    static String markup(RunProtection protection) {
        String reason = sentence(protection.reason());
        String head = "@|bold Protection:|@ ";
        return switch (protection.kind()) {
            case TRANSACTION -> head + "@|fg_green transactions|@" + (reason.isEmpty() ? "" : " — " + escape(reason));
            case SNAPSHOT -> head + "@|fg_green snapshot (" + escape(protection.strategy().orElse("?")) + ")|@ — "
                    + escape(protection.what().strip())
                    + (reason.isEmpty() ? "" : "; " + escape(reason.startsWith("because") ? reason : "because " + reason));
            case UNPROTECTED -> head + "@|bold,fg_red UNPROTECTED|@ — " + (reason.isEmpty() ? "" : escape(reason) + ". ")
                    + "If a statement outside a transaction fails, the statements before it stay applied and nothing"
                    + " undoes them (exit 6).";
        };
    }

    /** The protection of one migration in {@code plan}, knowing how the run as a whole is protected. */
    static String migrationMarkup(PlannedMigration planned, RunProtection run) {
        if (planned.protection() == PlannedMigration.Protection.TRANSACTION) {
            return "@|fg_green transaction|@";
        }
        return run.kind() == RunProtection.Kind.SNAPSHOT
                ? "@|fg_yellow no transaction: covered by the snapshot|@"
                : "@|fg_yellow unprotected: statements commit one by one|@";
    }

    /** Trimmed, without a final full stop (the line adds its own punctuation). */
    private static String sentence(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String escape(String text) {
        return TextOutput.escape(text);
    }
}
