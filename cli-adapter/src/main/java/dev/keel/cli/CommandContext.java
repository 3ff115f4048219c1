package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.KeelBuilder;
import dev.keel.bootstrap.config.SettingKey;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/** What a command needs: the environment, the global options, a way to open Keel, and the output style. */
final class CommandContext {

    private final CliEnvironment environment;
    private final GlobalOptions global;
    private final RunEvents events;

    CommandContext(CliEnvironment environment, GlobalOptions global, RunEvents events) {
        this.environment = environment;
        this.global = global;
        this.events = events;
    }

    CliEnvironment environment() {
        return environment;
    }

    boolean json() {
        return global.json;
    }

    boolean verbose() {
        return global.verbose;
    }

    /** Colours only on a terminal, never with {@code --no-color}, {@code NO_COLOR} or {@code --json}. */
    Ansi ansi() {
        return global.ansi(environment);
    }

    /** Stdout for people; an open progress line is ended first. */
    TextOutput text() {
        events.finish();
        return new TextOutput(environment.out(), ansi());
    }

    /** Stdout for the one JSON document, which gets the run's {@code events} when there were any. */
    JsonOutput jsonOutput() {
        return new JsonOutput(environment.out(), events::recorded);
    }

    /** The engine events of this invocation. */
    RunEvents events() {
        return events;
    }

    /** Opens Keel with keel.yaml, {@code KEEL_*} variables and the flags, in increasing precedence. */
    Keel openKeel() {
        Map<String, String> variables = environment.variables();
        KeelBuilder builder = Keel.configure()
                .environmentVariables(variables)
                .workingDirectory(environment.workingDirectory());
        if (global.config != null) {
            builder.configFile(environment.workingDirectory().resolve(global.config));
        } else {
            builder.configFileIfPresent(environment.workingDirectory().resolve(Path.of("keel.yaml")));
        }
        if (global.url != null) {
            builder.set(SettingKey.URL, global.url, "--url");
        }
        if (global.user != null) {
            builder.set(SettingKey.USER, global.user, "--user");
        }
        if (global.passwordVariable != null) {
            String password = variables.get(global.passwordVariable);
            if (password == null) {
                throw KeelException.of(ErrorCode.ENV_VARIABLE_MISSING,
                        "--password-env names " + global.passwordVariable + ", which is not set.",
                        "Export " + global.passwordVariable + " with the password before running Keel.");
            }
            builder.set(SettingKey.PASSWORD, password, "--password-env " + global.passwordVariable);
        }
        if (global.migrations != null && !global.migrations.isEmpty()) {
            builder.set(SettingKey.MIGRATIONS, String.join(",", global.migrations), "--migrations");
        }
        if (global.environment != null) {
            builder.set(SettingKey.ENVIRONMENT, global.environment, "--env");
        }
        if (global.lockTimeout != null) {
            builder.set(SettingKey.LOCK_TIMEOUT, global.lockTimeout, "--lock-timeout");
        }
        builder.listener(events); // progress for people (stderr with --json) and the document's events
        return builder.build();
    }
}
