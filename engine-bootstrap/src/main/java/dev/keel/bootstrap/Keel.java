package dev.keel.bootstrap;

import dev.keel.spi.event.KeelListener;
import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.StatusReport;
import dev.keel.spi.migration.ValidationReport;
import dev.keel.spi.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedding API (SPEC §11): one object per database, built with {@link #configure()}, closed when done.
 * Every operation that fails for a reason a user can act on throws {@link dev.keel.spi.KeelException} with
 * coded problems and the exit class the CLI would use. Everything the CLI prints comes from events that
 * {@link #subscribe} delivers.
 *
 * <pre>{@code
 * try (Keel keel = Keel.configure()
 *         .url("jdbc:postgresql://localhost/app").user("app").password(secret)
 *         .migrations("classpath:db/migrations")
 *         .build()) {
 *     MigrationReport report = keel.migrate();
 * }
 * }</pre>
 */
public final class Keel implements AutoCloseable {

    private final Engine engine;
    private final EventFanOut events;

    Keel(Engine engine, EventFanOut events) {
        this.engine = engine;
        this.events = events;
    }

    /** Starts configuring a Keel instance. */
    public static KeelBuilder configure() {
        return new KeelBuilder();
    }

    /** Applies every pending migration, each in its own transaction. */
    public MigrationReport migrate() {
        return engine.migrate(MigrateOptions.defaults());
    }

    /**
     * Applies pending migrations as the options say. The rules run first on the pending migrations: a finding of
     * severity error stops the run ({@code LINT_ERROR}, exit 3); a run whose risk reaches the environment's
     * {@code confirmAt} needs {@link MigrateOptions#confirmation()} ({@code options.confirmed(Confirmation.YES_FLAG)}),
     * else it is refused ({@code CONFIRMATION_REQUIRED}, exit 4). Both are checked before anything changes.
     */
    public MigrationReport migrate(MigrateOptions options) {
        return engine.migrate(options);
    }

    /**
     * Validates and plans without changing anything; each pending migration carries its risk as the rules judge it
     * ({@code keel lint}'s rules, for the connected server's version), and its findings are reported with a
     * {@link dev.keel.spi.event.MigrationReviewed} event.
     */
    public MigrationPlan plan(MigrateOptions options) {
        return engine.plan(options);
    }

    /**
     * Whether a run of this risk needs a confirmation in the chosen environment (its {@code confirmAt}): a
     * {@link #migrate(MigrateOptions)} of such a plan without {@link MigrateOptions#confirmation()} is refused.
     */
    public boolean needsConfirmation(dev.keel.spi.Risk risk) {
        return engine.needsConfirmation(risk);
    }

    /** Where the database stands; problems are reported in the result, not thrown. */
    public StatusReport status() {
        return engine.status();
    }

    /** Every problem in the files and against history; nothing is changed. */
    public ValidationReport validate() {
        return engine.validate();
    }

    /**
     * Lints migration files without a database (SPEC §5, §9): every rule of the discovered rule providers, plugins
     * included, over the statements the dialect's splitter cuts; no connection is opened.
     */
    public LintReport lint(LintRequest request) {
        return engine.lint(request);
    }

    /**
     * Runs the environment's schema policies on the live schema (SPEC §5) and reports what they find; with {@code fix},
     * the packs named in {@code rules.fix} apply their fixes as recorded statements (one history row per pack, script
     * {@code << policy-fix PACK >>}) and the report says what remains. {@code migrate} does the same after a run that
     * applied something.
     */
    public dev.keel.spi.rule.PolicyReport checkSchema(boolean fix) {
        return engine.checkSchema(fix);
    }

    /**
     * Every discovered rule, plugins' included, as the chosen environment runs it: configured severity and risk, opt-in
     * pack, parameters, and whether it runs ({@code keel lint --rules}).
     */
    public List<RuleStatus> rules() {
        return engine.rules();
    }

    /**
     * Every discovered schema policy, plugins' included, as the chosen environment runs it: configured severity and
     * risk, pack, whether it runs and whether its fixes are applied ({@code keel lint --rules}).
     */
    public List<PolicyStatus> policies() {
        return engine.policies();
    }

    /**
     * Plans a rollback without changing anything (SPEC §8): the steps newest first, the rules' findings and risk of each
     * DOWN, and the data each destroys, measured on the live database.
     *
     * @throws dev.keel.spi.KeelException a missing, unparsable or irreversible DOWN, or a migration outside the
     *     rollback window without {@code force}
     */
    public dev.keel.spi.rollback.RollbackPlan planRollback(RollbackOptions options) {
        return engine.planRollback(options);
    }

    /**
     * Rolls back as the options say, under the same protection as {@code migrate}. A plan whose risk reaches the
     * environment's {@code confirmAt} needs {@link RollbackOptions#confirmation()}; without it the run is refused
     * ({@code CONFIRMATION_REQUIRED}, exit 4).
     */
    public RollbackReport rollback(RollbackOptions options) {
        return engine.rollback(options);
    }

    /** Makes history agree with reviewed files (new checksums, renames, deleted files, failed attempts). */
    public RepairReport repair() {
        return engine.repair();
    }

    /** Records that an existing, unmanaged database is at {@code version}. */
    public AppliedMigration baseline(String version, String description) {
        return engine.baseline(version, description);
    }

    /** Writes the next migration file and returns its path. */
    public Path newMigration(String description) {
        return engine.newMigration(description);
    }

    /** Checks connection, history, files, lock, plugins and disk space. */
    public DoctorReport doctor() {
        return engine.doctor();
    }

    /**
     * Starts a manual work session (SPEC §6): takes a snapshot with the environment's strategy (or {@code filecopy}
     * when the environment names none) and remembers it under {@code .keel/} until {@link #snapshotCommit()} or
     * {@link #snapshotRestore(Optional)}.
     *
     * @throws dev.keel.spi.KeelException {@code SNAPSHOT_SESSION_STATE} when a session is already open
     */
    public Snapshot snapshotBegin() {
        return engine.snapshotBegin();
    }

    /**
     * Ends the open work session keeping the database as it is now, and discards the session's snapshot.
     *
     * @throws dev.keel.spi.KeelException {@code SNAPSHOT_SESSION_STATE} when no session is open
     */
    public Snapshot snapshotCommit() {
        return engine.snapshotCommit();
    }

    /**
     * Restores a snapshot: the one with {@code id}, else the open session's, else the newest; verifies the schema
     * fingerprint and ends the session if it was the session's.
     */
    public RestoreReport snapshotRestore(Optional<String> id) {
        return engine.snapshotRestore(id);
    }

    /** The complete snapshots of the environment's strategy, oldest first. */
    public List<Snapshot> snapshots() {
        return engine.snapshots();
    }

    /**
     * Discards all but the newest {@code keep} snapshots (the configured {@code snapshot.keep} when empty); a
     * snapshot held by an open session is never discarded. Returns the discarded ones.
     */
    public List<Snapshot> pruneSnapshots(Optional<Integer> keep) {
        return engine.pruneSnapshots(keep);
    }

    /** Whether a migration run is changing the database right now (from any process using this work directory). */
    public boolean isMigrationInProgress() {
        return engine.isMigrationInProgress();
    }

    /** Delivers every engine event to the listener until it is unsubscribed. */
    public void subscribe(KeelListener listener) {
        events.add(listener);
    }

    /** Stops delivering events to the listener. */
    public void unsubscribe(KeelListener listener) {
        events.remove(listener);
    }

    /** The resolved environment name. */
    public String environment() {
        return engine.settings().environment();
    }

    /** Releases connections (a DataSource passed in is left open). */
    @Override
    public void close() {
        engine.close();
    }
}
