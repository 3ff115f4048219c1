package dev.keel.bootstrap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.core.source.ScriptAllowances;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.snapshot.SnapshotFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lint results kept by checksum under the work directory ({@code .keel/lint-cache/}, folders 0700, files 0600), so a
 * script whose statements, allowances, file name, transaction mode, dialect and target server are unchanged is not
 * linted again while the rule set is the same (Keel version, rules and their configuration, plugins: the
 * {@linkplain RuleSetFingerprint fingerprint}). The cache is an optimisation only: an entry that cannot be read or
 * written, or that does not match, is ignored and the script is linted.
 *
 * <p>Bounded by use, not by count: reading an entry marks it used (its modification time), and at most once a day
 * entries unused for {@link #UNUSED_FOR} are deleted, which clears out the results of rule sets no longer in use (an
 * older Keel, a changed {@code rules:}), along with temporary files a killed run left behind.
 */
final class LintCache {

    /** The layout of an entry; bumped when it changes, so old entries are ignored. */
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final LintCache OFF = new LintCache(null, "");
    /** How long an entry may go unread before it is deleted. */
    static final Duration UNUSED_FOR = Duration.ofDays(30);
    /** How often the folder is swept; its marker file's modification time says when it last was. */
    static final Duration SWEEP_EVERY = Duration.ofDays(1);
    private static final String SWEPT_MARKER = "last-swept";

    private final Path directory;
    private final String ruleSet;

    private LintCache(Path directory, String ruleSet) {
        this.directory = directory;
        this.ruleSet = ruleSet;
    }

    /** No cache: every script is linted and nothing is written. */
    static LintCache off() {
        return OFF;
    }

    /** A cache in {@code directory} for results of the rule set with this fingerprint. */
    static LintCache in(Path directory, String ruleSetFingerprint) {
        // Hashed once here: the rule set's text runs to kilobytes, and every script's key would hash it again.
        return new LintCache(directory, dev.keel.spi.migration.Checksum.of(ruleSetFingerprint).hex());
    }

    boolean enabled() {
        return directory != null;
    }

    /** The checksum naming one script's result: everything the result depends on. */
    String key(String file, List<SqlStatement> statements, String dialect, Optional<ServerInfo> server,
            TransactionMode mode, ScriptAllowances allowances) {
        KeyMaterial sum = new KeyMaterial();
        sum.add("keel-lint-cache/" + FORMAT).add(ruleSet).add(file).add(dialect).add(server.toString())
                .add(mode.name()).add(allowances.toString());
        for (SqlStatement s : statements) {
            sum.add(s.sql()).add(s.index() + ":" + s.line() + ":" + s.column());
        }
        return sum.hex();
    }

    /** The stored result for {@code key}, marked as coming from the cache; empty when absent or unusable. */
    Optional<LintReport.FileLint> read(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path entry = entry(key);
        try {
            if (!Files.isRegularFile(entry)) {
                return Optional.empty();
            }
            Entry stored = JSON.readValue(entry.toFile(), Entry.class);
            if (stored.format() != FORMAT || !key.equals(stored.key()) || stored.lint() == null) {
                return Optional.empty();
            }
            LintReport.FileLint l = stored.lint();
            markUsed(entry);
            return Optional.of(new LintReport.FileLint(l.file(), l.risk(), l.statements(), l.findings(), l.accepted(), true));
        } catch (IOException | RuntimeException unusable) {
            return Optional.empty(); // corrupt, truncated or foreign: lint the script again
        }
    }

    /** Stores a result; a failure to write is ignored (the next run lints the script again). */
    void write(String key, LintReport.FileLint lint) {
        if (!enabled()) {
            return;
        }
        Path entry = entry(key);
        Path temporary = directory.resolve(key + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            SnapshotFiles.createPrivateDirectories(directory);
            Files.deleteIfExists(temporary);
            SnapshotFiles.createPrivateFile(temporary);
            Files.write(temporary, JSON.writeValueAsBytes(new Entry(FORMAT, key, lint)));
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException ignored) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException alsoIgnored) {
                // nothing more to do: a stray temporary file is never read as an entry
            }
        }
    }

    /**
     * Deletes entries unused for {@link #UNUSED_FOR} and temporary files older than a day, when the last sweep is
     * more than {@link #SWEEP_EVERY} ago (a run that finds a fresh marker only looks at it). Best effort, like the
     * rest of the cache: what cannot be listed or deleted stays.
     */
    void sweepIfDue(Instant now) {
        if (!enabled() || !Files.isDirectory(directory)) {
            return;
        }
        Path marker = directory.resolve(SWEPT_MARKER);
        try {
            if (Files.exists(marker)
                    && Files.getLastModifiedTime(marker).toInstant().isAfter(now.minus(SWEEP_EVERY))) {
                return;
            }
            if (!Files.exists(marker)) {
                SnapshotFiles.createPrivateFile(marker);
            }
            Files.setLastModifiedTime(marker, FileTime.from(now));
            Instant unusedSince = now.minus(UNUSED_FOR);
            Instant abandonedSince = now.minus(Duration.ofDays(1));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    try {
                        String name = file.getFileName().toString();
                        Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
                        if ((name.endsWith(".json") && modified.isBefore(unusedSince))
                                || (name.endsWith(".tmp") && modified.isBefore(abandonedSince))) {
                            Files.deleteIfExists(file);
                        }
                    } catch (IOException gone) {
                        // renamed or deleted by a concurrent run meanwhile: the rest of the folder is still swept
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the next due sweep tries again
        }
    }

    /** A read entry counts as used, so the sweep keeps it. */
    private static void markUsed(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException ignored) {
            // a read-only cache still serves its entries; they only age
        }
    }

    private Path entry(String key) {
        return directory.resolve(key + ".json");
    }

    /** What one entry file holds. */
    record Entry(int format, String key, LintReport.FileLint lint) {
    }

    /**
     * The parts of a key, each prefixed by its length so that neighbouring parts cannot run together, hashed with
     * Keel's script {@link dev.keel.spi.migration.Checksum} (SHA-256).
     */
    private static final class KeyMaterial {
        private final StringBuilder text = new StringBuilder();

        KeyMaterial add(String part) {
            text.append(part.length()).append(':').append(part);
            return this;
        }

        String hex() {
            return dev.keel.spi.migration.Checksum.of(text.toString()).hex();
        }
    }
}
