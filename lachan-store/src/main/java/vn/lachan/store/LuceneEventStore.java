package vn.lachan.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.Checkpoint;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.EventStore;
import vn.lachan.core.store.ExportFormat;
import vn.lachan.core.store.ExportSummary;
import vn.lachan.core.store.LegalHold;
import vn.lachan.core.store.PartitionInfo;
import vn.lachan.core.store.RetentionPolicy;
import vn.lachan.core.store.RetentionReport;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.core.store.VerifyReport;

/**
 * Stores events in one Apache Lucene index per time partition under {@code DATA/events/}, one machine,
 * nothing else installed.
 *
 * <p>Writes come from one pipeline thread at a time (they are serialized); searches run concurrently
 * with writes and see every batch written. Batches become durable together, on the cadence of {@link
 * StoreConfig#commitInterval()} (a writing batch or a timer commits): {@link #durablePosition()} says
 * how far; each partition's commit records that journal position, so that a replay after a crash stores
 * every event once. Problems found when opening (a folder that is not a
 * partition, a sealed partition whose files no longer match) are in {@link #openProblems()}; such a
 * partition is left out of searches with a warning.
 */
public final class LuceneEventStore implements EventStore {
    private static final String CHECKPOINT = "checkpoint.json";
    /** Batches after which a partition's idle writer is closed: heap stays about (writers × buffer). */
    private static final int IDLE_BATCHES = 16;
    /** How many partitions' indexing buffers all partitions together may hold on the heap. */
    static final int BUFFER_PARTITIONS = 4;

    private final StoreConfig config;
    private final Path events;
    private final Partitions partitions;
    private final Search search;
    private final Seals seals;
    private final List<Problem> openProblems = new ArrayList<>();
    private final Object writeLock = new Object();
    private volatile long durable;
    /** The journal position of the last batch written, durable or not. */
    private long written;
    /** When the last commit ended ({@link System#nanoTime()}). */
    private long lastCommit = System.nanoTime();

