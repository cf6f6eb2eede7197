package vn.lachan.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.Aggregation;
import vn.lachan.core.store.AggregationResult;
import vn.lachan.core.store.SearchRequest;

/** Computes a search's aggregations in one pass over the matching documents of each partition. */
final class Aggregator {
    private Aggregator() {}

    /** Returns the limits that the requested aggregations break before any work is done. */
    static List<Problem> check(List<Aggregation> aggregations, SearchRequest request, StoreConfig config) {
        List<Problem> problems = new ArrayList<>();
        for (Aggregation a : aggregations) {
            String message = switch (a) {
                case Aggregation.Terms t
                when t.size() > config.maxBuckets() ->
                    "a terms aggregation returns at most " + config.maxBuckets() + " values, asked " + t.size();
                case Aggregation.DateHistogram h
                when request.from() != null
                        && request.to() != null
                        && HistogramAccumulator.bucketsFor(
                                        request.from(),
                                        request.to(),
                                        h.interval().toMillis())
                                > config.maxBuckets() ->
                    "a date histogram with interval " + h.interval() + " over this range needs more than "
                            + config.maxBuckets() + " buckets: widen the interval";
                default -> null;
            };
            if (message != null) {
                problems.add(new Problem(Search.SOURCE, "aggregation " + a.name(), message));
            }
        }
        return problems;
    }

    static List<AggregationResult> run(
            List<Aggregation> aggregations, SearchRequest request, List<PartitionQuery> targets, StoreConfig config)
            throws IOException {
        if (aggregations.isEmpty()) {
            return List.of();
        }
        List<Accumulator> accumulators = new ArrayList<>();
        List<@Nullable String> fields = new ArrayList<>();
        for (Aggregation a : aggregations) {
            accumulators.add(accumulator(a, request, config));
            fields.add(field(a));
        }
        for (PartitionQuery t : targets) {
            // The searcher has no executor: every slice runs on this thread, so the accumulators need no lock.
            t.searcher().search(t.query(), new Manager(accumulators, fields, t.partition().schema));
        }
        return accumulators.stream().map(Accumulator::result).toList();
    }

    private static Accumulator accumulator(Aggregation a, SearchRequest request, StoreConfig config) {
        return switch (a) {
            case Aggregation.Terms t -> new TermsAccumulator(t, config.maxBuckets() * 50L);
            case Aggregation.DistinctCount d -> new DistinctAccumulator(d);
            case Aggregation.Stats s -> new StatsAccumulator(s);
            case Aggregation.DateHistogram h ->
                new HistogramAccumulator(h, request.from(), request.to(), config.maxBuckets());
        };
    }

    private static @Nullable String field(Aggregation a) {
        return switch (a) {
            case Aggregation.Terms t -> t.field();
            case Aggregation.DistinctCount d -> d.field();
            case Aggregation.Stats s -> s.field();
            case Aggregation.DateHistogram h -> null;
        };
    }

    private record Manager(List<Accumulator> accumulators, List<@Nullable String> fields, Schema schema)
            implements CollectorManager<Collector, Void> {
        @Override
        public Collector newCollector() {
            return new Collector() {
                @Override
                public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                    List<Accumulator.Leaf> leaves = new ArrayList<>();
                    for (int i = 0; i < accumulators.size(); i++) {
                        String field = fields.get(i);
                        FieldType type = field == null ? FieldType.DATE : typeOf(field);
                        leaves.add(accumulators.get(i).leaf(context.reader(), type));
                    }
                    return new Leaves(leaves);
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            };
        }

        private @Nullable FieldType typeOf(String field) {
            return field.equals(EventDocuments.TIME) ? FieldType.DATE : schema.type(field);
        }

        @Override
        public @Nullable Void reduce(Collection<Collector> collectors) {
            return null;
        }
    }

    private record Leaves(List<Accumulator.Leaf> leaves) implements LeafCollector {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
            for (Accumulator.Leaf leaf : leaves) {
                leaf.collect(doc);
            }
        }

        @Override
        public void finish() throws IOException {
            for (Accumulator.Leaf leaf : leaves) {
                leaf.finish();
            }
        }
    }
}
