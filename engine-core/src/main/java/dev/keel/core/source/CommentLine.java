package dev.keel.core.source;

import java.util.Objects;

/**
 * A line whose first non-blank characters are {@code --}: the only place markers, directives and header
 * metadata can be.
 *
 * @param number 1-based line number in the file
 * @param start  offset of the line's first character in the text
 * @param next   offset just after the line's terminator (the next line's start, or the text's length)
 * @param body   what follows the {@code --}, trimmed
 */
record CommentLine(int number, int start, int next, String body) {

    CommentLine {
        Objects.requireNonNull(body, "body");
    }
}
