package dev.keel.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.keel.bootstrap.config.KeelSettings;
import dev.keel.bootstrap.plugin.DiscoveredProviders;
import dev.keel.spi.event.KeelListener;
import java.time.Clock;

/**
 * The one Guice module: binds what bootstrap discovered and resolved, and builds the engine from it.
 * Only binds; discovery, configuration reading and any I/O happen before the injector is created.
 */
final class KeelModule extends AbstractModule {

    private final KeelSettings settings;
    private final DiscoveredProviders providers;
    private final ConnectionTarget target;
    private final KeelListener listener;
    private final ClassLoader classLoader;

    KeelModule(KeelSettings settings, DiscoveredProviders providers, ConnectionTarget target, KeelListener listener,
            ClassLoader classLoader) {
        this.settings = settings;
        this.providers = providers;
        this.target = target;
        this.listener = listener;
        this.classLoader = classLoader;
    }

    @Override
    protected void configure() {
        bind(KeelSettings.class).toInstance(settings);
        bind(DiscoveredProviders.class).toInstance(providers);
        bind(ConnectionTarget.class).toInstance(target);
        bind(KeelListener.class).toInstance(listener);
        bind(Clock.class).toInstance(Clock.systemUTC());
    }

    @Provides
    @Singleton
    Engine engine(KeelSettings settings, DiscoveredProviders providers, ConnectionTarget target, KeelListener listener,
            Clock clock) {
        return new Engine(settings, providers, target, listener, clock, classLoader);
    }
}
