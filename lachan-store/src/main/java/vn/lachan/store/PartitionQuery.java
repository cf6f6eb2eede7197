package vn.lachan.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Pairs a partition's searcher with the Lucene query that runs there (the user's query and the time
 * range, and the organizations the caller sees); release it after use.
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

    /**
     * Returns {@code query} limited to events of these organization codes (tenancy), or {@code query} itself
     * when {@code organizations} is null; an empty set matches nothing.
     */
    static Query ofOrganizations(Query query, @Nullable Set<String> organizations) {
        if (organizations == null) {
            return query;
        }
        if (organizations.isEmpty()) {
            return new MatchNoDocsQuery("the caller sees no organization");
        }
        List<BytesRef> codes = organizations.stream().map(BytesRef::new).toList();
        return new BooleanQuery.Builder()
                .add(query, Occur.FILTER)
                .add(new TermInSetQuery(EventDocuments.ORG, codes), Occur.FILTER)
                .build();
    }
}
