package vn.lachan.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventStore;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.journal.Journal;
import vn.lachan.journal.JournalConfig;
import vn.lachan.pipeline.PipelineConfig;
import vn.lachan.pipeline.WarmUp;
import vn.lachan.sigma.SigmaEngine;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/**
 * Warms the pipeline up before the inputs open ({@code pipeline.warm_up}): the newest stored events (this
 * installation's own traffic) and the bundled samples run through a journal, parsing, detection and indexing,
 * the journal and the store scratch ones under the data folder, deleted afterwards (and at the next start,
 * should the process die).
 */
final class WarmUpStep {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUpStep.class);
    /** How many records the warm-up runs: enough for the JIT's thresholds on every stage's hot methods. */
    static final int EVENTS = 40_000;
    /** How many of the newest stored events join the samples. */
    static final int STORED = 2_000;
    /** The scratch store's folder under the data folder. */
    static final String SCRATCH = "warm-up.tmp";

    private WarmUpStep() {}

    /**
     * Runs the warm-up for at most {@code budget} and returns what it did, in words for the banner; a failure
     * is logged, never fatal: it only costs speed.
     */
    static String run(
            Path data,
            Duration budget,
            JournalConfig journal,
            PipelineConfig config,
            RecordParser parser,
            SigmaEngine engine,
            EventStore store) {
        Path scratchDir = data.resolve(SCRATCH);
        delete(scratchDir);
        if (!budget.isPositive()) {
            return "off (pipeline.warm_up: 0s)";
        }
        try {
            List<RawRecord> samples = new ArrayList<>(newest(store));
            int stored = samples.size();
            samples.addAll(WarmUp.bundled());
            WarmUp.Result r;
            try (LuceneEventStore scratch = new LuceneEventStore(StoreConfig.defaults(scratchDir));
                    Journal scratchJournal = Journal.open(scratchJournal(scratchDir, journal))) {
                WarmUp.Passage passage = new WarmUp.Passage(scratchJournal, new JournalSource(scratchJournal));
                r = WarmUp.run(config, parser, engine, scratch, passage, samples, EVENTS, budget);
            }
            return String.format(
                    Locale.ROOT,
                    "%,d records through a journal, parsing, detection and indexing in %.1f s (%d samples, %d of"
                            + " them stored events)%s",
                    r.events(),
                    r.took().toMillis() / 1000.0,
                    r.samples(),
                    stored,
                    r.budgetSpent() ? "; stopped by pipeline.warm_up" : "");
        } catch (RuntimeException e) {
            LOG.warn("the warm-up failed; the inputs open cold: {}", e.toString());
            return "failed (" + e + "); the inputs opened cold";
        } finally {
            delete(scratchDir);
        }
    }

    /**
     * Returns the scratch journal's settings: the platform's segments, budget and largest record (the same
     * code paths; the warm-up commits every batch, so its segments are trimmed as it goes and the disk it
     * takes stays a few segments), no fsync (nothing in it needs to survive, and forcing costs the warm-up
     * its time, not the JIT its work).
     */
    static JournalConfig scratchJournal(Path scratchDir, JournalConfig platform) {
        return new JournalConfig(
                scratchDir.resolve("journal"),
                platform.segmentBytes(),
                platform.budgetBytes(),
                platform.maxRecordBytes(),
                false);
    }

    /** Returns the newest events of the newest partition that holds any: this installation's latest traffic. */
    private static List<RawRecord> newest(EventStore store) {
        PartitionInfo latest = store.partitions().stream()
                .filter(p -> p.events() > 0)
                .max(Comparator.comparing(PartitionInfo::end))
                .orElse(null);
        List<RawRecord> out = new ArrayList<>();
        if (latest == null) {
            return out;
        }
        SearchRequest request = SearchRequest.newest(new Query.MatchAll(), latest.start(), latest.end(), STORED);
        for (StoredEvent e : store.search(request).hits()) {
            out.add(WarmUp.sample(e.raw()));
        }
        return out;
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the warm-up's scratch store " + dir, e);
        }
    }
}
