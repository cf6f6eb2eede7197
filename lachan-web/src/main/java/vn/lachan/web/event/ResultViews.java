package vn.lachan.web.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.AggregationResult;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;

/** Renders the store's results for the wire: explicit maps, so that the store's records never leak. */
final class ResultViews {
    private ResultViews() {}

    static Map<String, @Nullable Object> result(SearchResult result) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put(
                "total",
                Map.of(
                        "value",
                        result.total().value(),
                        "relation",
                        result.total().relation().name().toLowerCase(Locale.ROOT)));
        body.put("hits", result.hits().stream().map(ResultViews::event).toList());
        Map<String, Object> aggregations = new LinkedHashMap<>();
        result.aggregations().forEach(a -> aggregations.put(a.name(), aggregation(a)));
        body.put("aggregations", aggregations);
        body.put("next_cursor", result.nextCursor());
        body.put("warnings", problems(result.warnings()));
        return body;
    }

    static Map<String, Object> event(StoredEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", event.id().toString());
        out.put("timestamp", event.time().toString());
        out.put("organization", event.organization());
        out.put("system", event.system());
        out.put("fields", event.fields());
        out.put("raw", event.raw());
        return out;
    }

    static List<Map<String, String>> problems(List<Problem> problems) {
        List<Map<String, String>> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            out.add(Map.of("source", p.source(), "location", p.location(), "message", p.message()));
        }
        return out;
    }

    private static Map<String, @Nullable Object> aggregation(AggregationResult result) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        switch (result) {
            case AggregationResult.Terms t -> {
                out.put("type", "terms");
                out.put(
                        "buckets",
                        t.buckets().stream()
                                .map(b -> Map.of("key", b.key(), "count", b.count()))
                                .toList());
                out.put("others", t.others());
            }
            case AggregationResult.DateHistogram h -> {
                out.put("type", "date_histogram");
                out.put(
                        "buckets",
                        h.buckets().stream()
                                .map(b -> Map.of("start", b.start().toString(), "count", b.count()))
                                .toList());
            }
            case AggregationResult.DistinctCount d -> {
                out.put("type", "distinct");
                out.put("value", d.estimate());
            }
            case AggregationResult.Stats s -> {
                out.put("type", "stats");
                out.put("count", s.count());
                out.put("min", finite(s.min()));
                out.put("max", finite(s.max()));
                out.put("avg", finite(s.avg()));
            }
        }
        return out;
    }

    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
