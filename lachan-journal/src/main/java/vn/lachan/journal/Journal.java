package vn.lachan.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.Intake;
import vn.lachan.core.intake.RawLines;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.core.problem.Problem;

/**
 * Keeps every offered record on disk before it is acknowledged, in checksummed segment files, and hands
 * the records in position order to one consumer, which commits what it has processed so that the
 * journal can delete it.
 *
 * <p>Thread-safe: any number of threads offer concurrently (their writes share one disk flush) while
 * the consumer polls and commits. {@link #poll} is meant for one consumer thread and {@link #commit}
 * may run on another; concurrent calls of either are serialized.
 */
public final class Journal implements Intake, AutoCloseable {
    private final JournalConfig config;
    private final FolderLock folderLock;
    private final ConcurrentSkipListMap<Long, Segment> segments;
    private final Counters counters;
    private final Problems problems;
    private final Appender appender;
    private final Reader reader;
    private final CommitFile commitFile;
    private final ReentrantLock polling = new ReentrantLock();
    private final ReentrantLock committing = new ReentrantLock();
    private volatile long committed;
    private volatile boolean closed;

    private Journal(JournalConfig config, FolderLock folderLock, Counters counters, Problems problems)
            throws IOException {
        this.config = config;
        this.folderLock = folderLock;
        this.counters = counters;
        this.problems = problems;
        Recovery.State state = new Recovery(config, problems, counters).recover();
        this.segments = state.segments();
        this.committed = state.committed();
        this.commitFile = new CommitFile(config.folder(), config.fsync());
        this.appender = new Appender(config, segments, state.end(), counters);
        this.reader = new Reader(segments, state.committed(), problems);
    }

    /**
     * Opens (or creates) the journal in {@code config.folder()}, recovering from a crash: a torn tail is
     * cut off and reported in {@link #problems()}.
     *
     * @throws IllegalStateException when another process holds the folder
     * @throws UncheckedIOException when the folder cannot be read or written
     */
    public static Journal open(JournalConfig config) {
        FolderLock lock = null;
        try {
            Files.createDirectories(config.folder());
            lock = FolderLock.take(config.folder());
            Counters counters = new Counters();
            return new Journal(
                    config, lock, counters, new Problems(config.folder().toString(), counters));
        } catch (IOException e) {
            closeQuietly(lock, e);
            throw new UncheckedIOException("cannot open the journal in " + config.folder() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(@Nullable FolderLock lock, IOException cause) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * Appends all of {@code records} or none, returning {@link Admission#ACCEPTED} once they are written
     * (and forced, with fsync on); {@link Admission#FULL} at once when they would take the journal over
     * its budget; {@link Admission#CLOSED} after {@link #close}.
     *
     * @throws IllegalArgumentException when a record is larger than the configured maximum
     * @throws UncheckedIOException when the disk fails; the journal then refuses further offers
     */
    @Override
    public Admission offer(List<RawRecord> records) {
        return appender.offer(records);
    }

    /**
     * Appends the records of {@code lines} as {@link #offer(List)} does, each encoded straight from the body
     * (no copy of each record first).
     *
     * @throws IllegalArgumentException when a record is larger than the configured maximum
     * @throws UncheckedIOException when the disk fails; the journal then refuses further offers
     */
    @Override
    public Admission offer(RawLines lines) {
        return appender.offer(lines);
    }

    /** Waits until a largest record fits below the budget, at most {@code timeout}; false when closed. */
    @Override
    public boolean awaitRoom(Duration timeout) {
        return appender.awaitRoom(timeout.toNanos());
    }

    /**
     * Returns up to {@code max} records after those already returned (at first: from the committed
     * position), in position order, waiting up to {@code wait} for one to arrive; an empty list when
     * none came or the journal is closed. Only records forced to the disk are returned.
     */
    public List<JournalEntry> poll(int max, Duration wait) {
        if (max < 1) {
            throw new IllegalArgumentException("poll at least one record, not " + max);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        polling.lock();
        try {
            while (!closed) {
                List<JournalEntry> entries = reader.read(max);
                long left = deadline - System.nanoTime();
                if (!entries.isEmpty() || left <= 0 || !appender.awaitAppended(reader::hasMore, left)) {
                    return closed ? List.of() : entries;
                }
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal in " + config.folder(), e);
        } finally {
            polling.unlock();
        }
    }

    /**
     * Records durably that every record below {@code position} is processed, then deletes the segments
     * holding only such records, which frees budget.
     *
     * @throws IllegalArgumentException when {@code position} is below the committed position or past the
     *     records polled so far
     */
    public void commit(long position) {
        committing.lock();
        try {
            if (position < committed || position > reader.next()) {
                throw new IllegalArgumentException("cannot commit position " + position + ": it must lie between the"
                        + " committed position " + committed + " and the next unread one " + reader.next());
            }
            if (position == committed || closed) {
                return;
            }
            commitFile.write(position);
            committed = position;
            counters.trimmed.add(appender.trim(position, reader.segmentFirst()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit position " + position + " in " + config.folder(), e);
        } finally {
            committing.unlock();
        }
    }

    /** Returns the committed position: every record below it is processed. */
    public long committed() {
        return committed;
    }

    /** Returns the position the next accepted record will get. */
    public long end() {
        return appender.end();
    }

    /** Returns the bytes the segments take on disk, counting offers being written. */
    public long bytes() {
        return appender.bytes();
    }

    /** Returns the counters since open, for metrics. */
    public JournalStats stats() {
        return new JournalStats(
                counters.records.sum(),
                counters.bytes.sum(),
                counters.flushes.sum(),
                counters.full.sum(),
                counters.trimmed.sum(),
                counters.truncations.sum(),
                counters.damaged.sum(),
                segments.size(),
                bytes(),
                committed,
                end());
    }

    /**
     * Returns the problems found in the journal's files since open (the first thousand): torn tails cut
     * off on open, damaged records skipped while reading, a damaged committed-position file.
     */
    public List<Problem> problems() {
        return problems.list();
    }

    /** Refuses new offers, finishes those being written, and releases the files and the folder lock. */
    @Override
    public void close() {
        appender.close(); // wakes a waiting poll, which then sees the journal closed
        polling.lock();
        committing.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Segment segment : segments.values()) {
                segment.close();
            }
            folderLock.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal in " + config.folder(), e);
        } finally {
            committing.unlock();
            polling.unlock();
        }
    }
}
