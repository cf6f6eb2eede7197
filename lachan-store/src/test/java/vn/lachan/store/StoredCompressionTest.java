package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.StoredEvent;

/**
 * Layout 4 compresses the stored events with LZ4 over large blocks ({@link StoreCodec}): a partition of
 * layout 3 (DEFLATE) goes on with layout-4 segments, every event reads back as written before and after
 * sealing merges them, an unmodified Lucene reads the segments, and real events take little room.
 */
class StoredCompressionTest {
    private static final String DAY = "2026-03-01";
    private static final Instant AFTER = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path index() {
        return dir.resolve("events").resolve(DAY).resolve("index");
    }

    /** Writes the day's partition as layout 3 did: Lucene's DEFLATE stored fields, the original only. */
    private void writeLayoutThree(List<StoredEvent> events) throws IOException {
        Schema schema = new Schema();
        var config = new IndexWriterConfig(new WordAnalyzer())
                .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
        try (Directory d = FSDirectory.open(index());
                IndexWriter w = new IndexWriter(d, config)) {
            DocumentBuilder builder = new DocumentBuilder();
            for (StoredEvent e : events) {
                w.addDocument(builder.build(e, schema, false, false));
            }
            w.setLiveCommitData(
                    Map.of(Commits.POSITION, "-1", Commits.LAYOUT_KEY, "3").entrySet());
            w.commit();
        }
        schema.save(dir.resolve("events").resolve(DAY));
    }

    /** Returns the stored-fields mode of each segment of the last commit, as Lucene records it. */
    private List<String> modes() throws IOException {
        try (Directory d = FSDirectory.open(index())) {
            List<String> modes = new ArrayList<>();
            for (SegmentCommitInfo info : SegmentInfos.readLatestCommit(d)) {
                assertThat(info.info.getCodec().getName()).isEqualTo("Lucene104");
                modes.add(info.info.getAttribute(Lucene90StoredFieldsFormat.MODE_KEY));
            }
            return modes;
        }
    }

    private static void assertEveryEventReadsBack(LuceneEventStore store, List<StoredEvent> events) {
        for (StoredEvent e : events) {
            assertThat(store.get(e.id()))
                    .as("event %s", e.id())
                    .hasValueSatisfying(got -> assertThat(got.raw()).isEqualTo(e.raw()));
        }
    }

    @Test
    void aLayoutThreePartitionGoesOnInLayoutFourAndSealingKeepsEveryEvent() throws IOException {
        List<StoredEvent> events = TestEvents.random(7, 3_000, 1);
        writeLayoutThree(events.subList(0, 1_000));
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir), Json::parse)) {
            store.write(new EventBatch(events.subList(1_000, 2_000), 2_000));
            store.write(new EventBatch(events.subList(2_000, 3_000), 3_000));
            store.sync();
            assertThat(modes()).contains("BEST_COMPRESSION", "BEST_SPEED");
            assertThat(Commits.messagePositions(FSDirectory.open(index()))).isFalse();
            assertEveryEventReadsBack(store, events);
        }
        try (Directory d = FSDirectory.open(index())) {
            assertThat(SegmentInfos.readLatestCommit(d).getUserData())
                    .containsEntry(Commits.LAYOUT_KEY, Integer.toString(Commits.LAYOUT));
        }
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir), Json::parse)) {
            assertThat(store.seal(AFTER)).containsExactly(DAY);
            assertThat(modes()).containsExactly("BEST_SPEED");
            assertEveryEventReadsBack(store, events);
        }
    }

    @Test
    void anUnmodifiedLuceneReadsTheStoredEvents() throws IOException {
        List<StoredEvent> events = TestEvents.random(11, 2_000, 1);
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir), Json::parse)) {
            store.write(new EventBatch(events, events.size()));
        }
        Set<String> written = new HashSet<>();
        events.forEach(e -> written.add(e.raw()));
        Set<String> read = new HashSet<>();
        // DirectoryReader finds the codec by the name each segment records: Lucene's own.
        try (Directory d = FSDirectory.open(index());
                DirectoryReader reader = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    BytesRef raw = stored.document(doc).getBinaryValue(EventDocuments.RAW);
                    read.add(raw.utf8ToString());
                }
            }
        }
        assertThat(modes()).isNotEmpty().containsOnly("BEST_SPEED");
        assertThat(read).isEqualTo(written);
    }

    @Test
    void realEventsTakeLittleRoomInLargeBlocks() throws IOException {
        OtrfEvents otrf = new OtrfEvents();
        List<StoredEvent> events = new ArrayList<>();
        otrf.read(OtrfStoreTest.zips(3), events::add);
        assertThat(events).hasSizeGreaterThan(3_000);
        long raw = 0;
        for (StoredEvent e : events) {
            raw += e.raw().getBytes(StandardCharsets.UTF_8).length;
        }
        Path data = dir.resolve("otrf");
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(data), Json::parse)) {
            store.write(new EventBatch(events, events.size()));
        }
        long stored;
        try (Stream<Path> files = Files.walk(data)) {
            stored = files.filter(p -> p.toString().endsWith(".fdt"))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
        // LZ4 over Lucene's default 80 KiB blocks keeps ~19 % of OTRF's raw text, over 480 KiB ~4 %.
        assertThat((double) stored / raw).as("stored text / raw").isPositive().isLessThan(0.08);
    }
}