    private final Duration commitInterval;
    private final @Nullable ScheduledExecutorService committer;
    private @Nullable RuntimeException failure;
    private boolean closed;
    private long batches;
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final ExecutorService indexers = Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().name("lachan-store-index-", 0).daemon().factory());

    /**
     * Opens the store in {@code config.dataDir()}, creating it when absent; each event's normalized
     * fields are stored beside its original text.
     */
    public LuceneEventStore(StoreConfig config) {
        this(config, null);
    }

    /**
     * Opens the store in {@code config.dataDir()}, creating it when absent, storing each event's
     * original text only: {@code fieldsOfRaw} rebuilds the normalized fields from it when an event is
     * read (the pipeline's parser and normalizer). It must give back the fields the event was written
     * with, and be thread-safe; a null function stores the fields too, as {@link #LuceneEventStore(StoreConfig)}.
     */
    public LuceneEventStore(StoreConfig config, @Nullable Function<String, Map<String, @Nullable Object>> fieldsOfRaw) {
        this.config = config;
        this.events = config.dataDir().resolve("events");
        WordAnalyzer analyzer = new WordAnalyzer();
        this.partitions = new Partitions(events, config, analyzer, openProblems, fieldsOfRaw == null);
        this.search = new Search(partitions, config, analyzer, fieldsOfRaw);
        this.seals = new Seals(events, config.dataDir().resolve(Retention.LOG));
        Path checkpoint = events.resolve(CHECKPOINT);
        this.durable = Files.exists(checkpoint)
                ? ((Number) java.util.Objects.requireNonNull(
                                Json.readMap(checkpoint).get("position")))
                        .longValue()
                : -1;
        this.written = durable;
        this.commitInterval = config.commitInterval();
        this.committer = commitInterval.isZero() ? null : startCommitter(commitInterval);
    }

    private ScheduledExecutorService startCommitter(Duration interval) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lachan-store-commit").daemon().factory());
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::commitWhenDue, millis, millis, TimeUnit.MILLISECONDS);
        return timer;
    }

    /** Returns the problems found when the store was opened, such as a damaged sealed partition. */
    public List<Problem> openProblems() {
        return List.copyOf(openProblems);
    }

    @Override
    public Checkpoint write(EventBatch batch) {
        synchronized (writeLock) {
            ensureUsable();
            Map<Partition, List<StoredEvent>> groups = new LinkedHashMap<>();
            long skipped = group(batch, groups);
            try {
                for (var group : groups.entrySet()) {
                    group.getKey().add(group.getValue(), indexers, threads);
                }
                boundBuffers();
            } catch (IOException | RuntimeException e) {
                throw fail(e);
            }
            batches++;
            for (Partition p : groups.keySet()) {
                p.lastBatch = batches;
                p.added(batch.position());
            }
            written = Math.max(written, batch.position());
            if (commitInterval.isZero() || System.nanoTime() - lastCommit >= commitInterval.toNanos()) {
                commitAll();
            } else if (!hasUncommitted()) {
                markDurable();
            }
            return new Checkpoint(durable, batch.events().size() - skipped, List.of(), skipped);
        }
    }

    /** Returns the heap that the open partitions' indexing buffers hold together, in bytes. */
    public long indexingBufferBytes() {
        return partitions.all().stream().mapToLong(Partition::bufferedBytes).sum();
    }

    /**
     * Keeps the indexing buffers of all partitions together within {@link #BUFFER_PARTITIONS} partitions'
     * worth: each writer may buffer {@link StoreConfig#ramBufferMb()}, and a backfill or a replay of old
     * logs writes dozens of days at once, which would otherwise hold dozens of buffers on the heap. The
     * fullest buffers are written out first.
     */
    private void boundBuffers() throws IOException {
        long budget = (long) (config.ramBufferMb() * BUFFER_PARTITIONS * 1024 * 1024);
        List<Partition> open = new ArrayList<>(
                partitions.all().stream().filter(Partition::writing).toList());
        long total = open.stream().mapToLong(Partition::bufferedBytes).sum();
        if (total <= budget) {
            return;
        }
        open.sort(java.util.Comparator.comparingLong(Partition::bufferedBytes).reversed());
        for (Partition p : open) {
            if (total <= budget / 2) {
                break;
            }
            total -= p.bufferedBytes();
            p.flushBuffer();
        }
    }

    @Override
    public long sync() {
        synchronized (writeLock) {
            ensureUsable();
            commitAll();
            return durable;
        }
    }

    /** Commits on the cadence while no batch comes, so that the last ones do not wait for the next. */
    private void commitWhenDue() {
        synchronized (writeLock) {
            if (failure == null && !closed && System.nanoTime() - lastCommit >= commitInterval.toNanos()) {
                try {
                    commitAll();
                } catch (RuntimeException e) {
                    // recorded in failure: the next write or sync reports it
                }
            }
        }
    }

    /**
     * Commits every partition written since the last commit, each recording the journal position of the
     * last batch written, then the store's checkpoint; closes the writers that have gone idle.
     */
    private void commitAll() {
        try {
            for (Partition p : partitions.all()) {
                p.commit(written);
            }
            closeIdleWriters();
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
        markDurable();
    }

    private void markDurable() {
        lastCommit = System.nanoTime();
        if (written > durable) {
            Json.writeAtomically(events.resolve(CHECKPOINT), Map.of("position", written));
            durable = written;
        }
    }

    private boolean hasUncommitted() {
        for (Partition p : partitions.all()) {
            if (p.uncommitted()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops every write not yet durable and refuses further writes: the batches since the durable
     * position are lost from memory, and only a replay of the journal from there (a restart) stores them
     * again exactly once.
     */
    private RuntimeException fail(Exception cause) {
        rollback(partitions.all(), cause);
        IllegalStateException failed = new IllegalStateException(
                "cannot write to the event store " + events + ": writes after journal position " + durable
                        + " were dropped; restart to replay them from the journal",
                cause);
        failure = failed;
        return failed;
    }

    private void ensureUsable() {
        if (closed) {
            throw new IllegalStateException("the event store " + events + " is closed");
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    /**
     * Sorts the batch's events into the partitions that take them, leaving out those their time slot
     * already holds (a replay after a crash between two partitions' commits); returns how many were left
     * out. An event for a sealed slot goes to the slot's late partition: the store refuses none.
     */
    private long group(EventBatch batch, Map<Partition, List<StoredEvent>> groups) {
        List<StoredEvent> all = batch.events();
        long first = batch.position() - all.size();
        long skipped = 0;
        Map<Long, Long> held = new HashMap<>();
        Map<Long, List<StoredEvent>> targets = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            StoredEvent e = all.get(i);
            long slot = partitions.startOf(e.time().toEpochMilli());
            // A batch shorter than its position's prefix (tests, one-off imports) has no position below 0.
            long position = first + i;
            if (position >= 0 && position < held.computeIfAbsent(slot, this::held)) {
                skipped++;
            } else {
                // the target is opened only for events it takes: a replay of held events opens nothing
                targets.computeIfAbsent(
                                slot,
                                s -> groups.computeIfAbsent(
                                        partitions.writable(Instant.ofEpochMilli(s)), k -> new ArrayList<>()))
                        .add(e);
            }
        }
        return skipped;
    }

    /**
     * Returns the journal position below which the slot starting at {@code start} holds its events
     * already: the highest of its partitions', as each generation is opened only after the one before
     * was committed (sealing commits first) and every later event goes to the newer one.
     */
    private long held(long start) {
        long held = -1;
        for (Partition p : partitions.slot(Instant.ofEpochMilli(start))) {
            held = Math.max(held, p.heldPosition());
        }
        return held;
    }

    private void closeIdleWriters() throws IOException {
        for (Partition p : partitions.all()) {
            if (p.lastBatch < batches - IDLE_BATCHES && p.writing()) {
                p.close(false);
            }
        }
    }

    private static void rollback(Iterable<Partition> touched, Exception cause) {
        for (Partition p : touched) {
            try {
                p.rollback();
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    @Override
    public long durablePosition() {
        return durable;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return search.run(request);
    }

    @Override
    public Optional<StoredEvent> get(EventId id) {
        for (Partition p : partitions.holding(id.time())) {
            Optional<StoredEvent> found = p.damage() == null ? get(p, id) : Optional.empty();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<StoredEvent> get(Partition p, EventId id) {
        try {
            IndexSearcher searcher = p.acquire();
            if (searcher == null) {
                return Optional.empty();
            }
            try {
                var query = new BooleanQuery.Builder()
                        .add(LongField.newExactQuery(EventDocuments.ID_HIGH, id.high()), Occur.FILTER)
                        .add(LongField.newExactQuery(EventDocuments.ID_LOW, id.low()), Occur.FILTER)
                        .build();
                TopDocs top = searcher.search(query, 1);
                return top.scoreDocs.length == 0
                        ? Optional.empty()
                        : Optional.of(search.read(p.name, searcher, top.scoreDocs[0].doc));
            } finally {
                p.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + id + " from partition " + p.name, e);
        }
    }

    @Override
    public ExportSummary export(SearchRequest request, ExportFormat format, OutputStream out) {
        return new Exporter(search, config.maxPageSize()).export(request, format, out);
    }

    @Override
    public List<PartitionInfo> partitions() {
        return partitions.all().stream()
                .map(p -> new PartitionInfo(
                        p.name,
                        p.start,
                        p.end,
                        p.stats.events(),
                        p.bytes(),
                        p.sealed(),
                        p.stats.systems().keySet()))
                .toList();
    }

    @Override
    public List<String> seal(Instant now) {
        synchronized (writeLock) {
            ensureUsable();
            commitAll();
            return seals.sealFinished(partitions.all(), now, config.sealGrace());
        }
    }

    @Override
    public RetentionReport applyRetention(RetentionPolicy policy, List<LegalHold> holds, Instant now) {
        synchronized (writeLock) {
            ensureUsable();
            commitAll();
            return new Retention(partitions, config.dataDir().resolve(Retention.LOG)).apply(policy, holds, now);
        }
    }

    @Override
    public VerifyReport verify() {
        return seals.verify(partitions.all());
    }

    @Override
    public void close() {
        if (committer != null) {
            // no interrupt: a commit in flight must finish (an interrupted fsync closes Lucene's writer and
            // dropped the last batches); the write lock below waits for it, and no further tick runs
            committer.shutdown();
        }
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (failure == null) {
                    commitAll();
                }
            } finally {
                indexers.shutdown();
                partitions.close();
            }
        }
    }
}
