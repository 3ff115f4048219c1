package dev.keel.dialect.mysql;

import dev.keel.core.split.ScriptCursor;
import dev.keel.core.split.Unterminated;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Follows one statement, token by token, to tell whether a {@code ;} ends it or belongs to a compound statement
 * inside it: the body of {@code CREATE [OR REPLACE] [DEFINER = …] PROCEDURE | FUNCTION | TRIGGER | EVENT} (and
 * {@code ALTER EVENT … DO}), or a MariaDB compound statement outside a routine ({@code BEGIN NOT ATOMIC … END},
 * {@code IF … END IF}, labelled loops). Used only while the delimiter is {@code ;}: after {@code DELIMITER $$} the
 * delimiter alone ends statements, as in the {@code mysql} client.
 *
 * <p>How it reads a statement:
 * <ol>
 *   <li>The header is read far enough to find where the routine body starts: after the parameter list and the
 *       characteristics ({@code COMMENT '…'}, {@code DETERMINISTIC}, {@code SQL SECURITY …}, …) of a procedure;
 *       after {@code RETURNS type} and the characteristics of a function; after {@code FOR EACH ROW
 *       [FOLLOWS|PRECEDES name]} of a trigger; after {@code DO} of an event.</li>
 *   <li>In the body, a word opens a block only where a statement starts (the body's first token, after a
 *       {@code ;} inside a block, after {@code BEGIN}, {@code THEN}, {@code ELSE}, {@code DO}, {@code LOOP},
 *       {@code REPEAT}, a label {@code name:}, and after the conditions of {@code DECLARE … HANDLER FOR}):
 *       {@code BEGIN}, {@code IF}, {@code CASE}, {@code LOOP}, {@code WHILE}, {@code REPEAT}, {@code FOR}. So the
 *       functions {@code IF(…)} and {@code REPEAT(…)}, {@code DROP TABLE IF EXISTS} and columns called
 *       {@code begin} or {@code end} open nothing.</li>
 *   <li>{@code END} where a statement starts closes the innermost block; the word after it must match
 *       ({@code END IF}, {@code END CASE}, {@code END LOOP}, {@code END WHILE}, {@code END REPEAT},
 *       {@code END FOR}; a plain {@code END [label]} for {@code BEGIN}), else the script is rejected rather than
 *       cut in the wrong place. A {@code CASE} anywhere else is an expression: its {@code THEN}/{@code ELSE} start
 *       no statement and its plain {@code END} closes it, so {@code CASE WHEN … END} inside a body never closes the
 *       body. {@code REPEAT … UNTIL cond END REPEAT} closes at the {@code END} after {@code UNTIL}.</li>
 * </ol>
 * A word right after {@code .} or {@code @} ({@code NEW.end}, {@code @begin}) is a name, never a keyword.
 * Executable comments ({@code /*! … *}{@code /}) are opaque: they never open or close anything.
 */
final class CompoundStatementTracker {

    /** A block of a compound statement, with the word that must follow its {@code END} (none for BEGIN). */
    enum Block {
        BEGIN("BEGIN … END", null),
        IF("IF … END IF", "if"),
        CASE("CASE … END CASE", "case"),
        CASE_EXPRESSION("CASE … END expression", null),
        LOOP("LOOP … END LOOP", "loop"),
        WHILE("WHILE … END WHILE", "while"),
        REPEAT("REPEAT … END REPEAT", "repeat"),
        FOR("FOR … END FOR", "for");

        final String shape;
        final String endWord;

        Block(String shape, String endWord) {
            this.shape = shape;
            this.endWord = endWord;
        }
    }

    private enum Mode { FIRST, PLAIN, HEADER, BODY }

    private enum Header {
        PREAMBLE, NAME, PARAMETERS, RETURNS, TYPE_NAME, TYPE, CHARACTERISTICS, TRIGGER, TRIGGER_ORDER,
        TRIGGER_ORDER_NAME, TRIGGER_ORDER_DOT, EVENT
    }

    private enum Kind { PROCEDURE, FUNCTION, TRIGGER, EVENT }

    private enum Handler { NONE, DECLARE, HANDLER, CONDITIONS }

    /** One open block: what it is and where it opened. */
    private static final class Open {
        final Block block;
        final int at;
        boolean untilSeen;

        Open(Block block, int at) {
            this.block = block;
            this.at = at;
        }
    }

    /** Words between CREATE/ALTER and the object type: OR REPLACE, ALGORITHM = …, DEFINER = …, SQL SECURITY …. */
    private static final Set<String> PREAMBLE = Set.of("or", "replace", "algorithm", "definer", "sql", "security",
            "invoker", "aggregate", "undefined", "merge", "temptable", "current_user", "current_role", "nonsemantic");
    /** Routine characteristics, which sit between the parameters (or return type) and the body. */
    private static final Set<String> CHARACTERISTICS = Set.of("comment", "language", "sql", "not", "deterministic",
            "contains", "no", "reads", "modifies", "data", "security", "definer", "invoker");
    /** Words that may follow the first word of a function's return type. */
    private static final Set<String> TYPE_WORDS = Set.of("unsigned", "signed", "zerofill", "precision", "varying",
            "binary", "ascii", "unicode", "byte", "charset", "character", "collate", "varchar", "varbinary", "char",
            "type", "of", "rowtype", "national");
    /** Type words after which a name follows ({@code CHARSET utf8mb4}, {@code TYPE OF t.c}). */
    private static final Set<String> TYPE_NAME_FOLLOWS = Set.of("charset", "collate", "of");
    /** The words of the conditions of {@code DECLARE … HANDLER FOR}. */
    private static final Set<String> HANDLER_CONDITIONS = Set.of("sqlstate", "value", "sqlwarning", "not", "found",
            "sqlexception");
    /** Words that name a block type after {@code END}. */
    private static final Set<String> BLOCK_WORDS = Set.of("if", "case", "loop", "while", "repeat", "for");

    private final ScriptCursor script;

    private Mode mode = Mode.FIRST;
    private Header header;
    private Kind kind;
    private boolean alter;
    private int depth; // parentheses, in the header
    private String previousWord; // the previous header token when it was a keyword-place word, else null
    private boolean valueNext; // header: the next word is a value (after =, @, CHARSET, …)

    private final Deque<Open> open = new ArrayDeque<>();
    private boolean statementStart;
    private boolean labelPending;
    private int notAtomicWords; // BEGIN NOT ATOMIC: words still to pass over without leaving the statement start
    private Open tailOf; // the block an END just closed, until the token after END has been checked
    private int tailEndAt;
    private boolean inTail; // after END …, until the next ;
    private Handler handler = Handler.NONE;
    private boolean handlerNameNext;

    CompoundStatementTracker(ScriptCursor script) {
        this.script = script;
    }

    /**
     * A word (identifier, keyword or number).
     *
     * @param word         the word in lower case, or {@code ""} when it is too long to be a keyword
     * @param at           its offset
     * @param keywordPlace false right after {@code .} or {@code @}, where a word is always a name
     * @param label        whether a {@code :} (not {@code :=}) follows, so that it may be a label
     * @param notAtomic    whether {@code NOT ATOMIC} follows (for {@code BEGIN})
     */
    void word(String word, int at, boolean keywordPlace, boolean label, boolean notAtomic) {
        switch (mode) {
            case FIRST -> first(word, at, keywordPlace, label, notAtomic);
            case HEADER -> headerWord(word, at, keywordPlace, label);
            case BODY -> bodyWord(word, at, keywordPlace, label, notAtomic);
            default -> {
                // a plain statement: the first ; ends it
            }
        }
    }

    /** A quoted string or identifier. */
    void quoted(int at) {
        switch (mode) {
            case FIRST -> mode = Mode.PLAIN;
            case HEADER -> {
                valueNext = false;
                previousWord = null;
                if (header == Header.TRIGGER_ORDER_NAME) {
                    header = Header.TRIGGER_ORDER_DOT;
                } else if (header == Header.TRIGGER_ORDER || header == Header.TRIGGER_ORDER_DOT) {
                    startBody();
                    bodyOther(at);
                }
            }
            case BODY -> bodyOther(at);
            default -> {
            }
        }
    }

    /** An executable comment ({@code /*! … *}{@code /}): part of the statement, opaque to block tracking. */
    void executableComment() {
        if (mode == Mode.FIRST) {
            mode = Mode.PLAIN;
        }
    }

    /** Any other character that is not white space, a comment or {@code ;}. */
    void punctuation(char c, int at) {
        switch (mode) {
            case FIRST -> mode = Mode.PLAIN;
            case HEADER -> headerPunctuation(c, at);
            case BODY -> bodyPunctuation(c, at);
            default -> {
            }
        }
    }

    /**
     * A {@code ;}.
     *
     * @return whether it ends the statement (false inside a block of a compound statement)
     */
    boolean semicolon(int at) {
        if (mode != Mode.BODY) {
            return true;
        }
        checkTail(null, at);
        inTail = false;
        handler = Handler.NONE;
        labelPending = false;
        notAtomicWords = 0;
        if (open.isEmpty()) {
            return true;
        }
        statementStart = true;
        return false;
    }

    /** Whether words still matter: false once the statement is known to be a plain one, ended by the first ;. */
    boolean followsWords() {
        return mode != Mode.PLAIN;
    }

    /** Whether the statement is inside a block, so that a {@code ;} would not end it. */
    boolean insideBlock() {
        return !open.isEmpty();
    }

    /** The offset of the innermost open block, or -1. */
    int innermostOpenAt() {
        return open.isEmpty() ? -1 : open.peek().at;
    }

    /**
     * The statement ends (end of the script).
     *
     * @throws KeelException {@code UNTERMINATED_BLOCK} when a block is still open or an END does not match
     */
    void finish(int at) {
        if (mode != Mode.BODY) {
            return;
        }
        checkTail(null, at);
        if (!open.isEmpty()) {
            Open innermost = open.peek();
            throw Unterminated.BLOCK.at(script, innermost.at, innermost.block.shape + " block",
                    "close every block of the body (END IF; END LOOP; … END;) and end the statement with ;"
                            + " — or wrap the routine in DELIMITER $$ … $$ and end it with $$");
        }
    }

    // ------------------------------------------------------------------------------------------ first word

    private void first(String w, int at, boolean keywordPlace, boolean label, boolean notAtomic) {
        if (!keywordPlace) {
            mode = Mode.PLAIN;
            return;
        }
        switch (w) {
            case "create", "alter" -> {
                mode = Mode.HEADER;
                header = Header.PREAMBLE;
                alter = w.equals("alter");
                previousWord = w;
            }
            case "begin" -> {
                if (notAtomic) { // MariaDB: BEGIN NOT ATOMIC … END outside a routine
                    startBody();
                    bodyWord(w, at, true, false, true);
                } else { // BEGIN; / BEGIN WORK: a transaction
                    mode = Mode.PLAIN;
                }
            }
            case "if", "case", "loop", "while", "repeat", "for" -> { // MariaDB compound statements outside routines
                startBody();
                bodyWord(w, at, true, label, false);
            }
            default -> {
                if (label) {
                    startBody();
                    bodyWord(w, at, true, true, false);
                } else {
                    mode = Mode.PLAIN;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ header

    private void headerWord(String w, int at, boolean keywordPlace, boolean label) {
        String previous = previousWord;
        boolean value = valueNext || !keywordPlace;
        valueNext = false;
        previousWord = keywordPlace ? w : null;
        switch (header) {
            case PREAMBLE -> {
                if (value || PREAMBLE.contains(w)) {
                    return;
                }
                switch (w) {
                    case "procedure", "function" -> {
                        if (alter) {
                            mode = Mode.PLAIN; // ALTER PROCEDURE changes characteristics only
                        } else {
                            kind = w.equals("procedure") ? Kind.PROCEDURE : Kind.FUNCTION;
                            header = Header.NAME;
                        }
                    }
                    case "trigger" -> {
                        if (alter) {
                            mode = Mode.PLAIN;
                        } else {
                            kind = Kind.TRIGGER;
                            header = Header.TRIGGER;
                        }
                    }
                    case "event" -> {
                        kind = Kind.EVENT;
                        header = Header.EVENT;
                    }
                    default -> mode = Mode.PLAIN;
                }
            }
            case NAME -> {
                if (!value && w.equals("returns")) {
                    mode = Mode.PLAIN; // a loadable function: CREATE FUNCTION f RETURNS STRING SONAME 'lib.so'
                }
            }
            case PARAMETERS -> {
                // inside the parameter list
            }
            case RETURNS -> {
                if (!value && w.equals("returns")) {
                    header = Header.TYPE_NAME;
                } else {
                    bodyStartsAt(w, at, keywordPlace, label);
                }
            }
            case TYPE_NAME -> header = Header.TYPE;
            case TYPE -> {
                if (depth > 0 || value) {
                    return;
                }
                if (TYPE_WORDS.contains(w)) {
                    valueNext = TYPE_NAME_FOLLOWS.contains(w);
                    return;
                }
                if (w.equals("set") && "character".equals(previous)) {
                    valueNext = true;
                    return;
                }
                header = Header.CHARACTERISTICS;
                characteristic(w, at, keywordPlace, label);
            }
            case CHARACTERISTICS -> characteristic(w, at, keywordPlace, label);
            case TRIGGER -> {
                if (keywordPlace && w.equals("row") && "each".equals(previous)) {
                    header = Header.TRIGGER_ORDER;
                }
            }
            case TRIGGER_ORDER -> {
                if (keywordPlace && (w.equals("follows") || w.equals("precedes"))) {
                    header = Header.TRIGGER_ORDER_NAME;
                } else {
                    bodyStartsAt(w, at, keywordPlace, label);
                }
            }
            case TRIGGER_ORDER_NAME -> header = Header.TRIGGER_ORDER_DOT;
            case TRIGGER_ORDER_DOT -> bodyStartsAt(w, at, keywordPlace, label);
            case EVENT -> {
                if (keywordPlace && depth == 0 && w.equals("do")) {
                    startBody();
                }
            }
        }
    }

    private void characteristic(String w, int at, boolean keywordPlace, boolean label) {
        if (keywordPlace && CHARACTERISTICS.contains(w)) {
            return;
        }
        bodyStartsAt(w, at, keywordPlace, label);
    }

    private void bodyStartsAt(String w, int at, boolean keywordPlace, boolean label) {
        startBody();
        bodyWord(w, at, keywordPlace, label, false);
    }

    private void headerPunctuation(char c, int at) {
        switch (c) {
            case '(' -> {
                depth++;
                if (header == Header.NAME && depth == 1) {
                    header = Header.PARAMETERS;
                } else if (depth == 1 && (header == Header.CHARACTERISTICS || header == Header.TRIGGER_ORDER
                        || header == Header.TRIGGER_ORDER_DOT || header == Header.RETURNS)) {
                    startBody(); // a parenthesised body: (SELECT …)
                    bodyOther(at);
                    return;
                }
            }
            case ')' -> {
                depth = Math.max(0, depth - 1);
                if (header == Header.PARAMETERS && depth == 0) {
                    header = kind == Kind.FUNCTION ? Header.RETURNS : Header.CHARACTERISTICS;
                }
            }
            case '=', '@' -> valueNext = true;
            case '.' -> {
                if (header == Header.TRIGGER_ORDER_DOT) {
                    header = Header.TRIGGER_ORDER_NAME;
                }
            }
            default -> {
                if (depth == 0 && (header == Header.CHARACTERISTICS || header == Header.TRIGGER_ORDER
                        || header == Header.TRIGGER_ORDER_DOT)) {
                    startBody();
                    bodyOther(at);
                    return;
                }
            }
        }
        if (c != '=' && c != '@') {
            valueNext = false;
        }
        previousWord = null;
    }

    // ------------------------------------------------------------------------------------------ body

    private void startBody() {
        mode = Mode.BODY;
        statementStart = true;
    }

    private void bodyWord(String w, int at, boolean keywordPlace, boolean label, boolean notAtomic) {
        if (tailOf != null) {
            checkTail(keywordPlace ? w : "", at);
        }
        if (inTail) {
            statementStart = false;
            return;
        }
        if (!keywordPlace) { // a name after . or @
            statementStart = false;
            labelPending = false;
            return;
        }
        if (notAtomicWords > 0) {
            notAtomicWords--;
            return;
        }
        if (handler == Handler.CONDITIONS) {
            if (handlerNameNext || HANDLER_CONDITIONS.contains(w)) {
                handlerNameNext = false;
                return;
            }
            handler = Handler.NONE; // the handler's statement starts here
            statementStart = true;
        }
        if (statementStart) {
            if (label) {
                labelPending = true;
                return;
            }
            labelPending = false;
            switch (w) {
                case "begin" -> {
                    push(Block.BEGIN, at);
                    statementStart = true;
                    notAtomicWords = notAtomic ? 2 : 0;
                }
                case "if" -> push(Block.IF, at);
                case "case" -> push(Block.CASE, at);
                case "while" -> push(Block.WHILE, at);
                case "for" -> push(Block.FOR, at);
                case "loop" -> {
                    push(Block.LOOP, at);
                    statementStart = true;
                }
                case "repeat" -> {
                    push(Block.REPEAT, at);
                    statementStart = true;
                }
                case "end" -> {
                    statementStart = false;
                    if (!open.isEmpty()) {
                        closeWithTail(open.pop(), at);
                    }
                }
                case "else" -> statementStart = true;
                case "until" -> {
                    markUntil();
                    statementStart = false;
                }
                case "declare" -> {
                    handler = Handler.DECLARE;
                    statementStart = false;
                }
                default -> statementStart = false;
            }
            return;
        }
        switch (w) {
            case "case" -> push(Block.CASE_EXPRESSION, at);
            case "end" -> {
                Open top = open.peek();
                if (top != null && top.block == Block.CASE_EXPRESSION) {
                    open.pop();
                } else if (top != null && top.block == Block.REPEAT && top.untilSeen) {
                    closeWithTail(open.pop(), at);
                }
            }
            case "then", "else", "do" -> {
                Open top = open.peek();
                if (top != null && top.block != Block.CASE_EXPRESSION) {
                    statementStart = true;
                } else if (top == null && w.equals("do")) {
                    statementStart = true;
                }
            }
            case "until" -> markUntil();
            case "handler" -> {
                if (handler == Handler.DECLARE) {
                    handler = Handler.HANDLER;
                }
            }
            case "for" -> {
                if (handler == Handler.HANDLER) {
                    handler = Handler.CONDITIONS;
                    handlerNameNext = true;
                }
            }
            default -> {
                // an ordinary word inside a statement
            }
        }
    }

    /** A quoted token, or punctuation that does not matter to blocks. */
    private void bodyOther(int at) {
        if (tailOf != null) {
            checkTail("", at);
        }
        labelPending = false;
        if (inTail) {
            return;
        }
        if (handler == Handler.CONDITIONS) { // SQLSTATE '23000'
            handlerNameNext = false;
            return;
        }
        statementStart = false;
    }

    private void bodyPunctuation(char c, int at) {
        if (c == ':' && labelPending) {
            labelPending = false;
            return; // a label: the statement starts after it
        }
        if (handler == Handler.CONDITIONS && c == ',') {
            handlerNameNext = true;
            return;
        }
        if (handler == Handler.CONDITIONS) {
            handler = Handler.NONE;
        }
        bodyOther(at);
    }

    private void markUntil() {
        Open top = open.peek();
        if (top != null && top.block == Block.REPEAT) {
            top.untilSeen = true;
        }
    }

    private void push(Block block, int at) {
        open.push(new Open(block, at));
        if (block != Block.BEGIN && block != Block.LOOP && block != Block.REPEAT) {
            statementStart = false;
        }
    }

    private void closeWithTail(Open closed, int endAt) {
        tailOf = closed;
        tailEndAt = endAt;
        inTail = true;
        statementStart = false;
    }

    /**
     * Checks the token after an {@code END} that closed a block.
     *
     * @param word the next word in lower case, {@code ""} for another token, {@code null} for {@code ;} or the end
     */
    private void checkTail(String word, int at) {
        Open closed = tailOf;
        if (closed == null) {
            return;
        }
        tailOf = null;
        boolean blockWord = word != null && BLOCK_WORDS.contains(word);
        if (closed.block.endWord == null) {
            if (blockWord) {
                throw mismatch(closed, "END " + word.toUpperCase(java.util.Locale.ROOT) + " at "
                        + script.describe(tailEndAt) + " closes the " + closed.block.shape + " block opened at "
                        + script.describe(closed.at) + " (no " + word.toUpperCase(java.util.Locale.ROOT)
                        + " block is open there)");
            }
            return;
        }
        if (!closed.block.endWord.equals(word)) {
            throw mismatch(closed, "the " + closed.block.shape + " block opened at " + script.describe(closed.at)
                    + " is closed by an END without " + closed.block.endWord.toUpperCase(java.util.Locale.ROOT)
                    + " at " + script.describe(tailEndAt));
        }
    }

    private KeelException mismatch(Open block, String what) {
        return KeelException.at(ErrorCode.UNTERMINATED_BLOCK, script.location(block.at), what,
                "match every block with its own END: IF … END IF, CASE … END CASE, LOOP … END LOOP,"
                        + " WHILE … END WHILE, REPEAT … UNTIL … END REPEAT, FOR … END FOR, BEGIN … END");
    }
}
