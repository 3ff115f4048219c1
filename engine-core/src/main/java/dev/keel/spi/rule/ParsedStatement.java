package dev.keel.spi.rule;

import dev.keel.spi.Api;
import dev.keel.spi.ServerInfo;
import java.util.ArrayList;
import java.util.Collections;
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
 * @param lexicalFallback whether the analyzer knows its SQL parser cannot read the statement (vendor syntax it
 *                        rejects, or a parse that failed), so that a lexical classifier produced this view alone:
 *                        kind and objects are then best effort. An analyzer that classifies statements lexically
 *                        first and parses only on demand may leave it false for a statement its parser would still
 *                        reject when asked
 * @param details         parser-specific views of the statement (e.g. a syntax tree) for rules that ask for one
 *                        with {@link #detail(Class)}; opaque to the core. An element may be a {@link LazyDetail},
 *                        computed when first asked for
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

    /**
     * The parser-specific views of the statement, a {@link LazyDetail} replaced by its value (computed now if it was
     * not yet; left out when absent). Use {@link #detail(Class)} to compute only the view you need.
     */
    @Override
    public List<Object> details() {
        List<Object> out = new ArrayList<>(details.size());
        for (Object detail : details) {
            if (detail instanceof LazyDetail<?> lazy) {
                lazy.value().ifPresent(out::add);
            } else {
                out.add(detail);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The first detail of the given type (e.g. a parser's syntax tree), if the parser attached one. A {@link
     * LazyDetail} whose type can match is computed now (once), the others are left alone; asking for a {@code
     * LazyDetail} type itself returns the holder without computing it.
     */
    public <T> Optional<T> detail(Class<T> type) {
        boolean holderWanted = LazyDetail.class.isAssignableFrom(type);
        for (Object detail : details) {
            if (detail instanceof LazyDetail<?> lazy && !holderWanted) {
                if (type.isAssignableFrom(lazy.type()) || lazy.type().isAssignableFrom(type)) {
                    Optional<?> value = lazy.value();
                    if (value.isPresent() && type.isInstance(value.get())) {
                        return Optional.of(type.cast(value.get()));
                    }
                }
            } else if (type.isInstance(detail)) {
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
