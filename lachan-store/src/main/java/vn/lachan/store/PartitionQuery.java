package vn.lachan.store;

import java.time.Instant;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

/**
 * Pairs a partition's searcher with the Lucene query that runs there (the user's query and the time
 * range); release it after use.
 */
record PartitionQuery(Partition partition, IndexSearcher searcher, Query query) {
    static Query timeBounded(Query query, Partition p, @Nullable Instant from, @Nullable Instant to) {
        long lo = from != null && from.isAfter(p.start) ? from.toEpochMilli() : Long.MIN_VALUE;
        long hi = to != null && to.isBefore(p.end) ? to.toEpochMilli() - 1 : Long.MAX_VALUE;
        if (lo == Long.MIN_VALUE && hi == Long.MAX_VALUE) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, Occur.FILTER)
                .add(LongField.newRangeQuery(EventDocuments.TIME, lo, hi), Occur.FILTER)
                .build();
    }
}
