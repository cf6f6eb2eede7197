package vn.lachan.app.hunt;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import vn.lachan.core.problem.Problem;

/**
 * Prints problems in the input to standard error, the first {@value #SHOWN} in full, and keeps
 * those for the statistics file; the rest are counted so that a badly broken file cannot flood the
 * terminal. Called from one thread at a time.
 */
final class ProblemLog {
    static final int SHOWN = 50;

    private final PrintStream err;
    private final List<Problem> shown = new ArrayList<>();
    private long total;

    ProblemLog(PrintStream err) {
        this.err = err;
    }

    void report(Problem problem) {
        total++;
        if (shown.size() < SHOWN) {
            shown.add(problem);
            err.println("lachan: " + problem);
        }
    }

    List<Problem> shown() {
        return List.copyOf(shown);
    }

    /** Returns how many problems were reported, shown or not. */
    long total() {
        return total;
    }
}
