package dev.keel.bootstrap.plugin;

import java.net.URLClassLoader;
import java.nio.file.Path;

/** A jar from the {@code plugins/} directory and the class loader that reads it. */
public record PluginJar(Path path, URLClassLoader loader) {
}
