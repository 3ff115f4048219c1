package dev.keel.systemtests.snapshot;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a folder ({@code mount -t tmpfs -o size=SIZE tmpfs DIR}), unmounted by {@link #close()}:
 * a disk that is too small, for real. Needs root (the project's machines and CI run tests as root); where mounting is
 * not allowed the test is skipped with the reason, except under {@code CI=true}, where it fails.
 */
final class Tmpfs implements AutoCloseable {

    private final Path mountPoint;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    static Tmpfs mount(Path mountPoint, String size) {
        try {
            Files.createDirectories(mountPoint);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String result = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs",
                mountPoint.toString()));
        if (result != null) {
            String reason = "cannot mount a tmpfs on " + mountPoint + " (needs root): " + result;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("disk-space tests must run in CI: " + reason);
            }
            Assumptions.abort(reason);
        }
        return new Tmpfs(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Bytes free on the tmpfs. */
    long usableBytes() {
        try {
            return Files.getFileStore(mountPoint).getUsableSpace();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        String result = run(List.of("umount", mountPoint.toString()));
        if (result != null) {
            // Busy (a process still has a file open there): detach it now, the kernel frees it when unused.
            String lazy = run(List.of("umount", "-l", mountPoint.toString()));
            if (lazy != null) {
                throw new IllegalStateException("cannot unmount the tmpfs on " + mountPoint + ": " + result + "; " + lazy);
            }
        }
    }

    /** Runs a command; null when it succeeded, else its exit code and output. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + output;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
