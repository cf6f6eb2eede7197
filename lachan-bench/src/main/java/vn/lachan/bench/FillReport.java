package vn.lachan.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Holds what {@code --fill} measured on the filled store, and prints it as a table or JSON.
 *
 * @param command the command line
 * @param machine where it ran
 * @param events the events the store holds
 * @param partitions the partitions they fall into
 * @param sealedPartitions how many of them are sealed (merged, with a manifest)
 * @param sealSeconds how long this run took to seal them, 0 when it sealed none
 * @param diskBytes the data folder's size
 * @param rawBytes the raw NDJSON of every event written into it, over every run that filled it
 * @param heapOpenMb heap in use after full collections, the store open, before the queries
 * @param heapQueriedMb the same after the queries
 * @param heapRequeriedMb the same after a second round of the same queries (untimed): equal to {@code
 *     heapQueriedMb} within noise when searches keep nothing per query beyond Lucene's bounded caches
 * @param loadBefore the one-minute load average before the queries
 * @param loadAfter the one-minute load average after them
 * @param replays the replays this run wrote (none when the store was full already)
 * @param latencies the query latencies
 */
record FillReport(
        String command,
        Machine machine,
        long events,
        int partitions,
        int sealedPartitions,
        double sealSeconds,
        long diskBytes,
        long rawBytes,
        double heapOpenMb,
        double heapQueriedMb,
        double heapRequeriedMb,
        double loadBefore,
        double loadAfter,
        List<PassResult> replays,
        List<StoreQueries.Latency> latencies) {
    /** The store size the query targets name. */
    static final long TARGET_EVENTS = 10_000_000;

    FillReport {
        replays = List.copyOf(replays);
        latencies = List.copyOf(latencies);
    }

    /** Returns the data folder's size as a share of the raw NDJSON, or NaN before any raw byte was counted. */
    double diskShare() {
        return rawBytes == 0 ? Double.NaN : (double) diskBytes / rawBytes;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        row(
                out,
                "machine",
                "%s, %d cores, %s, max heap %d MiB, %s",
                machine.cpu(),
                machine.cores(),
                machine.jvm(),
                machine.maxHeapMb(),
                machine.gc());
        row(
                out,
                "stored events",
                "%,d in %d partitions, %d sealed (sealing took %.1f s)",
                events,
                partitions,
                sealedPartitions,
                sealSeconds);
        row(
                out,
                "disk / raw NDJSON",
                "%,.1f MiB / %,.1f MiB = %.1f%% (target <= %.0f%%: %s, %.2fx the budget)",
                diskBytes / 1048576.0,
                rawBytes / 1048576.0,
                100 * diskShare(),
                100 * StoreReport.TARGET_DISK_SHARE,
                diskShare() <= StoreReport.TARGET_DISK_SHARE ? "met" : "MISSED",
                diskShare() / StoreReport.TARGET_DISK_SHARE);
        row(
                out,
                "heap in use after full GCs, store open: before, after the queries, after them again",
                "%.1f MiB, %.1f MiB, %.1f MiB",
                heapOpenMb,
                heapQueriedMb,
                heapRequeriedMb);
        row(out, "load average (1 min) before, after the queries", "%.2f, %.2f", loadBefore, loadAfter);
        for (StoreQueries.Latency q : latencies) {
            row(out, q.name(), "%s", q.figures(events >= TARGET_EVENTS));
        }
        return out.toString();
    }

    String json() {
        String replayText = replays.stream().map(StoreReport::pass).collect(Collectors.joining(",\n    "));
        String queryText = latencies.stream().map(StoreQueries.Latency::json).collect(Collectors.joining(",\n    "));
        return String.format(
                Locale.ROOT,
                """
                {
                  "command": %s,
                  "machine": %s,
                  "store": {"events": %d, "partitions": %d, "sealedPartitions": %d, "sealSeconds": %.1f, "diskBytes": %d, "rawBytes": %d, "diskShare": %.4f, \
                "heapOpenMb": %.2f, "heapQueriedMb": %.2f, "heapRequeriedMb": %.2f, "loadBefore": %.2f, "loadAfter": %.2f},
                  "targets": {"diskShare": %b, "queryTargetsApply": %b},
                  "replays": [
                    %s
                  ],
                  "queries": [
                    %s
                  ]
                }
                """,
                ReportJson.quote(command),
                ReportJson.machine(machine),
                events,
                partitions,
                sealedPartitions,
                sealSeconds,
                diskBytes,
                rawBytes,
                rawBytes == 0 ? 0.0 : diskShare(),
                heapOpenMb,
                heapQueriedMb,
                heapRequeriedMb,
                loadBefore,
                loadAfter,
                diskShare() <= StoreReport.TARGET_DISK_SHARE,
                events >= TARGET_EVENTS,
                replayText,
                queryText);
    }

    private static void row(StringBuilder out, String label, String format, Object... args) {
        out.append(String.format(Locale.ROOT, "%-72s %s%n", label, String.format(Locale.ROOT, format, args)));
    }
}
