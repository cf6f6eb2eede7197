package vn.lachan.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.Intake;
import vn.lachan.core.intake.RawLines;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.org.Subtrees;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventStore;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.sigma.SigmaEngine;

/**
 * Runs sample records through the stages a received record takes (the journal when given one, parse,
 * normalize, enrich, detect, index) before the inputs open, so that the JIT compiles the hot code and the
 * rules' routing buckets build their automata while no real event waits: a cold server otherwise answers
 * its first tens of seconds of load several times slower than it does afterwards.
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

    /**
     * Holds a scratch journal for the samples to pass through before detection, as received records pass
     * through the platform's: each batch written as one body of lines (the form the HTTP ingest and syslog
     * over TCP hand over), read back, committed. Nobody else's journal: its records are never stored.
     *
     * @param intake the journal's writing side
     * @param source its reading side
     */
    public record Passage(Intake intake, RecordSource source) {}

    /** How long a batch written to the passage may take to be readable. */
    private static final Duration PASSAGE_WAIT = Duration.ofSeconds(10);

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
        return run(config, parser, engine, scratch, null, samples, events, budget);
    }

    /**
     * Runs {@code samples} as {@link #run(PipelineConfig, RecordParser, SigmaEngine, EventStore, List, int,
     * Duration)} does, each batch first through {@code passage} when there is one.
     *
     * @throws IllegalStateException when the passage refuses a batch (full) or does not hand it back
     */
    public static Result run(
            PipelineConfig config,
            RecordParser parser,
            SigmaEngine engine,
            EventStore scratch,
            @Nullable Passage passage,
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
            if (passage != null) {
                batch = carry(passage, batch);
            }
            Batch detected = stage.run(batch, detached);
            scratch.write(new EventBatch(detected.events(), detected.end()));
            detections += detected.detections().size();
            done += batch.size();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Result(done, samples.size(), detections, took, done < events);
    }

    /** Writes the batch to the passage as one body of lines and returns what it hands back, committed. */
    private static List<RecordSource.Positioned> carry(Passage passage, List<RecordSource.Positioned> batch) {
        Admission admitted = sameLabels(batch)
                ? passage.intake().offer(asLines(batch))
                : passage.intake()
                        .offer(batch.stream()
                                .map(RecordSource.Positioned::record)
                                .toList());
        if (admitted != Admission.ACCEPTED) {
            throw new IllegalStateException("the warm-up's scratch journal refused a batch: it is full");
        }
        List<RecordSource.Positioned> out = new ArrayList<>(batch.size());
        long deadline = System.nanoTime() + PASSAGE_WAIT.toNanos();
        while (out.size() < batch.size()) {
            List<RecordSource.Positioned> got =
                    passage.source().poll(batch.size() - out.size(), Duration.ofMillis(100));
            if (got.isEmpty() && System.nanoTime() > deadline) {
                throw new IllegalStateException("the warm-up's scratch journal handed back " + out.size() + " of "
                        + batch.size() + " records in " + PASSAGE_WAIT.toSeconds() + " s");
            }
            out.addAll(got);
        }
        passage.source().commit(out.getLast().position() + 1);
        return out;
    }

    /** Returns whether the batch's records share every label but the payload, as an input's body's lines do. */
    private static boolean sameLabels(List<RecordSource.Positioned> batch) {
        RawRecord first = batch.getFirst().record();
        for (RecordSource.Positioned p : batch) {
            RawRecord r = p.record();
            if (!r.problem().isEmpty()
                    || !r.peer().equals(first.peer())
                    || !r.format().equals(first.format())
                    || !r.source().equals(first.source())
                    || !r.origin().equals(first.origin())) {
                return false;
            }
        }
        return true;
    }

    /** Returns the batch as one body, a record per line, with the labels its records share. */
    private static RawLines asLines(List<RecordSource.Positioned> batch) {
        RawRecord first = batch.getFirst().record();
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 512);
        int[] bounds = new int[batch.size() * 2];
        for (int i = 0; i < batch.size(); i++) {
            bounds[2 * i] = body.size();
            body.writeBytes(batch.get(i).record().payload());
            bounds[2 * i + 1] = body.size();
            body.write('\n');
        }
        return new RawLines(
                first.received(),
                first.input(),
                first.peer(),
                first.format(),
                first.source(),
                first.origin(),
                body.toByteArray(),
                bounds);
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
