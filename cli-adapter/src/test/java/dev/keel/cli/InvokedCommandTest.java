package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvokedCommandTest {

    private static List<Class<?>> invoked(String... args) {
        return InvokedCommand.in(args, RootCommand.SUBCOMMANDS);
    }

    @Test
    void theNamedCommandAloneWhenTheNameIsCertain() {
        assertEquals(List.of(MigrateCommand.class), invoked("migrate", "--target", "3"));
        assertEquals(List.of(StatusCommand.class), invoked("--json", "-v", "--url=jdbc:sqlite:x.db", "status"));
        assertEquals(List.of(SnapshotCommand.class), invoked("snapshot", "list", "--json"));
        assertEquals(List.of(MigrateCommand.class), invoked("--no-color", "migrate", "--help"));
    }

    @Test
    void noCommandForTheVersionAlone() {
        assertEquals(List.of(), invoked("--version"));
        assertEquals(List.of(), invoked("-V", "--no-color"));
        assertEquals(List.of(MigrateCommand.class), invoked("migrate", "--version"));
    }

    @Test
    void everyCommandWhenUnsure() {
        assertEquals(RootCommand.SUBCOMMANDS, invoked());
        assertEquals(RootCommand.SUBCOMMANDS, invoked("--help"));
        assertEquals(RootCommand.SUBCOMMANDS, invoked("migrat"), "a typo gets picocli's suggestions");
        assertEquals(RootCommand.SUBCOMMANDS, invoked("--env", "migrate", "status"), "'migrate' may be a value");
        assertEquals(RootCommand.SUBCOMMANDS, invoked("--", "migrate"));
    }
}
