import dev.keel.bootstrap.Keel;
import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.event.MigrationApplied;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.StatusReport;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain Java program that embeds Keel (SPEC §11). EmbeddingIT compiles it against the engine jars only and
 * runs it in its own JVM. Arguments: the SQLite database file and the migrations folder.
 */
public final class EmbeddedApp {

    public static void main(String[] args) {
        AtomicInteger events = new AtomicInteger();
        AtomicInteger appliedEvents = new AtomicInteger();
        try (Keel keel = Keel.configure()
                .url("jdbc:sqlite:" + args[0])
                .migrations(args[1])
                .build()) {
            keel.subscribe((KeelEvent event) -> {
                events.incrementAndGet();
                if (event instanceof MigrationApplied) {
                    appliedEvents.incrementAndGet();
                }
            });
            MigrationReport report = keel.migrate();
            System.out.println("applied=" + report.applied().size());
            System.out.println("events=" + events.get());
            System.out.println("migrationAppliedEvents=" + appliedEvents.get());
            StatusReport status = keel.status();
            System.out.println("current=" + status.current().map(v -> v.text()).orElse("none"));
            System.out.println("pending=" + status.pendingCount());
            System.out.println("problems=" + status.problems().size());
            System.out.println("inProgress=" + keel.isMigrationInProgress());
            System.out.println("again=" + keel.migrate().applied().size());
        }
        System.out.println("junitVisible=" + visible("org.junit.jupiter.api.Test"));
        System.exit(0);
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, EmbeddedApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
