package vn.lachan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.store.StoredEvent;

/**
 * Holds one time partition: its Lucene index under {@code DIR/index}, its schema and statistics, and,
 * once sealed, its manifest. A late partition ({@link #generation} ≥ 1) covers the same time as its
 * slot's sealed partition and is written, sealed and verified like any other. The store's write lock
 * guards writes; searches may run at any time.
 */
final class Partition implements AutoCloseable {
    /** One document builder per indexing thread: its field instances are reused from event to event. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(DocumentBuilder::new);
    /**
     * How many segments of about one size a live partition gathers before they are merged, all at once
     * (see {@link #mergePolicy()}).
     */
    static final int SEGMENTS_PER_TIER = 30;
    /** Layout 4's codec: Lucene's format, the stored events in LZ4 over large blocks (stateless, shared). */
    private static final StoreCodec CODEC = new StoreCodec();

    final String name;
    /**
     * 0 for a time slot's own partition, n ≥ 1 for its n-th late partition: events that arrived for the
     * slot after it was sealed, covering the same time range.
     */
    final int generation;

    final Instant start;
    final Instant end;
    final Path dir;
    final Schema schema;
    final PartitionStats stats;
    private final Analyzer analyzer;
    private final double ramBufferMb;
    /** Whether documents keep the normalized fields as JSON beside the original text. */
    private final boolean storeFields;
    /** Whether the message is indexed with positions: a partition begun before layout 3 (see Commits). */
    private final boolean messagePositions;

    private final Directory directory;
    private @Nullable IndexWriter writer;
    private @Nullable SearcherManager searchers;
    private volatile boolean sealed;
    private volatile @Nullable String damage;
    /** The store's batch number that last wrote here, to close writers that have gone idle. */
    volatile long lastBatch;
    /** The journal position of the last batch committed here (from the Lucene commit), or -1. */
    private volatile long committedPosition;
    /** The journal position of the last batch added here, committed or not, or -1. */
    private volatile long addedPosition = -1;
    /** Whether documents were added since the last commit. */
    private boolean uncommitted;
    /** Whether documents were added since the searchers were last refreshed. */
    private volatile boolean stale;

