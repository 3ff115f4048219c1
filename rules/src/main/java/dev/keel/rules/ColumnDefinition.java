package dev.keel.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One column definition read from tokens ({@code name type [constraints…]}), from {@code ADD COLUMN}, a
 * {@code CREATE TABLE} element, or MySQL's {@code MODIFY}/{@code CHANGE}.
 *
 * @param name the column name
 * @param rest the tokens after the name: type, then constraints and options
 */
public record ColumnDefinition(String name, SqlTokens rest) {

    private static final Set<String> CONSTRAINT_STARTS = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK",
            "REFERENCES", "CONSTRAINT", "GENERATED", "AS", "COLLATE", "AUTO_INCREMENT", "AUTOINCREMENT", "COMMENT",
            "FIRST", "AFTER", "ON", "STORED", "VIRTUAL", "CHARACTER", "CHARSET", "INVISIBLE", "VISIBLE", "IDENTITY",
            "KEY", "ALGORITHM", "LOCK", "USING", "ENCODE", "COMPRESSION", "STORAGE");

    /** Reads a definition starting at the column name (at {@code at}), if there is one. */
    public static Optional<ColumnDefinition> read(SqlTokens t, int at) {
        return t.nameAt(at).map(n -> new ColumnDefinition(n.text(), t.from(n.next())));
    }

    /** The definition added by an {@code ALTER TABLE} action {@code ADD [COLUMN] [IF NOT EXISTS] name …}, if it is one. */
    public static Optional<ColumnDefinition> added(SqlTokens action) {
        if (!action.matches(0, "ADD") || LexicalClassifier.isConstraintWord(action.word(1))
                || action.matches(1, "(")) {
            return Optional.empty();
        }
        int at = LexicalClassifier.skipIfNotExists(action, LexicalClassifier.skipWords(action, 1, "COLUMN"));
        return read(action, at);
    }

    /** The type as written, upper-case, words joined by spaces, without its modifiers in parentheses. */
    public String type() {
        StringBuilder sb = new StringBuilder();
        for (SqlTokens.Token tok : rest.list()) {
            if (tok.depth() != base()) {
                continue;
            }
            if (tok.type() != SqlTokens.Type.WORD && tok.type() != SqlTokens.Type.QUOTED_NAME && !tok.is("[")
                    && !tok.is("]") && !tok.is(".")) {
                if (tok.is("(")) {
                    continue;
                }
                break;
            }
            if (CONSTRAINT_STARTS.contains(tok.word()) && sb.length() > 0) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(tok.text().toUpperCase(Locale.ROOT));
        }
        return sb.toString();
    }

    /** The first word of the type, upper-case. */
    public String baseType() {
        String type = type();
        int sp = type.indexOf(' ');
        return sp < 0 ? type : type.substring(0, sp);
    }

    private int base() {
        return rest.isEmpty() ? 0 : rest.get(0).depth();
    }

    /** Whether {@code seq} appears at the definition's own level (not inside a CHECK or a default expression). */
    public boolean has(String... seq) {
        return rest.containsTopLevel(seq);
    }

    /** Whether the column is declared NOT NULL. */
    public boolean notNull() {
        return has("NOT", "NULL") || primaryKey();
    }

    /** Whether the column is declared PRIMARY KEY. */
    public boolean primaryKey() {
        return has("PRIMARY", "KEY");
    }

    /** Whether the definition has a DEFAULT. */
    public boolean hasDefault() {
        return has("DEFAULT");
    }

    /** The tokens of the DEFAULT expression, up to the next constraint keyword. */
    public Optional<SqlTokens> defaultExpression() {
        int i = rest.indexOfTopLevel(0, "DEFAULT");
        if (i < 0) {
            return Optional.empty();
        }
        int end = i + 1;
        int base = base();
        while (end < rest.size()) {
            SqlTokens.Token tok = rest.get(end);
            if (end > i + 1 && tok.depth() == base && CONSTRAINT_STARTS.contains(tok.word())
                    && !(tok.is("NULL") && rest.get(end - 1).is("DEFAULT"))) {
                break;
            }
            end++;
        }
        return Optional.of(rest.sub(i + 1, end));
    }

    /** Whether the value is filled by the database: identity, serial, auto-increment or generated. */
    public boolean filledByDatabase() {
        return has("GENERATED") || has("AUTO_INCREMENT") || has("AUTOINCREMENT") || has("IDENTITY") || serial()
                || has("AS", "(");
    }

    /** Whether the type is PostgreSQL's serial family. */
    public boolean serial() {
        return List.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8").contains(baseType());
    }
}
