package vn.lachan.alert.index;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.alert.index.Alerts.T0;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.alert.AlertRecord;

/** Every filter, alone and combined, against the slow reference in {@link Alerts#expected}. */
class AlertSearchTest {
    @TempDir
    static Path dir;

    private static List<AlertRecord> alerts = List.of();
    private static @Nullable LuceneAlertStore store;

    @BeforeAll
    static void fill() {
        alerts = Alerts.random(400, 7);
        store = LuceneAlertStore.open(dir.resolve("alerts"));
        store.write(alerts.subList(0, 200), 1);
        store.write(alerts.subList(200, alerts.size()), 2);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    private static LuceneAlertStore store() {
        return java.util.Objects.requireNonNull(store, "the store opens before every test");
    }

    private static List<AlertRecord> found(AlertQuery q) {
        return store().search(q).items();
    }

    private static AlertQuery query(
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable String rule,
            Set<AlertLevel> levels,
            @Nullable String host,
            @Nullable String organization) {
        return new AlertQuery(from, to, rule, levels, host, organization, AlertQuery.MAX_SIZE, null);
    }

    @Test
    void eachFilterAloneFindsExactlyWhatItShould() {
        List<AlertQuery> queries = List.of(
                query(null, null, null, Set.of(), null, null),
                query(null, null, "rule-b", Set.of(), null, null),
                query(null, null, "no-such-rule", Set.of(), null, null),
                query(null, null, null, Set.of(AlertLevel.HIGH), null, null),
                query(null, null, null, EnumSet.of(AlertLevel.LOW, AlertLevel.CRITICAL), null, null),
                query(null, null, null, Set.of(), "ws-01", null),
                query(null, null, null, Set.of(), null, "so-gddt"),
                query(T0.plusSeconds(30), null, null, Set.of(), null, null),
                query(null, T0.plusSeconds(30), null, Set.of(), null, null),
                query(T0.plusSeconds(20), T0.plusSeconds(40), null, Set.of(), null, null));
        for (AlertQuery q : queries) {
            List<AlertRecord> expected = Alerts.expected(alerts, q);
            assertThat(found(q)).as(q.toString()).containsExactlyElementsOf(expected);
            assertThat(store().search(q).total()).as(q.toString()).isEqualTo(expected.size());
        }
        assertThat(found(queries.get(1))).isNotEmpty().hasSizeLessThan(alerts.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws-01", "WS-01", "Ws-01"})
    void theHostFilterIgnoresCase(String host) {
        List<AlertRecord> hits = found(query(null, null, null, Set.of(), host, null));

        assertThat(hits)
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.entities().get("host.name")).isEqualToIgnoringCase("ws-01"));
        assertThat(hits).extracting(a -> a.entities().get("host.name")).contains("WS-01", "ws-01");
    }

    @Test
    void fromIsIncludedAndToIsExcludedToTheNanosecond() {
        AlertRecord edge = alerts.get(17);
        Instant at = edge.lastSeen();

        assertThat(found(query(at, null, null, Set.of(), null, null))).contains(edge);
        assertThat(found(query(at.plusNanos(1), null, null, Set.of(), null, null)))
                .doesNotContain(edge);
        assertThat(found(query(null, at, null, Set.of(), null, null))).doesNotContain(edge);
        assertThat(found(query(null, at.plusNanos(1), null, Set.of(), null, null)))
                .contains(edge);
    }

    @Test
    void seededCombinationsMatchTheReference() {
        java.util.Random random = new java.util.Random(11);
        String[] rules = {"rule-a", "rule-c"};
        String[] hosts = {"dc01", "srv-mail"};
        String[] organizations = {"so-tttt", "ubnd-tinh"};
        for (int i = 0; i < 60; i++) {
            Set<AlertLevel> levels = new java.util.HashSet<>();
            for (AlertLevel level : AlertLevel.values()) {
                if (random.nextInt(3) == 0) {
                    levels.add(level);
                }
            }
            Instant from = random.nextBoolean() ? null : T0.plusSeconds(random.nextInt(50));
            Instant to = random.nextBoolean() ? null : T0.plusSeconds(60 + random.nextInt(50));
            AlertQuery q = query(
                    from,
                    to,
                    random.nextBoolean() ? null : rules[random.nextInt(2)],
                    levels,
                    random.nextInt(3) == 0 ? hosts[random.nextInt(2)] : null,
                    random.nextBoolean() ? null : organizations[random.nextInt(2)]);
            assertThat(found(q)).as(q.toString()).containsExactlyElementsOf(Alerts.expected(alerts, q));
        }
    }

    @Test
    void alertsWithoutAHostAreLeftOutOfAHostSearchOnly() {
        List<AlertRecord> hostless = new ArrayList<>(alerts.stream()
                .filter(a -> !a.entities().containsKey("host.name"))
                .toList());

        assertThat(hostless).isNotEmpty();
        assertThat(found(query(null, null, null, Set.of(), null, null))).containsAll(hostless);
        for (String host : List.of("dc01", "ws-01", "srv-mail")) {
            assertThat(found(query(null, null, null, Set.of(), host, null))).doesNotContainAnyElementsOf(hostless);
        }
    }
}
