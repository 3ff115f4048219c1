package dev.keel.cli;

import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.LockWaiting;
import dev.keel.spi.event.MigrationApplied;
import dev.keel.spi.event.MigrationRolledBack;
import dev.keel.spi.event.MigrationFailed;
import dev.keel.spi.event.RecoveryPerformed;
import dev.keel.spi.event.RunFinished;
import dev.keel.spi.event.RunStarted;
import dev.keel.spi.event.RunStep;
import dev.keel.spi.event.SchemaPolicyChecked;
import dev.keel.spi.event.SnapshotProgressed;
import dev.keel.spi.event.SnapshotRestored;
import dev.keel.spi.event.SnapshotTaken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Renders engine events as progress for a person. On a terminal ({@code live}) a started step stays on an open line
 * that its outcome completes in place ({@code [2/5] Creating database snapshot… OK}) and snapshot progress is a bar
 * redrawn on that line; elsewhere every update is a plain line, and progress lines are throttled by
 * {@link ProgressThrottle}.
 */
final class TextProgress implements KeelListener {

    /** A bar redrawn more often only flickers. */
    static final long REDRAW_MS = 100;
    private static final int BAR_WIDTH = 20;

    private final TextOutput text;
    private final boolean live;
    private final int width;
    private final LongSupplier clockMs;
    private final ProgressThrottle throttle = new ProgressThrottle();

    /** The started step awaiting its outcome, if any. */
    private RunStep openStep;
    /** Live: the open line shows {@link #openStep} (possibly with a bar after it). */
    private boolean stepOnLine;
    /** Live: lines held back while a step's line is open, printed after its outcome. */
    private final List<String> deferred = new ArrayList<>();
    private String drawnPhase = "";
    private long drawnMs;

    /** Plain lines, as for a log or a pipe. */
    TextProgress(TextOutput text) {
        this(text, false, 80, System::currentTimeMillis);
    }

    /**
     * @param text    where to print
     * @param live    whether lines may be redrawn in place (a terminal)
     * @param width   the terminal's columns; a live line is kept shorter so that a carriage return reaches its start
     * @param clockMs the time in milliseconds, for throttling
     */
    TextProgress(TextOutput text, boolean live, int width, LongSupplier clockMs) {
        this.text = text;
        this.live = live;
        this.width = width;
        this.clockMs = clockMs;
    }

    @Override
    public void on(KeelEvent event) {
        if (event instanceof RunStep e) {
            step(e);
        } else if (event instanceof SnapshotProgressed e) {
            progress(e);
        } else if (event instanceof SchemaPolicyChecked e) {
            finish();
            PolicyReportText.lines(e.report()).forEach(text::line);
        } else {
            String line = lineFor(event);
            if (line != null && stepOnLine && (event instanceof SnapshotTaken || event instanceof SnapshotRestored)) {
                deferred.add(line); // the step it belongs to can still be completed in place
            } else if (line != null) {
                finish();
                text.line(line);
            }
        }
    }

    /** Ends whatever line is open, so that other output starts on a line of its own. */
    void finish() {
        if (text.lineOpen()) {
            if (stepOnLine) {
                text.rewrite(stepTitle(openStep)); // drop the bar, keep the step
                text.endLine();
            } else {
                text.clearLine(); // a bare bar says nothing once the work is done
            }
        }
        stepOnLine = false;
        printDeferred();
    }

    private void printDeferred() {
        deferred.forEach(text::line);
        deferred.clear();
    }

    private void step(RunStep e) {
        if (e.state() == RunStep.State.STARTED) {
            finish();
            openStep = e;
            if (live) {
                text.rewrite(stepTitle(e));
                stepOnLine = true;
            } else {
                text.line(stepTitle(e));
            }
            return;
        }
        boolean sameStep = openStep != null && openStep.number() == e.number();
        String done = stepTitle(e) + " " + outcome(e);
        if (live && stepOnLine && sameStep) {
            text.rewrite(done);
            text.endLine();
            stepOnLine = false;
            printDeferred();
        } else {
            finish();
            text.line(done);
        }
        if (sameStep) {
            openStep = null;
        }
    }

