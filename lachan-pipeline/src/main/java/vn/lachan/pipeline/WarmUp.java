package vn.lachan.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.org.Subtrees;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventStore;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.sigma.SigmaEngine;

/**
 * Runs sample records through the stages a received record takes (parse, normalize, enrich, detect, index)
 * before the inputs open, so that the JIT compiles the hot code and the rules' routing buckets build their
 * automata while no real event waits: a cold server otherwise answers its first tens of seconds of load
 * several times slower than it does afterwards.
 *
 * <p>Nothing of the platform's state is touched: detection runs on {@link SigmaEngine#detached()} (the same
 * compiled matcher, correlations and counters of its own), counters go to a registry of their own, and the
 * events are indexed into a scratch store that the caller throws away.
 */
public final class WarmUp {
    /** The input name the warm-up's records carry. */
    public static final String INPUT = "warm-up";

    /**
     * Tells what the warm-up did.
     *
     * @param events how many records went through every stage
     * @param samples how many distinct sample records there were
     * @param detections how many rule matches the detached engine found
     * @param took how long it ran
     * @param budgetSpent whether it stopped because its time ran out rather than its event count was reached
     */
    public record Result(int events, int samples, long detections, Duration took, boolean budgetSpent) {}

    private static final List<String> BUNDLED = List.of("warm-up/windows.ndjson", "warm-up/lines.txt");

    private WarmUp() {}

    /**
     * Returns the bundled samples, one record per line, for the parser to detect: Windows events (Security,
     * Sysmon, PowerShell, System) as flat JSON, and syslog lines carrying sshd, sudo, nginx, CEF, LEEF,
     * FortiGate key=value and auditd.
     */
    public static List<RawRecord> bundled() {
        List<RawRecord> out = new ArrayList<>();
        for (String name : BUNDLED) {
            try (InputStream in = WarmUp.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled warm-up samples are missing: " + name);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                text.lines().filter(line -> !line.isBlank()).forEach(line -> out.add(sample(line)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled warm-up samples " + name, e);
            }
        }
        return out;
    }

    /** Returns a sample record of {@code text}, for the parser to detect. */
    public static RawRecord sample(String text) {
        return new RawRecord(
                Instant.EPOCH, INPUT, "", RawRecord.AUTO, "", text.getBytes(StandardCharsets.UTF_8), "", "");
    }

    /**
     * Runs {@code samples}, over and over, until {@code events} records went through or {@code budget}
     * passed, whichever comes first; nothing runs when there are no samples or the budget is zero.
     *
     * @param config the pipeline's configuration (batch size, ownerships, plausible times)
     * @param parser the parser the pipeline uses
     * @param engine the engine the pipeline will use; it is only read through {@link SigmaEngine#detached()}
     * @param scratch a store that nobody reads, indexed into exactly as the real one is
     */
    public static Result run(
            PipelineConfig config,
            RecordParser parser,
            SigmaEngine engine,
            EventStore scratch,
            List<RawRecord> samples,
            int events,
            Duration budget) {
        Objects.requireNonNull(scratch, "scratch");
        long start = System.nanoTime();
        if (samples.isEmpty() || events <= 0 || !budget.isPositive()) {
            return new Result(0, samples.size(), 0, Duration.ZERO, false);
        }
        SigmaEngine detached = engine.detached();
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
        DetectStage stage = new DetectStage(
                parser,
                new Enricher(
                        config.ownerships(),
                        new Enricher.Owner(config.defaultOrganization(), config.defaultSystem()),
                        Subtrees.SELF_ONLY),
                config.journalTag(),
                new EventTimes(config.maxEventAge(), config.maxEventLead()),
                metrics);
        long deadline = start + budget.toNanos();
        int done = 0;
        long detections = 0;
        while (done < events && System.nanoTime() < deadline) {
            List<RecordSource.Positioned> batch = nextBatch(samples, done, Math.min(config.batchSize(), events - done));
            Batch detected = stage.run(batch, detached);
            scratch.write(new EventBatch(detected.events(), detected.end()));
            detections += detected.detections().size();
            done += batch.size();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Result(done, samples.size(), detections, took, done < events);
    }

    /** Returns the next {@code size} samples, positions numbered on from {@code done}, received now. */
    private static List<RecordSource.Positioned> nextBatch(List<RawRecord> samples, int done, int size) {
        Instant now = Instant.now();
        List<RecordSource.Positioned> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            RawRecord s = samples.get((done + i) % samples.size());
            RawRecord record =
                    new RawRecord(now, INPUT, s.peer(), s.format(), s.source(), s.payload(), s.problem(), s.origin());
            batch.add(new RecordSource.Positioned(done + i, record));
        }
        return batch;
    }
}
