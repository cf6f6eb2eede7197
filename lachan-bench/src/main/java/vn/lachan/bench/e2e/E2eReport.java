package vn.lachan.bench.e2e;

import java.util.List;
import java.util.Optional;

/**
 * The end-to-end run: where and on what it ran, the capacity found, every phase, and the verdict on each
 * of issue 3's targets.
 *
 * @param command the harness's arguments
 * @param commit the measured tree's commit, with {@code +dirty} when files differed from it
 * @param machine CPU, cores and JVM
 * @param started when the run started (ISO-8601)
 * @param capacity the capacity the latency and burst phases were sized from, events/s (0: none)
 * @param phases every phase, in the order run
 * @param targets one verdict per target
 */
record E2eReport(
        String command,
        String commit,
        String machine,
        String started,
        double capacity,
        List<PhaseReport> phases,
        List<Verdict> targets) {

    static final double TARGET_RATE = 50_000;
    static final double TARGET_P99_MS = 1000;
    static final long TARGET_HEAP_MIB = 2048;

    /** One target: what the issue asks, what was measured, and whether it was met ("met", "missed", "not run"). */
    record Verdict(String target, String measured, String verdict) {}

    /** Returns the first phase named {@code name}. */
    Optional<PhaseReport> phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    static List<Verdict> judge(List<PhaseReport> phases, double capacity) {
        return List.of(sustained(phases), latency(phases, capacity), burst(phases), heap(phases));
    }

    private static Verdict sustained(List<PhaseReport> phases) {
        String target = "sustained >= 50,000 events/s stored, zero loss";
        return phases.stream()
                .filter(p -> p.name().equals("sustained"))
                .findFirst()
                .map(p -> new Verdict(
                        target,
                        String.format(
                                java.util.Locale.ROOT,
                                "%,.0f events/s stored while sending at %,.0f; lost %,d%s",
                                p.store().storedRateWhileSending(),
                                p.targetRate(),
                                p.store().lost(),
                                p.store().drained() ? "" : " (backlog not drained)"),
                        p.store().storedRateWhileSending() >= TARGET_RATE
                                        && p.store().lost() == 0
                                        && p.store().drained()
                                ? "met"
                                : "missed"))
                .orElse(new Verdict(target, "", "not run"));
    }

    private static Verdict latency(List<PhaseReport> phases, double capacity) {
        String target = "p99 receipt -> alert < 1 s at half the capacity";
        return phases.stream()
                .filter(p -> p.name().equals("latency") && Math.abs(p.targetRate() - capacity / 2) < 1)
                .findFirst()
                .map(p -> new Verdict(
                        target,
                        String.format(
                                java.util.Locale.ROOT,
                                "p99 %.0f ms (probe due -> alert on the stream, %d probes) at %,.0f events/s",
                                p.latency().dueToAlert().p99Ms(),
                                p.latency().dueToAlert().count(),
                                p.targetRate()),
                        p.latency().dueToAlert().p99Ms() < TARGET_P99_MS
                                        && p.latency().probesAlerted()
                                                == p.latency().probesSent()
                                ? "met"
                                : "missed"))
                .orElse(new Verdict(target, "", "not run"));
    }

    private static Verdict burst(List<PhaseReport> phases) {
        String target = "10x capacity for 60 s: nothing acknowledged lost, backlog drains";
        return phases.stream()
                .filter(p -> p.name().equals("burst"))
                .findFirst()
                .map(p -> new Verdict(
                        target,
                        String.format(
                                java.util.Locale.ROOT,
                                "%,d acknowledged, lost %,d, drained in %.0f s, %,d answers 429",
                                p.sending().acknowledged(),
                                p.store().lost(),
                                p.store().drainSeconds(),
                                p.sending().refusals()),
                        p.store().lost() == 0 && p.store().drained() ? "met" : "missed"))
                .orElse(new Verdict(target, "", "not run"));
    }

    private static Verdict heap(List<PhaseReport> phases) {
        long peak =
                phases.stream().mapToLong(p -> p.server().heapPeakMib()).max().orElse(0);
        long rss = phases.stream().mapToLong(p -> p.server().rssPeakMib()).max().orElse(0);
        boolean clean = phases.stream()
                .allMatch(p -> ServerProcess.stoppedCleanly(p.server().exitCode()));
        return new Verdict(
                "server heap <= 2 GB under load",
                String.format(
                        java.util.Locale.ROOT,
                        "heap peak %,d MiB (-Xmx2g), RSS peak %,d MiB%s",
                        peak,
                        rss,
                        clean ? "" : "; a server did not exit cleanly"),
                phases.isEmpty() ? "not run" : peak <= TARGET_HEAP_MIB && clean ? "met" : "missed");
    }
}
