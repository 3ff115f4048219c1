package dev.keel.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates command objects with the invocation's environment, global options and events. */
final class CommandFactory implements CommandLine.IFactory {

    private final CliEnvironment environment;
    private final GlobalOptions global;
    private final RunEvents events;

    CommandFactory(CliEnvironment environment, GlobalOptions global, RunEvents events) {
        this.environment = environment;
        this.global = global;
        this.events = events;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (KeelCommand.class.isAssignableFrom(type)) {
            Constructor<K> constructor = type.getDeclaredConstructor(CommandContext.class);
            return constructor.newInstance(new CommandContext(environment, global, events));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
