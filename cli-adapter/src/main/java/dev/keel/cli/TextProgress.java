package dev.keel.cli;

import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.LockWaiting;
import dev.keel.spi.event.MigrationApplied;
import dev.keel.spi.event.MigrationFailed;
import dev.keel.spi.event.RunFinished;
import dev.keel.spi.event.RunStarted;

/** Renders engine events as progress lines for a person. */
final class TextProgress implements KeelListener {

    private final TextOutput text;

    TextProgress(TextOutput text) {
        this.text = text;
    }

    @Override
    public void on(KeelEvent event) {
        if (event instanceof RunStarted e) {
            text.line(e.pending() == 0
                    ? "Database " + TextOutput.escape(e.target()) + " is up to date."
                    : "@|bold " + TextOutput.escape(e.command()) + "|@ " + TextOutput.escape(e.target()) + ": "
                            + e.pending() + " pending migration" + (e.pending() == 1 ? "" : "s"));
        } else if (event instanceof LockWaiting e) {
            text.line("Waiting up to " + e.timeoutMs() / 1000 + " s for the migration lock held by "
                    + TextOutput.escape(e.holder()) + "…");
        } else if (event instanceof MigrationApplied e) {
            text.line("  @|green ✓|@ " + TextOutput.escape(e.version()) + "  " + TextOutput.escape(e.script())
                    + " @|faint (" + e.elapsedMs() + " ms)|@");
        } else if (event instanceof MigrationFailed e) {
            text.line("  @|red ✗|@ " + TextOutput.escape(e.version()) + "  " + TextOutput.escape(e.script())
                    + " failed at statement " + (e.statementIndex() + 1)
                    + (e.statementLine() > 0 ? " (line " + e.statementLine() + ")" : ""));
        } else if (event instanceof RunFinished e && e.applied() > 0) {
            text.line("Applied " + e.applied() + " migration" + (e.applied() == 1 ? "" : "s") + " in " + e.elapsedMs()
                    + " ms.");
        }
        // MigrationStarted and StatementApplied are too fine-grained for a line each.
    }
}
