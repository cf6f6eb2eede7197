package vn.lachan.alert.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.alert.grouping.Firings.T0;
import static vn.lachan.alert.grouping.Firings.at;
import static vn.lachan.alert.grouping.Firings.eventId;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.alert.index.LuceneAlertStore;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.alert.Detection;

/** Groups that leave memory (eviction, restart) continue from the real alert index. */
class GroupContinuationTest {
    private static final Instant NOW = Instant.parse("2025-03-14T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anEvictedGroupIsReadBackFromTheStoreAndContinued() {
        try (LuceneAlertStore store = LuceneAlertStore.open(dir.resolve("alerts"))) {
            AtomicInteger lookups = new AtomicInteger();
            AlertGrouper grouper = new AlertGrouper(new GroupingConfig(Duration.ofHours(1), 20, 2), id -> {
                lookups.incrementAndGet();
                return store.get(id);
            });
            long position = 0;
            AlertRecord a = write(store, grouper, at(T0, eventId(1), position++));
            write(store, grouper, onHost("ws-b", position++));
            write(store, grouper, onHost("ws-c", position++));
            assertThat(grouper.openGroups()).isEqualTo(2);
            int before = lookups.get();

            AlertRecord again = write(store, grouper, at(T0.plusSeconds(9), eventId(2), position++));

            assertThat(lookups.get()).isEqualTo(before + 1);
            assertThat(again.id()).isEqualTo(a.id());
            assertThat(again.count()).isEqualTo(2);
            assertThat(again.raised()).isEqualTo(a.raised());
            assertThat(again.eventIds()).containsExactly(eventId(1), eventId(2));
            assertThat(grouper.openGroups()).isEqualTo(2);
        }
    }

    @Test
    void aGroupStaysRightWhenOneCallTouchesMoreGroupsThanFitInMemory() {
        AlertGrouper grouper =
                new AlertGrouper(new GroupingConfig(Duration.ofHours(1), 20, 1), id -> java.util.Optional.empty());
        List<AlertRecord> alerts = grouper.add(
                List.of(at(T0, eventId(1), 1), onHost("ws-b", 2), onHost("ws-c", 3), at(T0, eventId(2), 4)), NOW);

        assertThat(alerts).hasSize(3);
        assertThat(alerts.getFirst().count()).isEqualTo(2);
        assertThat(grouper.openGroups()).isEqualTo(1);
    }

    @Test
    void aRestartedGrouperContinuesTheStoredCount() {
        Path folder = dir.resolve("alerts");
        AlertRecord before;
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            AlertGrouper grouper = new AlertGrouper(GroupingConfig.DEFAULTS, store::get);
            grouper.add(List.of(at(T0, eventId(1), 0)), NOW);
            before = write(store, grouper, at(T0.plusSeconds(1), eventId(2), 1));
        }
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            AlertGrouper grouper = new AlertGrouper(GroupingConfig.DEFAULTS, store::get, store.durablePosition());
            assertThat(store.durablePosition()).isEqualTo(2);
            List<AlertRecord> replayed = grouper.add(List.of(at(T0.plusSeconds(1), eventId(2), 1)), NOW);
            AlertRecord after = write(store, grouper, at(T0.plusSeconds(2), eventId(3), 2));

            assertThat(replayed).isEmpty();
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.count()).isEqualTo(3);
            assertThat(after.raised()).isEqualTo(before.raised());
            assertThat(after.firstSeen()).isEqualTo(T0);
            assertThat(store.get(after.id())).contains(after);
        }
    }

    private static Detection onHost(String host, long position) {
        return Firings.of("rule-1", Map.of("host.name", host, "user.name", "an"), T0, List.of(), position);
    }

    /**
     * Groups one firing and stores the result with the journal position after it, as the pipeline does
     * after each batch.
     */
    private static AlertRecord write(LuceneAlertStore store, AlertGrouper grouper, Detection d) {
        List<AlertRecord> changed = grouper.add(List.of(d), NOW.plusSeconds(d.position()));
        store.write(changed, d.position() + 1);
        return changed.getFirst();
    }
}
