package dev.keel.snapshot.filecopy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a folder, for the no-space refusals: only root may mount, so elsewhere the test is
 * skipped, except under {@code CI=true} (root there too), where it must run.
 */
final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 1m}) on a new folder {@code mountPoint}. */
    static SmallDisk mount(Path mountPoint, String size) throws IOException, InterruptedException {
        if (!LinuxProcess.isRoot()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("the no-space tests must run in CI, which runs as root: they mount a small tmpfs");
            }
            Assumptions.abort("mounting a small tmpfs for the no-space test needs root");
        }
        Files.createDirectories(mountPoint);
        int exit = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString()));
        if (exit != 0) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("mount -t tmpfs failed (exit " + exit + ") in CI");
            }
            Assumptions.abort("mount -t tmpfs failed (exit " + exit + "): no mount permission in this container");
        }
        return new SmallDisk(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    @Override
    public void close() throws IOException {
        try {
            // Lazy: a server restarted by the test may still hold its log there; the memory goes when it closes it.
            run(List.of("umount", "-l", mountPoint.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unmounting " + mountPoint, e);
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
