package dev.keel.core.split;

/** How a quoted string or identifier lets its closing quote stand inside it. */
public enum QuoteEscape {
    /** Nothing escapes: the first closing quote ends it (SQLite's {@code […]}). */
    NONE,
    /** A doubled closing quote stands for one ({@code 'it''s'}). */
    DOUBLED,
    /** A doubled closing quote stands for one, and a backslash escapes the next character ({@code 'it\'s'}). */
    DOUBLED_OR_BACKSLASH
}
