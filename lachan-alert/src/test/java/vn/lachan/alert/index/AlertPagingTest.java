package vn.lachan.alert.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertPage;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.alert.AlertRecord;

class AlertPagingTest {
    @TempDir
    Path dir;

    private static AlertQuery page(int size, @Nullable String cursor) {
        return new AlertQuery(null, null, null, Set.of(), null, null, size, cursor);
    }

    /** Pages to the end, checking that every page reports the same exact total. */
    private static List<AlertRecord> pageThrough(LuceneAlertStore store, AlertQuery first, long total) {
        List<AlertRecord> seen = new ArrayList<>();
        String cursor = null;
        do {
            AlertQuery q = new AlertQuery(
                    first.from(),
                    first.to(),
                    first.ruleId(),
                    first.levels(),
                    first.host(),
                    first.organization(),
                    first.size(),
                    cursor);
            AlertPage page = store.search(q);
            assertThat(page.total()).isEqualTo(total);
            assertThat(page.items().size()).isLessThanOrEqualTo(first.size());
            seen.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return seen;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100, 1000})
    void pagingVisitsEveryAlertOnceInOrder(int size) {
        List<AlertRecord> alerts = Alerts.random(1000, 3);
        try (LuceneAlertStore store = LuceneAlertStore.open(dir)) {
            store.write(alerts, 1);

            List<AlertRecord> seen = pageThrough(store, page(size, null), alerts.size());

            assertThat(seen).containsExactlyElementsOf(Alerts.expected(alerts, page(size, null)));
        }
        assertThat(alerts).hasSize(1000);
    }

    @Test
    void aFilteredQueryPagesThroughItsOwnHitsOnly() {
        List<AlertRecord> alerts = Alerts.random(1000, 5);
        AlertQuery highs =
                new AlertQuery(null, null, "rule-a", Set.of(AlertLevel.HIGH, AlertLevel.CRITICAL), null, null, 9, null);
        List<AlertRecord> expected = Alerts.expected(alerts, highs);
        try (LuceneAlertStore store = LuceneAlertStore.open(dir)) {
            store.write(alerts, 1);

            assertThat(pageThrough(store, highs, expected.size())).containsExactlyElementsOf(expected);
        }
        assertThat(expected).hasSizeBetween(50, 500);
    }

    @Test
    void theLastFullPageHasNoNextCursor() {
        try (LuceneAlertStore store = LuceneAlertStore.open(dir)) {
            store.write(Alerts.random(20, 1), 1);
            AlertPage first = store.search(page(10, null));
            AlertPage second = store.search(page(10, first.nextCursor()));

            assertThat(first.nextCursor()).isNotNull();
            assertThat(second.items()).hasSize(10);
            assertThat(second.nextCursor()).isNull();
        }
    }

    @Test
    void aCursorStillWorksAfterARestart() {
        Path folder = dir.resolve("alerts");
        List<AlertRecord> alerts = Alerts.random(50, 9);
        String cursor;
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            store.write(alerts, 1);
            cursor = store.search(page(20, null)).nextCursor();
        }
        try (LuceneAlertStore store = LuceneAlertStore.open(folder)) {
            assertThat(store.search(page(20, cursor)).items())
                    .containsExactlyElementsOf(
                            Alerts.expected(alerts, page(20, null)).subList(20, 40));
        }
    }

    @Test
    void aMalformedTamperedOrForeignCursorIsRefusedNamingIt() {
        String cursor;
        try (LuceneAlertStore other = LuceneAlertStore.open(dir.resolve("other"))) {
            other.write(Alerts.random(5, 2), 1);
            cursor = other.search(page(2, null)).nextCursor();
        }
        assertThat(cursor).isNotNull();
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[3] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (LuceneAlertStore store = LuceneAlertStore.open(dir.resolve("alerts"))) {
            store.write(Alerts.random(5, 2), 1);
            assertThat(store.search(page(2, null)).nextCursor()).isNotEqualTo(cursor);
            for (String bad : List.of("not a cursor!", "abc", "", tampered, cursor)) {
                assertThatThrownBy(() -> store.search(page(2, bad)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'" + bad + "'");
            }
        }
    }
}
