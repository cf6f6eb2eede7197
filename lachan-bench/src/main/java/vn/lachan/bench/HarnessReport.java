package vn.lachan.bench;

import java.util.List;
import java.util.Locale;
import vn.lachan.bench.corpus.CompiledRules;

/**
 * Holds everything one harness run measured and writes it as a table or as JSON.
 *
 * @param machine where it ran
 * @param options how it was asked to run
 * @param rules the compiled rule set and its cost
 * @param rulesRunning rules the engine runs (detections compiled plus correlations)
 * @param compileProblems problems the engine found while compiling (rules it left out, warnings)
 * @param passes every pass, warm-up ones included (round 0)
 * @param heapAfterRunBytes heap retained by the engine after every pass (settled heap then, minus before loading)
 */
record HarnessReport(
        Machine machine,
        HarnessOptions options,
        CompiledRules rules,
        int rulesRunning,
        int compileProblems,
        List<PhaseResult> passes,
        long heapAfterRunBytes) {
    static final double TARGET_RATE = 100_000;
    static final double TARGET_RATIO = 0.5;
    static final double TARGET_COMPILE_SECONDS = 2;
    static final double TARGET_HEAP_MB = 256;

    HarnessReport {
        passes = List.copyOf(passes);
    }

    List<PhaseResult> measured() {
        return passes.stream().filter(p -> p.round() > 0).toList();
    }

    Summary summary() {
        return Summary.of(measured());
    }

    double heapMb() {
        return rules.retainedHeapBytes() / (1024.0 * 1024.0);
    }

    double heapAfterRunMb() {
        return heapAfterRunBytes / (1024.0 * 1024.0);
    }

    /** Returns the larger of the heap retained after compiling and after the run: what the target applies to. */
    double peakHeapMb() {
        return Math.max(heapMb(), heapAfterRunMb());
    }

    String table() {
        Summary s = summary();
        StringBuilder out = new StringBuilder();
        line(out, "machine     %s, %d cores available; %s", machine.cpu(), machine.cores(), machine.os());
        line(out, "jvm         %s; max heap %d MB; GC %s", machine.jvm(), machine.maxHeapMb(), machine.gc());
        line(
                out,
                "rules       %d documents loaded, %d rejected, %d warnings; engine runs %d rules (%d compile problems)",
                rules.documentsLoaded(),
                rules.rejected().size(),
                rules.warnings().size(),
                rulesRunning,
                compileProblems);
        line(
                out,
                "compile     load %.3f s + compile %.3f s = %.3f s; retained heap %.1f MB (%.1f MB after the run)",
                rules.loadSeconds(),
                rules.compileSeconds(),
                rules.totalSeconds(),
                heapMb(),
                heapAfterRunMb());
        line(out, "");
        line(
                out,
                "%-6s %-11s %10s %9s %12s %9s %8s %6s %11s",
                "round",
                "phase",
                "events",
                "seconds",
                "events/s",
                "alerts",
                "problems",
                "skipped",
                "load 1m");
        for (PhaseResult p : passes) {
            line(
                    out,
                    "%-6s %-11s %,10d %9.3f %,12.0f %,9d %,8d %6d %5.2f→%-5.2f",
                    p.round() == 0 ? "warm" : p.round(),
                    p.phase().label(),
                    p.events(),
                    p.seconds(),
                    p.eventsPerSecond(),
                    p.alerts(),
                    p.problems(),
                    p.skipped(),
                    p.loadBefore(),
                    p.loadAfter());
        }
        line(out, "");
        line(out, "median parse-only  %,12.0f events/s", s.parseOnlyRate());
        line(
                out,
                "median with rules  %,12.0f events/s   target >= %,.0f: %s",
                s.withRulesRate(),
                TARGET_RATE,
                verdict(s.withRulesRate() >= TARGET_RATE));
        line(
                out,
                "median ratio B/A   %12.3f            target >= %.2f: %s",
                s.ratio(),
                TARGET_RATIO,
                verdict(s.ratio() >= TARGET_RATIO));
        line(
                out,
                "rules cost         %12.0f ns/event (median of with-rules minus parse-only time)",
                s.nsPerEventForRules());
        line(
                out,
                "compile            %12.3f s            target < %.0f s: %s",
                rules.totalSeconds(),
                TARGET_COMPILE_SECONDS,
                verdict(rules.totalSeconds() < TARGET_COMPILE_SECONDS));
        line(
                out,
                "retained heap      %12.1f MB           target < %.0f MB: %s (after compiling and after the run)",
                peakHeapMb(),
                TARGET_HEAP_MB,
                verdict(peakHeapMb() < TARGET_HEAP_MB));
        line(out, "alerts per pass    %,12d%s", s.alerts(), s.consistent() ? "" : "   (PASSES DIFFER: see the table)");
        return out.toString();
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
