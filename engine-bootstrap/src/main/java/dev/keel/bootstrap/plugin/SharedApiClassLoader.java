package dev.keel.bootstrap.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every plugin class loader: it shares only the JDK and Keel's API packages
 * ({@code dev.keel.spi}, {@code dev.keel.core}) with the application, so a plugin brings its own
 * libraries without clashing with Keel's or the application's.
 */
final class SharedApiClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader application;

    SharedApiClassLoader(ClassLoader application) {
        super("keel-shared-api", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("dev.keel.spi.") || name.startsWith("dev.keel.core.")) {
            return application.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        // Service files of the application must not be seen through a plugin's loader.
        return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : getParent().getResources(name);
    }
}
