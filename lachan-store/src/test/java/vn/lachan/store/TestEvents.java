package vn.lachan.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.StoredEvent;

/** Makes seeded random events with known field types, and stores for tests. */
final class TestEvents {
    static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
    static final List<String> HOSTS = List.of("WS-01", "ws-02", "DC-01", "srv-web");
    static final List<String> CODES = List.of("4624", "4625", "4688", "1");
    static final List<String> USERS = List.of("Admin", "alice", "BOB", "svc-backup");
    static final List<String> TAGS = List.of("alpha", "beta", "gamma");
    static final List<Integer> PORTS = List.of(22, 80, 443, 3389, 8080);
    static final List<String> WORDS =
            List.of("failed", "password", "for", "user", "from", "host", "accepted", "session", "opened", "closed");
    static final List<String> ORGS = List.of("so-tttt", "ubnd");

    private TestEvents() {}

    static List<StoredEvent> random(long seed, int count, int days) {
        Random random = new Random(seed);
        List<StoredEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant time = BASE.plusMillis(
                    (long) (random.nextDouble() * Duration.ofDays(days).toMillis()));
            events.add(event(random, time));
        }
        return events;
    }

    static StoredEvent event(Random random, Instant time) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("@timestamp", time.toString());
        String host = pick(random, HOSTS);
        if (random.nextBoolean()) {
            fields.put("host", new LinkedHashMap<String, @Nullable Object>(Map.of("name", host)));
        } else {
            fields.put("host.name", host);
        }
        fields.put("event.code", pick(random, CODES));
        if (random.nextInt(10) < 8) {
            fields.put("user.name", pick(random, USERS));
        }
        fields.put("source.ip", ip(random));
        fields.put("destination.port", (long) pick(random, PORTS));
        fields.put("network.bytes", (long) random.nextInt(100_000));
        fields.put("risk", Math.round(random.nextDouble() * 1000) / 100.0);
        if (random.nextBoolean()) {
            fields.put("tag", pick(random, TAGS));
        }
        fields.put("message", message(random));
        return stored(random, time, pick(random, ORGS), "sys-" + random.nextInt(3), fields);
    }

    static StoredEvent stored(
            Random random, Instant time, String org, String system, Map<String, @Nullable Object> fields) {
        return new StoredEvent(EventId.next(time, random), time, org, system, fields, Json.write(fields));
    }

    private static String ip(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "10.0." + random.nextInt(4) + "." + random.nextInt(256);
            case 1 -> "192.168.1." + random.nextInt(256);
            default -> "2001:db8::" + Integer.toHexString(random.nextInt(4096));
        };
    }

    private static String message(Random random) {
        StringBuilder text = new StringBuilder();
        int words = 3 + random.nextInt(5);
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(pick(random, WORDS));
        }
        return random.nextBoolean()
                ? text.toString()
                : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
