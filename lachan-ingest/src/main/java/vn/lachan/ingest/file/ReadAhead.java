package vn.lachan.ingest.file;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;

/**
 * Runs a producer on a named background thread that hands events and problems, in batches, through a
 * bounded queue to the calling thread, so that decompressing and parsing overlap with consuming.
 */
final class ReadAhead {
    private static final int BATCH = 512;
    private static final List<Object> END = List.of();

    private final BlockingQueue<List<Object>> queue;
    private volatile boolean cancelled;
    private volatile @Nullable Throwable failure;

    ReadAhead(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("read-ahead needs at least 1 batch, was " + batches);
        }
        this.queue = new ArrayBlockingQueue<>(batches);
    }

    /** Receives what the producer reads; used on the background thread only. */
    final class Sink {
        private List<Object> batch = new ArrayList<>(BATCH);

        void event(SourcedEvent event) {
            add(event);
        }

        void problem(Problem problem) {
            add(problem);
        }

        private void add(Object item) {
            batch.add(item);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
    }

    /** Runs {@code producer} in the background and delivers its output here until it ends; rethrows its failure. */
    void run(Consumer<Sink> producer, Consumer<SourcedEvent> events, Consumer<Problem> problems) {
        Thread thread = Thread.ofPlatform().name("lachan-read-ahead").daemon().start(() -> produce(producer));
        try {
            consume(events, problems);
        } finally {
            cancelled = true;
            queue.clear();
            thread.interrupt();
            joinQuietly(thread);
        }
        Throwable failed = failure;
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
    }

    private void produce(Consumer<Sink> producer) {
        Sink sink = new Sink();
        try {
            producer.accept(sink);
            sink.flush();
        } catch (Cancelled e) {
            return;
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        put(END);
    }

    private void consume(Consumer<SourcedEvent> events, Consumer<Problem> problems) {
        while (true) {
            List<Object> batch = take();
            if (batch == END) {
                return;
            }
            for (Object item : batch) {
                if (item instanceof SourcedEvent event) {
                    events.accept(event);
                } else {
                    problems.accept((Problem) item);
                }
            }
        }
    }

    private void put(List<Object> batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    private List<Object> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for events", e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the producer once the consumer has gone. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("reading was cancelled", null, false, false);
        }
    }
}
