package dev.keel.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A statement's text as a list of tokens, comments dropped: the lexical view that both the lexical fallback
 * classifier and the rules' clause checks use, so that statements JSqlParser rejects are checked the same way.
 */
public final class SqlTokens {

    /** Token categories. */
    public enum Type { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL }

    /** One token; {@code depth} is the parenthesis nesting level it sits at. */
    public record Token(Type type, String text, int depth) {

        /** Whether this token is a bare word or symbol equal to {@code s}, ignoring case. */
        public boolean is(String s) {
            return (type == Type.WORD || type == Type.SYMBOL || type == Type.NUMBER) && text.equalsIgnoreCase(s);
        }

        /** The upper-case text of a bare word, or empty text. */
        public String word() {
            return type == Type.WORD ? text.toUpperCase(Locale.ROOT) : "";
        }

        /** Whether this token can be (part of) an object name. */
        public boolean isName() {
            return type == Type.WORD || type == Type.QUOTED_NAME;
        }
    }

    private final List<Token> tokens;

    private SqlTokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Tokenizes {@code sql}; {@code mysql} turns on {@code #} comments and back-quoted names. Never throws. */
    public static SqlTokens of(String sql, boolean mysql) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || mysql && c == '#') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || mysql && c == '"') {
                char q = c;
                int j = i + 1;
                StringBuilder sb = new StringBuilder();
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == q && j + 1 < n && sql.charAt(j + 1) == q) {
                        sb.append(q);
                        j += 2;
                    } else if (d == q) {
                        break;
                    } else if (d == '\\' && mysql && j + 1 < n) {
                        sb.append(sql.charAt(j + 1));
                        j += 2;
                    } else {
                        sb.append(d);
                        j++;
                    }
                }
                out.add(new Token(Type.STRING, sb.toString(), depth));
                i = Math.min(n, j + 1);
            } else if (c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? n : end;
                out.add(new Token(Type.QUOTED_NAME, sql.substring(i + 1, end), depth));
                i = Math.min(n, end + 1);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end;
                out.add(new Token(Type.STRING, sql.substring(Math.min(n, i + tag.length()), end), depth));
                i = Math.min(n, end + tag.length());
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Token(Type.WORD, sql.substring(i, j), depth));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Type.NUMBER, sql.substring(i, j), depth));
                i = j;
            } else {
                if (c == ')') {
                    depth = Math.max(0, depth - 1);
                }
                out.add(new Token(Type.SYMBOL, String.valueOf(c), depth));
                if (c == '(') {
                    depth++;
                }
                i++;
            }
        }
        return new SqlTokens(List.copyOf(out));
    }

    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }

    /** The tokens. */
    public List<Token> list() {
        return tokens;
    }

    /** The number of tokens. */
    public int size() {
        return tokens.size();
    }

    /** Whether there are no tokens. */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The token at {@code i}, or an empty symbol past the end. */
    public Token get(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : new Token(Type.SYMBOL, "", 0);
    }

    /** The upper-case bare word at {@code i}, or empty text. */
    public String word(int i) {
        return get(i).word();
    }

    /** Whether the tokens from {@code at} match {@code seq} (bare words and symbols, ignoring case). */
    public boolean matches(int at, String... seq) {
        for (int k = 0; k < seq.length; k++) {
            if (!get(at + k).is(seq[k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the statement starts with {@code seq}. */
    public boolean startsWith(String... seq) {
        return matches(0, seq);
    }

    /** The first index at or after {@code from} where {@code seq} starts, or -1. */
    public int indexOf(int from, String... seq) {
        for (int i = Math.max(0, from); i + seq.length <= tokens.size(); i++) {
            if (matches(i, seq)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code seq} occurs anywhere. */
    public boolean contains(String... seq) {
        return indexOf(0, seq) >= 0;
    }

    /** Whether {@code seq} occurs outside any parentheses. */
    public boolean containsTopLevel(String... seq) {
        return indexOfTopLevel(0, seq) >= 0;
    }

    /** The first index at depth 0 where {@code seq} starts, or -1. */
    public int indexOfTopLevel(int from, String... seq) {
        int base = tokens.isEmpty() ? 0 : tokens.get(0).depth();
        for (int i = Math.max(0, from); i + seq.length <= tokens.size(); i++) {
            if (tokens.get(i).depth() == base && matches(i, seq)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the parenthesis that closes the one at {@code open}, or {@link #size()} when none does. */
    public int closing(int open) {
        int close = open + 1;
        while (close < tokens.size() && !(tokens.get(close).is(")") && tokens.get(close).depth() == get(open).depth())) {
            close++;
        }
        return close;
    }

    /** Tokens {@code from} (inclusive) to {@code to} (exclusive), clamped. */
    public SqlTokens sub(int from, int to) {
        int a = Math.max(0, Math.min(from, tokens.size()));
        int b = Math.max(a, Math.min(to, tokens.size()));
        return new SqlTokens(tokens.subList(a, b));
    }

    /** Tokens from {@code from} to the end. */
    public SqlTokens from(int from) {
        return sub(from, tokens.size());
    }

    /** Splits at commas outside parentheses (relative to the first token's depth). */
    public List<SqlTokens> splitTopLevel() {
        List<SqlTokens> parts = new ArrayList<>();
        if (tokens.isEmpty()) {
            return parts;
        }
        int base = tokens.get(0).depth();
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() == base && t.is(",")) {
                parts.add(sub(start, i));
                start = i + 1;
            }
        }
        parts.add(sub(start, tokens.size()));
        return parts;
    }

    /** A possibly qualified name ({@code a.b.c}) starting at {@code i}, with the index just after it. */
    public Optional<Name> nameAt(int i) {
        if (!get(i).isName()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(get(i).text());
        int j = i + 1;
        while (get(j).is(".") && get(j + 1).isName()) {
            sb.append('.').append(get(j + 1).text());
            j += 2;
        }
        return Optional.of(new Name(sb.toString(), j));
    }

    /** A name read from the tokens and the index of the token after it. */
    public record Name(String text, int next) {
    }

    /** The tokens' text joined by single spaces (strings re-quoted), for messages and matching. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.type() == Type.STRING ? "'" + t.text() + "'" : t.text());
        }
        return sb.toString();
    }
}
