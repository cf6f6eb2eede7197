package vn.lachan.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.alert.Detection;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.ingest.parse.ParsedRecord;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.sigma.SigmaEngine;

/** Parses, enriches and detects one polled batch: the first stage, on its own thread. */
final class DetectStage {
    /** The field that keeps the organization the ownerships named when the sender's credential overruled it. */
    static final String CLAIMED = "lachan.claimed_organization";

    private final RecordParser parser;
    private final Enricher enricher;
    private final int journalTag;
    private final EventTimes times;
    private final PipelineMetrics metrics;

    DetectStage(RecordParser parser, Enricher enricher, int journalTag, EventTimes times, PipelineMetrics metrics) {
        this.parser = parser;
        this.enricher = enricher;
        this.journalTag = journalTag;
        this.times = times;
        this.metrics = metrics;
    }

    Batch run(List<RecordSource.Positioned> entries, SigmaEngine engine) {
        List<StoredEvent> events = new ArrayList<>(entries.size());
        long[] eventReceived = new long[entries.size()];
        List<Detection> detections = new ArrayList<>();
        List<Long> detectionReceived = new ArrayList<>();
        for (RecordSource.Positioned entry : entries) {
            RawRecord record = entry.record();
            StoredEvent event = toEvent(entry.position(), record);
            eventReceived[events.size()] = record.received().toEpochMilli();
            events.add(event);
            engine.process(new SourcedEvent(event.id().toString(), entry.position(), event.fields()), alert -> {
                detections.add(DetectionMapper.map(alert, event, entry.position()));
                detectionReceived.add(record.received().toEpochMilli());
            });
        }
        long end = entries.getLast().position() + 1;
        long[] received = detectionReceived.stream().mapToLong(Long::longValue).toArray();
        metrics.detected(detections.size());
        return new Batch(events, detections, received, eventReceived, end);
    }

    private StoredEvent toEvent(long position, RawRecord record) {
        ParsedRecord parsed;
        try {
            parsed = parser.parse(record);
        } catch (RuntimeException e) {
            // a bug in a parser must not lose the record: keep it raw with the reason
            parsed = internalError(record, e);
        }
        metrics.parsed(parsed.parser(), parsed.outcome() == ParsedRecord.Outcome.RAW);
        // the parser hands its fields over: the time flags and the claimed organization go straight in
        EventTimes.Decided decided = times.decideInPlace(parsed.time(), record.received(), parsed.fields());
        Instant time = decided.time();
        if (decided.clamped()) {
            metrics.clampedTime();
        }
        var fields = decided.fields();
        Enricher.Owner claimed = enricher.owner(
                record.source(), Fields.text(fields, "host.name"), Fields.text(fields, "host.ip"), record.peer());
        Enricher.Owner owner = enricher.within(claimed, record.origin());
        if (owner != claimed && !enricher.isFallback(claimed)) {
            // the ownerships name an organization outside the sender's subtree: keep what they said, visibly
            fields.put(CLAIMED, claimed.organization());
        }
        return new StoredEvent(
                EventId.ofJournal(time, journalTag, position),
                time,
                owner.organization(),
                owner.system(),
                fields,
                new String(record.payload(), StandardCharsets.UTF_8));
    }

    private static ParsedRecord internalError(RawRecord record, RuntimeException e) {
        String reason = "internal error while parsing (please report it): " + e;
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("event.original", new String(record.payload(), StandardCharsets.UTF_8));
        fields.put("error.message", reason);
        return new ParsedRecord(
                fields, null, ParsedRecord.RAW, new Problem(record.input(), "from " + record.peer(), reason));
    }
}
