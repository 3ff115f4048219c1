package dev.keel.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates command objects with the invocation's environment and global options. */
final class CommandFactory implements CommandLine.IFactory {

    private final CliEnvironment environment;
    private final GlobalOptions global;

    CommandFactory(CliEnvironment environment, GlobalOptions global) {
        this.environment = environment;
        this.global = global;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (KeelCommand.class.isAssignableFrom(type)) {
            Constructor<K> constructor = type.getDeclaredConstructor(CommandContext.class);
            return constructor.newInstance(new CommandContext(environment, global));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
