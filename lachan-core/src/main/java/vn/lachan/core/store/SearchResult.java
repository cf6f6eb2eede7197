package vn.lachan.core.store;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;

/**
 * Holds one page of a search, the total, the aggregations and what went wrong.
 *
 * @param total how many events match
 * @param hits the page, in the requested order
 * @param nextCursor the cursor for the next page, or null when this page is the last
 * @param aggregations one result per requested aggregation, in the requested order
 * @param errors why the search was refused (a query the store cannot run, a limit); when not empty
 *     there are no hits and no aggregations
 * @param warnings what made the answer partial, such as a damaged partition left out
 */
public record SearchResult(
        Total total,
        List<StoredEvent> hits,
        @Nullable String nextCursor,
        List<AggregationResult> aggregations,
        List<Problem> errors,
        List<Problem> warnings) {
    public SearchResult {
        hits = List.copyOf(hits);
        aggregations = List.copyOf(aggregations);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Returns a refused search: no hits, only the errors (and any warnings met so far). */
    public static SearchResult refused(List<Problem> errors, List<Problem> warnings) {
        return new SearchResult(new Total(0, Total.Relation.EQ), List.of(), null, List.of(), errors, warnings);
    }

    /**
     * Counts the matching events, exactly up to a bound and as "at least" beyond it.
     *
     * @param value the count
     * @param relation whether the count is exact or a lower bound
     */
    public record Total(long value, Relation relation) {
        /** Tells whether a total is exact. */
        public enum Relation {
            /** The count is exact. */
            EQ,
            /** At least this many events match. */
            GTE
        }
    }
}
