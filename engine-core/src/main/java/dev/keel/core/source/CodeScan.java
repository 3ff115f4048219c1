package dev.keel.core.source;

/**
 * Where the first character that is not a comment or whitespace is, in a range of a text.
 *
 * @param firstCode          its offset, or -1 when the range holds only comments and whitespace
 * @param unterminatedAt     offset of a block comment still open at the end of the range, or -1
 */
record CodeScan(int firstCode, int unterminatedAt) {

    /** Whether the range holds only whitespace and closed comments. */
    boolean onlyComments() {
        return firstCode < 0 && unterminatedAt < 0;
    }

    boolean unterminated() {
        return unterminatedAt >= 0;
    }
}