    private void progress(SnapshotProgressed e) {
        long now = clockMs.getAsLong();
        if (!live) {
            if (throttle.admit(e, now)) {
                finish();
                text.line("  " + operation(e) + " " + TextOutput.escape(e.snapshotId()) + ": " + plainProgress(e));
            }
            return;
        }
        String phase = e.snapshotId() + '\0' + e.operation() + '\0' + e.phase();
        boolean complete = e.total() > 0 && e.done() >= e.total();
        if (phase.equals(drawnPhase) && now - drawnMs < REDRAW_MS && !complete) {
            return;
        }
        drawnPhase = phase;
        drawnMs = now;
        if (stepOnLine) {
            String step = stepTitle(openStep);
            String number = "[" + openStep.number() + "/" + openStep.total() + "]";
            text.rewrite(fitting(step + " " + bar(e, true), step + " " + bar(e, false), number + " " + bar(e, true),
                    number + " " + bar(e, false)));
        } else {
            String operation = "  " + capitalised(operation(e)) + ": ";
            text.rewrite(fitting(operation + bar(e, true), operation + bar(e, false), "  " + bar(e, false)));
        }
    }

    /** The first line narrower than the terminal (a wrapped line cannot be redrawn), else the last. */
    private String fitting(String... lines) {
        for (String line : lines) {
            if (TextOutput.visibleWidth(line) < width) {
                return line;
            }
        }
        return lines[lines.length - 1];
    }

    /** The one line of the other events; null for those too fine-grained for a line. */
    private static String lineFor(KeelEvent event) {
        if (event instanceof RunStarted e && e.command().equals("rollback")) {
            return "@|bold rollback|@ " + TextOutput.escape(e.target()) + ": " + e.pending() + " migration"
                    + (e.pending() == 1 ? "" : "s") + " to roll back, newest first";
        } else if (event instanceof MigrationRolledBack e) {
            return "  @|fg_green ↩|@ " + TextOutput.escape(e.version()) + "  " + TextOutput.escape(e.downScript())
                    + " @|faint (" + e.statements() + " statement" + (e.statements() == 1 ? "" : "s") + ", " + e.elapsedMs()
                    + " ms)|@";
        } else if (event instanceof RunStarted e) {
            return e.pending() == 0
                    ? "Database " + TextOutput.escape(e.target()) + " is up to date."
                    : "@|bold " + TextOutput.escape(e.command()) + "|@ " + TextOutput.escape(e.target()) + ": "
                            + e.pending() + " pending migration" + (e.pending() == 1 ? "" : "s");
        } else if (event instanceof LockWaiting e) {
            return "Waiting up to " + e.timeoutMs() / 1000 + " s for the migration lock held by "
                    + TextOutput.escape(e.holder()) + "…";
        } else if (event instanceof MigrationApplied e) {
            return "  @|fg_green ✓|@ " + TextOutput.escape(e.version()) + "  " + TextOutput.escape(e.script())
                    + " @|faint (" + e.elapsedMs() + " ms)|@";
        } else if (event instanceof MigrationFailed e) {
            return "  @|fg_red ✗|@ " + TextOutput.escape(e.version()) + "  " + TextOutput.escape(e.script())
                    + " failed at statement " + (e.statementIndex() + 1)
                    + (e.statementLine() > 0 ? " (line " + e.statementLine() + ")" : "");
        } else if (event instanceof RunFinished e && e.applied() > 0) {
            return "Applied " + e.applied() + " migration" + (e.applied() == 1 ? "" : "s") + " in " + e.elapsedMs()
                    + " ms.";
        } else if (event instanceof SnapshotTaken e) {
            return "  Snapshot " + TextOutput.escape(e.snapshotId()) + " taken with " + TextOutput.escape(e.strategy())
                    + ": " + HumanUnits.bytes(e.sizeBytes()) + " in " + HumanUnits.duration(e.elapsedMs()) + ".";
        } else if (event instanceof SnapshotRestored e) {
            return "  Snapshot " + TextOutput.escape(e.snapshotId()) + " restored in " + HumanUnits.duration(e.elapsedMs())
                    + (e.verified()
                            ? "; @|fg_green verified|@: the schema matches the fingerprint recorded with the snapshot."
                            : "; @|fg_yellow not verified|@ against a schema fingerprint.");
        } else if (event instanceof RecoveryPerformed e) {
            return "@|fg_yellow Recovered|@ an interrupted " + TextOutput.escape(e.interrupted()) + ": "
                    + TextOutput.escape(e.action());
        }
        // MigrationStarted and StatementApplied are too fine-grained for a line each.
        return null;
    }

