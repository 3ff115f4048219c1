package dev.keel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keel snapshot}: manual work sessions and the snapshots Keel keeps (SPEC §6); run alone it exits 2. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Manual work sessions and the snapshots Keel keeps: begin, commit, restore, list, prune.",
        subcommands = {
            SnapshotBeginCommand.class, SnapshotCommitCommand.class, SnapshotRestoreCommand.class,
            SnapshotListCommand.class, SnapshotPruneCommand.class
        })
final class SnapshotCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: choose one of " + spec.subcommands().keySet());
    }
}
