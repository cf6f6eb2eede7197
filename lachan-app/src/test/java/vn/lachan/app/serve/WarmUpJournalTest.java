package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.ingest.parse.ParserConfig;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.journal.Journal;
import vn.lachan.journal.JournalConfig;
import vn.lachan.pipeline.PipelineConfig;
import vn.lachan.pipeline.WarmUp;
import vn.lachan.sigma.EngineOptions;
import vn.lachan.sigma.SigmaEngine;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/** Runs the warm-up through a real scratch journal, as {@link WarmUpStep} does, against one without. */
class WarmUpJournalTest {
    @TempDir
    Path dir;

    @Test
    void everySampleGoesThroughTheJournalAndIsDetectedAsWithoutIt() {
        SigmaEngine engine = SigmaEngine.load(
                List.of(Path.of("../samples/rules")), LogSourceMap.bundled(), EngineOptions.defaults());
        PipelineConfig config = PipelineConfig.defaults(7);
        List<RawRecord> samples = new ArrayList<>(WarmUp.bundled());
        // labels of its own: the batches that hold it are offered record by record, not as one body
        samples.add(new RawRecord(
                Instant.EPOCH,
                WarmUp.INPUT,
                "192.0.2.7",
                "syslog",
                "edge",
                "<13>Nov 24 10:00:00 fw1 sshd[42]: Accepted password for root from 192.0.2.9 port 22 ssh2"
                        .getBytes(StandardCharsets.UTF_8)));
        JournalConfig platform = new JournalConfig(dir.resolve("journal"), 1 << 20, 64 << 20, 1 << 20, true);
        JournalConfig scratchConfig = WarmUpStep.scratchJournal(dir.resolve("scratch"), platform);
        assertThat(scratchConfig.fsync()).isFalse();
        assertThat(scratchConfig.folder()).isEqualTo(dir.resolve("scratch").resolve("journal"));
        try (RecordParser parser = new RecordParser(ParserConfig.defaults());
                LuceneEventStore direct = new LuceneEventStore(StoreConfig.defaults(dir.resolve("direct")));
                LuceneEventStore carried = new LuceneEventStore(StoreConfig.defaults(dir.resolve("carried")));
                Journal journal = Journal.open(scratchConfig)) {
            WarmUp.Result without = WarmUp.run(config, parser, engine, direct, samples, 9_000, Duration.ofMinutes(5));
            WarmUp.Passage passage = new WarmUp.Passage(journal, new JournalSource(journal));
            WarmUp.Result with =
                    WarmUp.run(config, parser, engine, carried, passage, samples, 9_000, Duration.ofMinutes(5));

            assertThat(with.events()).isEqualTo(9_000);
            assertThat(journal.end())
                    .as("every record went through the journal")
                    .isEqualTo(9_000);
            assertThat(journal.committed()).as("and was committed").isEqualTo(9_000);
            assertThat(journal.bytes())
                    .as("its 1 MiB segments were trimmed as it went")
                    .isLessThanOrEqualTo(4 << 20);
            assertThat(with.detections()).isEqualTo(without.detections()).isPositive();
            assertThat(total(carried)).isEqualTo(total(direct)).isEqualTo(9_000);
        }
    }

    private static long total(LuceneEventStore store) {
        return store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 1))
                .total()
                .value();
    }
}
