package vn.lachan.store;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.AggregationResult;

/** Estimates the distinct values of a field with a HyperLogLog; keywords are hashed once per ordinal. */
final class DistinctAccumulator implements Accumulator {
    private final Aggregation.DistinctCount request;
    private final HyperLogLog sketch = new HyperLogLog();

    DistinctAccumulator(Aggregation.DistinctCount request) {
        this.request = request;
    }

    @Override
    public Leaf leaf(LeafReader reader, @Nullable FieldType type) throws IOException {
        Accumulator.requireAggregatable(request.field(), type);
        if (type == null) {
            return Leaf.NONE;
        }
        if (type.isKeyword() && !TermCounts.hasDocValues(reader, request.field())) {
            return new TermCounts(
                    reader,
                    request.field(),
                    (term, count) -> sketch.addHash(HyperLogLog.hash(term.bytes, term.offset, term.length)));
        }
        if (type.isKeyword() || type == FieldType.IP) {
            return ordinals(DocValues.getSortedSet(reader, request.field()));
        }
        return Accumulator.perValue(reader, request.field(), type, sketch::add);
    }

    private Leaf ordinals(SortedSetDocValues dv) {
        FixedBitSet seen = new FixedBitSet((int) Math.max(1, dv.getValueCount()));
        return new Leaf() {
            @Override
            public void collect(int doc) throws IOException {
                if (dv.advanceExact(doc)) {
                    for (int i = 0, n = dv.docValueCount(); i < n; i++) {
                        seen.set((int) dv.nextOrd());
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                for (int ord = 0; ord < dv.getValueCount(); ord++) {
                    if (!seen.get(ord)) {
                        continue;
                    }
                    BytesRef bytes = dv.lookupOrd(ord);
                    sketch.addHash(HyperLogLog.hash(bytes.bytes, bytes.offset, bytes.length));
                }
            }
        };
    }

    @Override
    public AggregationResult result() {
        return new AggregationResult.DistinctCount(request.name(), sketch.estimate());
    }
}
