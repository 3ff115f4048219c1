package dev.keel.systemtests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds a plugin jar from a folder of sources and resources at test time, with the JDK's own {@code javac} and
 * {@code jar} tools: {@code .java} files are compiled against a class path, every other file is packed as it is.
 */
final class PluginSources {

    private PluginSources() {
    }

    /** Compiles and packs {@code sources} into {@code jar}, compiling against {@code classpath} (e.g. keel.jar). */
    static Path jar(Path sources, Path classpath, Path jar) throws IOException {
        Path classes = Files.createTempDirectory(jar.getParent(), "classes-");
        List<String> javac = new ArrayList<>(List.of("--release", "17", "-proc:none", "-cp", classpath.toString(),
                "-d", classes.toString()));
        List<Path> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.toString().endsWith(".java")) {
                    javac.add(file.toString());
                } else {
                    resources.add(file);
                }
            }
        }
        tool("javac", javac);
        for (Path resource : resources) {
            Path target = classes.resolve(sources.relativize(resource).toString());
            Files.createDirectories(target.getParent());
            Files.copy(resource, target);
        }
        tool("jar", List.of("--create", "--file", jar.toString(), "-C", classes.toString(), "."));
        return jar;
    }

    private static void tool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new AssertionError("the system tests need a JDK with the " + name + " tool"));
        StringWriter output = new StringWriter();
        try (PrintWriter out = new PrintWriter(output)) {
            int rc = tool.run(out, out, args.toArray(String[]::new));
            assertEquals(0, rc, () -> name + " " + args + " failed:\n" + output);
        }
    }
}
