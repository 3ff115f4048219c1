package dev.keel.bootstrap.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.migration.MigrationSource;
import dev.keel.spi.migration.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.io.File;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Set;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Migrations packaged with an application: {@code classpath:db/migrations} finds that folder in every
 * directory and jar of the class loader, with its {@code rollback/} sub-folder.
 */
public final class ClasspathMigrationSource implements MigrationSource {

    private final ClassLoader loader;
    private final String folder;

    /** @param folder the resource folder, without {@code classpath:} and without leading or trailing slash */
    public ClasspathMigrationSource(ClassLoader loader, String folder) {
        this.loader = loader;
        this.folder = folder.replaceAll("^/+|/+$", "");
    }

    @Override
    public String location() {
        return "classpath:" + folder;
    }

    @Override
    public List<SourceFile> files() {
        List<SourceFile> files = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            boolean any = false;
            while (roots.hasMoreElements()) {
                any = true;
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    for (SourceFile file : new DirectoryMigrationSource(Path.of(root.toURI()), location()).files()) {
                        files.add(file);
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    addJarEntries(root, files);
                }
            }
            if (!any) {
                any = addFromJarsWithoutFolderEntries(files);
            }
            if (!any) {
                throw KeelException.of(ErrorCode.MIGRATIONS_LOCATION_MISSING,
                        "No classpath folder " + folder + " was found.",
                        "Package the migrations under src/main/resources/" + folder + ", or fix the 'classpath:' location.");
            }
        } catch (IOException | URISyntaxException e) {
            throw KeelException.of(ErrorCode.MIGRATIONS_LOCATION_MISSING,
                    "Cannot list classpath folder " + folder + ": " + e.getMessage(), "Check the application's classpath.");
        }
        return files;
    }

    private void addJarEntries(URL root, List<SourceFile> files) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            addEntries(jar, files);
        }
    }

    /**
     * Some build tools write jars without folder entries, so {@code getResources(folder)} finds nothing even though
     * files lie under it. Then the jars of the class loader chain and the class path are searched directly.
     */
    private boolean addFromJarsWithoutFolderEntries(List<SourceFile> files) throws IOException {
        Set<Path> jars = new LinkedHashSet<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
                        try {
                            jars.add(Path.of(url.toURI()));
                        } catch (URISyntaxException | IllegalArgumentException ignored) {
                            // not a local jar
                        }
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(Path.of(entry));
            }
        }
        int before = files.size();
        for (Path jar : jars) {
            if (Files.isRegularFile(jar)) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    addEntries(file, files);
                }
            }
        }
        return files.size() > before;
    }

    private void addEntries(JarFile jar, List<SourceFile> files) {
        String prefix = folder + "/";
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            if (entry.isDirectory() || !name.startsWith(prefix) || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
                continue;
            }
            String relative = name.substring(prefix.length());
            if (relative.contains("/") && !relative.startsWith("rollback/")) {
                continue;
            }
            files.add(new ResourceFile(loader, name, relative, "classpath:" + name, entry.getSize()));
        }
    }

    /** A classpath resource, read on demand. */
    private record ResourceFile(ClassLoader loader, String resource, String relativeName, String displayName, long size)
            implements SourceFile {

        @Override
        public byte[] read() {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("resource vanished");
                }
                return in.readAllBytes();
            } catch (IOException | UncheckedIOException e) {
                throw KeelException.at(ErrorCode.FILE_UNREADABLE, Location.of(displayName),
                        "Cannot read " + displayName + ": " + e.getMessage() + ".", "Check the application's packaging.");
            }
        }
    }
}
