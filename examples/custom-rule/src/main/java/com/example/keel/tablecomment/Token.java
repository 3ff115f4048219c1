package com.example.keel.tablecomment;

import java.util.Locale;

/**
 * One token of a statement's text.
 *
 * @param kind  what it is
 * @param text  the word or symbol; a quoted name or a string without its quotes
 * @param depth how many parentheses enclose it (0 at the statement's top level)
 */
record Token(Kind kind, String text, int depth) {

    /** What a token is. */
    enum Kind { WORD, QUOTED_NAME, STRING, SYMBOL }

    /** Whether this is the keyword or unquoted word {@code word}, in any case. */
    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** Whether this is the symbol {@code symbol}. */
    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Whether this can be (part of) an object name. */
    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }

    /** Whether this is a string literal with something in it. */
    boolean isNonEmptyString() {
        return kind == Kind.STRING && !text.isBlank();
    }

    /** The name as compared: lower case (quoted names too; see README, "Limits"). */
    String name() {
        return text.toLowerCase(Locale.ROOT);
    }
}
