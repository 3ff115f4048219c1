package dev.keel.testkit;

import dev.keel.core.lint.MigrationContextBuilder;
import dev.keel.core.source.MigrationReader;
import dev.keel.core.source.ReadResult;
import dev.keel.core.source.ReaderSettings;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.dialect.DialectContext;
import dev.keel.spi.dialect.DialectProvider;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.RuleProvider;
import dev.keel.spi.rule.StatementAnalyzer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The engine's lint path for one dialect, put together from the providers on the test class path the way the engine
 * finds them (ServiceLoader): the dialect by id or alias, and the first statement analyzer a rule provider offers. A
 * script goes through it as a migration file does in {@code keel lint}: read by the migration reader (directives, UP
 * part, transaction mode), cut by the dialect's splitter, parsed into the {@link MigrationContext} rules see.
 */
final class EngineLintPath {

    /** The name the script is read under: a versioned migration, so that directives apply as in a real file. */
    static final String FILE_NAME = "V1__rule_test.sql";

    private final DialectProvider provider;
    private final Dialect dialect;
    private final MigrationContextBuilder contexts;
    private final Optional<ServerInfo> server;

    private EngineLintPath(DialectProvider provider, StatementAnalyzer analyzer, Optional<ServerInfo> server) {
        this.provider = provider;
        // No database: the dialect is created only for its splitter, as `keel lint` does without a URL.
        this.dialect = provider.create(new OfflineContext("jdbc:" + provider.id() + ":", Duration.ofSeconds(10)));
        this.contexts = new MigrationContextBuilder(analyzer);
        this.server = server;
    }

    /**
     * The path for a dialect named by id or alias ({@code postgres}, {@code pg}, {@code mariadb}, …).
     *
     * @throws KeelException when the dialect or a statement analyzer is not on the class path
     */
    static EngineLintPath forDialect(String name, Optional<ServerInfo> server, ClassLoader loader) {
        return new EngineLintPath(dialectNamed(name, loader), analyzer(loader), server);
    }

    /** The canonical id of the dialect. */
    String dialectId() {
        return provider.id();
    }

    /**
     * The context rules see for {@code script} read as the migration {@link #FILE_NAME}.
     *
     * @throws KeelException when the script is not a valid migration (a bad directive, an unterminated quote, …)
     */
    MigrationContext contextOf(String script) {
        ReadResult read = new MigrationReader(ReaderSettings.defaults(provider.id()))
                .read(List.of(new InMemoryScript(FILE_NAME, script)));
        read.throwIfProblems();
        MigrationScript migration = read.migrations().get(0);
        return contexts.build(FILE_NAME, dialect.splitter().split(migration.sql(), FILE_NAME, migration.firstLine()),
                provider.id(), server, migration.transactionMode());
    }

    private static DialectProvider dialectNamed(String name, ClassLoader loader) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (DialectProvider candidate : ServiceLoader.load(DialectProvider.class, loader)) {
            if (candidate.id().equals(wanted) || candidate.aliases().contains(wanted)) {
                return candidate;
            }
            found.add(candidate.id());
        }
        String canonical = ReaderSettings.defaults(wanted).targetDialect();
        throw KeelException.of(ErrorCode.OPTION_INVALID,
                "No Keel dialect named '" + name + "' is on the test class path (found: " + found + ").",
                "Add the test dependency dev.keel:keel-dialect-" + canonical + ", or name one of " + found + ".");
    }

    private static StatementAnalyzer analyzer(ClassLoader loader) {
        for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, loader)) {
            Optional<StatementAnalyzer> analyzer = provider.analyzer();
            if (analyzer.isPresent()) {
                return analyzer.get();
            }
        }
        throw KeelException.of(ErrorCode.CONFIG_INVALID,
                "No rule provider on the test class path offers a statement analyzer, so nothing can be parsed.",
                "Add the test dependency dev.keel:keel-rules (Keel's SQL parser and built-in rules).");
    }

    /** What a dialect is created with when no database is involved. */
    private record OfflineContext(String url, Duration lockTimeout) implements DialectContext {
    }
}