    Partition(
            String name,
            int generation,
            Instant start,
            Instant end,
            Path dir,
            Analyzer analyzer,
            double ramBufferMb,
            boolean storeFields) {
        this.storeFields = storeFields;
        this.name = name;
        this.generation = generation;
        this.start = start;
        this.end = end;
        this.dir = dir;
        this.analyzer = analyzer;
        this.ramBufferMb = ramBufferMb;
        try {
            Files.createDirectories(dir.resolve("index"));
            this.directory = FSDirectory.open(dir.resolve("index"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open partition " + dir, e);
        }
        this.schema = Schema.load(dir);
        this.stats = PartitionStats.load(dir);
        this.sealed = Files.exists(dir.resolve(Manifest.FILE));
        this.committedPosition = Commits.position(directory);
        this.messagePositions = Commits.messagePositions(directory);
    }

    /**
     * Returns the journal position of the last batch committed here, or -1: every event of this
     * partition before that position is already stored.
     */
    long committedPosition() {
        return committedPosition;
    }

    /**
     * Returns the journal position of the last batch added here (committed or not), at least {@link
     * #committedPosition()}: every event of this partition before it is held already.
     */
    long heldPosition() {
        return Math.max(committedPosition, addedPosition);
    }

    /** Records that the batch ending at {@code position} was added here in full. */
    void added(long position) {
        addedPosition = Math.max(addedPosition, position);
    }

    boolean sealed() {
        return sealed;
    }

    /** Returns why the partition cannot be searched, or null when it can. */
    @Nullable
    String damage() {
        return damage;
    }

    void markDamaged(@Nullable String why) {
        damage = why;
    }

    /**
     * Indexes the events on the pool's threads, in chunks, each thread with its own document builder;
     * IndexWriter takes documents from several threads at once. Searches see them from the next
     * {@link #acquire()}; they are durable after the next {@link #commit(long)}.
     */
    void add(List<StoredEvent> events, ExecutorService pool, int threads) throws IOException {
        IndexWriter w;
        synchronized (this) {
            w = writer();
            uncommitted = true;
        }
        if (events.isEmpty()) {
            return;
        }
        int chunk = Math.max(500, (events.size() + threads - 1) / threads);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < events.size(); i += chunk) {
            List<StoredEvent> part = events.subList(i, Math.min(events.size(), i + chunk));
            work.add(pool.submit(() -> {
                DocumentBuilder builder = BUILDERS.get();
                for (StoredEvent e : part) {
                    w.addDocument(builder.build(e, schema, storeFields, messagePositions));
                    stats.add(e.organization(), e.system());
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : work) {
                await(f);
            }
        } finally {
            stale = true;
        }
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("indexing failed", e.getCause());
        }
    }

    /**
     * Commits the writes so far to disk, recording {@code position} as the journal position they reach,
     * with the schema and statistics; does nothing when nothing was added since the last commit.
     */
    synchronized void commit(long position) throws IOException {
        if (writer == null || !uncommitted) {
            return;
        }
        writer.setLiveCommitData(Commits.data(position, messagePositions));
        writer.commit();
        schema.save(dir);
        stats.save(dir);
        committedPosition = position;
        uncommitted = false;
    }

    /** Returns whether documents were added since the last commit. */
    synchronized boolean uncommitted() {
        return uncommitted;
    }

    /**
     * Merges to one segment when asked, closes the writer; the partition is read-only afterwards. Writes
     * not committed with a position are dropped, never committed without one: the journal replays them.
     */
    synchronized void close(boolean forceMerge) throws IOException {
        if (writer == null && forceMerge && committedSegments() > 1) {
            // a writer opened only to merge: the store was reopened, or the day's writer went idle
            writer();
        }
        if (writer == null) {
            return;
        }
        closeSearchers();
        if (uncommitted) {
            rollback();
            return;
        }
        if (forceMerge) {
            writer.forceMerge(1);
            writer.commit();
        }
        writer.close();
        writer = null;
    }

    /** Returns how many segments the last commit holds, 0 when there is none. */
    private int committedSegments() throws IOException {
        return DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).size()
                : 0;
    }

    /**
     * Drops every write since the last commit (a batch that failed half-way), so that the pipeline can
     * replay from the durable position without duplicates; the statistics go back to the last commit too.
     */
    synchronized void rollback() throws IOException {
        if (writer != null) {
            closeSearchers();
            writer.rollback();
            writer = null;
            uncommitted = false;
            stale = false;
            addedPosition = -1;
            stats.replaceWith(PartitionStats.load(dir));
        }
    }

    /** Returns whether a writer is open, holding its indexing buffer on the heap. */
    synchronized boolean writing() {
        return writer != null;
    }

    /** Returns the heap its writer's indexing buffer holds, in bytes; 0 without a writer. */
    synchronized long bufferedBytes() {
        return writer == null ? 0 : writer.ramBytesUsed();
    }

    /**
     * Writes the indexing buffer out as a segment, without committing: it frees the heap now, and becomes
     * durable with the next commit as before.
     */
    synchronized void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
    }

    void markSealed() {
        sealed = true;
    }

    /** Returns a searcher to give back with {@link #release}, or null when the index holds no commit. */
    synchronized @Nullable IndexSearcher acquire() throws IOException {
        if (searchers == null) {
            if (writer == null && !DirectoryReader.indexExists(directory)) {
                return null;
            }
            stale = false;
            searchers = writer != null ? new SearcherManager(writer, null) : new SearcherManager(directory, null);
        } else if (stale) {
            // Refreshed when searched, not after every batch: each refresh flushes a small segment.
            stale = false;
            searchers.maybeRefreshBlocking();
        }
        return searchers.acquire();
    }

    synchronized void release(IndexSearcher searcher) throws IOException {
        if (searchers != null) {
            searchers.release(searcher);
        } else {
            searcher.getIndexReader().decRef();
        }
    }

    private IndexWriter writer() throws IOException {
        if (sealed) {
            throw new IllegalStateException("partition " + name + " is sealed");
        }
        if (writer == null) {
            closeSearchers();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setCodec(CODEC)
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setUseCompoundFile(Boolean.getBoolean("lachan.cfs"))
                    .setMergePolicy(mergePolicy())
                    .setCommitOnClose(true);
            writer = new IndexWriter(directory, config);
        }
        return writer;
    }

    /**
     * Returns the live partition's merge policy: tiered, never compound files (an append-only log is merged
     * by sealing), and {@value #SEGMENTS_PER_TIER} segments per tier merged {@value #SEGMENTS_PER_TIER} at
     * once instead of Lucene's 8 and 10. Each commit (every second) flushes a small segment; since sealing
     * merges the day to one segment anyway, merging them in larger, rarer steps rewrites each event fewer
     * times while the day is live (docs/performance.md, "Round 7"), for more segments to search in it.
     */
    private static org.apache.lucene.index.MergePolicy mergePolicy() {
        var tiered = new org.apache.lucene.index.TieredMergePolicy();
        tiered.setNoCFSRatio(0.0);
        tiered.setSegmentsPerTier(SEGMENTS_PER_TIER);
        tiered.setMaxMergeAtOnce(SEGMENTS_PER_TIER);
        return tiered;
    }

    private void closeSearchers() throws IOException {
        if (searchers != null) {
            searchers.close();
            searchers = null;
        }
    }

    long bytes() {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        try {
            close(false);
            closeSearchers();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close partition " + name, e);
        }
    }
}
