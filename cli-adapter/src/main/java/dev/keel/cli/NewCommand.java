package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keel new}: writes the next migration file. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Write the next migration file, with header and UP/DOWN markers.")
final class NewCommand extends KeelCommand {

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTION", description = "What the migration does, e.g. add orders table.")
    java.util.List<String> words;

    NewCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            Path file = keel.newMigration(String.join(" ", words));
            Path shown = context.environment().workingDirectory().relativize(file.toAbsolutePath());
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("new", true);
                document.put("file", shown.toString());
                context.jsonOutput().write(document);
            } else {
                context.text().line("Created @|bold " + TextOutput.escape(shown.toString()) + "|@");
            }
            return DONE;
        }
    }
}
