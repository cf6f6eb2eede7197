package vn.lachan.store;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedNumericDocValues;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.AggregationResult;

/** Counts events per interval of event time, aligned on the epoch; refuses more than the bucket limit. */
final class HistogramAccumulator implements Accumulator {
    private final Aggregation.DateHistogram request;
    private final long interval;
    private final int maxBuckets;
    private final @Nullable Instant from;
    private final @Nullable Instant to;
    private final TreeMap<Long, Long> counts = new TreeMap<>();

    HistogramAccumulator(
            Aggregation.DateHistogram request, @Nullable Instant from, @Nullable Instant to, int maxBuckets) {
        this.request = request;
        this.interval = request.interval().toMillis();
        this.from = from;
        this.to = to;
        this.maxBuckets = maxBuckets;
    }

    @Override
    public Leaf leaf(LeafReader reader, @Nullable FieldType ignored) throws IOException {
        SortedNumericDocValues dv = DocValues.getSortedNumeric(reader, EventDocuments.TIME);
        return doc -> {
            if (dv.advanceExact(doc)) {
                long bucket = Math.floorDiv(dv.nextValue(), interval) * interval;
                counts.merge(bucket, 1L, Long::sum);
                if (counts.size() > maxBuckets) {
                    throw new Refusal(tooMany());
                }
            }
        };
    }

    String tooMany() {
        return "a date histogram with interval " + request.interval() + " needs more than " + maxBuckets
                + " buckets here: widen the interval or narrow the time range";
    }

    @Override
    public AggregationResult result() {
        List<AggregationResult.TimeBucket> buckets = new ArrayList<>();
        if (counts.isEmpty() && (from == null || to == null)) {
            return new AggregationResult.DateHistogram(request.name(), buckets);
        }
        long first = from != null ? Math.floorDiv(from.toEpochMilli(), interval) * interval : counts.firstKey();
        long last = to != null ? Math.floorDiv(to.toEpochMilli() - 1, interval) * interval : counts.lastKey();
        if (!counts.isEmpty()) {
            first = Math.min(first, counts.firstKey());
            last = Math.max(last, counts.lastKey());
        }
        if ((last - first) / interval + 1 > maxBuckets) {
            throw new Refusal(tooMany());
        }
        for (long b = first; b <= last; b += interval) {
            buckets.add(new AggregationResult.TimeBucket(Instant.ofEpochMilli(b), counts.getOrDefault(b, 0L)));
        }
        return new AggregationResult.DateHistogram(request.name(), buckets);
    }

    static long bucketsFor(Instant from, Instant to, long interval) {
        return Math.floorDiv(to.toEpochMilli() - 1, interval) - Math.floorDiv(from.toEpochMilli(), interval) + 1;
    }
}
