package com.example.keel.tablecomment;

import java.util.List;
import java.util.Optional;

/**
 * Where a migration gives a table a comment, read from the statements' text: PostgreSQL's
 * {@code COMMENT ON TABLE t IS '…'}, MySQL's {@code COMMENT='…'} table option on {@code CREATE TABLE} or a later
 * {@code ALTER TABLE t COMMENT='…'}. An empty comment, or {@code IS NULL}, removes a comment and does not count.
 */
final class TableComments {

    private TableComments() {
    }

    /** The table (last name part, lower case) that a PostgreSQL {@code COMMENT ON TABLE} gives a comment, if it is one. */
    static Optional<String> postgresCommentTarget(String sql) {
        List<Token> t = SqlTokenizer.tokens(sql, false);
        if (t.size() < 6 || !t.get(0).isWord("COMMENT") || !t.get(1).isWord("ON") || !t.get(2).isWord("TABLE")) {
            return Optional.empty();
        }
        int is = endOfName(t, 3);
        return is > 3 && is + 1 < t.size() && t.get(is).isWord("IS") && t.get(is + 1).isNonEmptyString()
                ? Optional.of(t.get(is - 1).name()) : Optional.empty();
    }

    /** Whether a MySQL {@code CREATE TABLE} has a non-empty {@code COMMENT} table option (not a column comment). */
    static boolean mysqlCreateHasComment(String sql) {
        List<Token> t = SqlTokenizer.tokens(sql, true);
        // Column comments sit inside the column list's parentheses; table options at the top level.
        for (int k = 0; k < t.size(); k++) {
            if (t.get(k).depth() == 0 && t.get(k).isWord("COMMENT") && commentValueAt(t, k + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The table (last name part, lower case) that a MySQL {@code ALTER TABLE … COMMENT='…'} gives a comment, if any. */
    static Optional<String> mysqlAlterCommentTarget(String sql) {
        List<Token> t = SqlTokenizer.tokens(sql, true);
        if (t.size() < 4 || !t.get(0).isWord("ALTER") || !t.get(1).isWord("TABLE")) {
            return Optional.empty();
        }
        int afterName = endOfName(t, 2);
        for (int k = afterName; k < t.size(); k++) {
            // A table option stands right after the name or after a top-level comma; after a column type it is the
            // column's comment (ALTER TABLE t MODIFY c INT COMMENT '…').
            boolean optionStart = k == afterName || t.get(k - 1).isSymbol(",") && t.get(k - 1).depth() == 0;
            if (optionStart && t.get(k).depth() == 0 && t.get(k).isWord("COMMENT") && commentValueAt(t, k + 1)) {
                return Optional.of(t.get(afterName - 1).name());
            }
        }
        return Optional.empty();
    }

    /** A table name as written in a statement (maybe schema-qualified, maybe quoted), as compared: last part, lower case. */
    static String simpleName(String name) {
        List<Token> t = SqlTokenizer.tokens(name, false);
        return t.isEmpty() ? name : t.get(t.size() - 1).name();
    }

    /** Whether a {@code CREATE} statement makes a temporary table, which needs no comment. */
    static boolean createsTemporaryTable(String sql) {
        for (Token token : SqlTokenizer.tokens(sql, false)) {
            if (token.isWord("TABLE")) {
                return false;
            }
            if (token.isWord("TEMP") || token.isWord("TEMPORARY")) {
                return true;
            }
        }
        return false;
    }

    /** The index just after a possibly qualified name ({@code a}, {@code s.a}, {@code "s"."a"}) starting at {@code from}. */
    private static int endOfName(List<Token> t, int from) {
        int k = from;
        while (k < t.size() && t.get(k).isName()) {
            k++;
            if (k + 1 < t.size() && t.get(k).isSymbol(".") && t.get(k + 1).isName()) {
                k++;
            } else {
                break;
            }
        }
        return k;
    }

    /** Whether {@code [=] 'non-empty'} starts at {@code k}. */
    private static boolean commentValueAt(List<Token> t, int k) {
        int value = k < t.size() && t.get(k).isSymbol("=") ? k + 1 : k;
        return value < t.size() && t.get(value).isNonEmptyString();
    }
}
