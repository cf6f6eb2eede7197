package vn.lachan.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the events of a partition per {@code organization/system}, which retention reads to decide
 * whether every event in the partition is expired. Thread-safe.
 */
final class PartitionStats {
    static final String FILE = "stats.json";
    private final Map<String, Long> systems = new ConcurrentHashMap<>();

    void add(String organization, String system) {
        systems.merge(organization + "/" + system, 1L, Long::sum);
    }

    Map<String, Long> systems() {
        return Map.copyOf(systems);
    }

    void replaceWith(PartitionStats other) {
        systems.clear();
        systems.putAll(other.systems);
    }

    long events() {
        return systems.values().stream().mapToLong(Long::longValue).sum();
    }

    void save(Path dir) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", events());
        json.put("systems", new TreeMap<>(systems));
        Json.writeAtomically(dir.resolve(FILE), json);
    }

    static PartitionStats load(Path dir) {
        PartitionStats stats = new PartitionStats();
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            Json.map(Json.readMap(file).get("systems"))
                    .forEach((k, v) -> stats.systems.put(k, ((Number) Objects.requireNonNull(v)).longValue()));
        }
        return stats;
    }
}
