package vn.lachan.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;

/**
 * Fuzzes the reader over raw bytes. In a normal {@code mvn test} it replays the seeds in {@code
 * src/test/resources/vn/lachan/ingest/evtx/EvtxFuzzTestInputs/readBytes/} (and any crash files
 * Jazzer saved there); to fuzz for real, run {@code JAZZER_FUZZ=1 mvn -o -pl lachan-ingest -am test
 * -Dtest=EvtxFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EvtxFuzzTest {
    private static final int MIN_RECORD_SIZE = 28;

    @FuzzTest(maxDuration = "5m")
    void readBytes(byte[] data) {
        List<SourcedEvent> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        EvtxSummary summary = EvtxReader.read(data, "fuzz.evtx", events::add, problems::add);

        assertThat(summary.records()).isEqualTo(events.size());
        assertThat(summary.problems()).isEqualTo(problems.size());
        assertThat((long) events.size()).isLessThanOrEqualTo(data.length / MIN_RECORD_SIZE);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).index()).isGreaterThan(events.get(i - 1).index());
        }
    }

    @Test
    void theSyntheticSeedIsAValidOneRecordFileCutAfterItsRecords() throws IOException {
        byte[] seed;
        try (InputStream in =
                getClass().getResourceAsStream("EvtxFuzzTestInputs/readBytes/one-record-chunk-cut-after-records")) {
            assertThat(in).as("the seed file").isNotNull();
            seed = in.readAllBytes();
        }
        EvtxSamples.Outcome outcome = EvtxSamples.read(seed);

        assertThat(outcome.events())
                .singleElement()
                .satisfies(e -> assertThat(e.fields()).isEqualTo(Map.of("Event", Map.of("EventID", 4624L))));
        assertThat(outcome.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("file ends inside this chunk"));
    }
}
