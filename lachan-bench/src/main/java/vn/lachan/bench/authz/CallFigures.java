package vn.lachan.bench.authz;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What one caller's loop of one call measured, the numerator and the denominators from the same run.
 *
 * @param caller {@code analyst} or {@code officer}
 * @param mode {@code sequential}, {@code concurrent-N} or {@code cold-token}
 * @param call the call, e.g. {@code GET /api/v1/alerts?size=10}
 * @param calls successful calls timed on the client
 * @param failures calls answered other than 2xx
 * @param firstFailure the first such answer, or null
 * @param clientMeanMicros client round trip, mean
 * @param clientP50Micros client round trip, median (nearest rank)
 * @param clientP99Micros client round trip, 99th percentile (nearest rank)
 * @param callsPerSecond calls answered per second of the loop's wall time
 * @param serverCalls requests the server's {@code lachan.http.requests} timer counted meanwhile
 * @param serverMeanMicros the server's request time, mean
 * @param serverCpuMicros the server process's CPU time (user + system, every thread) over the loop per call, -1
 *     where unknown; background work (the pipeline, the collector) included, 10 ms resolution
 * @param gateCalls requests the {@code lachan.http.gate} timer counted meanwhile
 * @param gateMeanMicros the gate's time, mean
 * @param gateShareOfClient gate mean / client mean, in percent
 * @param gateShareOfServer gate mean / server mean, in percent
 * @param gateShareOfServerCpu gate mean / server CPU per call, in percent (NaN where unknown)
 * @param pageTotal the total the call's page reported (alerts, events), -1 for other calls
 * @param load1 the 1-minute load average after the loop
 */
record CallFigures(
        String caller,
        String mode,
        String call,
        int calls,
        int failures,
        @Nullable String firstFailure,
        double clientMeanMicros,
        double clientP50Micros,
        double clientP99Micros,
        double callsPerSecond,
        long serverCalls,
        double serverMeanMicros,
        double serverCpuMicros,
        long gateCalls,
        double gateMeanMicros,
        double gateShareOfClient,
        double gateShareOfServer,
        double gateShareOfServerCpu,
        long pageTotal,
        double load1) {

    /** Returns the figures of a loop and of the server's timers over it. */
    static CallFigures of(
            String caller,
            String mode,
            Calls.Call call,
            CallLoop.Outcome loop,
            TimerTotals.Totals server,
            TimerTotals.Totals gate,
            long serverCpuNanos,
            long pageTotal) {
        long[] sorted = loop.nanos().clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN) / 1e3;
        double gateMean = gate.meanMicros();
        double serverMean = server.meanMicros();
        double cpu = serverCpuNanos < 0 || sorted.length == 0 ? -1 : serverCpuNanos / 1e3 / sorted.length;
        return new CallFigures(
                caller,
                mode,
                call.name(),
                sorted.length,
                loop.failures(),
                loop.firstFailure(),
                mean,
                rank(sorted, 0.50),
                rank(sorted, 0.99),
                sorted.length / (loop.wallNanos() / 1e9),
                Math.round(server.count()),
                serverMean,
                cpu,
                Math.round(gate.count()),
                gateMean,
                100 * gateMean / mean,
                100 * gateMean / serverMean,
                cpu > 0 ? 100 * gateMean / cpu : Double.NaN,
                pageTotal,
                Load.now());
    }

    /** Returns the nearest-rank {@code q} quantile of sorted nanoseconds, in microseconds; NaN when empty. */
    static double rank(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e3;
    }
}
