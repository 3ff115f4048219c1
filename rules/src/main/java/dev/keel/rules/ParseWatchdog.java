package dev.keel.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Stops JSqlParser parses that run on the caller's thread past their deadline. JSqlParser's own timeout hands every
 * parse to another thread and waits for it, which costs more than most parses; here one daemon thread looks at the
 * parses under way a few times per timeout and raises the parser's {@code interrupted} flag on those past their
 * deadline, which is what JSqlParser's timeout does too: the flag turns off its expensive lookaheads, so the parse
 * ends soon after, and the caller treats it as a failed parse.
 */
final class ParseWatchdog {

    private final Map<CCJSqlParser, Long> deadlines = new ConcurrentHashMap<>();
    private final long periodMillis;
    private volatile Thread thread;

    /** A watchdog checking often enough for {@code timeoutMillis} to be kept within a quarter. */
    ParseWatchdog(long timeoutMillis) {
        this.periodMillis = Math.max(1, Math.min(100, timeoutMillis / 4));
    }

    /** Watches {@code parser} until the returned handle is closed; after {@code timeoutNanos} it is interrupted. */
    Watch watch(CCJSqlParser parser, long timeoutNanos) {
        startIfNeeded();
        deadlines.put(parser, System.nanoTime() + timeoutNanos);
        return () -> deadlines.remove(parser);
    }

    /** The end of watching one parse. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private void startIfNeeded() {
        if (thread == null) {
            synchronized (this) {
                if (thread == null) {
                    Thread t = new Thread(this::patrol, "keel-sql-parse-watchdog");
                    t.setDaemon(true);
                    t.start();
                    thread = t;
                }
            }
        }
    }

    private void patrol() {
        while (true) {
            try {
                TimeUnit.MILLISECONDS.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            interruptOverdue(System.nanoTime());
        }
    }

    /** One round of the patrol at {@code now}: every watched parse past its deadline is told to stop. */
    void interruptOverdue(long now) {
        deadlines.forEach((parser, deadline) -> {
            if (now - deadline > 0) {
                parser.interrupted = true;
            }
        });
    }
}
