package dev.keel.core.split;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.util.Objects;

/**
 * The constructs a script can leave open at its end, each with its error code, and the one shape of their
 * errors: {@code unterminated <construct> opened at line L, column C}, located where the construct opened, with a
 * fix that says how to close it.
 */
public enum Unterminated {
    /** A string literal or quoted identifier: {@link ErrorCode#UNTERMINATED_QUOTE} (KEEL-E0205). */
    QUOTE(ErrorCode.UNTERMINATED_QUOTE),
    /** A block comment: {@link ErrorCode#UNTERMINATED_COMMENT} (KEEL-E0206). */
    COMMENT(ErrorCode.UNTERMINATED_COMMENT),
    /** A block that holds semicolons (a trigger or routine body, a parenthesis): {@link ErrorCode#UNTERMINATED_BLOCK} (KEEL-E0214). */
    BLOCK(ErrorCode.UNTERMINATED_BLOCK);

    private final ErrorCode code;

    Unterminated(ErrorCode code) {
        this.code = code;
    }

    /** The error code. */
    public ErrorCode code() {
        return code;
    }

    /**
     * The error for a construct opened at an offset and not closed.
     *
     * @param script    the script, for the place
     * @param opening   the offset where the construct opened
     * @param construct what it is, e.g. {@code string literal} or {@code trigger body (BEGIN)}
     * @param fix       how to close it, e.g. {@code close the string with ' (write '' for a quote inside it)}
     */
    public KeelException at(ScriptCursor script, int opening, String construct, String fix) {
        Objects.requireNonNull(construct, "construct");
        Objects.requireNonNull(fix, "fix");
        return KeelException.at(code, script.location(opening),
                "unterminated " + construct + " opened at " + script.describe(opening), fix);
    }
}
