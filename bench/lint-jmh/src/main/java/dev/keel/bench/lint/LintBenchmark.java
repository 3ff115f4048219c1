package dev.keel.bench.lint;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.LintReport;
import dev.keel.bootstrap.LintRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lint speed on the same mixed corpus of {@value CorpusGenerator#TOTAL} statements, single thread, scores in
 * statements per second: {@link #jsqlparserBareParse} is JSqlParser alone, called the way a plain user calls it
 * ({@code CCJSqlParserUtil.parse(sql)}) on every statement; {@link #keelLint} is what {@code keel lint --no-cache}
 * does for the corpus files through the embedding API: read each file, split it with the dialect's splitter, parse
 * every statement into Keel's view (lexical classification, JSqlParser where its tree tells more), run every built-in
 * rule and the risk classifier.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 10, time = 5)
@Measurement(iterations = 5, time = 4)
public class LintBenchmark {

    private Path root;
    private List<String> statements;
    private Map<String, List<Path>> files;
    private Keel keel;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Corpus corpus = new CorpusGenerator().generate();
        statements = corpus.statements();
        root = Files.createTempDirectory("keel-lint-bench");
        files = corpus.writeTo(root.resolve("migrations"));
        keel = Keel.configure()
                .workingDirectory(root)
                .url("jdbc:sqlite:" + root.resolve("unused.db"))
                .migrations(root.resolve("migrations").toString())
                .build();
        int linted = lintAll().stream().mapToInt(r -> r.files().stream().mapToInt(LintReport.FileLint::statements).sum()).sum();
        if (linted != statements.size()) {
            throw new IllegalStateException("Keel's splitters cut " + linted + " statements from the corpus files, "
                    + "the corpus has " + statements.size() + ": the two benchmarks would not see the same work.");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        keel.close();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** JSqlParser's bare parse of every statement; a statement it rejects costs what the rejection costs. */
    @Benchmark
    @OperationsPerInvocation(CorpusGenerator.TOTAL)
    public void jsqlparserBareParse(Blackhole bh) {
        for (String sql : statements) {
            try {
                bh.consume(CCJSqlParserUtil.parse(sql));
            } catch (JSQLParserException e) {
                bh.consume(e);
            }
        }
    }

    /**
     * Reference: JSqlParser's parser run on the calling thread (a simple parse, then a complex one if that fails, as
     * {@code CCJSqlParserUtil.parse} does) without its per-call executor: the least any JSqlParser-based lint pays.
     */
    @Benchmark
    @OperationsPerInvocation(CorpusGenerator.TOTAL)
    public void jsqlparserOnCallingThread(Blackhole bh) {
        for (String sql : statements) {
            try {
                bh.consume(CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statement());
            } catch (Exception | Error simpleFailed) {
                try {
                    bh.consume(CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statement());
                } catch (Exception | Error e) {
                    bh.consume(e);
                }
            }
        }
    }

    /** Keel's whole lint of the corpus files, without the cache. */
    @Benchmark
    @OperationsPerInvocation(CorpusGenerator.TOTAL)
    public void keelLint(Blackhole bh) {
        for (LintReport report : lintAll()) {
            bh.consume(report);
        }
    }

    private List<LintReport> lintAll() {
        return files.entrySet().stream()
                .map(e -> keel.lint(new LintRequest(e.getValue(), Optional.of(e.getKey()), Optional.empty())
                        .withoutCache()))
                .toList();
    }
}
