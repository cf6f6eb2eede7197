package vn.lachan.alert.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.alert.AlertRecord;

/** Builds alerts for the index tests and answers queries over them the slow, obvious way. */
final class Alerts {
    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final Comparator<AlertRecord> NEWEST_FIRST =
            Comparator.comparing(AlertRecord::lastSeen).reversed().thenComparing(AlertRecord::id);
    private static final String[] RULES = {"rule-a", "rule-b", "rule-c"};
    private static final String[] ORGANIZATIONS = {"so-tttt", "so-gddt", "ubnd-tinh"};
    private static final String[] HOSTS = {"WS-01", "ws-01", "Srv-Mail", "dc01"};

    private Alerts() {}

    static String id(int n) {
        return String.format(Locale.ROOT, "%032x", n);
    }

    static AlertRecord one(String id, Instant lastSeen) {
        return new AlertRecord(
                id,
                false,
                "rule-a",
                "Title",
                AlertLevel.MEDIUM,
                List.of(),
                "",
                "so-tttt",
                "portal",
                Map.of("host.name", "ws-01"),
                lastSeen.minusSeconds(60),
                lastSeen,
                1,
                List.of(),
                lastSeen,
                lastSeen);
    }

    /** Returns {@code n} alerts with seeded attributes; lastSeen repeats often, so ties are common. */
    static List<AlertRecord> random(int n, long seed) {
        Random random = new Random(seed);
        List<AlertRecord> alerts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant lastSeen = T0.plusSeconds(random.nextInt(n / 4 + 1)).plusNanos(random.nextInt(3));
            Map<String, String> entities = random.nextInt(5) == 0
                    ? Map.of("user.name", "u" + i)
                    : Map.of("host.name", HOSTS[random.nextInt(HOSTS.length)]);
            alerts.add(new AlertRecord(
                    id(random.nextInt(Integer.MAX_VALUE)),
                    random.nextBoolean(),
                    RULES[random.nextInt(RULES.length)],
                    "Alert " + i,
                    AlertLevel.values()[random.nextInt(AlertLevel.values().length)],
                    List.of("attack.t1059"),
                    "",
                    ORGANIZATIONS[random.nextInt(ORGANIZATIONS.length)],
                    "sys-" + random.nextInt(3),
                    entities,
                    lastSeen.minusSeconds(random.nextInt(100)),
                    lastSeen,
                    1 + random.nextInt(50),
                    List.of(id(i)),
                    lastSeen,
                    lastSeen));
        }
        Map<String, AlertRecord> unique = new LinkedHashMap<>();
        alerts.forEach(a -> unique.putIfAbsent(a.id(), a));
        return List.copyOf(unique.values());
    }

    /** Returns the alerts the query should find, in page order, ignoring size and cursor. */
    static List<AlertRecord> expected(List<AlertRecord> all, AlertQuery q) {
        return all.stream().filter(a -> matches(a, q)).sorted(NEWEST_FIRST).toList();
    }

    private static boolean matches(AlertRecord a, AlertQuery q) {
        String host = a.entities().get("host.name");
        return (q.from() == null || !a.lastSeen().isBefore(q.from()))
                && (q.to() == null || a.lastSeen().isBefore(q.to()))
                && (q.ruleId() == null || a.ruleId().equals(q.ruleId()))
                && (q.levels().isEmpty() || q.levels().contains(a.level()))
                && (q.host() == null || (host != null && host.equalsIgnoreCase(q.host())))
                && (q.organization() == null || a.organization().equals(q.organization()));
    }
}
