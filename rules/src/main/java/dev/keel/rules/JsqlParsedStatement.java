package dev.keel.rules;

import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.StatementKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.statement.Statement;

/**
 * The support type for rules that want more than Keel's parser-neutral {@link ParsedStatement}: the statement's
 * tokens, and the JSqlParser syntax tree. Rule authors get it with {@link #of(ParsedStatement)}; the core never sees
 * JSqlParser.
 *
 * <p>The tokens are always there and cost nothing more. The tree costs a full parse: {@link StatementParser} reads
 * most statements from their tokens alone and parses a statement only when {@link #ast()} (or {@code
 * view.detail(Statement.class)}) is first called for it, so a rule should decide from the view and the tokens where
 * it can, and ask for the tree only for what they cannot tell.
 *
 * @param view   Keel's view of the statement
 * @param tokens the statement's tokens, comments dropped
 */
public record JsqlParsedStatement(ParsedStatement view, SqlTokens tokens) {

    /**
     * The tokens (and, on request, the tree) of a statement parsed by {@link StatementParser}; for a view built
     * elsewhere, the tokens are computed on the spot and the tree is absent.
     */
    public static JsqlParsedStatement of(ParsedStatement view) {
        SqlTokens tokens = view.detail(SqlTokens.class)
                .orElseGet(() -> SqlTokens.of(view.sql(), StatementParser.isMysql(view.dialect())));
        return new JsqlParsedStatement(view, tokens);
    }

    /**
     * JSqlParser's syntax tree, parsed now if it was not yet (once per statement, with the parser's timeout); absent
     * when JSqlParser rejects the statement, which the {@linkplain ParsedStatement#lexicalFallback() lexical
     * fallback} flag does not always say beforehand.
     */
    public Optional<Statement> ast() {
        return view.detail(Statement.class);
    }

    /** The JSqlParser tree if it is of the given type (parsed now if it was not yet). */
    public <T extends Statement> Optional<T> ast(Class<T> type) {
        return ast().filter(type::isInstance).map(type::cast);
    }

    /** The actions of an {@code ALTER TABLE} (split at top-level commas), or none for other statements. */
    public List<SqlTokens> alterActions() {
        if (view.kind() != StatementKind.ALTER_TABLE || !tokens.startsWith("ALTER", "TABLE")) {
            return List.of();
        }
        int i = LexicalClassifier.skipWords(tokens, LexicalClassifier.skipIfExists(tokens, 2), "ONLY");
        return tokens.nameAt(i).map(n -> {
            int at = tokens.get(n.next()).is("*") ? n.next() + 1 : n.next();
            return tokens.from(at).splitTopLevel();
        }).orElse(List.of());
    }

    /** The column definitions added by this statement: {@code ALTER TABLE … ADD COLUMN} or {@code CREATE TABLE}. */
    public List<ColumnDefinition> addedColumns() {
        List<ColumnDefinition> out = new ArrayList<>();
        alterActions().forEach(a -> ColumnDefinition.added(a).ifPresent(out::add));
        for (SqlTokens e : createTableElements()) {
            if (!LexicalClassifier.isConstraintWord(e.word(0)) && !e.matches(0, "LIKE")) {
                ColumnDefinition.read(e, 0).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The elements (columns and table constraints) of a {@code CREATE TABLE … ( … )}, or none. */
    public List<SqlTokens> createTableElements() {
        if (view.kind() != StatementKind.CREATE_TABLE) {
            return List.of();
        }
        int open = tokens.indexOf(0, "(");
        if (open < 0 || tokens.containsTopLevel("AS", "SELECT") && tokens.indexOfTopLevel(0, "AS") < open) {
            return List.of();
        }
        return tokens.sub(open + 1, tokens.closing(open)).splitTopLevel();
    }

    /** The tokens after the closing parenthesis of a {@code CREATE TABLE}: table options. */
    public SqlTokens tableOptions() {
        if (view.kind() != StatementKind.CREATE_TABLE) {
            return tokens.sub(0, 0);
        }
        int open = tokens.indexOf(0, "(");
        if (open < 0) {
            return tokens.sub(0, 0);
        }
        return tokens.from(tokens.closing(open) + 1);
    }
}
