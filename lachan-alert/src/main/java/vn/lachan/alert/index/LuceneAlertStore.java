package vn.lachan.alert.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.alert.AlertPage;
import vn.lachan.core.alert.AlertQuery;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.alert.AlertStore;

/**
 * Keeps alerts in one Apache Lucene index under a folder: one document per alert, replaced by id.
 *
 * <p>Each {@link #write} commits together with its journal position (in the commit's user data), so
 * alerts and position become durable at once; searches see a write as soon as it returns. Lucene's
 * write lock keeps a second process (or a second store in this one) out of the folder. Thread-safe:
 * writes are serialized, searches run concurrently with them.
 */
public final class LuceneAlertStore implements AlertStore {
    private static final Set<String> JSON_ONLY = Set.of(AlertDocuments.JSON);
    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final CommitData commitData;
    private final Cursors cursors;
    private final Listeners listeners = new Listeners();
    private volatile long durable;
    private volatile boolean closed;

    private LuceneAlertStore(Path folder, Directory directory, IndexWriter writer) throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.writer = writer;
        this.commitData = CommitData.read(writer, folder);
        this.durable = commitData.position();
        this.cursors = new Cursors(commitData.cursorKey());
        if (!commitData.wasStored()) {
            writer.setLiveCommitData(commitData.entries(durable));
            writer.commit();
        }
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens the alert index in {@code folder}, creating it when absent.
     *
     * @throws IllegalStateException when another process (or another store here) has the folder open
     * @throws UncheckedIOException when the folder cannot be read or written
     */
    public static LuceneAlertStore open(Path folder) {
        Directory directory = null;
        IndexWriter writer = null;
        try {
            Files.createDirectories(folder);
            directory = IndexFolder.directory(folder);
            writer = IndexFolder.writer(directory);
            return new LuceneAlertStore(folder, directory, writer);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileSuppressingExceptions(e, writer, directory);
            throw IndexFolder.explain(e, folder);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A position behind the durable one (the pipeline replaying the journal after a crash) stores the
     * alerts but leaves the durable position where it was: it only moves forward.
     *
     * @throws IllegalArgumentException when {@code position} is negative
     */
    @Override
    public void write(List<AlertRecord> alerts, long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a journal position is >= 0, was " + position);
        }
        synchronized (this) {
            ensureOpen();
            long covered = Math.max(durable, position);
            try {
                for (AlertRecord alert : alerts) {
                    writer.updateDocument(new Term(AlertDocuments.ID, alert.id()), AlertDocuments.build(alert));
                }
                writer.setLiveCommitData(commitData.entries(covered));
                writer.commit();
                durable = covered;
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + alerts.size() + " alerts to " + folder, e);
            }
            listeners.fire(alerts);
        }
    }

    @Override
    public long durablePosition() {
        return durable;
    }

    @Override
    public AlertPage search(AlertQuery query) {
        String cursor = query.cursor();
        Object @Nullable [] after = cursor == null ? null : cursors.decode(cursor);
        Query lucene = AlertQueries.of(query);
        return withSearcher(searcher -> {
            long total = searcher.count(lucene);
            int maxDoc = searcher.getIndexReader().maxDoc();
            if (maxDoc == 0) {
                return new AlertPage(List.of(), 0, null);
            }
            // The last doc number makes every document with the cursor's own sort values count as
            // already shown; ids are unique, so that is only the cursor's alert.
            FieldDoc last = after == null ? null : new FieldDoc(maxDoc - 1, Float.NaN, after);
            TopDocs top = searcher.searchAfter(last, lucene, query.size() + 1, AlertQueries.ORDER, false);
            int shown = Math.min(query.size(), top.scoreDocs.length);
            List<AlertRecord> items = new ArrayList<>(shown);
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < shown; i++) {
                items.add(read(stored, top.scoreDocs[i].doc));
            }
            String next = top.scoreDocs.length > shown ? cursors.encode((FieldDoc) top.scoreDocs[shown - 1]) : null;
            return new AlertPage(items, total, next);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Seeks the id in each segment's terms directly: the grouper asks for every group it does not
     * hold, most of which do not exist, so a miss must cost little.
     */
    @Override
    public Optional<AlertRecord> get(String id) {
        BytesRef term = new BytesRef(id);
        return withSearcher(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                int doc = liveDoc(leaf.reader(), term);
                if (doc != DocIdSetIterator.NO_MORE_DOCS) {
                    return Optional.of(read(leaf.reader().storedFields(), doc));
                }
            }
            return Optional.empty();
        });
    }

    private static int liveDoc(LeafReader reader, BytesRef id) throws IOException {
        Terms terms = reader.terms(AlertDocuments.ID);
        if (terms == null) {
            return DocIdSetIterator.NO_MORE_DOCS;
        }
        TermsEnum seek = terms.iterator();
        if (!seek.seekExact(id)) {
            return DocIdSetIterator.NO_MORE_DOCS;
        }
        PostingsEnum postings = seek.postings(null, PostingsEnum.NONE);
        Bits live = reader.getLiveDocs();
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live == null || live.get(doc)) {
                return doc;
            }
        }
        return DocIdSetIterator.NO_MORE_DOCS;
    }

    @Override
    public AutoCloseable subscribe(Consumer<AlertRecord> listener) {
        return listeners.add(listener);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            IOUtils.close(searchers, writer, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the alert index " + folder, e);
        }
    }

    private static AlertRecord read(StoredFields stored, int doc) throws IOException {
        return AlertDocuments.read(stored.document(doc, JSON_ONLY), doc);
    }

    private <T> T withSearcher(SearchWork<T> work) {
        ensureOpen();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the alert index " + folder, e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the alert index " + folder + " is closed");
        }
    }

    /** Runs against one acquired searcher. */
    private interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Returns how many subscriptions are open (for tests and metrics). */
    int subscribers() {
        return listeners.size();
    }
}
