package vn.lachan.core.store;

import java.time.Instant;
import java.util.List;

/** Holds the result of one {@link Aggregation}, under the same name. */
public sealed interface AggregationResult {
    /** Returns the name of the aggregation that asked for it. */
    String name();

    /**
     * Holds the most frequent values of a field.
     *
     * @param name the aggregation's name
     * @param buckets the values, most frequent first (ties by value)
     * @param others how many matching values fell outside the returned buckets
     */
    record Terms(String name, List<Bucket> buckets, long others) implements AggregationResult {
        public Terms {
            buckets = List.copyOf(buckets);
        }
    }

    /**
     * Gives one value and how many events hold it.
     *
     * @param key the value as text
     * @param count the number of events
     */
    record Bucket(String key, long count) {}

    /**
     * Holds the count of events per interval, oldest first; empty intervals inside the range included.
     *
     * @param name the aggregation's name
     * @param buckets the intervals
     */
    record DateHistogram(String name, List<TimeBucket> buckets) implements AggregationResult {
        public DateHistogram {
            buckets = List.copyOf(buckets);
        }
    }

    /**
     * Gives one interval of a histogram.
     *
     * @param start the interval's first instant
     * @param count the number of events in it
     */
    record TimeBucket(Instant start, long count) {}

    /**
     * Holds the approximate number of distinct values.
     *
     * @param name the aggregation's name
     * @param estimate the estimate (HyperLogLog with 2^14 registers: about 1% standard error)
     */
    record DistinctCount(String name, long estimate) implements AggregationResult {}

    /**
     * Holds the summary of a numeric field over the events that have it; min, max and avg are NaN when
     * count is 0.
     *
     * @param name the aggregation's name
     * @param count how many values
     * @param min the smallest value
     * @param max the largest value
     * @param avg the mean
     */
    record Stats(String name, long count, double min, double max, double avg) implements AggregationResult {}
}
