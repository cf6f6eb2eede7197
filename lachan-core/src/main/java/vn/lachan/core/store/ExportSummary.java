package vn.lachan.core.store;

import java.util.List;
import vn.lachan.core.problem.Problem;

/**
 * Tells what an export wrote.
 *
 * @param events how many events were written
 * @param errors why the export was refused (nothing written), as for a search
 * @param warnings what made it partial, such as a damaged partition left out
 */
public record ExportSummary(long events, List<Problem> errors, List<Problem> warnings) {
    public ExportSummary {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
