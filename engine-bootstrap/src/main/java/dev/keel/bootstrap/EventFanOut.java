package dev.keel.bootstrap;

import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.event.KeelListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes each engine event to every subscriber; a subscriber that throws does not stop the run. */
final class EventFanOut implements KeelListener {

    private final List<KeelListener> listeners = new CopyOnWriteArrayList<>();

    void add(KeelListener listener) {
        listeners.add(listener);
    }

    void remove(KeelListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void on(KeelEvent event) {
        for (KeelListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException ignored) {
                // A broken subscriber must not break a migration.
            }
        }
    }
}
