package vn.lachan.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The end-to-end harness's settings, parsed from its command line.
 *
 * @param rate the sustained phase's target rate, events/s
 * @param duration how long the sustained and latency phases send
 * @param capacityDuration how long the capacity phase sends
 * @param capacity a known capacity (events/s) that skips the capacity phase, or 0 to measure it
 * @param latencyRates the latency phases' rates; empty means half the capacity and 25,000 events/s
 * @param burstFactor the burst's rate as a multiple of the capacity
 * @param burstDuration how long the burst sends
 * @param phases the phases to run, in their fixed order
 * @param journalBudget the server's journal budget (a size as config/lachan.yml takes it)
 * @param drainTimeout the longest wait for the server to store its backlog after a phase
 * @param workers sending threads
 * @param maxBatch the most events in one request
 * @param tick the pacing interval
 * @param probeEvery how often a latency probe is sent
 * @param backlogCap the capacity phase's cap on the server's backlog (events)
 * @param rules rule folders for the server; empty means the corpus's rules/windows
 * @param json where to write the JSON report, or null
 * @param work the folder for the servers' data, or null for a fresh temporary one
 * @param keep whether to keep the data folders afterwards
 * @param serverClasspath the server JVM's class path, or null for this JVM's own
 * @param serverOptions extra JVM options for the server
 * @param serverConfig YAML appended to the server's configuration (e.g. a {@code store:} or {@code pipeline:}
 *     section), empty for none
 * @param preloadLines how many OTRF lines the sender holds in memory and sends over and over, or 0 to read
 *     the archives as it sends
 */
record E2eOptions(
        double rate,
        Duration duration,
        Duration capacityDuration,
        double capacity,
        List<Double> latencyRates,
        double burstFactor,
        Duration burstDuration,
        Set<PhaseKind> phases,
        String journalBudget,
        Duration drainTimeout,
        int workers,
        int maxBatch,
        Duration tick,
        Duration probeEvery,
        long backlogCap,
        List<Path> rules,
        @Nullable Path json,
        @Nullable Path work,
        boolean keep,
        @Nullable String serverClasspath,
        List<String> serverOptions,
        String serverConfig,
        long preloadLines) {

    static final double ISSUE_LATENCY_RATE = 25_000;

    static final String USAGE = """
            usage: scripts/bench.sh e2e [--rate N] [--duration S] [--burst] [options]
              --rate N              sustained phase target, events/s (default 50000, the issue's target)
              --duration S          seconds each sustained and latency phase sends (default 60; the issue: 600)
              --capacity-seconds S  seconds the capacity phase sends (default 60)
              --capacity N          skip the capacity phase and take N events/s as the capacity
              --latency-rate N      a latency phase's rate; repeatable (default: capacity/2 and 25000)
              --burst               add the burst phase: --burst-factor x capacity for --burst-seconds
              --burst-factor F      (default 10)      --burst-seconds S (default 60)
              --only LIST           phases to run, comma-separated: sustained,capacity,latency,burst
              --journal-budget SIZE the server's journal budget (default 4GiB, the product default)
              --drain-timeout S     the longest wait for a backlog to drain (default 1800)
              --workers N --batch N --tick-ms N --probe-ms N --backlog-cap N   sender tuning
              --rules DIR           rule folder for the server; repeatable (default corpus rules/windows)
              --json FILE --work DIR --keep --server-classpath CP --server-opt OPT
              --server-config FILE  YAML appended to the server's configuration (not the journal section)
              --preload N           the sender holds the first N OTRF lines in memory and sends them over and
                                    over (no inflating, no time shifting: a cheaper sender, for the burst)
            """;

    /** The phases, in the order they run. */
    enum PhaseKind {
        SUSTAINED,
        CAPACITY,
        LATENCY,
        BURST;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static E2eOptions defaults() {
        return new E2eOptions(
                50_000,
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                0,
                List.of(),
                10,
                Duration.ofSeconds(60),
                EnumSet.of(PhaseKind.SUSTAINED, PhaseKind.CAPACITY, PhaseKind.LATENCY),
                "4GiB",
                Duration.ofMinutes(30),
                4,
                1000,
                Duration.ofMillis(10),
                Duration.ofMillis(100),
                50_000,
                List.of(),
                null,
                null,
                false,
                null,
                List.of(),
                "",
                0);
    }

    /** Parses {@code args} over the defaults; throws {@link IllegalArgumentException} with the usage. */
    static E2eOptions parse(List<String> args) {
        return new OptionParser(args).parse();
    }

    /** Returns the latency phases' rates for a measured or given capacity. */
    List<Double> latencyRatesFor(double measuredCapacity) {
        if (!latencyRates.isEmpty()) {
            return latencyRates;
        }
        List<Double> rates = new ArrayList<>();
        if (measuredCapacity > 0) {
            rates.add(measuredCapacity / 2);
        }
        rates.add(ISSUE_LATENCY_RATE);
        return rates;
    }
}
