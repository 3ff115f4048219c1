package dev.keel.systemtests.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.bootstrap.Confirmation;
import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.MigrateOptions;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Repository;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL real-world fixture (a shop's migration history, kept with the dialect's in-process
 * {@code PostgresRealWorldIT} in {@code dialect-postgres/src/test/resources/realworld}) applied by the packaged CLI:
 * it builds the same schema as the engine run in this JVM, and a second run changes nothing.
 */
class PostgresRealWorldCliIT {

    private static Path fixture;

    @TempDir
    Path work;

    @BeforeAll
    static void locate() {
        fixture = Repository.folder("dialect-postgres/src/test/resources/realworld");
    }

    @Test
    void theCliBuildsTheSameSchema() {
        try (TestDatabase viaEngine = DatabaseProvisioning.postgres(); DatabaseProbe engine = DatabaseProbe.postgres(viaEngine);
                TestDatabase viaCli = DatabaseProvisioning.postgres(); DatabaseProbe cli = DatabaseProbe.postgres(viaCli)) {
            try (Keel keel = inProcess(viaEngine)) {
                // The fixture drops columns on purpose (accepted with -- keel:allow): a high-risk run, accepted.
                keel.migrate(MigrateOptions.defaults().confirmed(Confirmation.YES_FLAG));
            }
            List<String> args = new ArrayList<>(List.of("migrate", "--yes", "--no-color"));
            args.addAll(KeelProcess.target(viaCli, fixture));
            KeelRun first = KeelProcess.start(work, args).finish(300);
            assertEquals(0, first.exitCode(), first::toString);
            assertEquals(engine.fingerprint().canonicalText(), cli.fingerprint().canonicalText());

            KeelRun again = KeelProcess.start(work, args).finish(120);
            assertEquals(0, again.exitCode(), again::toString);
            assertEquals(engine.fingerprint().hash(), cli.fingerprint().hash());
        }
    }

    /** The engine in this JVM, through the embedding API, configured like the CLI run. */
    private Keel inProcess(TestDatabase database) {
        var builder = Keel.configure().url(database.url()).migrations(fixture.toString()).environment("development")
                .workingDirectory(work);
        database.user().ifPresent(builder::user);
        database.password().ifPresent(builder::password);
        return builder.build();
    }
}
