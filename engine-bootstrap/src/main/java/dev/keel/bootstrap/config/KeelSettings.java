package dev.keel.bootstrap.config;

import dev.keel.spi.Risk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of one Keel instance, resolved from defaults, {@code keel.yaml} (top level, then the chosen
 * environment's section), {@code KEEL_*} variables and explicit values (flags or builder calls), in that
 * order of increasing precedence.
 *
 * @param url               JDBC URL (absent when a DataSource is given)
 * @param user              database user
 * @param password          database password (never printed)
 * @param migrations        locations: directories (relative to {@code baseDirectory}) or {@code classpath:} folders
 * @param environment       the environment name
 * @param historyTable      the history table name
 * @param lockTimeout       how long to wait for the migration lock
 * @param outOfOrder        whether pending versions below the newest applied one may run
 * @param maxFileBytes      larger migration files are refused
 * @param pluginsDirectory  folder of plugin jars
 * @param workDirectory     Keel's local folder ({@code .keel}): journal, audit log, maintenance flag
 * @param newMigrationStyle {@code sequence} or {@code timestamp} versions for {@code keel new}
 * @param baseDirectory     the folder relative paths are resolved against
 * @param snapshot          the environment's snapshot strategy and its settings
 * @param confirmAt         runs whose risk is at least this ask for confirmation ({@code high} in {@code development},
 *                          {@code medium} elsewhere)
 * @param postMigrationHooks commands run after a successful migration, each an argument list (no shell)
 * @param maxRollbackAge    migrations applied longer ago need {@code --force} to be rolled back
 * @param rules             the environment's rule configuration ({@code rules:}), applied by every lint
 */
public record KeelSettings(
        Optional<String> url,
        Optional<String> user,
        Optional<String> password,
        List<String> migrations,
        String environment,
        String historyTable,
        Duration lockTimeout,
        boolean outOfOrder,
        long maxFileBytes,
        Path pluginsDirectory,
        Path workDirectory,
        String newMigrationStyle,
        Path baseDirectory,
        SnapshotSettings snapshot,
        Risk confirmAt,
        List<List<String>> postMigrationHooks,
        Duration maxRollbackAge,
        RuleSettings rules) {

    public KeelSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        migrations = List.copyOf(migrations);
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(pluginsDirectory, "pluginsDirectory");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(newMigrationStyle, "newMigrationStyle");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(confirmAt, "confirmAt");
        postMigrationHooks = postMigrationHooks.stream().map(List::copyOf).toList();
        Objects.requireNonNull(maxRollbackAge, "maxRollbackAge");
        Objects.requireNonNull(rules, "rules");
        if (postMigrationHooks.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a hook needs at least the program to run");
        }
    }

    /** The settings as text safe to print: the password is never shown. */
    @Override
    public String toString() {
        return "KeelSettings[url=" + url.map(dev.keel.jdbc.MaskedUrl::of).map(Object::toString).orElse("(DataSource)")
                + ", user=" + user.orElse("") + ", password=" + (password.isPresent() ? "****" : "")
                + ", migrations=" + migrations + ", environment=" + environment + ", historyTable=" + historyTable
                + ", lockTimeout=" + lockTimeout + ", outOfOrder=" + outOfOrder + ", snapshot=" + snapshot
                + ", confirmAt=" + confirmAt.label()
                // hook arguments may carry interpolated secrets: only the programs are shown
                + ", postMigrationHooks=" + postMigrationHooks.stream().map(h -> h.get(0)).toList() + "]";
    }
}
