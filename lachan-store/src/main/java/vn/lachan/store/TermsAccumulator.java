package vn.lachan.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.AggregationResult;

/** Counts the values of a field: per segment by ordinal for keywords, then merged by value. */
final class TermsAccumulator implements Accumulator {
    private final Aggregation.Terms request;
    private final Map<String, Long> counts = new HashMap<>();

    private final long maxDistinct;

    /** Counts values of the request's field, refusing once more than {@code maxDistinct} distinct values. */
    TermsAccumulator(Aggregation.Terms request, long maxDistinct) {
        this.request = request;
        this.maxDistinct = maxDistinct;
    }

    private void add(String key, long count) {
        counts.merge(key, count, Long::sum);
        if (counts.size() > maxDistinct) {
            throw new Refusal("the field " + request.field() + " holds more than " + maxDistinct
                    + " distinct values here, too many to count exactly: narrow the query or the time range,"
                    + " or ask for a distinct count");
        }
    }

    @Override
    public Leaf leaf(LeafReader reader, @Nullable FieldType type) throws IOException {
        Accumulator.requireAggregatable(request.field(), type);
        if (type == null) {
            return Leaf.NONE;
        }
        if (type.isKeyword() && !TermCounts.hasDocValues(reader, request.field())) {
            return new TermCounts(reader, request.field(), (term, count) -> add(term.utf8ToString(), count));
        }
        if (type.isKeyword() || type == FieldType.IP) {
            return ordinals(DocValues.getSortedSet(reader, request.field()));
        }
        return Accumulator.perValue(reader, request.field(), type, text -> add(text, 1L));
    }

    private Leaf ordinals(SortedSetDocValues dv) {
        long[] perOrd = new long[(int) Math.min(dv.getValueCount(), Integer.MAX_VALUE - 8)];
        return new Leaf() {
            @Override
            public void collect(int doc) throws IOException {
                if (dv.advanceExact(doc)) {
                    for (int i = 0, n = dv.docValueCount(); i < n; i++) {
                        perOrd[(int) dv.nextOrd()]++;
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                for (int ord = 0; ord < perOrd.length; ord++) {
                    if (perOrd[ord] > 0) {
                        add(dv.lookupOrd(ord).utf8ToString(), perOrd[ord]);
                    }
                }
            }
        };
    }

    @Override
    public AggregationResult result() {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<AggregationResult.Bucket> buckets = new ArrayList<>();
        long others = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < request.size()) {
                buckets.add(new AggregationResult.Bucket(
                        sorted.get(i).getKey(), sorted.get(i).getValue()));
            } else {
                others += sorted.get(i).getValue();
            }
        }
        return new AggregationResult.Terms(request.name(), buckets, others);
    }
}
