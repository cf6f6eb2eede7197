package vn.lachan.sigma.match;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import vn.lachan.sigma.rule.ValueTest;

/** Caches compiled checks by test, so that equal tests across rules share one. Thread-safe. */
final class Checks {
    private final ConcurrentHashMap<ValueTest, Check> cache = new ConcurrentHashMap<>();
    private final EventView empty = new EventView(new FieldReader(List.of()));

    /** Returns the compiled check; throws {@link IllegalArgumentException} for a test that cannot run. */
    Check get(ValueTest test) {
        Check check = cache.get(test);
        if (check == null) {
            check = Check.compile(test);
            cache.putIfAbsent(test, check);
        }
        return check;
    }

    /** Returns a view of an empty event, for folding tests whose value is known. */
    EventView emptyView() {
        return empty;
    }
}
