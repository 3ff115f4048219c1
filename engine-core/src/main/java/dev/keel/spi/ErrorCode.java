package dev.keel.spi;

import java.util.Locale;

/**
 * Every error Keel reports, with its stable code ({@code KEEL-E0301}), the exit class it maps to,
 * and an anchor in {@code docs/error-codes.md}. Codes never change meaning once released;
 * new ones are appended.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum ErrorCode {
    // 01xx: configuration and usage
    CONFIG_INVALID("E0101", ExitClass.USAGE),
    CONFIG_UNKNOWN_KEY("E0102", ExitClass.USAGE),
    URL_UNSUPPORTED("E0103", ExitClass.USAGE),
    OPTION_INVALID("E0104", ExitClass.USAGE),
    MIGRATIONS_LOCATION_MISSING("E0105", ExitClass.USAGE),
    ENV_VARIABLE_MISSING("E0106", ExitClass.USAGE),
    CONFIG_FILE_MISSING("E0107", ExitClass.USAGE),
    /** {@code rules:} in keel.yaml names a rule, pack or rule parameter that no rule provider offers. */
    RULE_UNKNOWN("E0108", ExitClass.USAGE),
    // 02xx: migration files
    FILE_NAME_INVALID("E0201", ExitClass.VALIDATION),
    FILE_UNREADABLE("E0202", ExitClass.VALIDATION),
    FILE_ENCODING_INVALID("E0203", ExitClass.VALIDATION),
    FILE_TOO_LARGE("E0204", ExitClass.VALIDATION),
    UNTERMINATED_QUOTE("E0205", ExitClass.VALIDATION),
    UNTERMINATED_COMMENT("E0206", ExitClass.VALIDATION),
    DIRECTIVE_UNKNOWN("E0207", ExitClass.VALIDATION),
    PATH_ESCAPES_FOLDER("E0208", ExitClass.VALIDATION),
    VERSION_DUPLICATE("E0209", ExitClass.VALIDATION),
    MARKER_INVALID("E0210", ExitClass.VALIDATION),
    DIRECTIVE_INVALID("E0211", ExitClass.VALIDATION),
    DOWN_DUPLICATE("E0212", ExitClass.VALIDATION),
    DOWN_WITHOUT_UP("E0213", ExitClass.VALIDATION),
    UNTERMINATED_BLOCK("E0214", ExitClass.VALIDATION),
    UP_SECTION_EMPTY("E0215", ExitClass.VALIDATION),
    STATEMENT_UNSUPPORTED("E0216", ExitClass.VALIDATION),
    /** A lint finding of severity error in a pending migration: migrate and validate stop before anything runs. */
    LINT_ERROR("E0217", ExitClass.VALIDATION),
    // 03xx: files against history
    APPLIED_MODIFIED("E0301", ExitClass.VALIDATION),
    APPLIED_MISSING("E0302", ExitClass.VALIDATION),
    APPLIED_RENAMED("E0303", ExitClass.VALIDATION),
    OUT_OF_ORDER("E0304", ExitClass.VALIDATION),
    FAILED_ATTEMPT("E0305", ExitClass.VALIDATION),
    PARTIAL_ATTEMPT("E0306", ExitClass.VALIDATION),
    TARGET_UNKNOWN("E0307", ExitClass.USAGE),
    BASELINE_NOT_EMPTY("E0308", ExitClass.VALIDATION),
    PARTIAL_STATEMENTS_CHANGED("E0309", ExitClass.VALIDATION),
    // 04xx: refusals
    CONFIRMATION_REQUIRED("E0401", ExitClass.REFUSED),
    // 05xx: locks
    LOCK_TIMEOUT("E0501", ExitClass.LOCK_TIMEOUT),
    // 06xx: execution
    MIGRATION_FAILED("E0601", ExitClass.FAILED_RESTORED),
    MIGRATION_PARTIAL("E0602", ExitClass.FAILED_UNRESTORED),
    TRANSACTION_REQUIRED("E0603", ExitClass.VALIDATION),
    // 07xx: plugins
    PROVIDER_DUPLICATE_ID("E0701", ExitClass.USAGE),
    PLUGIN_JAR_EMPTY("E0702", ExitClass.USAGE),
    PROVIDER_RESERVED_ID("E0703", ExitClass.USAGE),
    PLUGIN_LOAD_FAILED("E0704", ExitClass.USAGE),
    /** Two rules, from the same or different providers, use the same rule id. */
    RULE_DUPLICATE_ID("E0705", ExitClass.USAGE),
    // 08xx: database
    DATABASE_UNREACHABLE("E0801", ExitClass.USAGE),
    DATABASE_ERROR("E0802", ExitClass.FAILED_UNRESTORED),
    HISTORY_TABLE_INVALID("E0803", ExitClass.USAGE),
    // 09xx: the local workspace
    WORKSPACE_UNWRITABLE("E0901", ExitClass.USAGE),
    /** The journal of an interrupted run could not be read or finished; manual action is needed. */
    RECOVERY_FAILED("E0902", ExitClass.FAILED_UNRESTORED),
    /** A post-migration hook failed after the migrations were applied. */
    HOOK_FAILED("E0903", ExitClass.FAILED_UNRESTORED),
    // 10xx: snapshots
    SNAPSHOT_STRATEGY_UNKNOWN("E1001", ExitClass.USAGE),
    SNAPSHOT_UNAVAILABLE("E1002", ExitClass.USAGE),
    SNAPSHOT_NO_SPACE("E1003", ExitClass.USAGE),
    SNAPSHOT_TAKE_FAILED("E1004", ExitClass.FAILED_RESTORED),
    SNAPSHOT_RESTORE_FAILED("E1005", ExitClass.FAILED_UNRESTORED),
    SNAPSHOT_NOT_FOUND("E1006", ExitClass.USAGE),
    SNAPSHOT_VERIFY_FAILED("E1007", ExitClass.FAILED_UNRESTORED),
    SNAPSHOT_SESSION_STATE("E1008", ExitClass.USAGE),
    /** A strategy stopped the database for a snapshot and could not start it again. */
    SNAPSHOT_SERVER_DOWN("E1009", ExitClass.FAILED_UNRESTORED),
    // 11xx: rollback
    ROLLBACK_DOWN_MISSING("E1101", ExitClass.VALIDATION),
    ROLLBACK_IRREVERSIBLE("E1102", ExitClass.VALIDATION),
    ROLLBACK_DOWN_UNPARSABLE("E1103", ExitClass.VALIDATION),
    ROLLBACK_WINDOW_PASSED("E1104", ExitClass.VALIDATION),
    ROLLBACK_TARGET_INVALID("E1105", ExitClass.USAGE),
    ROLLBACK_BLOCKED("E1106", ExitClass.VALIDATION),
    ROLLBACK_FAILED("E1107", ExitClass.FAILED_RESTORED),
    ROLLBACK_PARTIAL("E1108", ExitClass.FAILED_UNRESTORED);

    private final String number;
    private final ExitClass exitClass;

    ErrorCode(String number, ExitClass exitClass) {
        this.number = number;
        this.exitClass = exitClass;
    }

    /** The stable code, e.g. {@code KEEL-E0301}. */
    public String code() {
        return "KEEL-" + number;
    }

    /** How the CLI exits when this is the first problem. */
    public ExitClass exitClass() {
        return exitClass;
    }

    /** The anchor in the error-code reference, e.g. {@code docs/error-codes.md#keel-e0301}. */
    public String docsAnchor() {
        return "docs/error-codes.md#" + code().toLowerCase(Locale.ROOT);
    }
}
