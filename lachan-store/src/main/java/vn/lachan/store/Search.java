package vn.lachan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;

/** Runs one search over the partitions that its time range touches. */
final class Search {
    static final String SOURCE = "search";

    private final Partitions partitions;
    private final StoreConfig config;
    private final Analyzer analyzer;
    private final @Nullable Function<String, Map<String, @Nullable Object>> fieldsOfRaw;
    private final StoredText stored;

    Search(
            Partitions partitions,
            StoreConfig config,
            Analyzer analyzer,
            @Nullable Function<String, Map<String, @Nullable Object>> fieldsOfRaw) {
        this.partitions = partitions;
        this.config = config;
        this.analyzer = analyzer;
        this.fieldsOfRaw = fieldsOfRaw;
        this.stored = new StoredText(fieldsOfRaw);
    }

    SearchResult run(SearchRequest request) {
        return run(request, true);
    }

    /**
     * Runs the search, counting its total only when {@code counted} (an export reads page after page and
     * needs no total: counting would run the whole query again for every page); without it the total
     * is "at least 0".
     */
    SearchResult run(SearchRequest request, boolean counted) {
        List<Problem> errors = new ArrayList<>();
        if (request.size() > config.maxPageSize()) {
            errors.add(new Problem(
                    SOURCE,
                    "size",
                    "a page holds at most " + config.maxPageSize() + " hits, asked " + request.size()
                            + ": page with the cursor instead"));
        }
        EventId after = null;
        if (request.cursor() != null) {
            after = EventId.parse(request.cursor()).orElse(null);
            if (after == null) {
                errors.add(new Problem(SOURCE, "cursor", "not a cursor from a previous page: " + request.cursor()));
            }
        }
        errors.addAll(Aggregator.check(request.aggregations(), request, config));
        if (!errors.isEmpty()) {
            return SearchResult.refused(errors, List.of());
        }
        List<Problem> warnings = new ArrayList<>();
        List<PartitionQuery> targets;
        try {
            targets = open(request, warnings);
        } catch (Refusal r) {
            return SearchResult.refused(
                    List.of(new Problem(SOURCE, "query", String.valueOf(r.getMessage()))), warnings);
        }
        try {
            return collect(request, after, targets, warnings, counted);
        } catch (Refusal r) {
            return SearchResult.refused(
                    List.of(new Problem(SOURCE, "query", String.valueOf(r.getMessage()))), warnings);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed reading the index", e);
        } finally {
            release(targets);
        }
    }

    private SearchResult collect(
            SearchRequest request,
            @Nullable EventId after,
            List<PartitionQuery> targets,
            List<Problem> warnings,
            boolean counted)
            throws IOException {
        SearchResult.Total total =
                counted ? total(targets) : new SearchResult.Total(0, SearchResult.Total.Relation.GTE);
        List<StoredEvent> hits = new ArrayList<>();
        String next = new Pages(this)
                .fill(request.size(), request.order() == SearchRequest.Order.NEWEST_FIRST, after, targets, hits);
        var aggregations = Aggregator.run(request.aggregations(), request, targets, config);
        return new SearchResult(total, hits, next, aggregations, List.of(), warnings);
    }

    /** Acquires a searcher per partition in the range, leaving damaged ones out with a warning. */
    List<PartitionQuery> open(SearchRequest request, List<Problem> warnings) {
        List<Partition> parts = partitions.intersecting(request.from(), request.to());
        boolean leading = parts.size() <= config.maxLeadingWildcardPartitions();
        List<PartitionQuery> targets = new ArrayList<>();
        try {
            for (Partition p : parts) {
                PartitionQuery target = open(p, request, leading, warnings);
                if (target != null) {
                    targets.add(target);
                }
            }
        } catch (RuntimeException e) {
            release(targets);
            throw e;
        }
        return targets;
    }

    private @Nullable PartitionQuery open(Partition p, SearchRequest request, boolean leading, List<Problem> warnings) {
        if (p.damage() != null) {
            warnings.add(new Problem(
                    p.dir.toString(),
                    "",
                    "partition " + p.name + " left out of the search: it fails verification (" + p.damage() + ")"));
            return null;
        }
        IndexSearcher searcher;
        try {
            searcher = p.acquire();
        } catch (IOException | RuntimeException e) {
            warnings.add(new Problem(
                    p.dir.toString(),
                    "",
                    "partition " + p.name + " left out of the search: its index cannot be read (" + e.getMessage()
                            + ")"));
            return null;
        }
        if (searcher == null) {
            return null;
        }
        try {
            var query = new QueryTranslator(p.schema, analyzer, leading, stored).translate(request.query());
            var bounded = PartitionQuery.timeBounded(query, p, request.from(), request.to());
            return new PartitionQuery(p, searcher, PartitionQuery.ofOrganizations(bounded, request.organizations()));
        } catch (RuntimeException e) {
            releaseQuietly(p, searcher);
            throw e;
        }
    }

    private SearchResult.Total total(List<PartitionQuery> targets) throws IOException {
        long count = 0;
        for (PartitionQuery t : targets) {
            count += t.searcher().count(t.query());
            if (count > config.totalBound()) {
                return new SearchResult.Total(config.totalBound(), SearchResult.Total.Relation.GTE);
            }
        }
        return new SearchResult.Total(count, SearchResult.Total.Relation.EQ);
    }

    static Sort sort(boolean newest) {
        return new Sort(
                new SortedNumericSortField(EventDocuments.ID_HIGH, SortField.Type.LONG, newest),
                new SortedNumericSortField(EventDocuments.ID_LOW, SortField.Type.LONG, newest));
    }

    /**
     * Reads document {@code doc} of partition {@code partition}: the fields from their stored binary form
     * or JSON when the document has them (written without a rebuilding function), else rebuilt from the
     * original text; stored fields that cannot be read give an event that says so ({@link StoredSource}).
     */
    StoredEvent read(String partition, IndexSearcher searcher, int doc) throws IOException {
        Document d = searcher.storedFields().document(doc);
        EventId id = new EventId(
                d.getField(EventDocuments.ID_HIGH).numericValue().longValue(),
                d.getField(EventDocuments.ID_LOW).numericValue().longValue());
        BytesRef rawBytes = d.getBinaryValue(EventDocuments.RAW);
        String raw = rawBytes == null ? "" : rawBytes.utf8ToString();
        Map<String, @Nullable Object> fields = StoredSource.fields(d, "partition " + partition, doc, fieldsOfRaw);
        if (fields == null) {
            throw new IllegalStateException("event " + id + " was stored without its fields, to be rebuilt from"
                    + " its original text: open the store with the function that rebuilds them");
        }
        return new StoredEvent(
                id,
                id.time(),
                Optional.ofNullable(d.get(EventDocuments.ORG)).orElse("?"),
                Optional.ofNullable(d.get(EventDocuments.SYSTEM)).orElse("?"),
                fields,
                raw);
    }

    static void release(List<PartitionQuery> targets) {
        targets.forEach(t -> releaseQuietly(t.partition(), t.searcher()));
    }

    private static void releaseQuietly(Partition p, IndexSearcher searcher) {
        try {
            p.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release a searcher of " + p.name, e);
        }
    }
}
