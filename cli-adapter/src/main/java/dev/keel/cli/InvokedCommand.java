package dev.keel.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Finds, without building the command tree, which subcommand an argument list invokes, so that {@link KeelCli}
 * builds only that one. Anything uncertain answers "all of them": the result only saves work, it never decides
 * what runs (picocli still parses the arguments).
 */
final class InvokedCommand {

    private static final Set<String> FLAGS = flags();

    private InvokedCommand() {
    }

    /**
     * The subcommands to build for {@code args}: the one named by the first argument that is not an option, when
     * nothing before it could be an option's value; none for {@code --version} without a command; otherwise every
     * subcommand.
     */
    static List<Class<?>> in(String[] args, List<Class<?>> subcommands) {
        boolean versionAsked = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-")) {
                if (arg.equals("--")) {
                    return subcommands;
                }
                versionAsked |= arg.equals("-V") || arg.equals("--version");
                continue;
            }
            // In "--env migrate", "migrate" is a value: only a name that no option can have taken is certain.
            if (i > 0 && mayTakeValue(args[i - 1])) {
                return subcommands;
            }
            for (Class<?> subcommand : subcommands) {
                if (names(subcommand).contains(arg)) {
                    return List.of(subcommand);
                }
            }
            return subcommands;
        }
        // "keel --version" alone prints the version before any subcommand would be looked at.
        return versionAsked ? List.of() : subcommands;
    }

    private static boolean mayTakeValue(String previous) {
        return previous.startsWith("-") && !previous.contains("=") && !FLAGS.contains(previous);
    }

    private static List<String> names(Class<?> subcommand) {
        Command command = subcommand.getAnnotation(Command.class);
        if (command == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }

    /** The global options that take no value (boolean fields), read from {@link GlobalOptions} itself. */
    private static Set<String> flags() {
        Set<String> flags = new HashSet<>(List.of("-h", "--help", "-V", "--version"));
        for (Field field : GlobalOptions.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null && field.getType() == boolean.class) {
                flags.addAll(List.of(option.names()));
            }
        }
        return Set.copyOf(flags);
    }
}
