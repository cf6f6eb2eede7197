package vn.lachan.web.event;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Carries the JSON body of a search or an export as it arrives (snake_case on the wire); {@link
 * SearchBodies} checks it and maps it to the store's request.
 *
 * @param query the search query, blank or absent for every event
 * @param from the first instant included (ISO-8601)
 * @param to the first instant excluded (ISO-8601)
 * @param sort {@code newest} (default) or {@code oldest}
 * @param size the page size (default 100); ignored by an export
 * @param cursor the {@code next_cursor} of the previous page; ignored by an export
 * @param aggregations by name, each with exactly one of {@code terms}, {@code date_histogram}, {@code
 *     distinct}, {@code stats}; ignored by an export
 * @param columns the CSV columns of an export
 */
record SearchBody(
        @Nullable String query,
        @Nullable String from,
        @Nullable String to,
        @Nullable String sort,
        @Nullable Integer size,
        @Nullable String cursor,
        @Nullable Map<String, AggregationBody> aggregations,
        @Nullable List<String> columns) {

    /** Asks for one aggregation: exactly one member is given. */
    record AggregationBody(
            @Nullable Terms terms,
            @Nullable DateHistogram dateHistogram,
            @Nullable Field distinct,
            @Nullable Field stats) {}

    /** Asks for the most frequent values of {@code field}, {@code size} of them (default 10). */
    record Terms(@Nullable String field, @Nullable Integer size) {}

    /** Asks for counts per {@code interval}, such as {@code 1h}, {@code 30m}, {@code 1d} or {@code PT1H}. */
    record DateHistogram(@Nullable String interval) {}

    /** Names the field of a distinct count or stats. */
    record Field(@Nullable String field) {}
}
