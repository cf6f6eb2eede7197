package vn.lachan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;
import org.jspecify.annotations.Nullable;

/**
 * Matches the words of a phrase in sequence in a text field, in every layout: a segment that indexed the
 * field with positions (layouts 1 and 2) answers with Lucene's phrase query; one indexed without (layout
 * 3) finds the events that hold every word, then checks each against its stored text, re-analysed.
 *
 * <p>The check reads and rebuilds each candidate event, so it is bounded: past {@value #MAX_CHECKED}
 * candidates in one partition the query is refused, with a reason that says how to narrow it. A query
 * object serves one search of one partition (the store translates the query per search), and remembers
 * per segment which candidates it checked and which held the phrase: the total, the page and the
 * aggregations of a search each run the query, and each candidate is read and checked once.
 */
final class VerifiedPhraseQuery extends Query {
    /** Most candidate events checked per partition and query. */
    static final long MAX_CHECKED = 100_000;

    private final String field;
    private final List<String> words;
    private final Analyzer analyzer;
    private final StoredText source;
    /** What this query found so far, per segment reader of the search's searcher. */
    private final Map<LeafReader, Verdicts> verdicts = new ConcurrentHashMap<>();
    /** Candidates read and checked by this query: bounded by {@link #MAX_CHECKED}. */
    private final AtomicLong checked = new AtomicLong();

    VerifiedPhraseQuery(String field, List<String> words, Analyzer analyzer, StoredText source) {
        this.field = field;
        this.words = List.copyOf(words);
        this.analyzer = analyzer;
        this.source = source;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight positional = searcher.createWeight(
                searcher.rewrite(new PhraseQuery(field, words.toArray(String[]::new))),
                ScoreMode.COMPLETE_NO_SCORES,
                1f);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : new LinkedHashSet<>(words)) {
            all.add(new TermQuery(new Term(field, word)), Occur.FILTER);
        }
        Weight candidates = searcher.createWeight(searcher.rewrite(all.build()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        return new ConstantScoreWeight(this, boost) {
            @Override
            public @Nullable ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                FieldInfo info = context.reader().getFieldInfos().fieldInfo(field);
                if (info == null) {
                    return null;
                }
                if (info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0) {
                    return positional.scorerSupplier(context);
                }
                ScorerSupplier inner = candidates.scorerSupplier(context);
                return inner == null ? null : verified(inner, context, score(), scoreMode);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    private ScorerSupplier verified(ScorerSupplier inner, LeafReaderContext context, float score, ScoreMode scoreMode) {
        Verdicts known = verdicts.computeIfAbsent(context.reader(), r -> new Verdicts(r.maxDoc()));
        return new ScorerSupplier() {
            @Override
            public Scorer get(long leadCost) throws IOException {
                DocIdSetIterator approximation = inner.get(leadCost).iterator();
                StoredFields stored = context.reader().storedFields();
                TwoPhaseIterator check = new TwoPhaseIterator(approximation) {
                    @Override
                    public boolean matches() throws IOException {
                        return matchesOnce(known, stored, approximation.docID());
                    }

                    @Override
                    public float matchCost() {
                        return 10_000f;
                    }
                };
                return new ConstantScoreScorer(score, scoreMode, check);
            }

            @Override
            public long cost() {
                return inner.cost();
            }
        };
    }

    /** Returns whether the candidate holds the phrase, reading and checking it only the first time. */
    private boolean matchesOnce(Verdicts known, StoredFields stored, int doc) throws IOException {
        synchronized (known) {
            if (known.checked.get(doc)) {
                return known.matched.get(doc);
            }
        }
        if (checked.incrementAndGet() > MAX_CHECKED) {
            throw tooMany();
        }
        boolean holds = holds(source.values(stored, doc, field));
        synchronized (known) {
            known.checked.set(doc);
            if (holds) {
                known.matched.set(doc);
            }
        }
        return holds;
    }

    /** The candidates of one segment checked so far, and those that held the phrase. */
    private static final class Verdicts {
        final FixedBitSet checked;
        final FixedBitSet matched;

        Verdicts(int maxDoc) {
            checked = new FixedBitSet(maxDoc);
            matched = new FixedBitSet(maxDoc);
        }
    }

    private Refusal tooMany() {
        return new Refusal("the phrase \"" + String.join(" ", words) + "\" on " + field + " has more than "
                + MAX_CHECKED + " candidate events in one partition to check: narrow the time range or add a"
                + " condition");
    }

    /** Returns whether one of the values holds the words in sequence, analysed as they were indexed. */
    boolean holds(List<String> values) {
        for (String value : values) {
            if (contains(analyze(value), words)) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(List<String> tokens, List<String> phrase) {
        int last = tokens.size() - phrase.size();
        for (int i = 0; i <= last; i++) {
            if (tokens.subList(i, i + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }

    private List<String> analyze(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a stored value in memory", e);
        }
        return tokens;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return field + ":\"" + String.join(" ", words) + "\"";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
                && field.equals(((VerifiedPhraseQuery) other).field)
                && words.equals(((VerifiedPhraseQuery) other).words);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, words);
    }
}
