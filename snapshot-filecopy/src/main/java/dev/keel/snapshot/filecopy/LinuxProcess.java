package dev.keel.snapshot.filecopy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/** What Linux says about a process under {@code /proc}: alive, its argument list, user, folder and environment. */
final class LinuxProcess {

    private static final Path PROC = Path.of("/proc");

    private LinuxProcess() {
    }

    /** Whether {@code /proc} is there to ask. */
    static boolean available() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /** Alive and not a zombie (an exited child not yet reaped by its parent counts as gone). */
    static boolean alive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(dir(pid).resolve("stat"), StandardCharsets.UTF_8);
            int afterName = stat.lastIndexOf(')');
            if (afterName < 0 || stat.length() < afterName + 3) {
                return true;
            }
            char state = stat.charAt(afterName + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    /** The argument list the process was started with ({@code /proc/PID/cmdline}, NUL-separated). */
    static Optional<List<String>> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(dir(pid).resolve("cmdline"));
            List<String> arguments = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    arguments.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < raw.length) {
                arguments.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
            }
            // A kernel thread or a zombie has none; a process that rewrote its title has one joined string.
            return arguments.isEmpty() || arguments.get(0).isEmpty() ? Optional.empty() : Optional.of(arguments);
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /** The user the process runs as (the owner of {@code /proc/PID}). */
    static Optional<String> user(long pid) {
        try {
            return Optional.of(Files.getOwner(dir(pid)).getName());
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /** The process's working folder. */
    static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(dir(pid).resolve("cwd")));
        } catch (IOException | UnsupportedOperationException hidden) {
            return Optional.empty();
        }
    }

    /** The process's environment variables whose names pass {@code keep} (readable by its user and root only). */
    static Map<String, String> environment(long pid, Predicate<String> keep) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            String all = new String(Files.readAllBytes(dir(pid).resolve("environ")), StandardCharsets.UTF_8);
            for (String entry : all.split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0 && keep.test(entry.substring(0, eq))) {
                    values.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        } catch (IOException hidden) {
            // not ours to read: start with Keel's defaults
        }
        return values;
    }

    /** The PID on the first line of a pid file, when the file exists and says one. */
    static OptionalLong readPidFile(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).strip().matches("\\d{1,10}")) {
                return OptionalLong.of(Long.parseLong(lines.get(0).strip()));
            }
        } catch (IOException | RuntimeException absent) {
            // no pid file: no server
        }
        return OptionalLong.empty();
    }

    /** The user Keel runs as. */
    static String currentUser() {
        try {
            return Files.getOwner(PROC.resolve("self")).getName();
        } catch (IOException | UnsupportedOperationException noProc) {
            return System.getProperty("user.name");
        }
    }

    /** Whether Keel runs as root (uid 0). */
    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(PROC.resolve("self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Path dir(long pid) {
        return PROC.resolve(Long.toString(pid));
    }
}
