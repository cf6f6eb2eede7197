package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.LegalHold;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.core.store.RetentionPolicy;
import vn.lachan.core.store.RetentionReport;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SecurityLevel;
import vn.lachan.core.store.StoredEvent;

/** Drops whole partitions only when every event in them is expired and no hold covers them; logs it. */
class RetentionTest {
    @TempDir
    Path dir;

    private final Random random = new Random(21);
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");

    private StoredEvent event(Instant time, String system) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>(Map.of("message", "x", "event.code", "1"));
        return TestEvents.stored(random, time, "so-tttt", system, fields);
    }

    @Test
    void partitionsExpireByTheLongestRuleOfTheirSystemsUnlessHeld() throws Exception {
        var policy = new RetentionPolicy(
                Map.of(
                        "so-tttt/web", new RetentionPolicy.SystemRule(SecurityLevel.LEVEL_2, null),
                        "so-tttt/core", new RetentionPolicy.SystemRule(SecurityLevel.LEVEL_4, null)),
                Map.of(),
                Period.ofMonths(12));
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            List<StoredEvent> events = new ArrayList<>();
            for (int day = 0; day < 10; day++) {
                Instant t = JAN.plusSeconds(86_400L * day + 3600);
                events.add(event(t, "web"));
                if (day == 3) {
                    events.add(event(t.plusSeconds(60), "core"));
                }
            }
            store.write(new EventBatch(events, 10));
            Instant now = Instant.parse("2026-02-09T12:00:00Z");
            var hold = new LegalHold(
                    "vụ việc 12/2026",
                    Instant.parse("2026-01-06T00:00:00Z"),
                    Instant.parse("2026-01-07T00:00:00Z"),
                    null);
            RetentionReport report = store.applyRetention(policy, List.of(hold), now);

            // web (level 2: 1 month) expires by 2026-02-0X: days 1..8 ended before Feb 9 minus one month.
            assertThat(report.deleted())
                    .extracting(RetentionReport.Deletion::partition)
                    .containsExactly(
                            "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-05", "2026-01-07", "2026-01-08");
            assertThat(report.held())
                    .extracting(RetentionReport.Held::partition)
                    .containsExactly("2026-01-06");
            assertThat(store.partitions())
                    .extracting(PartitionInfo::name)
                    .containsExactly("2026-01-04", "2026-01-06", "2026-01-09", "2026-01-10");
            assertThat(store.search(SearchRequest.newest(new Query.MatchAll(), null, null, 0))
                            .total()
                            .value())
                    .isEqualTo(5);
            assertThat(dir.resolve("events/2026-01-01")).doesNotExist();

            List<String> log = Files.readAllLines(dir.resolve(Retention.LOG), StandardCharsets.UTF_8);
            assertThat(log).hasSize(6);
            Map<String, @Nullable Object> first = Json.parse(log.getFirst());
            assertThat(first).containsEntry("partition", "2026-01-01").containsEntry("deletedAt", now.toString());
            assertThat(String.valueOf(first.get("rules"))).contains("level 2");
            assertThat(String.valueOf(first.get("reason"))).contains("expired");
        }
    }

    @Test
    void aHoldOnASystemKeepsEveryPartitionHoldingIt() {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(dir))) {
            store.write(new EventBatch(List.of(event(JAN, "web"), event(JAN.plusSeconds(86_400), "mail")), 2));
            var report = store.applyRetention(
                    RetentionPolicy.defaults(),
                    List.of(new LegalHold("điều tra", null, null, "so-tttt/mail")),
                    Instant.parse("2028-01-01T00:00:00Z"));
            assertThat(report.deleted())
                    .extracting(RetentionReport.Deletion::partition)
                    .containsExactly("2026-01-01");
            assertThat(report.held())
                    .extracting(RetentionReport.Held::partition)
                    .containsExactly("2026-01-02");
            var early =
                    store.applyRetention(RetentionPolicy.defaults(), List.of(), Instant.parse("2026-06-01T00:00:00Z"));
            assertThat(early.deleted()).isEmpty();
        }
    }
}
