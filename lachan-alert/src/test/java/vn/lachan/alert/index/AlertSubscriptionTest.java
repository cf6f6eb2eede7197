package vn.lachan.alert.index;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.alert.index.Alerts.T0;
import static vn.lachan.alert.index.Alerts.id;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.alert.AlertRecord;

class AlertSubscriptionTest {
    @TempDir
    Path dir;

    /** Reads the last commit on disk, as a restarted process would see it. */
    private static Map<String, String> committed(Path folder, String alertId) {
        try (FSDirectory directory = FSDirectory.open(folder);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            int hits = new IndexSearcher(reader).count(new TermQuery(new Term("id", alertId)));
            Map<String, String> data =
                    new java.util.HashMap<>(reader.getIndexCommit().getUserData());
            data.put("hits", Integer.toString(hits));
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void subscribersHearOfAnAlertOnlyOnceItIsDurableAndSearchable() {
        Path folder = dir.resolve("alerts");
        List<String> onDisk = new ArrayList<>();
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            store.subscribe(alert -> {
                Map<String, String> commit = committed(folder, alert.id());
                onDisk.add(commit.get("hits") + "@" + commit.get(CommitData.POSITION) + "/" + store.durablePosition()
                        + "/" + store.get(alert.id()).isPresent());
            });
            store.write(List.of(Alerts.one(id(1), T0)), 4);
            store.write(List.of(Alerts.one(id(2), T0), Alerts.one(id(3), T0)), 6);
        }
        assertThat(onDisk).containsExactly("1@4/4/true", "1@6/6/true", "1@6/6/true");
    }

    @Test
    void aFailingSubscriberNeitherBreaksTheWriteNorStarvesTheOthers() throws Exception {
        try (LuceneAlertStore store = LuceneAlertStore.open(dir)) {
            List<String> heard = new ArrayList<>();
            store.subscribe(alert -> {
                throw new IllegalStateException("listener bug");
            });
            AutoCloseable subscription = store.subscribe(alert -> heard.add(alert.id()));
            List<AlertRecord> batch = List.of(Alerts.one(id(1), T0), Alerts.one(id(2), T0));

            store.write(batch, 1);
            subscription.close();
            store.write(List.of(Alerts.one(id(3), T0)), 2);

            assertThat(heard).containsExactly(id(1), id(2));
            assertThat(store.get(id(3))).isPresent();
            assertThat(store.durablePosition()).isEqualTo(2);
            assertThat(store.subscribers()).isEqualTo(1);
        }
    }

    @Test
    void closingOneSubscriptionLeavesAnotherOfTheSameListener() throws Exception {
        try (LuceneAlertStore store = LuceneAlertStore.open(dir)) {
            List<String> heard = new ArrayList<>();
            java.util.function.Consumer<AlertRecord> listener = alert -> heard.add(alert.id());
            AutoCloseable first = store.subscribe(listener);
            store.subscribe(listener);
            first.close();

            store.write(List.of(Alerts.one(id(1), T0)), 1);

            assertThat(heard).containsExactly(id(1));
        }
    }
}
