package vn.lachan.sigma.match;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import vn.lachan.sigma.rule.ValueTest;

/**
 * Caches compiled checks by test, so that equal tests across rules share one, and automata by
 * literal set, so that buckets reading a field with the same literals share one. Thread-safe.
 */
final class Checks {
    private final ConcurrentHashMap<ValueTest, Check> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Literals, Automaton> automata = new ConcurrentHashMap<>();
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

    private record Literals(List<String> patterns, boolean fold) {}

    /** Returns the automaton over the literals (folded already when {@code fold}), built once. */
    Automaton automaton(List<String> patterns, boolean fold) {
        return automata.computeIfAbsent(
                new Literals(List.copyOf(patterns), fold), k -> new Automaton(k.patterns(), k.fold()));
    }

    /** Returns a view of an empty event, for folding tests whose value is known. */
    EventView emptyView() {
        return empty;
    }
}
