package vn.lachan.alert.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.alert.AlertQuery;

/** A damaged folder is reported with what is wrong and where, never read as something else. */
class DamagedIndexTest {
    @TempDir
    Path dir;

    private static void writeRaw(Path folder, String json, Map<String, String> commitData) throws IOException {
        try (FSDirectory directory = FSDirectory.open(folder);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField("id", Alerts.id(1), Field.Store.NO));
            doc.add(new SortedDocValuesField("id", new BytesRef(Alerts.id(1))));
            doc.add(new StoredField("json", json.getBytes(StandardCharsets.UTF_8)));
            writer.addDocument(doc);
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
        }
    }

    @Test
    void anAlertWhoseJsonLacksFieldsIsReportedAsDamaged() throws IOException {
        writeRaw(dir, "{\"v\":1,\"id\":\"" + Alerts.id(1) + "\"}", Map.of());
        try (LuceneAlertStore store = LuceneAlertStore.open(dir)) {
            assertThat(store.durablePosition()).isEqualTo(-1);
            assertThatThrownBy(() -> store.get(Alerts.id(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("damaged");
            assertThatThrownBy(() -> store.search(new AlertQuery(null, null, null, Set.of(), null, null, 5, null)))
                    .hasMessageContaining("damaged");
        }
    }

    @Test
    void anUnreadablePositionIsReportedNamingTheFolder() throws IOException {
        writeRaw(dir, "{}", Map.of(CommitData.POSITION, "twelve", CommitData.CURSOR_KEY, "00ff"));

        assertThatThrownBy(() -> LuceneAlertStore.open(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("twelve");
    }

    @Test
    void aCorruptSegmentFileIsReportedNamingTheFolder() throws IOException {
        try (LuceneAlertStore store = LuceneAlertStore.open(dir)) {
            store.write(java.util.List.of(Alerts.one(Alerts.id(1), Alerts.T0)), 1);
        }
        try (var files = Files.list(dir)) {
            for (Path segments : files.filter(f -> f.getFileName().toString().startsWith("segments_"))
                    .toList()) {
                byte[] bytes = Files.readAllBytes(segments);
                bytes[bytes.length / 2] ^= 0x5a;
                Files.write(segments, bytes);
            }
        }

        assertThatThrownBy(() -> LuceneAlertStore.open(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("damaged");
    }
}
