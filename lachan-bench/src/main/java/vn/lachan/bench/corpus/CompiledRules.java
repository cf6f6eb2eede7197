package vn.lachan.bench.corpus;

import java.util.List;
import java.util.Objects;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.SigmaEngine;

/**
 * Holds a compiled rule set with what it cost to build.
 *
 * @param engine the compiled engine
 * @param documentsLoaded rule documents the parser loaded (detections, correlations, filters)
 * @param rejected documents the parser rejected, one problem each
 * @param warnings problems in documents that loaded all the same
 * @param loadSeconds wall time reading and parsing the rule files
 * @param compileSeconds wall time compiling the parsed rules into the engine
 * @param retainedHeapBytes heap in use after full collections with the engine held, minus before it
 * @param heapBeforeBytes heap in use after full collections before the rules were loaded
 */
public record CompiledRules(
        SigmaEngine engine,
        int documentsLoaded,
        List<Problem> rejected,
        List<Problem> warnings,
        double loadSeconds,
        double compileSeconds,
        long retainedHeapBytes,
        long heapBeforeBytes) {
    public CompiledRules {
        Objects.requireNonNull(engine, "engine");
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
        if (documentsLoaded < 0 || loadSeconds < 0 || compileSeconds < 0 || retainedHeapBytes < 0) {
            throw new IllegalArgumentException("counts and times must be >= 0");
        }
    }

    /** Returns the load and compile time together, in seconds. */
    public double totalSeconds() {
        return loadSeconds + compileSeconds;
    }
}
