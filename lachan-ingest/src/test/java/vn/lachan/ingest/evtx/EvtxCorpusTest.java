package vn.lachan.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.testkit.Corpus;

/**
 * Reads every {@code .evtx} of SigmaHQ's regression data and compares each event with the {@code
 * evtx_dump} JSON stored beside it. No field is exempt: every event must equal its JSON twin.
 */
class EvtxCorpusTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Path> evtxFiles() throws IOException {
        Path root = Corpus.require("sigma/regression_data");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".evtx")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("evtxFiles")
    void readsEachEventAsEvtxDumpDoes(Path evtx) throws IOException {
        List<SourcedEvent> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        EvtxSummary summary = EvtxReader.read(evtx, evtx.toString(), events::add, problems::add);
        List<Object> expected = jsonTwin(evtx);

        assertThat(problems).isEmpty();
        assertThat(summary.records()).isEqualTo(expected.size());
        assertThat(summary.corruptChunks()).isZero();
        assertThat(events).hasSameSizeAs(expected);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).index()).isEqualTo(i);
            assertThat(events.get(i).source()).isEqualTo(evtx.toString());
            assertThat(events.get(i).fields()).as("event %d of %s", i, evtx).isEqualTo(expected.get(i));
        }
    }

    @Test
    void theCorpusHoldsTheExpectedFiles() throws IOException {
        List<Path> files = evtxFiles().toList();
        long events = 0;
        for (Path file : files) {
            events += EvtxReader.read(file, file.toString(), e -> {}, p -> {}).records();
        }
        // 100 files, 106 events in their JSON twins (one file holds 2 events, one holds 6).
        assertThat(files).hasSize(100);
        assertThat(events).isEqualTo(106);
    }

    private static List<Object> jsonTwin(Path evtx) throws IOException {
        String name = evtx.getFileName().toString();
        Path json = evtx.resolveSibling(name.substring(0, name.length() - ".evtx".length()) + ".json");
        List<Object> documents = new ArrayList<>();
        try (MappingIterator<Object> values = JSON.readerFor(Object.class).readValues(Files.readString(json))) {
            while (values.hasNext()) {
                documents.add(normalised(values.next()));
            }
        }
        return documents;
    }

    /** Turns Jackson's Integer and small BigInteger into Long, as the reader produces them. */
    static @Nullable Object normalised(@Nullable Object value) {
        return switch (value) {
            case Integer number -> number.longValue();
            case BigInteger number when number.bitLength() < 64 -> number.longValue();
            case Map<?, ?> map -> {
                Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k, normalised(v)));
                yield copy;
            }
            case List<?> list -> list.stream().map(EvtxCorpusTest::normalised).toList();
            case null, default -> value;
        };
    }
}
