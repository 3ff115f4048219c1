package dev.keel.spi.event;

import dev.keel.spi.Api;

/** Receives engine events, on the thread that runs the engine. Must not throw. */
@Api(status = Api.Status.STABLE, since = "0.1")
@FunctionalInterface
public interface KeelListener {

    /** Called for each event. */
    void on(KeelEvent event);
}
