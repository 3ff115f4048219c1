package dev.keel.spi.migration;

import dev.keel.spi.Api;
import dev.keel.spi.Problem;
import java.util.List;

/** Every problem found in the files and against history; empty when a {@code migrate} may run. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ValidationReport(int files, int applied, int pending, List<Problem> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    /** Whether nothing stands in the way. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
