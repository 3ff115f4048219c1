package dev.keel.systemtests.crash;

import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.crash.ProgressLines.Mark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@code keel} process whose output the test follows line by line, with the time of each line since the start,
 * and which it can kill with {@code SIGKILL} at a chosen moment.
 */
final class WatchedRun {

    /** A line and when it was read, in milliseconds since the process started. */
    record TimedLine(long atMs, boolean stderr, String text, Mark mark) {
        @Override
        public String toString() {
            return String.format("%6d ms %s %s", atMs, stderr ? "err" : "out", ProgressLines.plain(text));
        }
    }

    private final long startNanos;
    private final KeelProcess process;
    private final LinkedBlockingQueue<TimedLine> queue = new LinkedBlockingQueue<>();
    private final List<TimedLine> seen = new ArrayList<>();
    private KeelRun result;
    private boolean killed;

    private WatchedRun(Path workingDirectory, List<String> args) {
        this.startNanos = System.nanoTime();
        this.process = KeelProcess.startStreaming(workingDirectory, args, line -> queue.add(new TimedLine(
                (line.atNanos() - startNanos) / 1_000_000, line.stderr(), line.text(), ProgressLines.mark(line.text()))));
    }

    static WatchedRun start(Path workingDirectory, List<String> args) {
        return new WatchedRun(workingDirectory, args);
    }

    /** Milliseconds since the start. */
    long now() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * Follows the output until a line that matches appears (returned) or the process ends or the time is up (empty).
     */
    Optional<TimedLine> await(java.util.function.Predicate<TimedLine> wanted, long timeoutMs) {
        long deadline = now() + timeoutMs;
        for (TimedLine line : seen) {
            if (wanted.test(line)) {
                return Optional.of(line);
            }
        }
        while (true) {
            Optional<TimedLine> next = next(Math.min(50, Math.max(0, deadline - now())));
            if (next.isPresent()) {
                if (wanted.test(next.get())) {
                    return next;
                }
                continue;
            }
            if (!process.isAlive()) {
                drain();
                return seen.stream().filter(wanted).findFirst();
            }
            if (now() >= deadline) {
                return Optional.empty();
            }
        }
    }

    /**
     * Follows the output until {@code atMs} since the start, then kills the process with SIGKILL.
     *
     * @return whether the kill happened (false: the process had ended by itself first)
     */
    boolean killAt(long atMs) {
        while (now() < atMs) {
            Optional<TimedLine> next = next(Math.max(0, atMs - now()));
            if (next.isEmpty() && !process.isAlive()) {
                break;
            }
        }
        if (!process.isAlive()) {
            result = process.finish(60);
            drain();
            return false;
        }
        int exit = process.killNow();
        killed = exit == 137;
        result = process.finish(60);
        drain();
        return killed;
    }

    /**
     * Follows the output until the condition holds (checked every few milliseconds), then kills the process with
     * SIGKILL.
     *
     * @return whether the kill happened (false: the process ended first, or the condition did not hold in time)
     */
    boolean killWhen(java.util.function.BooleanSupplier condition, long timeoutMs) {
        long deadline = now() + timeoutMs;
        while (process.isAlive() && now() < deadline) {
            if (condition.getAsBoolean()) {
                int exit = process.killNow();
                killed = exit == 137;
                result = process.finish(60);
                drain();
                return killed;
            }
            next(2);
        }
        result = process.finish(60);
        drain();
        return false;
    }

    /** Waits for the end of the run (at most {@code seconds}). */
    KeelRun finish(long seconds) {
        if (result == null) {
            result = process.finish(seconds);
            drain();
        }
        return result;
    }

    boolean killed() {
        return killed;
    }

    long pid() {
        return process.pid();
    }

    /** Every line read so far, in order. */
    List<TimedLine> lines() {
        drain();
        return List.copyOf(seen);
    }

    /** The first line with this mark, if any. */
    Optional<TimedLine> first(Mark mark) {
        return lines().stream().filter(l -> l.mark() == mark).findFirst();
    }

    /** The last line with this mark, if any. */
    Optional<TimedLine> last(Mark mark) {
        List<TimedLine> all = lines();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).mark() == mark) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    long count(Mark mark) {
        return lines().stream().filter(l -> l.mark() == mark).count();
    }

    /** The output, for failure messages. */
    String transcript() {
        StringBuilder text = new StringBuilder();
        for (TimedLine line : lines()) {
            text.append("    ").append(line).append('\n');
        }
        return text.toString();
    }

    private Optional<TimedLine> next(long waitMs) {
        try {
            TimedLine line = queue.poll(waitMs, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
            }
            return Optional.ofNullable(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void drain() {
        TimedLine line;
        while ((line = queue.poll()) != null) {
            seen.add(line);
        }
    }
}
