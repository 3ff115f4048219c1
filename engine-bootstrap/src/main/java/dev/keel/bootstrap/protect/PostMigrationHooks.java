package dev.keel.bootstrap.protect;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the environment's post-migration commands after a successful run (SPEC §7), each as an argument list (never
 * through a shell), in the base directory, with output appended to {@code .keel/hooks.log} so that it cannot mix
 * with Keel's own output (a {@code --json} document on stdout stays alone).
 */
public final class PostMigrationHooks {

    private final List<List<String>> commands;
    private final Path baseDirectory;
    private final Path log;
    private final AuditLog audit;

    public PostMigrationHooks(List<List<String>> commands, Path baseDirectory, Path workDirectory, AuditLog audit) {
        this.commands = List.copyOf(commands);
        this.baseDirectory = baseDirectory;
        this.log = workDirectory.resolve("hooks.log");
        this.audit = audit;
    }

    /** Whether there is anything to run. */
    public boolean isEmpty() {
        return commands.isEmpty();
    }

    /**
     * Runs every command in order, stopping at the first that fails.
     *
     * @throws KeelException {@code HOOK_FAILED} naming the command, its exit code and the log
     */
    public void run() {
        for (List<String> command : commands) {
            int exit;
            try {
                PrivateFiles.createDirectory(log.getParent());
                Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                PrivateFiles.restrict(log);
                Process process = new ProcessBuilder(command)
                        .directory(baseDirectory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                exit = process.waitFor();
            } catch (IOException e) {
                audit.record("hook", "failed", Map.of("command", command, "error", e.getMessage()));
                throw KeelException.of(ErrorCode.HOOK_FAILED,
                        "The migrations were applied, but post-migration hook " + command + " could not start: " + e.getMessage(),
                        "Check the command in 'hooks.postMigrate' (an argument list; the first item must be a program on PATH or a path), then run it by hand.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw KeelException.of(ErrorCode.HOOK_FAILED, "Interrupted while running post-migration hook " + command + ".",
                        "Run it by hand.");
            }
            audit.record("hook", exit == 0 ? "ok" : "failed", Map.of("command", command, "exitCode", exit));
            if (exit != 0) {
                throw KeelException.of(ErrorCode.HOOK_FAILED,
                        "The migrations were applied, but post-migration hook " + command + " exited with " + exit + ".",
                        "See its output in " + log + ", fix it and run the hook by hand; the database keeps the migrations.");
            }
        }
    }
}
