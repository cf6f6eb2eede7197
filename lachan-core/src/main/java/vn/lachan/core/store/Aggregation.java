package vn.lachan.core.store;

import java.time.Duration;
import java.util.Objects;

/** Asks for a summary of every event that matches a search; the result carries the same name. */
public sealed interface Aggregation {
    /** Returns the name that the result carries. */
    String name();

    /**
     * Asks for the most frequent values of a field, with their counts.
     *
     * @param name the result's name
     * @param field the field
     * @param size how many values, most frequent first (1 or more)
     */
    record Terms(String name, String field, int size) implements Aggregation {
        public Terms {
            requireNamed(name, field);
            if (size < 1) {
                throw new IllegalArgumentException("a terms aggregation needs a size >= 1, was " + size);
            }
        }
    }

    /**
     * Asks for the count of events per time interval, aligned on the epoch.
     *
     * @param name the result's name
     * @param interval the bucket width, at least one second
     */
    record DateHistogram(String name, Duration interval) implements Aggregation {
        public DateHistogram {
            requireNamed(name, "@timestamp");
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("a histogram interval is at least 1s, was " + interval);
            }
        }
    }

    /**
     * Asks for the approximate number of distinct values of a field (HyperLogLog, a few percent off).
     *
     * @param name the result's name
     * @param field the field
     */
    record DistinctCount(String name, String field) implements Aggregation {
        public DistinctCount {
            requireNamed(name, field);
        }
    }

    /**
     * Asks for the count, minimum, maximum and average of a numeric field.
     *
     * @param name the result's name
     * @param field the numeric field (long, double or date)
     */
    record Stats(String name, String field) implements Aggregation {
        public Stats {
            requireNamed(name, field);
        }
    }

    private static void requireNamed(String name, String field) {
        Objects.requireNonNull(field, "field");
        if (name.isBlank() || field.isBlank()) {
            throw new IllegalArgumentException("an aggregation needs a name and a field");
        }
    }
}
