package vn.lachan.store;

import java.io.IOException;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Aggregates a keyword field that has no doc values in a segment (layout 2 indexes them only for ECS
 * fields) from its terms: the matching documents are marked, then every term's postings are counted
 * against them. Costs one pass over the field's postings in the segment, bounded by the accumulator's
 * limit on distinct values.
 */
final class TermCounts implements Accumulator.Leaf {
    /** Receives each term with the number of matching documents that hold it (at least 1). */
    interface Sink {
        void accept(BytesRef term, long count);
    }

    private final LeafReader reader;
    private final String field;
    private final Sink sink;
    private final FixedBitSet matched;

    TermCounts(LeafReader reader, String field, Sink sink) {
        this.reader = reader;
        this.field = field;
        this.sink = sink;
        this.matched = new FixedBitSet(Math.max(1, reader.maxDoc()));
    }

    /** Returns whether the field has sorted-set doc values in this segment (ECS keywords, IPs, layout 1). */
    static boolean hasDocValues(LeafReader reader, String field) {
        FieldInfo info = reader.getFieldInfos().fieldInfo(field);
        return info != null && info.getDocValuesType() == DocValuesType.SORTED_SET;
    }

    @Override
    public void collect(int doc) {
        matched.set(doc);
    }

    @Override
    public void finish() throws IOException {
        Terms terms = reader.terms(field);
        if (terms == null) {
            return;
        }
        Bits live = reader.getLiveDocs();
        TermsEnum each = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            postings = each.postings(postings, PostingsEnum.NONE);
            long count = 0;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (matched.get(doc) && (live == null || live.get(doc))) {
                    count++;
                }
            }
            if (count > 0) {
                sink.accept(term, count);
            }
        }
    }
}
