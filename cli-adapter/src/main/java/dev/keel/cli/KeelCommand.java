package dev.keel.cli;

import java.util.concurrent.Callable;

/** Base of the subcommands: each gets the invocation's context and returns its exit code. */
abstract class KeelCommand implements Callable<Integer> {

    /** Exit code of a command that did what was asked. */
    static final int DONE = 0;

    final CommandContext context;

    KeelCommand(CommandContext context) {
        this.context = context;
    }
}
