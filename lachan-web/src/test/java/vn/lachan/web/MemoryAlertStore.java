package vn.lachan.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import vn.lachan.core.alert.AlertPage;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.alert.AlertStore;

/** Keeps alerts in memory; the cursor is the offset of the next page as decimal text. */
final class MemoryAlertStore implements AlertStore {
    private final Map<String, AlertRecord> alerts = new LinkedHashMap<>();
    private final List<Consumer<AlertRecord>> listeners = new CopyOnWriteArrayList<>();
    private long position = -1;

    int subscribers() {
        return listeners.size();
    }

    @Override
    public void write(List<AlertRecord> written, long position) {
        synchronized (this) {
            written.forEach(a -> alerts.put(a.id(), a));
            this.position = position;
        }
        written.forEach(a -> listeners.forEach(l -> l.accept(a)));
    }

    @Override
    public synchronized long durablePosition() {
        return position;
    }

    @Override
    public synchronized AlertPage search(AlertQuery q) {
        int offset = offset(q.cursor());
        List<AlertRecord> matching = new ArrayList<>();
        for (AlertRecord a : alerts.values()) {
            if (matches(q, a)) {
                matching.add(a);
            }
        }
        matching.sort(Comparator.comparing(AlertRecord::lastSeen).reversed());
        int end = Math.min(matching.size(), offset + q.size());
        List<AlertRecord> page = offset >= matching.size() ? List.of() : matching.subList(offset, end);
        return new AlertPage(page, matching.size(), end < matching.size() ? Integer.toString(end) : null);
    }

    private static int offset(@org.jspecify.annotations.Nullable String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor of this store: " + cursor);
        }
    }

    private static boolean matches(AlertQuery q, AlertRecord a) {
        return (q.from() == null || !a.lastSeen().isBefore(q.from()))
                && (q.to() == null || a.lastSeen().isBefore(q.to()))
                && (q.ruleId() == null || q.ruleId().equals(a.ruleId()))
                && (q.levels().isEmpty() || q.levels().contains(a.level()))
                && (q.host() == null
                        || q.host()
                                .toLowerCase(Locale.ROOT)
                                .equals(lower(a.entities().get("host.name"))))
                && (q.organization() == null || q.organization().equals(a.organization()))
                && q.allows(a.organization());
    }

    private static String lower(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    @Override
    public synchronized Optional<AlertRecord> get(String id) {
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public AutoCloseable subscribe(Consumer<AlertRecord> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {}
}
