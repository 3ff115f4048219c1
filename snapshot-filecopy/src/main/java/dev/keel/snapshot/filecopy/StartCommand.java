package dev.keel.snapshot.filecopy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start a database server again: the argument list, the user to run it as, its working folder and, for a
 * command read from the running server, the environment to give it. Kept in {@code server.properties} so that Keel,
 * killed while the server was stopped, can start it after a restart of its own.
 *
 * @param arguments        the program and its arguments
 * @param user             the user to run it as (through {@code runuser} when Keel is root), empty for Keel's user
 * @param workingDirectory the folder to start it in
 * @param environment      the whole environment to give it, empty to pass Keel's own on
 */
record StartCommand(List<String> arguments, Optional<String> user, Path workingDirectory,
        Optional<Map<String, String>> environment) {

    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    StartCommand {
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a start command needs a program");
        }
        environment = environment.map(Map::copyOf);
    }

    /** The {@code startCommand} option: run as configured, as Keel's user, in Keel's folder, with its environment. */
    static StartCommand configured(List<String> arguments) {
        return new StartCommand(arguments, Optional.empty(), Path.of("").toAbsolutePath(), Optional.empty());
    }

    /**
     * The running server's own command line ({@code /proc/PID/cmdline}), user and working folder. The environment is
     * not copied whole (it may hold secrets, and Keel writes this to disk): only {@code PATH}, the locale and the
     * time zone, which change how a server starts and what it logs.
     */
    static Optional<StartCommand> ofRunningProcess(long pid) {
        Optional<List<String>> commandLine = LinuxProcess.commandLine(pid);
        Optional<String> user = LinuxProcess.user(pid);
        if (commandLine.isEmpty() || user.isEmpty()) {
            return Optional.empty();
        }
        List<String> arguments = new ArrayList<>(commandLine.get());
        if (!arguments.get(0).startsWith("/")) {
            // Started through PATH or a relative name: the binary itself is the surest way back to it.
            try {
                Path exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
                if (exe.isAbsolute() && !exe.toString().endsWith(" (deleted)")) {
                    arguments.set(0, exe.toString());
                }
            } catch (IOException | UnsupportedOperationException hidden) {
                // keep the name; PATH below finds it
            }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", DEFAULT_PATH);
        environment.putAll(LinuxProcess.environment(pid,
                name -> name.equals("PATH") || name.equals("LANG") || name.equals("LANGUAGE")
                        || name.startsWith("LC_") || name.equals("TZ")));
        Path directory = LinuxProcess.workingDirectory(pid).orElse(Path.of("/"));
        return Optional.of(new StartCommand(arguments, user, directory, Optional.of(environment)));
    }

    /**
     * Whether the command is the server itself, running in the foreground until it stops (a command line read from
     * the running server, which is when the environment is kept), rather than a configured command that asks a
     * service manager to start it and returns.
     */
    boolean runsInForeground() {
        return environment.isPresent();
    }

    /** The argument list to hand to the operating system: through {@code runuser} when another user runs it. */
    List<String> commandLine() throws IOException {
        return Commands.asUser(user, arguments);
    }

    /** For messages: the arguments joined by spaces. */
    String display() {
        return String.join(" ", arguments) + user.map(u -> " (as " + u + ")").orElse("");
    }

    /** Writes it into properties under {@code start.}. */
    void writeTo(Map<String, String> properties) {
        properties.put("start.argc", Integer.toString(arguments.size()));
        for (int i = 0; i < arguments.size(); i++) {
            properties.put("start.arg." + i, arguments.get(i));
        }
        user.ifPresent(u -> properties.put("start.user", u));
        properties.put("start.directory", workingDirectory.toString());
        environment.ifPresent(env -> {
            properties.put("start.environment", "replace");
            env.forEach((k, v) -> properties.put("start.env." + k, v));
        });
    }

    /** Reads what {@link #writeTo} wrote; empty when there is none or it is damaged. */
    static Optional<StartCommand> readFrom(Map<String, String> properties) {
        try {
            int count = Integer.parseInt(properties.getOrDefault("start.argc", "0"));
            if (count < 1) {
                return Optional.empty();
            }
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String argument = properties.get("start.arg." + i);
                if (argument == null) {
                    return Optional.empty();
                }
                arguments.add(argument);
            }
            Optional<Map<String, String>> environment = Optional.empty();
            if ("replace".equals(properties.get("start.environment"))) {
                Map<String, String> env = new LinkedHashMap<>();
                properties.forEach((k, v) -> {
                    if (k.startsWith("start.env.")) {
                        env.put(k.substring("start.env.".length()), v);
                    }
                });
                environment = Optional.of(env);
            }
            return Optional.of(new StartCommand(arguments, Optional.ofNullable(properties.get("start.user")),
                    Path.of(properties.getOrDefault("start.directory", "/")), environment));
        } catch (RuntimeException damaged) {
            return Optional.empty();
        }
    }
}
