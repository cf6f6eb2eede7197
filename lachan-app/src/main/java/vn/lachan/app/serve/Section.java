package vn.lachan.app.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Suggestions;

/**
 * Reads one mapping of the configuration file: typed values by key, every problem collected with the
 * key's full path, and the keys nobody asked for reported as unknown (with the nearest known one).
 */
final class Section {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|TiB|KB|MB|GB|TB)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String path;
    private final Map<?, ?> values;
    private final List<String> problems;
    private final Set<String> known = new LinkedHashSet<>();

    Section(String path, Map<?, ?> values, List<String> problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    private String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    @Nullable
    Object raw(String key) {
        known.add(key);
        return values.get(key);
    }

    void problem(String key, String message) {
        problems.add(where(key) + ": " + message);
    }

    Section section(String key) {
        Object v = raw(key);
        if (v == null) {
            return new Section(where(key), Map.of(), problems);
        }
        if (!(v instanceof Map<?, ?> m)) {
            problem(key, "must be a mapping of settings, not '" + v + "'");
            return new Section(where(key), Map.of(), problems);
        }
        return new Section(where(key), m, problems);
    }

    String text(String key, String fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            problem(key, "must be a single value");
            return fallback;
        }
        return v.toString();
    }

    /** Returns the value, or null when the key is absent or explicitly empty ({@code ~} or {@code ""}). */
    @Nullable
    String optionalText(String key, @Nullable String fallback) {
        known.add(key);
        if (!values.containsKey(key)) {
            return fallback;
        }
        Object v = values.get(key);
        return v == null || v.toString().isBlank() ? null : text(key, "");
    }

    boolean flag(String key, boolean fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problem(key, "must be true or false, not '" + v + "'");
        return fallback;
    }

    int integer(String key, int fallback, int min, int max) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer i && i >= min && i <= max) {
            return i;
        }
        problem(key, "must be a whole number from " + min + " to " + max + ", not '" + v + "'");
        return fallback;
    }

    long size(String key, long fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        Matcher m = SIZE.matcher(v.toString().strip());
        if (!m.matches()) {
            problem(key, "must be a size such as 64MiB, 4GiB or 65536 (bytes), not '" + v + "'");
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return switch (unit) {
            case "KiB" -> n << 10;
            case "MiB" -> n << 20;
            case "GiB" -> n << 30;
            case "TiB" -> n << 40;
            case "KB" -> n * 1_000;
            case "MB" -> n * 1_000_000;
            case "GB" -> n * 1_000_000_000;
            case "TB" -> n * 1_000_000_000_000L;
            default -> n;
        };
    }

    Duration duration(String key, Duration fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v.toString().strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            problem(key, "must be a duration such as 500ms, 2s, 10m, 1h or 30d, not '" + v + "'");
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    List<String> texts(String key) {
        Object v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                    problem(key, "must be a list of single values");
                    return List.of();
                }
                out.add(item.toString());
            }
            return out;
        }
        return List.of(v.toString());
    }

    List<Section> sections(String key) {
        Object v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            problem(key, "must be a list");
            return List.of();
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> m) {
                out.add(new Section(where(key) + "[" + i + "]", m, problems));
            } else {
                problem(key + "[" + i + "]", "must be a mapping of settings");
            }
        }
        return out;
    }

    Map<?, ?> entries(String key) {
        Object v = raw(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        problem(key, "must be a mapping");
        return Map.of();
    }

    /** Reports every key of this mapping that no reader asked for; call after reading it. */
    void rejectUnknown() {
        for (Object key : values.keySet()) {
            String k = String.valueOf(key);
            if (!known.contains(k)) {
                problems.add(where(k) + ": unknown setting" + Suggestions.hint(k, known));
            }
        }
    }
}
