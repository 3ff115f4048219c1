package dev.keel.cli;

import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.event.MigrationReviewed;
import dev.keel.spi.rule.Acceptance;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.SnapshotProgressed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import picocli.CommandLine.Help.Ansi;

/**
 * The engine events of one invocation: shown to people as progress (on stdout, or on stderr with {@code --json} so
 * that stdout holds only the document), and the steps, snapshots and recoveries kept for the JSON document's
 * {@code events}. Shared by the command and the {@link ProblemReporter}, which ends an open progress line before
 * it prints a problem.
 */
final class RunEvents implements KeelListener {

    private final CliEnvironment environment;
    private final GlobalOptions global;
    private final LongSupplier clockMs;
    private final List<Map<String, Object>> recorded = new ArrayList<>();
    /** The rules' review of each pending migration, by version (the latest when a command reviewed twice). */
    private final Map<String, MigrationReviewed> reviews = new java.util.LinkedHashMap<>();
    /** Thins snapshot progress in {@code events} as in a log: a document is no place for every chunk copied. */
    private final ProgressThrottle throttle = new ProgressThrottle();
    private TextProgress progress;

    RunEvents(CliEnvironment environment, GlobalOptions global) {
        this(environment, global, System::currentTimeMillis);
    }

    RunEvents(CliEnvironment environment, GlobalOptions global, LongSupplier clockMs) {
        this.environment = environment;
        this.global = global;
        this.clockMs = clockMs;
    }

    // Synchronized: a strategy may report progress from a copying thread while the run reports from its own.
    @Override
    public synchronized void on(KeelEvent event) {
        if (event instanceof MigrationReviewed reviewed) {
            reviews.put(reviewed.version(), reviewed);
        }
        EventJson.of(event)
                .filter(json -> !(event instanceof SnapshotProgressed p) || throttle.admit(p, clockMs.getAsLong()))
                .ifPresent(recorded::add);
        progress().on(event);
    }

    /** Ends an open progress line, so that what is printed next starts on its own line. */
    synchronized void finish() {
        if (progress != null) {
            progress.finish();
        }
    }

    /** The steps, snapshot events and recoveries so far, as JSON objects in order. */
    synchronized List<Map<String, Object>> recorded() {
        return List.copyOf(recorded);
    }

    /** The findings the rules reported for this version's pending migration (empty when it was not reviewed). */
    synchronized List<Finding> findings(String version) {
        MigrationReviewed reviewed = reviews.get(version);
        return reviewed == null ? List.of() : reviewed.findings();
    }

    /** The findings that {@code -- keel:allow} accepted in this version's pending migration. */
    synchronized List<Acceptance> accepted(String version) {
        MigrationReviewed reviewed = reviews.get(version);
        return reviewed == null ? List.of() : reviewed.accepted();
    }

    /** Every finding {@code -- keel:allow} accepted, in the order the migrations were reviewed. */
    synchronized List<Acceptance> accepted() {
        return reviews.values().stream().flatMap(r -> r.accepted().stream()).toList();
    }

    /** Every finding the rules reported, in the order the migrations were reviewed. */
    synchronized List<Finding> findings() {
        return reviews.values().stream().flatMap(r -> r.findings().stream()).toList();
    }

    /** Made at the first event: the options are parsed by then. */
    private TextProgress progress() {
        if (progress == null) {
            progress = global.json
                    ? new TextProgress(new TextOutput(environment.err(), Ansi.OFF))
                    : new TextProgress(new TextOutput(environment.out(), global.ansi(environment)),
                            global.liveProgress(environment), global.columns(environment), clockMs);
        }
        return progress;
    }
}
