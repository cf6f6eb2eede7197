package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.LegalHold;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.core.store.RetentionPolicy;
import vn.lachan.core.store.SecurityLevel;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

class MaintenanceTest {
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path data;

    @Test
    void sealsFinishedDaysAndDeletesExpiredOnesExceptUnderALegalHold() throws Exception {
        StoreSettings settings = new StoreSettings(
                java.time.Duration.ofHours(1),
                java.time.Duration.ofMinutes(10),
                true,
                new RetentionPolicy(
                        Map.of("so-ttt/cong-dvc", new RetentionPolicy.SystemRule(SecurityLevel.LEVEL_3, null)),
                        Map.of("so-ttt", Period.ofMonths(6)),
                        Period.ofMonths(12)),
                List.of(new LegalHold("Điều tra sự cố SC-2026-014", null, null, "so-ttt/mail")),
                StoreConfig.COMMIT_INTERVAL);
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(data))) {
            // cong-dvc (level 3: kept 3 months) 200 days ago: expired; mail (the organization's 6 months) 201
            // days ago: expired but held;
            // cong-dvc 10 days ago: kept but sealed; today: neither sealed nor deleted.
            store.write(batch(
                    event(NOW.minus(java.time.Duration.ofDays(200)), "cong-dvc"),
                    event(NOW.minus(java.time.Duration.ofDays(201)), "mail"),
                    event(NOW.minus(java.time.Duration.ofDays(10)), "cong-dvc"),
                    event(NOW, "cong-dvc")));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            Maintenance upkeep = new Maintenance(store, settings, Clock.fixed(NOW, ZoneOffset.UTC), registry);

            assertThat(upkeep.runOnce()).isTrue();

            Map<String, PartitionInfo> left =
                    store.partitions().stream().collect(Collectors.toMap(PartitionInfo::name, p -> p));
            assertThat(left).hasSize(3);
            assertThat(left.values().stream().filter(PartitionInfo::sealed).map(PartitionInfo::systems))
                    .containsExactlyInAnyOrder(Set.of("so-ttt/mail"), Set.of("so-ttt/cong-dvc"));
            assertThat(left.values().stream().filter(p -> !p.sealed()).map(PartitionInfo::start))
                    .containsExactly(NOW.atZone(ZoneOffset.UTC)
                            .toLocalDate()
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC));
            assertThat(registry.get("lachan.store.partitions.deleted").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get("lachan.store.partitions.held").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get("lachan.store.partitions.sealed").counter().count())
                    .isEqualTo(3);
            assertThat(Files.readString(data.resolve("deletions.jsonl"), StandardCharsets.UTF_8))
                    .contains("so-ttt/cong-dvc at level 3");
            assertThat(store.verify().intact()).isTrue();
        }
    }

    @Test
    void withRetentionOffSealsButDeletesNothing() throws Exception {
        try (LuceneEventStore store = new LuceneEventStore(StoreConfig.defaults(data))) {
            store.write(batch(event(Instant.parse("2019-05-18T10:00:00Z"), "cong-dvc")));
            Maintenance upkeep = new Maintenance(
                    store,
                    StoreSettings.defaults().withoutRetention(),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    new SimpleMeterRegistry());

            assertThat(upkeep.runOnce()).isTrue();

            assertThat(store.partitions()).singleElement().satisfies(p -> {
                assertThat(p.sealed()).isTrue();
                assertThat(p.events()).isEqualTo(1);
            });
        }
    }

    private int seq;

    private StoredEvent event(Instant time, String system) {
        seq++;
        return new StoredEvent(
                EventId.ofJournal(time, 7, seq),
                time,
                "so-ttt",
                system,
                Map.of("host.name", "web-" + seq),
                "{\"host\":{\"name\":\"web-" + seq + "\"}}");
    }

    private static EventBatch batch(StoredEvent... events) {
        List<StoredEvent> list = new ArrayList<>(List.of(events));
        return new EventBatch(list, list.size() - 1);
    }
}
