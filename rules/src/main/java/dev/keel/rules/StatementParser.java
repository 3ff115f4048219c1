package dev.keel.rules;

import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.rule.Clause;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.SqlObject;
import dev.keel.spi.rule.StatementKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.CreateFunctionalStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Turns one statement into Keel's {@link ParsedStatement}. The {@link LexicalClassifier} reads every statement from
 * its tokens (kind, objects, clauses); JSqlParser runs only where its tree could change that view ({@link
 * ViewRefinement}: a kind the tokens cannot tell, a statement starting with {@code WITH}, an {@code INSERT} of an
 * unusual shape, …). Vendor syntax JSqlParser is known to reject ({@link JsqlRejectedSyntax}) never goes to it and is
 * marked as the lexical fallback's; so is a statement JSqlParser was asked about and rejected. Every other statement
 * carries its tree as a {@link JsqlTree}, parsed the first time a rule asks for it ({@link ParsedStatement#detail},
 * {@link JsqlParsedStatement#ast()}) — none of the built-in rules does. Never throws for bad SQL.
 *
 * <p>A parse runs with a timeout, on the caller's thread unless the statement is long or deeply nested.
 */
public final class StatementParser {

    /** The default limit on JSqlParser's time for one statement. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private static final ExecutorService PARSE_THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "keel-sql-parser");
        t.setDaemon(true);
        return t;
    });

    /** Longer statements are parsed on a parse thread (see {@link #unusual}). */
    private static final int UNUSUAL_LENGTH = 20_000;
    /** JSqlParser's own limit for its complex retry ({@code CCJSqlParserUtil.ALLOWED_NESTING_DEPTH}). */
    private static final int MAX_NESTING_DEPTH = 10;

    private static final ParseWatchdog WATCHDOG = new ParseWatchdog(DEFAULT_TIMEOUT.toMillis());

    private final Duration timeout;
    private final boolean parseEveryStatement;

    /** A parser with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
    public StatementParser() {
        this(DEFAULT_TIMEOUT);
    }

    /** A parser giving JSqlParser at most {@code timeout} per statement. */
    public StatementParser(Duration timeout) {
        this(timeout, false);
    }

    private StatementParser(Duration timeout, boolean parseEveryStatement) {
        this.timeout = timeout;
        this.parseEveryStatement = parseEveryStatement;
    }

    /**
     * A parser that hands every statement to JSqlParser at once and takes kind, objects and clauses from its tree
     * where it has one, as Keel did before the lexical fast path: the reference the fast path is tested against.
     */
    static StatementParser parsingEveryStatement() {
        return new StatementParser(DEFAULT_TIMEOUT, true);
    }

    /** Whether a dialect id is MySQL's family (MySQL, MariaDB). */
    static boolean isMysql(String dialect) {
        String d = dialect.toLowerCase(Locale.ROOT);
        return d.equals("mysql") || d.equals("mariadb");
    }

    /** Parses one statement for {@code dialect}, aimed at {@code server} when known. */
    public ParsedStatement parse(SqlStatement statement, String dialect, Optional<ServerInfo> server) {
        boolean mysql = isMysql(dialect);
        String sql = statement.sql();
        SqlTokens tokens = SqlTokens.of(sql, mysql);
        LexicalClassifier.Classification lexical = LexicalClassifier.classify(tokens);
        if (!parseEveryStatement && JsqlRejectedSyntax.matches(tokens)) {
            return view(statement, dialect, server, lexical, true, List.of(tokens));
        }
        if (!parseEveryStatement && !ViewRefinement.possible(sql, tokens, lexical, mysql)) {
            return view(statement, dialect, server, lexical, false, List.of(tokens, new JsqlTree(() -> jsql(sql, mysql))));
        }
        Optional<Statement> ast = jsql(sql, mysql);
        if (ast.isEmpty()) {
            return view(statement, dialect, server, lexical, true, List.of(tokens));
        }
        Statement tree = ast.get();
        StatementKind kind = kindOf(tree).orElse(lexical.kind());
        if (kind == StatementKind.ALTER_TABLE && lexical.kind() == StatementKind.RENAME_TABLE) {
            kind = StatementKind.RENAME_TABLE;
        }
        List<SqlObject> objects = lexical.objects().isEmpty() ? objectsOf(tree) : lexical.objects();
        Set<Clause> clauses = EnumSet.noneOf(Clause.class);
        clauses.addAll(lexical.clauses());
        refineClauses(tree, clauses);
        return new ParsedStatement(sql, statement.index(), statement.line(), statement.column(), dialect, server, kind,
                objects, clauses, false, List.of(tokens, tree));
    }

    private static ParsedStatement view(SqlStatement statement, String dialect, Optional<ServerInfo> server,
            LexicalClassifier.Classification lexical, boolean lexicalFallback, List<Object> details) {
        return new ParsedStatement(statement.sql(), statement.index(), statement.line(), statement.column(), dialect,
                server, lexical.kind(), lexical.objects(), lexical.clauses(), lexicalFallback, details);
    }

    private Optional<Statement> jsql(String sql, boolean mysql) {
        try {
            Statement s = unusual(sql) ? jsqlOnParseThread(sql, mysql) : jsqlHere(sql, mysql);
            return s == null || s instanceof UnsupportedStatement ? Optional.empty() : Optional.of(s);
        } catch (Exception | StackOverflowError | LinkageError e) {
            return Optional.empty();
        } catch (Error e) { // JSqlParser's TokenMgrError and similar lexer errors
            if (e.getClass().getName().startsWith("net.sf.jsqlparser")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Whether a statement is long or deeply nested, the shapes that can keep JSqlParser busy outside the lookaheads
     * its {@code interrupted} flag turns off: those go to a parse thread that is abandoned at the timeout.
     */
    private static boolean unusual(String sql) {
        return sql.length() > UNUSUAL_LENGTH || CCJSqlParserUtil.getNestingDepth(sql) > MAX_NESTING_DEPTH;
    }

    /** JSqlParser's own entry point: the parse runs on a parse thread and is abandoned at the timeout. */
    private Statement jsqlOnParseThread(String sql, boolean mysql) throws Exception {
        return CCJSqlParserUtil.parse(sql, PARSE_THREADS, p -> {
            p.withTimeOut((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            if (mysql) {
                p.withBackslashEscapeCharacter(true);
            }
        });
    }

    /**
     * What {@link CCJSqlParserUtil#parse(String, ExecutorService, java.util.function.Consumer)} does — a simple parse,
     * then a complex one if that fails — on the caller's thread, so no thread hand-off per statement; the watchdog
     * keeps the timeout. A parse that timed out is not retried and counts as rejected.
     */
    private Statement jsqlHere(String sql, boolean mysql) throws ParseException {
        try {
            return parseHere(sql, mysql, false);
        } catch (ParseException | RuntimeException | StackOverflowError first) {
            if (first instanceof TimedOut) {
                throw first;
            }
            return parseHere(sql, mysql, true);
        }
    }

    private Statement parseHere(String sql, boolean mysql, boolean complex) throws ParseException {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql);
        if (mysql) {
            parser.withBackslashEscapeCharacter(true);
        }
        parser.withAllowComplexParsing(complex);
        Statement statement;
        try (ParseWatchdog.Watch watch = WATCHDOG.watch(parser, timeout.toNanos())) {
            statement = parser.Statement();
        }
        if (parser.interrupted) {
            throw new TimedOut();
        }
        return statement;
    }

    /** A parse stopped by the watchdog. */
    private static final class TimedOut extends RuntimeException {
        TimedOut() {
            super("JSqlParser timed out", null, false, false);
        }
    }

    private static Optional<StatementKind> kindOf(Statement s) {
        StatementKind k = null;
        if (s instanceof CreateTable) {
            k = StatementKind.CREATE_TABLE;
        } else if (s instanceof Alter) {
            k = StatementKind.ALTER_TABLE;
        } else if (s instanceof RenameTableStatement) {
            k = StatementKind.RENAME_TABLE;
        } else if (s instanceof Drop d) {
            k = switch (d.getType().toUpperCase(Locale.ROOT)) {
                case "TABLE" -> StatementKind.DROP_TABLE;
                case "INDEX" -> StatementKind.DROP_INDEX;
                case "SCHEMA" -> StatementKind.DROP_SCHEMA;
                case "DATABASE" -> StatementKind.DROP_DATABASE;
                default -> StatementKind.DROP_OTHER;
            };
        } else if (s instanceof Truncate) {
            k = StatementKind.TRUNCATE;
        } else if (s instanceof CreateIndex) {
            k = StatementKind.CREATE_INDEX;
        } else if (s instanceof Insert) {
            k = StatementKind.INSERT;
        } else if (s instanceof Update) {
            k = StatementKind.UPDATE;
        } else if (s instanceof Delete) {
            k = StatementKind.DELETE;
        } else if (s instanceof Merge) {
            k = StatementKind.MERGE;
        } else if (s instanceof CreateView) {
            k = StatementKind.CREATE_VIEW;
        } else if (s instanceof CreateFunctionalStatement) {
            k = StatementKind.CREATE_ROUTINE;
        } else if (s instanceof CreateSchema) {
            k = StatementKind.CREATE_SCHEMA;
        } else if (s instanceof CreateSequence) {
            k = StatementKind.CREATE_SEQUENCE;
        } else if (s instanceof SetStatement) {
            k = StatementKind.SET;
        } else if (s instanceof Commit) {
            k = StatementKind.COMMIT;
        } else if (s instanceof RollbackStatement) {
            k = StatementKind.ROLLBACK;
        } else if (s instanceof Grant) {
            k = StatementKind.GRANT;
        } else if (s instanceof Comment) {
            k = StatementKind.COMMENT;
        } else if (s instanceof Select) {
            k = StatementKind.SELECT;
        }
        return Optional.ofNullable(k);
    }

    private static List<SqlObject> objectsOf(Statement s) {
        List<SqlObject> objects = new ArrayList<>();
        if (s instanceof CreateTable c) {
            objects.add(SqlObject.table(c.getTable().getFullyQualifiedName()));
        } else if (s instanceof Alter a) {
            objects.add(SqlObject.table(a.getTable().getFullyQualifiedName()));
        } else if (s instanceof Drop d && d.getName() != null) {
            objects.add(new SqlObject(d.getType().equalsIgnoreCase("TABLE") ? SqlObject.Type.TABLE : SqlObject.Type.OTHER,
                    d.getName().getFullyQualifiedName()));
        } else if (s instanceof Truncate t && t.getTable() != null) {
            objects.add(SqlObject.table(t.getTable().getFullyQualifiedName()));
        } else if (s instanceof Insert i && i.getTable() != null) {
            objects.add(SqlObject.table(i.getTable().getFullyQualifiedName()));
        } else if (s instanceof Update u && u.getTable() != null) {
            objects.add(SqlObject.table(u.getTable().getFullyQualifiedName()));
        } else if (s instanceof Delete d && d.getTable() != null) {
            objects.add(SqlObject.table(d.getTable().getFullyQualifiedName()));
        }
        return objects;
    }

    private static void refineClauses(Statement s, Set<Clause> clauses) {
        if (s instanceof Update u) {
            set(clauses, Clause.WHERE, u.getWhere() != null);
            set(clauses, Clause.LIMIT, u.getLimit() != null);
            set(clauses, Clause.ORDER_BY, u.getOrderByElements() != null && !u.getOrderByElements().isEmpty());
        } else if (s instanceof Delete d) {
            set(clauses, Clause.WHERE, d.getWhere() != null);
            set(clauses, Clause.LIMIT, d.getLimit() != null);
            set(clauses, Clause.ORDER_BY, d.getOrderByElements() != null && !d.getOrderByElements().isEmpty());
        } else if (s instanceof Insert i) {
            set(clauses, Clause.COLUMN_LIST, i.getColumns() != null && !i.getColumns().isEmpty()
                    || i.getSetUpdateSets() != null && !i.getSetUpdateSets().isEmpty());
        }
    }

    private static void set(Set<Clause> clauses, Clause clause, boolean present) {
        if (present) {
            clauses.add(clause);
        } else {
            clauses.remove(clause);
        }
    }
}
