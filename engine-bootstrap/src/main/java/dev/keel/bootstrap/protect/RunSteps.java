package dev.keel.bootstrap.protect;

import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.RunStep;
import java.util.List;

/**
 * Numbers the steps of a protected run and reports each as {@link RunStep} events ({@code [2/5] Creating database
 * snapshot… OK} on a terminal).
 */
public final class RunSteps {

    private final KeelListener listener;
    private final List<String> titles;
    private int current = -1;

    /** @param titles every step the run will go through, in order */
    public RunSteps(KeelListener listener, List<String> titles) {
        this.listener = listener;
        this.titles = List.copyOf(titles);
    }

    /** Starts the step with this title (one of the titles given). */
    public void start(String title) {
        current = titles.indexOf(title);
        if (current < 0) {
            throw new IllegalArgumentException("not a step of this run: " + title);
        }
        emit(RunStep.State.STARTED, "");
    }

    /** The current step finished. */
    public void done(String detail) {
        emit(RunStep.State.DONE, detail);
    }

    /** The current step failed. */
    public void failed(String detail) {
        if (current >= 0) {
            emit(RunStep.State.FAILED, detail);
        }
    }

    private void emit(RunStep.State state, String detail) {
        listener.on(new RunStep(current + 1, titles.size(), titles.get(current), state, detail));
    }
}
