package vn.lachan.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Holds everything the store harness measured, and prints it as a table or JSON.
 *
 * @param machine where it ran
 * @param options the command line
 * @param passes every pass, in the order run
 * @param disk the store's size on disk against the raw NDJSON
 * @param heapBaselineMb heap in use after full collections before the first pass
 * @param heapRetainedMb heap in use after full collections at the end, the filled store open and queried
 * @param latencies the query latencies on the filled store
 */
record StoreReport(
        Machine machine,
        StoreOptions options,
        List<PassResult> passes,
        Disk disk,
        double heapBaselineMb,
        double heapRetainedMb,
        List<StoreQueries.Latency> latencies) {
    /** The indexing target, in OTRF events per second on this 2-core machine. */
    static final double TARGET_RATE = 100_000;

    /** The disk target: the store at most this share of the raw NDJSON. */
    static final double TARGET_DISK_SHARE = 0.40;

    /**
     * Holds the store's size on disk.
     *
     * @param rawBytes the events' original text as NDJSON, in bytes
     * @param openBytes the data folder after the last write
     * @param sealedBytes the data folder after every partition was sealed (merged)
     * @param partitions the partitions the events fell into
     */
    record Disk(long rawBytes, long openBytes, long sealedBytes, int partitions) {
        double openShare() {
            return (double) openBytes / rawBytes;
        }

        double sealedShare() {
            return (double) sealedBytes / rawBytes;
        }
    }

    double medianRate(StorePhase phase) {
        return median(passes.stream()
                .filter(p -> p.phase() == phase)
                .mapToDouble(PassResult::eventsPerSecond)
                .toArray());
    }

    double medianCpu(StorePhase phase) {
        return median(passes.stream()
                .filter(p -> p.phase() == phase)
                .mapToDouble(PassResult::cpuMicrosPerEvent)
                .toArray());
    }

    double medianWriteShare() {
        return median(passes.stream()
                .filter(p -> p.phase() == StorePhase.WITH_STORE)
                .mapToDouble(PassResult::writeShare)
                .toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        line(
                out,
                "machine",
                "%s, %d cores, %s, max heap %d MiB, %s",
                machine.cpu(),
                machine.cores(),
                machine.jvm(),
                machine.maxHeapMb(),
                machine.gc());
        double read = medianRate(StorePhase.READ_ONLY);
        double store = medianRate(StorePhase.WITH_STORE);
        line(out, "store mode", "%s", StorePass.mode(options.rebuild()));
        line(out, "A read+parse+normalize", "%,.0f events/s (median of %d)", read, options.rounds());
        line(
                out,
                "B the same + store.write",
                "%,.0f events/s (target >= %,.0f: %s)",
                store,
                TARGET_RATE,
                store >= TARGET_RATE
                        ? "met"
                        : "missed, " + String.format(Locale.ROOT, "%.2fx short", TARGET_RATE / store));
        line(out, "ratio B/A", "%.3f", store / read);
        double cpuA = medianCpu(StorePhase.READ_ONLY);
        double cpuB = medianCpu(StorePhase.WITH_STORE);
        line(
                out,
                "process CPU per event: A, B, B - A (the store's own cost)",
                "%.1f us, %.1f us, %.1f us",
                cpuA,
                cpuB,
                cpuB - cpuA);
        line(out, "store.write share of B", "%.1f%%", 100 * medianWriteShare());
        line(
                out,
                "raw NDJSON",
                "%,d bytes (%,.1f MiB), %d partitions",
                disk.rawBytes(),
                disk.rawBytes() / 1048576.0,
                disk.partitions());
        line(out, "store open", "%,.1f MiB = %.1f%% of raw", disk.openBytes() / 1048576.0, 100 * disk.openShare());
        line(
                out,
                "store sealed",
                "%,.1f MiB = %.1f%% of raw (target <= %.0f%%: %s)",
                disk.sealedBytes() / 1048576.0,
                100 * disk.sealedShare(),
                100 * TARGET_DISK_SHARE,
                disk.sealedShare() <= TARGET_DISK_SHARE ? "met" : "missed");
        line(
                out,
                "heap in use after full GCs, filled store open",
                "%.1f MiB (before the run %.1f MiB)",
                heapRetainedMb,
                heapBaselineMb);
        for (StoreQueries.Latency q : latencies) {
            line(out, q.name(), "%s", q.figures(false));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String format, Object... args) {
        out.append(String.format(Locale.ROOT, "%-72s %s%n", label, String.format(Locale.ROOT, format, args)));
    }

    String json(String command) {
        String passText = passes.stream().map(StoreReport::pass).collect(Collectors.joining(",\n    "));
        String queryText = latencies.stream().map(StoreQueries.Latency::json).collect(Collectors.joining(",\n    "));
        return String.format(
                Locale.ROOT,
                """
                {
                  "command": %s,
                  "machine": %s,
                  "summary": {"readOnlyEventsPerSecond": %.1f, "withStoreEventsPerSecond": %.1f, "ratio": %.4f, \
                "writeShare": %.4f, "cpuMicrosPerEventA": %.2f, "cpuMicrosPerEventB": %.2f, "rawBytes": %d, "openBytes": %d, "sealedBytes": %d, "partitions": %d, \
                "heapBaselineMb": %.2f, "heapRetainedMb": %.2f},
                  "targets": {"withStoreEventsPerSecond": %b, "diskShare": %b},
                  "passes": [
                    %s
                  ],
                  "queries": [
                    %s
                  ]
                }
                """,
                ReportJson.quote(command),
                ReportJson.machine(machine),
                medianRate(StorePhase.READ_ONLY),
                medianRate(StorePhase.WITH_STORE),
                medianRate(StorePhase.WITH_STORE) / medianRate(StorePhase.READ_ONLY),
                medianWriteShare(),
                medianCpu(StorePhase.READ_ONLY),
                medianCpu(StorePhase.WITH_STORE),
                disk.rawBytes(),
                disk.openBytes(),
                disk.sealedBytes(),
                disk.partitions(),
                heapBaselineMb,
                heapRetainedMb,
                medianRate(StorePhase.WITH_STORE) >= TARGET_RATE,
                disk.sealedShare() <= TARGET_DISK_SHARE,
                passText,
                queryText);
    }

    /** Returns one pass as a JSON object. */
    static String pass(PassResult p) {
        return String.format(
                Locale.ROOT,
                "{\"round\": %d, \"phase\": %s, \"events\": %d, \"rejected\": %d, \"problems\": %d, \"rawBytes\": %d, "
                        + "\"seconds\": %.4f, \"eventsPerSecond\": %.1f, \"writeSeconds\": %.4f, \"cpuSeconds\": %.4f, "
                        + "\"loadBefore\": %.2f, \"loadAfter\": %.2f}",
                p.round(),
                ReportJson.quote(p.phase().label()),
                p.events(),
                p.rejected(),
                p.problems(),
                p.rawBytes(),
                p.seconds(),
                p.eventsPerSecond(),
                p.writeNanos() / 1e9,
                p.cpuNanos() / 1e9,
                p.loadBefore(),
                p.loadAfter());
    }
}
