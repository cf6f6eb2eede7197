package vn.lachan.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.query.Query;

/**
 * Asks for the events that match a query in a time range, one page at a time, with aggregations.
 *
 * @param query the parsed query
 * @param from the first instant included, or null for the beginning of time
 * @param to the first instant excluded, or null for the end of time
 * @param order the order of the hits by time (ties broken by id)
 * @param size how many hits per page, 0 for aggregations and total only
 * @param cursor the {@link SearchResult#nextCursor()} of the previous page, or null for the first page
 * @param aggregations the aggregations to compute over every matching event (not only the page)
 * @param organizations only events of these organization codes (tenancy: what the caller may see), or null
 *     for every organization; an empty set matches nothing
 */
public record SearchRequest(
        Query query,
        @Nullable Instant from,
        @Nullable Instant to,
        Order order,
        int size,
        @Nullable String cursor,
        List<Aggregation> aggregations,
        @Nullable Set<String> organizations) {
    public SearchRequest {
        Objects.requireNonNull(query, "query");
        organizations = organizations == null ? null : Set.copyOf(organizations);
        Objects.requireNonNull(order, "order");
        aggregations = List.copyOf(aggregations);
        if (size < 0) {
            throw new IllegalArgumentException("a page size is >= 0, was " + size);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("an empty time range: from " + from + " is not before to " + to);
        }
    }

    /** Creates a request over every organization. */
    public SearchRequest(
            Query query,
            @Nullable Instant from,
            @Nullable Instant to,
            Order order,
            int size,
            @Nullable String cursor,
            List<Aggregation> aggregations) {
        this(query, from, to, order, size, cursor, aggregations, null);
    }

    /** Returns this request narrowed to the events of these organization codes (null: no narrowing). */
    public SearchRequest restrictedTo(@Nullable Set<String> codes) {
        return new SearchRequest(query, from, to, order, size, cursor, aggregations, codes);
    }

    /** Returns a request for the first page of {@code size} newest hits, without aggregations. */
    public static SearchRequest newest(Query query, @Nullable Instant from, @Nullable Instant to, int size) {
        return new SearchRequest(query, from, to, Order.NEWEST_FIRST, size, null, List.of());
    }

    /** Returns this request for the page after {@code next}. */
    public SearchRequest after(String next) {
        return new SearchRequest(query, from, to, order, size, next, aggregations, organizations);
    }

    /** Tells the order of hits by event time. */
    public enum Order {
        /** Newest first, the default of an investigation. */
        NEWEST_FIRST,
        /** Oldest first, for replay and export. */
        OLDEST_FIRST
    }
}
