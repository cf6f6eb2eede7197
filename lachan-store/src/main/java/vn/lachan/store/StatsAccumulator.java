package vn.lachan.store;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedNumericDocValues;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.AggregationResult;

/** Computes count, min, max and mean of a numeric field. */
final class StatsAccumulator implements Accumulator {
    private final Aggregation.Stats request;
    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;

    StatsAccumulator(Aggregation.Stats request) {
        this.request = request;
    }

    @Override
    public Leaf leaf(LeafReader reader, @Nullable FieldType type) throws IOException {
        if (type == null) {
            return Leaf.NONE;
        }
        if (!type.isNumeric()) {
            throw new Refusal("min/max/avg need a number or date field; " + request.field() + " is " + type.label());
        }
        SortedNumericDocValues dv = DocValues.getSortedNumeric(reader, request.field());
        return doc -> {
            if (dv.advanceExact(doc)) {
                for (int i = 0, n = dv.docValueCount(); i < n; i++) {
                    double v = Accumulator.numberValue(type, dv.nextValue());
                    count++;
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        };
    }

    @Override
    public AggregationResult result() {
        return count == 0
                ? new AggregationResult.Stats(request.name(), 0, Double.NaN, Double.NaN, Double.NaN)
                : new AggregationResult.Stats(request.name(), count, min, max, sum / count);
    }
}
