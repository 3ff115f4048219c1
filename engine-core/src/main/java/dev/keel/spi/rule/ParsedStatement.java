package dev.keel.spi.rule;

import dev.keel.spi.Api;
import dev.keel.spi.ServerInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keel's parser-neutral view of one statement, as rules see it: what it does ({@link #kind()}), the objects it
 * touches, its clauses, its text and place, and the dialect and server it targets.
 *
 * @param sql             the statement's text, as sent to the database
 * @param index           the statement's 0-based index in its script
 * @param line            the 1-based line of its first character in the script
 * @param column          the 1-based column of its first character
 * @param dialect         the dialect id ({@code postgres}, {@code mysql}, {@code sqlite})
 * @param server          the target server's product and version, when known (detected or configured)
 * @param kind            what the statement does
 * @param objects         the objects touched, the statement's main target first
 * @param clauses         the clauses and modifiers present
 * @param lexicalFallback whether the SQL parser rejected the statement and a lexical classifier produced this
 *                        view (kind and objects are then best effort)
 * @param details         parser-specific views of the statement (e.g. a syntax tree) for rules that ask for one
 *                        with {@link #detail(Class)}; opaque to the core
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ParsedStatement(
        String sql,
        int index,
        int line,
        int column,
        String dialect,
        Optional<ServerInfo> server,
        StatementKind kind,
        List<SqlObject> objects,
        Set<Clause> clauses,
        boolean lexicalFallback,
        List<Object> details) {

    public ParsedStatement {
        Objects.requireNonNull(sql, "sql");
        if (index < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException("index >= 0, line >= 1 and column >= 1 required");
        }
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(kind, "kind");
        objects = List.copyOf(objects);
        clauses = Set.copyOf(clauses);
        details = List.copyOf(details);
    }

    /** The first line of the statement, shortened for messages and findings. */
    public String excerpt() {
        String first = sql.strip();
        int nl = first.indexOf('\n');
        if (nl >= 0) {
            first = first.substring(0, nl).strip() + " …";
        }
        return first.length() > 100 ? first.substring(0, 97) + "…" : first;
    }

    /** Whether the statement has this clause. */
    public boolean has(Clause clause) {
        return clauses.contains(clause);
    }

    /** The names of the touched objects of one type, in order. */
    public List<String> names(SqlObject.Type type) {
        return objects.stream().filter(o -> o.type() == type).map(SqlObject::name).toList();
    }

    /** The main table the statement works on, if any. */
    public Optional<String> table() {
        // a loop, not a stream: rules ask this of every statement, often several times
        for (SqlObject o : objects) {
            if (o.type() == SqlObject.Type.TABLE) {
                return Optional.of(o.name());
            }
        }
        return Optional.empty();
    }

    /** The first detail of the given type (e.g. a parser's syntax tree), if the parser attached one. */
    public <T> Optional<T> detail(Class<T> type) {
        for (Object detail : details) {
            if (type.isInstance(detail)) {
                return Optional.of(type.cast(detail));
            }
        }
        return Optional.empty();
    }

    /** The server's major version, when known. */
    public Optional<Integer> serverMajor() {
        return server.map(ServerInfo::major);
    }
}
