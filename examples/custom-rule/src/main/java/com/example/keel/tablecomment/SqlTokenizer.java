package com.example.keel.tablecomment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts one statement's text into words, quoted names, strings and symbols, skipping white space and comments, so the
 * rule can look for table options without a SQL parser of its own. Knows single-quoted strings ({@code ''} and, where
 * asked, backslash escapes), PostgreSQL {@code E'…'} and dollar-quoted strings, and {@code "…"} and {@code `…`} names.
 */
final class SqlTokenizer {

    private final String sql;
    private final boolean backslashEscapes;
    private final List<Token> tokens = new ArrayList<>();
    private int depth;
    private int i;

    private SqlTokenizer(String sql, boolean backslashEscapes) {
        this.sql = sql;
        this.backslashEscapes = backslashEscapes;
    }

    /**
     * The tokens of {@code sql}.
     *
     * @param backslashEscapes whether a backslash escapes the next character in every string (MySQL), not only in
     *                         {@code E'…'} strings (PostgreSQL)
     */
    static List<Token> tokens(String sql, boolean backslashEscapes) {
        SqlTokenizer tokenizer = new SqlTokenizer(sql, backslashEscapes);
        tokenizer.run();
        return List.copyOf(tokenizer.tokens);
    }

    private void run() {
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                i = endOf(sql.indexOf('\n', i), sql.length());
            } else if (sql.startsWith("/*", i)) {
                i = endOf(sql.indexOf("*/", i + 2), sql.length() - 2) + 2;
            } else if (c == '\'') {
                quoted(Token.Kind.STRING, '\'', backslashEscapes);
            } else if ((c == 'E' || c == 'e') && sql.startsWith("'", i + 1)) {
                i++;
                quoted(Token.Kind.STRING, '\'', true);
            } else if (c == '"' || c == '`') {
                quoted(Token.Kind.QUOTED_NAME, c, false);
            } else if (c == '$' && dollarTag().isPresent()) {
                dollarQuoted(dollarTag().get());
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                word();
            } else {
                symbol(c);
            }
        }
    }

    private void quoted(Token.Kind kind, char quote, boolean escapes) {
        StringBuilder text = new StringBuilder();
        i++;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (escapes && c == '\\' && i + 1 < sql.length()) {
                text.append(sql.charAt(i + 1));
                i += 2;
            } else if (c == quote && sql.startsWith(String.valueOf(quote), i + 1)) {
                text.append(quote); // a doubled quote stands for one
                i += 2;
            } else if (c == quote) {
                i++;
                break;
            } else {
                text.append(c);
                i++;
            }
        }
        tokens.add(new Token(kind, text.toString(), depth));
    }

    private Optional<String> dollarTag() {
        int end = sql.indexOf('$', i + 1);
        if (end < 0) {
            return Optional.empty();
        }
        String tag = sql.substring(i, end + 1);
        return tag.chars().skip(1).limit(tag.length() - 2L).allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')
                ? Optional.of(tag) : Optional.empty();
    }

    private void dollarQuoted(String tag) {
        int start = i + tag.length();
        int end = endOf(sql.indexOf(tag, start), sql.length());
        tokens.add(new Token(Token.Kind.STRING, sql.substring(start, end), depth));
        i = Math.min(sql.length(), end + tag.length());
    }

    private void word() {
        int start = i;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
            i++;
        }
        tokens.add(new Token(Token.Kind.WORD, sql.substring(start, i), depth));
    }

    private void symbol(char c) {
        if (c == ')') {
            depth = Math.max(0, depth - 1);
        }
        tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), depth));
        if (c == '(') {
            depth++;
        }
        i++;
    }

    private static int endOf(int found, int otherwise) {
        return found < 0 ? otherwise : found;
    }
}
