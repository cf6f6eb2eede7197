package vn.lachan.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts and times what the pipeline does, into the platform's meter registry and its own stats. */
final class PipelineMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> byParser = new ConcurrentHashMap<>();
    private final Counter detections;
    private final Counter alerts;
    private final Counter refused;
    private final Counter clampedTimes;
    private final Timer eventLatency;
    private final Timer alertLatency;
    final AtomicLong records = new AtomicLong();
    final AtomicLong parseFailures = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong detected = new AtomicLong();
    final AtomicLong alertsWritten = new AtomicLong();
    final AtomicLong suppressed = new AtomicLong();
    final AtomicLong committed = new AtomicLong(-1);
    final AtomicLong storeFailures = new AtomicLong();

    PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.detections =
                Counter.builder("lachan.detections").description("rule firings").register(registry);
        this.alerts = Counter.builder("lachan.alerts.written")
                .description("alert changes written (new alerts and count updates)")
                .register(registry);
        this.refused = Counter.builder("lachan.pipeline.rejected")
                .description("events the store refused: not stored, each logged at ERROR with the reason")
                .register(registry);
        this.clampedTimes = Counter.builder("lachan.pipeline.time.clamped")
                .description("events whose own time was implausible, stored under their receipt time and flagged")
                .register(registry);
        this.eventLatency = Timer.builder("lachan.pipeline.latency")
                .description("from receipt to the event being stored")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.alertLatency = Timer.builder("lachan.alert.latency")
                .description("from receipt of the event that fired a rule to its alert being stored")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    void parsed(String parser, boolean failed) {
        records.incrementAndGet();
        if (failed) {
            parseFailures.incrementAndGet();
        }
        byParser.computeIfAbsent(
                        parser,
                        p -> Counter.builder("lachan.pipeline.events")
                                .description("records processed, by the parser that read them (raw: none could)")
                                .tag("parser", p)
                                .register(registry))
                .increment();
    }

    void detected(int count) {
        detected.addAndGet(count);
        detections.increment(count);
    }

    void alertsWritten(int count, long[] receivedMillis, long nowMillis) {
        alertsWritten.addAndGet(count);
        alerts.increment(count);
        for (long received : receivedMillis) {
            alertLatency.record(Duration.ofMillis(Math.max(0, nowMillis - received)));
        }
    }

    void clampedTime() {
        clampedTimes.increment();
    }

    void stored(long count, long rejectedCount, long[] receivedMillis, long nowMillis) {
        stored.addAndGet(count);
        rejected.addAndGet(rejectedCount);
        refused.increment(rejectedCount);
        for (long received : receivedMillis) {
            eventLatency.record(Math.max(0, nowMillis - received), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    PipelineStats snapshot() {
        return new PipelineStats(
                records.get(),
                parseFailures.get(),
                stored.get(),
                rejected.get(),
                detected.get(),
                alertsWritten.get(),
                suppressed.get(),
                committed.get(),
                storeFailures.get());
    }
}
