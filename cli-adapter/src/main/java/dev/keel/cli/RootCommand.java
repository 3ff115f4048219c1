package dev.keel.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keel}: lists the subcommands; run alone it prints usage and exits 2. */
@Command(name = "keel",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Database migrations that never leave a database half-changed.")
final class RootCommand implements Runnable {

    /**
     * Every subcommand in the order {@code keel --help} lists them. Added by {@link KeelCli}, not by the annotation,
     * so that a run builds only the command it invokes (picocli reflects over each command class it is given).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            MigrateCommand.class, StatusCommand.class, PlanCommand.class, ValidateCommand.class, NewCommand.class,
            LintCommand.class, RepairCommand.class, BaselineCommand.class, DoctorCommand.class, SnapshotCommand.class,
            RollbackCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of " + spec.subcommands().keySet());
    }
}
