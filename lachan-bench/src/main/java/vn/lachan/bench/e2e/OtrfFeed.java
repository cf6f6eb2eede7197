package vn.lachan.bench.e2e;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the raw JSON lines of the OTRF archives on its own thread, in archive order, over and over: on
 * replay {@code k} every {@code @timestamp} is moved {@code k} hours later, so that a run longer than the
 * corpus sends events that are new to the store. Lines are handed over in chunks through a bounded
 * queue, so reading never runs far ahead of sending. Preloaded, it reads only the first lines, once, and then
 * hands the same lines over and over, unshifted: a sender that neither inflates nor rewrites, for a burst.
 *
 * <p>{@link #next} is for one consuming thread; {@link #close} from any thread.
 */
final class OtrfFeed implements AutoCloseable {
    static final Duration REPLAY_SHIFT = Duration.ofHours(1);
    private static final int CHUNK = 512;
    private static final byte[][] END = new byte[0][];

    private final List<Path> archives;
    private final long preload;
    private final List<byte[][]> kept = new ArrayList<>();
    private final BlockingQueue<byte[][]> chunks = new ArrayBlockingQueue<>(64);
    private final Thread reader;
    private volatile boolean closed;
    private volatile long replays;
    private final java.util.concurrent.atomic.AtomicLong linesRead = new java.util.concurrent.atomic.AtomicLong();
    private volatile String failure = "";
    private byte[][] current = new byte[0][];
    private int position;

    /** Starts reading {@code archives} (OTRF zips); fails at once when there are none. */
    OtrfFeed(List<Path> archives) {
        this(archives, 0);
    }

    /**
     * Starts reading {@code archives}; with {@code preload} above 0, only their first {@code preload} lines
     * (fewer when the archives hold fewer), which it then hands over again and again. The lines stay in
     * memory: ~2.3 KB each.
     */
    OtrfFeed(List<Path> archives, long preload) {
        if (archives.isEmpty()) {
            throw new IllegalArgumentException("no OTRF archives to send");
        }
        if (preload < 0) {
            throw new IllegalArgumentException("the lines to preload cannot be negative: " + preload);
        }
        this.archives = List.copyOf(archives);
        this.preload = preload;
        this.reader = Thread.ofPlatform().name("e2e-otrf-reader").daemon().start(this::readForever);
    }

    /** Returns the next line (without its newline), waiting for the reader if needed. */
    byte[] next() {
        while (position >= current.length) {
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for OTRF lines", e);
            }
            if (current == END) {
                chunks.offer(END);
                throw new IllegalStateException("the OTRF reader stopped: " + failure);
            }
            position = 0;
        }
        return current[position++];
    }

    /** Waits (at most a minute) until the first lines are read, so that sending does not start on an empty feed. */
    void awaitFirstLines() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (chunks.isEmpty() && position >= current.length && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** Returns how many times the whole corpus has been started (1 during the first pass). */
    long replays() {
        return replays;
    }

    /** Returns the lines read from the archives so far. */
    long linesRead() {
        return linesRead.get();
    }

    private void readForever() {
        try {
            for (long replay = 0; !closed; replay++) {
                if (preload > 0 && replay > 0) {
                    handOverKept();
                    return;
                }
                replays = replay + 1;
                for (Path zip : archives) {
                    if (!preloaded()) {
                        readArchive(zip, replay);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            chunks.offer(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean preloaded() {
        return preload > 0 && linesRead.get() >= preload;
    }

    /** Hands the preloaded chunks over again and again (the arrays are never written after reading). */
    private void handOverKept() throws InterruptedException {
        if (kept.isEmpty()) {
            failure = "the OTRF archives hold no lines";
            chunks.offer(END);
            return;
        }
        while (!closed) {
            for (byte[][] chunk : kept) {
                chunks.put(chunk);
            }
        }
    }

    private void publish(List<byte[]> chunk) throws InterruptedException {
        byte[][] lines = chunk.toArray(byte[][]::new);
        if (preload > 0) {
            kept.add(lines);
        }
        chunks.put(lines);
    }

    private void readArchive(Path zip, long replay) throws InterruptedException {
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16))) {
            for (ZipEntry e = in.getNextEntry(); e != null && !closed && !preloaded(); e = in.getNextEntry()) {
                if (isEvents(e)) {
                    split(in, replay);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OTRF archive " + zip + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEvents(ZipEntry entry) {
        String name = entry.getName();
        return !entry.isDirectory() && !name.startsWith("__MACOSX/") && name.endsWith(".json");
    }

    private void split(InputStream in, long replay) throws IOException, InterruptedException {
        byte[] all = in.readAllBytes();
        List<byte[]> chunk = new ArrayList<>(CHUNK);
        int from = 0;
        for (int i = 0; i <= all.length && !closed && !preloaded(); i++) {
            if (i < all.length && all[i] != '\n') {
                continue;
            }
            int to = i > from && all[i - 1] == '\r' ? i - 1 : i;
            if (to > from && !blank(all, from, to)) {
                byte[] line = java.util.Arrays.copyOfRange(all, from, to);
                chunk.add(replay == 0 ? line : Timestamps.shift(line, REPLAY_SHIFT.multipliedBy(replay)));
                linesRead.incrementAndGet();
            }
            from = i + 1;
            if (chunk.size() == CHUNK) {
                publish(chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            publish(chunk);
        }
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
