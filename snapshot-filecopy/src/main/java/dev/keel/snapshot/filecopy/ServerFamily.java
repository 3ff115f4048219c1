package dev.keel.snapshot.filecopy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** The database servers whose data directory {@code filecopy} can copy, and how each is asked and stopped. */
enum ServerFamily {

    /** PostgreSQL: stopped with {@code pg_ctl stop -m fast}; the pid file is {@code DIR/postmaster.pid}. */
    POSTGRES("PostgreSQL", "SHOW data_directory", "postgres", List.of("postgres", "postmaster")),
    /** MariaDB and MySQL: stopped with the SQL statement {@code SHUTDOWN}; the pid file is {@code @@pid_file}. */
    MYSQL("MariaDB/MySQL", "SELECT @@datadir", "mysql", List.of("mariadbd", "mysqld", "mariadb", "mysql"));

    private final String product;
    private final String dataDirectoryQuery;
    private final String dialectId;
    private final List<String> processNames;

    ServerFamily(String product, String dataDirectoryQuery, String dialectId, List<String> processNames) {
        this.product = product;
        this.dataDirectoryQuery = dataDirectoryQuery;
        this.dialectId = dialectId;
        this.processNames = processNames;
    }

    /**
     * Whether a live process is such a server. A pid file left by a crash may name a PID that the system has since
     * given to another program; that one must never be stopped or waited for.
     */
    boolean isServerProcess(long pid) {
        if (!LinuxProcess.alive(pid)) {
            return false;
        }
        try {
            String name = Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.UTF_8).strip();
            return processNames.stream().anyMatch(name::startsWith);
        } catch (IOException noProc) {
            return true;
        }
    }

    /**
     * A live server process started on {@code dataDirectory}, found by its command line: MariaDB writes its pid file
     * only at the end of start-up, so a server still starting has none yet, and starting a second one on the same
     * directory must never happen.
     */
    OptionalLong processOn(Path dataDirectory) {
        String dir = dataDirectory.toAbsolutePath().normalize().toString();
        try (java.util.stream.Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(this::isServerProcess)
                    .filter(pid -> LinuxProcess.commandLine(pid).map(args -> args.stream()
                            .anyMatch(a -> a.equals(dir) || a.endsWith("=" + dir) || a.equals(dir + "/")
                                    || a.endsWith("=" + dir + "/"))).orElse(false))
                    .findFirst();
        } catch (IOException | RuntimeException noProc) {
            return OptionalLong.empty();
        }
    }

    /** The PID in a pid file, when that process is alive and is such a server. */
    OptionalLong runningPid(Path pidFile) {
        OptionalLong pid = LinuxProcess.readPidFile(pidFile);
        return pid.isPresent() && isServerProcess(pid.getAsLong()) ? pid : OptionalLong.empty();
    }

    /** The product name for messages. */
    String product() {
        return product;
    }

    /** The query whose single value is the server's data directory. */
    String dataDirectoryQuery() {
        return dataDirectoryQuery;
    }

    /** Keel's dialect id of this family. */
    String dialectId() {
        return dialectId;
    }
}
