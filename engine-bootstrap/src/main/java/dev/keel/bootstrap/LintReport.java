package dev.keel.bootstrap;

import dev.keel.spi.Risk;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link Keel#lint}: the findings per file, each file's risk (its highest statement risk), and the
 * rules that ran. Findings accepted by {@code -- keel:allow} are kept apart ({@link #accepted()}): they neither make
 * {@link #hasErrors()} true nor raise a risk.
 *
 * @param dialect the dialect id the files were linted for
 * @param server  the server version the rules assumed, when one was given
 * @param files   one entry per linted file, in order
 * @param rules   every rule that ran (built-in and plugin, as configured), for reporters that list them
 */
public record LintReport(String dialect, Optional<ServerInfo> server, List<FileLint> files, List<Rule> rules) {

    public LintReport {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(server, "server");
        files = List.copyOf(files);
        rules = List.copyOf(rules);
    }

    /**
     * One linted file.
     *
     * @param file       the file as shown to the user
     * @param risk       the migration's risk: the highest risk of its statements ({@code low} when it has none)
     * @param statements how many statements it holds
     * @param findings   its findings that count, in line order (those about its {@code -- keel:allow} lines included)
     * @param accepted   its findings accepted by {@code -- keel:allow}, in line order
     * @param cached     whether this result was reused from the lint cache instead of linting the file again
     */
    public record FileLint(String file, Risk risk, int statements, List<Finding> findings,
            List<AcceptedFinding> accepted, boolean cached) {
        public FileLint {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(risk, "risk");
            findings = List.copyOf(findings);
            accepted = List.copyOf(accepted);
        }

        /** A result just linted, not taken from the cache. */
        public FileLint(String file, Risk risk, int statements, List<Finding> findings,
                List<AcceptedFinding> accepted) {
            this(file, risk, statements, findings, accepted, false);
        }

        /** A file with no accepted finding. */
        public FileLint(String file, Risk risk, int statements, List<Finding> findings) {
            this(file, risk, statements, findings, List.of());
        }
    }

    /** Every finding that counts, of every file, in order. */
    public List<Finding> findings() {
        return files.stream().flatMap(f -> f.findings().stream()).toList();
    }

    /** Every finding accepted by {@code -- keel:allow}, of every file, in order. */
    public List<AcceptedFinding> accepted() {
        return files.stream().flatMap(f -> f.accepted().stream()).toList();
    }

    /** How many files' results were reused from the lint cache. */
    public int cachedFiles() {
        return (int) files.stream().filter(FileLint::cached).count();
    }

    /** Whether any finding has severity error (the CLI then exits 3). */
    public boolean hasErrors() {
        return findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The highest risk over all files. */
    public Risk risk() {
        return files.stream().map(FileLint::risk).reduce(Risk.LOW, Risk::max);
    }
}
