package vn.lachan.alert.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lachan.alert.index.Alerts.T0;
import static vn.lachan.alert.index.Alerts.id;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.alert.AlertRecord;

class AlertStoreTest {
    @TempDir
    Path dir;

    private static AlertQuery all() {
        return new AlertQuery(null, null, null, Set.of(), null, null, 100, null);
    }

    @Test
    void everyComponentSurvivesTheRoundTripAndAReopen() {
        AlertRecord alert = new AlertRecord(
                id(42),
                true,
                "5f1abf38-3f45-4b7e-9f2c-9d2b3b0c6e11",
                "Đăng nhập thất bại nhiều lần — \"brute force\"",
                AlertLevel.CRITICAL,
                List.of("attack.credential-access", "attack.t1110"),
                "Nhiều lần đăng nhập sai\nliên tiếp",
                "sở-tttt",
                "cổng-dịch-vụ",
                Map.of("host.name", "WS-01", "user.name", "nguyễn", "source.ip", "10.0.0.7"),
                Instant.parse("2025-03-14T10:00:00.123456789Z"),
                Instant.parse("2025-03-14T10:59:59.999999999Z"),
                17,
                List.of(id(1), id(2)),
                Instant.parse("2025-03-14T10:00:01.5Z"),
                Instant.parse("2025-03-14T11:00:00.000000001Z"));
        Path folder = dir.resolve("alerts");
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            store.write(List.of(alert), 3);
            assertThat(store.get(alert.id())).contains(alert);
        }
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            assertThat(store.get(alert.id())).contains(alert);
            assertThat(store.search(all()).items()).containsExactly(alert);
        }
    }

    @Test
    void aWriteReplacesTheAlertWithTheSameId() {
        try (LuceneAlertStore store = LuceneAlertStore.open(dir)) {
            AlertRecord first = Alerts.one(id(1), T0);
            AlertRecord later = Alerts.one(id(1), T0.plusSeconds(30));
            store.write(List.of(first, Alerts.one(id(2), T0)), 1);
            store.write(List.of(later), 2);

            assertThat(store.get(id(1))).contains(later);
            assertThat(store.get(id(3))).isEmpty();
            assertThat(store.search(all()).total()).isEqualTo(2);
            assertThat(store.search(all()).items()).extracting(AlertRecord::id).containsExactly(id(1), id(2));
        }
    }

    @Test
    void theDurablePositionSurvivesAReopenAndOnlyMovesForward() {
        Path folder = dir.resolve("alerts");
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            assertThat(store.durablePosition()).isEqualTo(-1);
            store.write(List.of(Alerts.one(id(1), T0)), 5);
            assertThat(store.durablePosition()).isEqualTo(5);
        }
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            assertThat(store.durablePosition()).isEqualTo(5);
            store.write(List.of(), 9);
            store.write(List.of(Alerts.one(id(2), T0)), 8);
            assertThat(store.durablePosition()).isEqualTo(9);
            assertThat(store.get(id(2))).isPresent();
            assertThatThrownBy(() -> store.write(List.of(), -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            assertThat(store.durablePosition()).isEqualTo(9);
            assertThat(store.get(id(1))).isPresent();
        }
    }

    @Test
    void aSecondStoreCannotOpenTheSameFolder() {
        Path folder = dir.resolve("alerts");
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            store.write(List.of(Alerts.one(id(1), T0)), 0);
            assertThatThrownBy(() -> LuceneAlertStore.open(folder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(folder.toString())
                    .hasMessageContaining("in use");
            assertThat(store.get(id(1))).isPresent();
        }
        try (LuceneAlertStore reopened = LuceneAlertStore.open(folder)) {
            assertThat(reopened.get(id(1))).isPresent();
        }
    }

    @Test
    void aClosedStoreRefusesWorkNamingItsFolder() {
        LuceneAlertStore store = LuceneAlertStore.open(dir);
        store.close();
        store.close();

        assertThatThrownBy(() -> store.write(List.of(), 1)).hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> store.get(id(1))).hasMessageContaining("closed");
    }

    @Test
    void aFolderThatIsAFileIsReportedClearly() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("alerts"), "not a folder");

        assertThatThrownBy(() -> LuceneAlertStore.open(file)).hasMessageContaining(file.toString());
    }
}
