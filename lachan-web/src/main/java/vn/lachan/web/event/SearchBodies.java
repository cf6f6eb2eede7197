package vn.lachan.web.event;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.query.ParsedQuery;
import vn.lachan.core.query.QueryError;
import vn.lachan.core.query.QueryParser;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.web.internal.ApiProblem;

/** Checks a {@link SearchBody} and maps it to a {@link SearchRequest}, naming the field of every mistake. */
final class SearchBodies {
    static final int DEFAULT_SIZE = 100;
    private static final int DEFAULT_TERMS = 10;
    private static final Pattern SHORT_INTERVAL = Pattern.compile("(\\d{1,9})([smhd])");

    private SearchBodies() {}

    static SearchRequest request(SearchBody body) {
        Instant from = instant("from", body.from());
        Instant to = instant("to", body.to());
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.invalidField("to", "must be after 'from' (" + from + "), was " + to);
        }
        int size = body.size() == null ? DEFAULT_SIZE : body.size();
        if (size < 0) {
            throw ApiProblem.invalidField("size", "a page size is 0 or more, was " + size);
        }
        return new SearchRequest(
                query(body.query()), from, to, order(body.sort()), size, body.cursor(), aggregations(body));
    }

    static vn.lachan.core.query.Query query(@Nullable String text) {
        ParsedQuery parsed = QueryParser.parse(text == null ? "" : text);
        var query = parsed.query();
        if (query != null) {
            return query;
        }
        QueryError first = parsed.errors().getFirst();
        List<Map<String, Object>> errors = parsed.errors().stream()
                .map(e -> Map.<String, Object>of("position", e.position(), "reason", e.reason()))
                .toList();
        throw ApiProblem.of(
                        400,
                        "invalid-query",
                        "Invalid query",
                        "the query cannot be read at position " + first.position() + ": " + first.reason())
                .with("field", "query")
                .with("position", first.position())
                .with("reason", first.reason())
                .with("errors", errors);
    }

    private static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(
                    field, "an ISO-8601 instant such as 2026-03-01T08:00:00Z is expected, not '" + value + "'");
        }
    }

    private static SearchRequest.Order order(@Nullable String sort) {
        if (sort == null) {
            return SearchRequest.Order.NEWEST_FIRST;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "newest", "desc", "@timestamp:desc" -> SearchRequest.Order.NEWEST_FIRST;
            case "oldest", "asc", "@timestamp:asc" -> SearchRequest.Order.OLDEST_FIRST;
            default -> throw ApiProblem.invalidField("sort", "'newest' or 'oldest' is expected, not '" + sort + "'");
        };
    }

    private static List<Aggregation> aggregations(SearchBody body) {
        var bodies = body.aggregations();
        List<Aggregation> out = new ArrayList<>();
        if (bodies == null) {
            return out;
        }
        bodies.forEach((name, agg) -> out.add(aggregation(name, agg)));
        return out;
    }

    private static Aggregation aggregation(String name, SearchBody.AggregationBody agg) {
        String field = "aggregations." + name;
        long given = java.util.stream.Stream.of(agg.terms(), agg.dateHistogram(), agg.distinct(), agg.stats())
                .filter(java.util.Objects::nonNull)
                .count();
        if (given != 1) {
            throw ApiProblem.invalidField(field, "give exactly one of terms, date_histogram, distinct, stats");
        }
        try {
            if (agg.terms() instanceof SearchBody.Terms t) {
                return new Aggregation.Terms(name, required(field + ".terms", t.field()), termsSize(t));
            }
            if (agg.dateHistogram() instanceof SearchBody.DateHistogram h) {
                return new Aggregation.DateHistogram(name, interval(field + ".date_histogram.interval", h.interval()));
            }
            if (agg.distinct() instanceof SearchBody.Field d) {
                return new Aggregation.DistinctCount(name, required(field + ".distinct", d.field()));
            }
            SearchBody.Field s = java.util.Objects.requireNonNull(agg.stats());
            return new Aggregation.Stats(name, required(field + ".stats", s.field()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, String.valueOf(e.getMessage()));
        }
    }

    private static int termsSize(SearchBody.Terms terms) {
        return terms.size() == null ? DEFAULT_TERMS : terms.size();
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalidField(field + ".field", "a field name is required");
        }
        return value.strip();
    }

    static Duration interval(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.invalidField(field, "an interval such as 30s, 5m, 1h, 1d or PT1H is required");
        }
        Matcher m = SHORT_INTERVAL.matcher(text.strip());
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(
                    field, "an interval such as 30s, 5m, 1h, 1d or PT1H is expected, not '" + text + "'");
        }
    }
}
