package dev.keel.bootstrap;

import dev.keel.bootstrap.protect.AuditLog;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Risk;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The confirmation gate of SPEC §5, shared by {@code migrate} and {@code rollback}: a run whose risk reaches the
 * environment's threshold ({@code confirmAt}) goes ahead only when a person accepted it; the decision, accepted or
 * refused, is written to the audit log with what was accepted. Checked before any snapshot, lock or change.
 */
final class RiskGate {

    private final Risk threshold;
    private final String environment;
    private final Supplier<AuditLog> audit;

    /**
     * @param threshold   the environment's {@code confirmAt}
     * @param environment the environment's name, for messages
     * @param audit       the audit log, opened only when a decision is recorded
     */
    RiskGate(Risk threshold, String environment, Supplier<AuditLog> audit) {
        this.threshold = threshold;
        this.environment = environment;
        this.audit = audit;
    }

    /** Whether a run of this risk needs a confirmation. */
    boolean applies(Risk risk) {
        return risk.compareTo(threshold) >= 0;
    }

    /**
     * Lets a run through, or refuses it.
     *
     * @param command  {@code migrate} or {@code rollback}
     * @param risk     the run's risk
     * @param how      the confirmation given
     * @param summary  what the run does, in words (for the refusal's message)
     * @param accepted what is accepted, for the audit log (e.g. the versions and their risks)
     * @throws KeelException {@code CONFIRMATION_REQUIRED} (exit 4) when the run needs a confirmation it did not get,
     *     or was declined at the terminal
     */
    void pass(String command, Risk risk, Confirmation how, Supplier<String> summary, Map<String, Object> accepted) {
        // A "no" at the terminal refuses whatever the risk: the person was asked.
        if (how != Confirmation.DECLINED && !applies(risk)) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("command", command);
        details.put("risk", risk.label());
        details.put("threshold", threshold.label());
        details.put("by", how.by());
        details.putAll(accepted);
        String gated = "This " + command + " is " + risk.label() + " risk, and environment '" + environment
                + "' asks for confirmation from " + threshold.label() + " risk up: " + summary.get();
        switch (how) {
            case NOT_GIVEN -> {
                audit.get().record("confirmation", "refused", details);
                throw KeelException.of(ErrorCode.CONFIRMATION_REQUIRED,
                        gated + " There is no terminal to ask at (input or output is not a terminal, or --json) and"
                                + " --yes was not given, so nothing was changed.",
                        "Review it with 'keel " + command + " --dry-run …', then run 'keel " + command
                                + "' on a terminal and answer the question, or pass --yes to accept it.");
            }
            case DECLINED -> {
                audit.get().record("confirmation", "refused", details);
                throw KeelException.of(ErrorCode.CONFIRMATION_REQUIRED,
                        gated + " It was not confirmed at the terminal, so nothing was changed.",
                        "Answer 'y' to go ahead, or pass --yes.");
            }
            default -> audit.get().record("confirmation", "accepted", details);
        }
    }
}
