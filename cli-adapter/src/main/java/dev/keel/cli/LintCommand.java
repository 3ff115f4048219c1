package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.KeelVersion;
import dev.keel.bootstrap.LintReport;
import dev.keel.bootstrap.LintRequest;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.PolicyReport;
import dev.keel.spi.rule.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keel lint [FILES…]}: checks migrations against the rules without a database; exit 3 on an error finding. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check migration files against the lint rules without a database; exit 3 when a finding is an error.")
final class LintCommand extends KeelCommand {

    /** Exit code when a finding has severity error (SPEC §9: lint errors). */
    static final int LINT_ERRORS = 3;

    /** The report formats (docs/lint-output.md). */
    enum Format { text, compact, json, sarif }

    @Parameters(paramLabel = "FILES", arity = "0..*",
            description = "Migration files to lint (default: every migration of the configured locations).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Report format: text (source line and caret), compact (one line per finding), json or sarif "
                    + "(default: text; json with --json).")
    Format format;

    @Option(names = "--dialect", paramLabel = "DIALECT", description = "Lint for this dialect (sqlite, postgres, mysql); default: the configured URL's dialect. No connection is opened.")
    String dialect;

    @Option(names = "--target-version", paramLabel = "VERSION", description = "Server version the rules assume (e.g. 15, 10.11); default: none (the oldest supported).")
    String targetVersion;

    @Option(names = "--no-cache", description = "Lint every file afresh: neither reuse nor store results in the "
            + "work directory's lint cache (.keel/lint-cache).")
    boolean noCache;

    @Option(names = "--rules", description = "List every rule (id, severity, risk, pack, parameters) as this environment runs it, and lint nothing.")
    boolean listRules;

    @Option(names = "--schema", description = "Check the live database's schema against the schema policies turned on"
            + " in rules.packs (connects to the database) instead of linting files.")
    boolean schema;

    @Option(names = "--fix", description = "With --schema: apply the fixes of the packs named in rules.fix, recorded in"
            + " history like a migration.")
    boolean fix;

    LintCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Format chosen = format != null ? format : context.json() ? Format.json : Format.text;
        Path cwd = context.environment().workingDirectory();
        ShownPaths paths = new ShownPaths(cwd);
        List<Path> resolved = files.stream().map(f -> f.isAbsolute() ? f : cwd.resolve(f).normalize()).toList();
        try (Keel keel = context.openKeel()) {
            if (listRules) {
                return new RuleListing(context).print(keel.rules(), keel.policies(), chosen != Format.text);
            }
            if (schema || fix) {
                return schema(keel, chosen);
            }
            LintReport report = keel.lint(new LintRequest(resolved, Optional.ofNullable(dialect),
                    Optional.ofNullable(targetVersion), !noCache));
            int code = report.hasErrors() ? LINT_ERRORS : DONE;
            switch (chosen) {
                case json -> context.jsonOutput().write(LintJson.document(report, code, paths));
                case sarif -> context.jsonOutput().write(new LintSarif(paths).log(report, KeelVersion.current()));
                case compact -> compact(report, paths);
                default -> text(report, paths);
            }
            return code;
        }
    }

    /** {@code --schema}: the schema policies on the live schema; exit 3 when a remaining finding is an error. */
    private int schema(Keel keel, Format chosen) {
        if (!schema) {
            throw KeelException.of(ErrorCode.OPTION_INVALID, "--fix applies schema-policy fixes and needs --schema.",
                    "Run 'keel lint --schema --fix'.");
        }
        if (chosen == Format.sarif || !files.isEmpty()) {
            throw KeelException.of(ErrorCode.OPTION_INVALID,
                    "--schema checks the live database; it takes no FILES and reports as text, compact or json.",
                    "Run 'keel lint --schema' (add --json for JSON), and lint files in a separate call.");
        }
        PolicyReport report = keel.checkSchema(fix);
        int code = report.hasErrors() ? LINT_ERRORS : DONE;
        switch (chosen) {
            case json -> {
                Map<String, Object> document = JsonOutput.document("lint", code == DONE);
                document.put("exitCode", code);
                document.put("schemaPolicies", PolicyReportJson.report(report));
                context.jsonOutput().write(document);
            }
            case compact -> report.remaining().forEach(f -> context.text().line(PolicyReportText.oneLine(f.finding())));
            default -> PolicyReportText.lines(report).forEach(context.text()::line);
        }
        return code;
    }

    private void compact(LintReport report, ShownPaths paths) {
        TextOutput out = context.text();
        for (Finding f : report.findings()) {
            out.line(FindingText.oneLine(f, paths.shown(f.location().file())));
        }
    }

    private void text(LintReport report, ShownPaths paths) {
        TextOutput out = context.text();
        SourceLines sources = new SourceLines(paths.workingDirectory());
        for (Finding f : report.findings()) {
            FindingText.full(f, paths.shown(f.location().file()), sources.line(f.location().file(), f.location().line()))
                    .forEach(out::line);
            out.plain("");
        }
        long errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        out.plain(report.files().size() + " file(s), " + report.findings().size() + " finding(s), " + errors
                + " error(s)" + (report.accepted().isEmpty() ? "" : ", " + report.accepted().size()
                + " accepted by keel:allow") + "; highest risk: " + report.risk().label() + ".");
    }
}
