package dev.keel.testkit;

import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.SqlObject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What happened when one {@link RuleTester} case ran: the rule checked every statement, or it could not. */
sealed interface CaseOutcome {

    /** Why the case could not be checked, when it could not. */
    Optional<String> problem();

    /** The exception behind {@link #problem()}, when there is one. */
    Optional<Throwable> cause();

    /**
     * The rule checked every statement of the migration.
     *
     * @param context  the migration as the rule saw it
     * @param findings everything the rule reported, in statement order
     */
    record Checked(MigrationContext context, List<StatementFinding> findings) implements CaseOutcome {

        @Override
        public Optional<String> problem() {
            return Optional.empty();
        }

        @Override
        public Optional<Throwable> cause() {
            return Optional.empty();
        }

        /** Each statement as the rule saw it: place, kind, tables, text; for a case that expected a finding. */
        String statementsSeen() {
            if (context.statements().isEmpty()) {
                return "  the script holds no statement (only comments or blanks?)";
            }
            return context.statements().stream()
                    .map(s -> "    " + place(s) + "  " + s.kind() + (s.lexicalFallback() ? " (lexical fallback)" : "")
                            + tables(s))
                    .collect(Collectors.joining("\n", "  statements as the rule saw them:\n", ""));
        }

        private static String tables(ParsedStatement statement) {
            List<String> tables = statement.names(SqlObject.Type.TABLE);
            return tables.isEmpty() ? "" : "  tables " + tables;
        }
    }

    /**
     * The script is not a valid migration (a bad directive, an unterminated quote, …): the engine would refuse it too.
     *
     * @param error what the reader or splitter reported
     */
    record InvalidScript(KeelException error) implements CaseOutcome {

        @Override
        public Optional<String> problem() {
            return Optional.of(error.problems().stream().map(Problem::summary)
                    .collect(Collectors.joining("\n    ", "the script is not a valid migration:\n    ", "")));
        }

        @Override
        public Optional<Throwable> cause() {
            return Optional.of(error);
        }
    }

    /**
     * The rule threw on a statement instead of returning findings (the engine turns that into a finding saying
     * the statement was not checked).
     *
     * @param statement the statement it threw on
     * @param error     what it threw
     */
    record RuleThrew(ParsedStatement statement, RuntimeException error) implements CaseOutcome {

        @Override
        public Optional<String> problem() {
            return Optional.of("the rule threw on " + place(statement) + ": " + error
                    + " (stack trace attached as a suppressed exception)");
        }

        @Override
        public Optional<Throwable> cause() {
            return Optional.of(error);
        }
    }

    /** A statement's place and text for messages: {@code statement #0 (line 1, col 1) `CREATE TABLE t …`}. */
    static String place(ParsedStatement statement) {
        return "statement #" + statement.index() + " (line " + statement.line() + ", col " + statement.column() + ") `"
                + statement.excerpt() + "`";
    }
}
