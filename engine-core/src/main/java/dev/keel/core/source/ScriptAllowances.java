package dev.keel.core.source;

import dev.keel.spi.Problem;
import dev.keel.spi.migration.Allowance;
import dev.keel.spi.migration.MigrationScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code -- keel:allow} directives of one script, as lint needs them: the readable ones, and the malformed ones
 * that lint reports as error findings.
 *
 * @param allowances the readable directives, in file order
 * @param invalid    one problem per directive without a rule id or a reason
 */
public record ScriptAllowances(List<Allowance> allowances, List<Problem> invalid) {

    public ScriptAllowances {
        allowances = List.copyOf(allowances);
        invalid = List.copyOf(invalid);
    }

    /** A script without directives, e.g. a DOWN part. */
    public static ScriptAllowances none() {
        return new ScriptAllowances(List.of(), List.of());
    }

    /** The directives a migration's UP part holds, as the reader found them. */
    public static ScriptAllowances of(MigrationScript script) {
        return new ScriptAllowances(script.allowances(), script.invalidAllowances());
    }

    /**
     * The directives of a SQL file that is not a migration (its name has no version), read like an UP part by the same
     * parser. Problems of other directives are left out: nothing runs such a file, so only its allowances matter.
     *
     * @param text  the file's text
     * @param shown the file as shown to the user
     */
    public static ScriptAllowances read(String text, String shown) {
        int firstCode = CommentScanner.scan(text, 0, text.length(), false).firstCode();
        Directives directives = DirectiveParser.parse(text, CommentLines.scan(text), 0, text.length(), firstCode,
                Direction.UP, shown, new ArrayList<>());
        return new ScriptAllowances(directives.allowances(), directives.invalidAllowances());
    }
}
