package dev.keel.systemtests.snapshot;

import java.util.function.Supplier;

/** Prints how long the slow steps of a test took ({@code [timing] …} lines in the failsafe output). */
final class Timing {

    private Timing() {
    }

    static <T> T timed(String what, Supplier<T> step) {
        long started = System.nanoTime();
        try {
            return step.get();
        } finally {
            System.out.printf("[timing] %s: %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
