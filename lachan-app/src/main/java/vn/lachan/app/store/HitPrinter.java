package vn.lachan.app.store;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.core.store.AggregationResult;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;

/** Prints hits as a table or JSON lines, then the total and the top values. */
final class HitPrinter {
    private static final int SUMMARY = 100;
    private static final String[] SUMMARY_FIELDS = {
        "process.command_line", "message", "file.path", "registry.path", "dns.question.name", "process.executable"
    };

    private final PrintStream summary;
    private final PrintStream hits;
    private final JsonMapper json = JsonMapper.builder().build();

    HitPrinter(PrintStream summary, PrintStream hits) {
        this.summary = summary;
        this.hits = hits;
    }

    void print(SearchResult result, boolean table) {
        if (table && !result.hits().isEmpty()) {
            hits.printf(Locale.ROOT, "%-24s  %-28s  %-6s  %s%n", "time", "host", "code", "summary");
        }
        for (StoredEvent e : result.hits()) {
            hits.println(table ? row(e) : jsonLine(e));
        }
        SearchResult.Total total = result.total();
        summary.printf(
                Locale.ROOT,
                "total: %s%,d events%n",
                total.relation() == SearchResult.Total.Relation.GTE ? "at least " : "",
                total.value());
        for (AggregationResult aggregation : result.aggregations()) {
            if (aggregation instanceof AggregationResult.Terms terms) {
                summary.println("top " + terms.name() + ":");
                terms.buckets().forEach(b -> summary.printf(Locale.ROOT, "  %,10d  %s%n", b.count(), b.key()));
                if (terms.others() > 0) {
                    summary.printf(Locale.ROOT, "  %,10d  (other values)%n", terms.others());
                }
            }
        }
        hits.flush();
    }

    private String jsonLine(StoredEvent e) {
        Map<String, @Nullable Object> line = new LinkedHashMap<>();
        line.put("event.id", e.id().toString());
        line.put("organization", e.organization());
        line.put("system", e.system());
        line.putAll(e.fields());
        return json.writeValueAsString(line);
    }

    private static String row(StoredEvent e) {
        return String.format(
                Locale.ROOT,
                "%-24s  %-28s  %-6s  %s",
                e.time(),
                cut(text(e.fields().get("host.name")), 28),
                cut(text(e.fields().get("event.code")), 6),
                summaryOf(e));
    }

    private static String summaryOf(StoredEvent e) {
        for (String field : SUMMARY_FIELDS) {
            String value = text(e.fields().get(field));
            if (!value.isBlank()) {
                return cut(value.replaceAll("\\s+", " ").strip(), SUMMARY);
            }
        }
        return cut(e.raw(), SUMMARY);
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