    /** {@code [2/5] Creating database snapshot…} */
    static String stepTitle(RunStep step) {
        String title = step.title() == null ? "" : step.title().strip();
        boolean ellipsis = title.endsWith("…") || title.endsWith("...");
        return "[" + step.number() + "/" + step.total() + "] " + TextOutput.escape(title) + (ellipsis ? "" : "…");
    }

    private static String outcome(RunStep step) {
        String word = switch (step.state()) {
            case DONE -> "@|fg_green OK|@";
            case SKIPPED -> "@|fg_yellow skipped|@";
            case FAILED -> "@|bold,fg_red FAILED|@";
            case STARTED -> "";
        };
        String detail = step.detail() == null ? "" : step.detail().strip();
        return detail.isEmpty() ? word : word + " (" + TextOutput.escape(detail) + ")";
    }

    /** {@code taking snapshot}, {@code restoring snapshot}, … */
    private static String operation(SnapshotProgressed e) {
        return switch (e.operation()) {
            case "take" -> "taking snapshot";
            case "restore" -> "restoring snapshot";
            case "discard" -> "discarding snapshot";
            case "recover" -> "recovering snapshot";
            default -> "snapshot " + TextOutput.escape(e.operation());
        };
    }

    /** {@code copying 45% (1.2 GiB of 2.6 GiB)}, {@code copying (300.0 MiB so far)}, {@code stopping…} */
    static String plainProgress(SnapshotProgressed e) {
        String phase = TextOutput.escape(e.phase());
        if (e.total() > 0) {
            return phase + " " + percent(e) + " (" + amount(e, e.done()) + " of " + amount(e, e.total()) + ")";
        }
        if (e.done() > 0) {
            return phase + " (" + amount(e, e.done()) + " so far)";
        }
        return phase + "…";
    }

    /** {@code copying [=========>          ]  45% 1.2 GiB/2.6 GiB}, without the amounts when they do not fit. */
    static String bar(SnapshotProgressed e, boolean amounts) {
        String phase = TextOutput.escape(e.phase());
        if (e.total() > 0) {
            double fraction = Math.min(1, Math.max(0, (double) e.done() / e.total()));
            int filled = (int) (fraction * BAR_WIDTH);
            String inside = filled >= BAR_WIDTH
                    ? "=".repeat(BAR_WIDTH)
                    : "=".repeat(filled) + ">" + " ".repeat(BAR_WIDTH - filled - 1);
            return phase + " [" + inside + "] " + String.format(Locale.ROOT, "%4s", percent(e))
                    + (amounts ? " " + amount(e, e.done()) + "/" + amount(e, e.total()) : "");
        }
        if (e.done() > 0 && amounts) {
            return phase + " " + amount(e, e.done()) + "…";
        }
        return phase + "…";
    }

    private static String percent(SnapshotProgressed e) {
        return (int) Math.min(100, Math.max(0, e.done() * 100.0 / e.total())) + "%";
    }

    /** Bytes while copying; other phases count their own units. */
    private static String amount(SnapshotProgressed e, long units) {
        return e.phase().contains("copy") ? HumanUnits.bytes(units) : Long.toString(units);
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
