package dev.keel.spi;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one unchecked exception Keel throws for anything a user can act on. It carries one or more
 * {@link Problem}s (validation collects all of them before failing) and the {@link ExitClass}
 * of the first one's error code, unless the thrower says otherwise.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class KeelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final ExitClass exitClass;

    public KeelException(Problem problem) {
        this(List.of(problem), problem.code().exitClass(), null);
    }

    public KeelException(Problem problem, Throwable cause) {
        this(List.of(problem), problem.code().exitClass(), cause);
    }

    public KeelException(List<Problem> problems) {
        this(problems, problems.get(0).code().exitClass(), null);
    }

    public KeelException(List<Problem> problems, ExitClass exitClass, Throwable cause) {
        super(message(problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a KeelException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.exitClass = Objects.requireNonNull(exitClass, "exitClass");
    }

    /** Shortcut for a problem without a place. */
    public static KeelException of(ErrorCode code, String what, String fix) {
        return new KeelException(Problem.of(code, what, fix));
    }

    /** Shortcut for a problem at a place. */
    public static KeelException at(ErrorCode code, Location where, String what, String fix) {
        return new KeelException(Problem.at(code, where, what, fix));
    }

    /** Every problem, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's code. */
    public ErrorCode code() {
        return problems.get(0).code();
    }

    /** What the CLI turns into an exit code. */
    public ExitClass exitClass() {
        return exitClass;
    }

    private static String message(List<Problem> problems) {
        return problems.stream().map(Problem::summary).collect(Collectors.joining("; "));
    }
}
