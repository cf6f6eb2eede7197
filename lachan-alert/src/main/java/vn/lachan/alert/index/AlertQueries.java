package vn.lachan.alert.index;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertQuery;

/** Translates an alert query into a Lucene query and the page order: newest lastSeen first, then id. */
final class AlertQueries {
    static final Sort ORDER = new Sort(
            LongField.newSortField(AlertDocuments.LAST_SEEN, true, SortedNumericSelector.Type.MAX),
            new SortField(AlertDocuments.ID, SortField.Type.STRING));

    private AlertQueries() {}

    static Query of(AlertQuery q) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        Instant from = q.from();
        Instant to = q.to();
        if (from != null || to != null) {
            long lo = from == null ? Long.MIN_VALUE : AlertDocuments.nanos(from);
            long end = to == null ? Long.MAX_VALUE : AlertDocuments.nanos(to);
            if (to != null && end == Long.MIN_VALUE) {
                return new MatchNoDocsQuery("'to' lies before every time the index can hold");
            }
            long hi = to == null ? end : end - 1;
            all.add(LongField.newRangeQuery(AlertDocuments.LAST_SEEN, lo, hi), BooleanClause.Occur.FILTER);
            clauses++;
        }
        clauses += term(all, AlertDocuments.RULE, q.ruleId());
        clauses += term(all, AlertDocuments.ORGANIZATION, q.organization());
        Set<String> organizations = q.organizations();
        if (organizations != null) {
            if (organizations.isEmpty()) {
                return new MatchNoDocsQuery("the caller sees no organization");
            }
            List<BytesRef> codes = organizations.stream().map(BytesRef::new).toList();
            all.add(new TermInSetQuery(AlertDocuments.ORGANIZATION, codes), BooleanClause.Occur.FILTER);
            clauses++;
        }
        String host = q.host();
        clauses += term(all, AlertDocuments.HOST, host == null ? null : host.toLowerCase(Locale.ROOT));
        if (!q.levels().isEmpty()) {
            List<BytesRef> wire =
                    q.levels().stream().map(AlertLevel::wire).map(BytesRef::new).toList();
            all.add(new TermInSetQuery(AlertDocuments.LEVEL, wire), BooleanClause.Occur.FILTER);
            clauses++;
        }
        return clauses == 0 ? new MatchAllDocsQuery() : all.build();
    }

    private static int term(BooleanQuery.Builder all, String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        all.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        return 1;
    }
}
