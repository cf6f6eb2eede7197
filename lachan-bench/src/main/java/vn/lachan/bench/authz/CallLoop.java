package vn.lachan.bench.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Sends one call a fixed number of times, on one thread or on several at once, and keeps every round trip.
 * Bounded in count; each call has the client's time-out.
 */
final class CallLoop {
    /**
     * What a loop measured.
     *
     * @param nanos each successful call's round trip
     * @param failures calls answered other than 2xx
     * @param firstFailure the first such answer, or null
     * @param wallNanos from the first call sent to the last answer read
     */
    record Outcome(long[] nanos, int failures, @Nullable String firstFailure, long wallNanos) {}

    private CallLoop() {}

    /** Sends {@code call} with each of {@code tokens} in turn, {@code count} calls in all, on {@code threads}. */
    static Outcome run(ApiClient api, Calls.Call call, List<String> tokens, int count, int threads) {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<@Nullable String> first = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                ApiClient.Answer a = call.send(api, tokens.get(i % tokens.size()));
                if (a.status() / 100 == 2) {
                    nanos[i] = a.nanos();
                } else {
                    nanos[i] = -1;
                    failures.incrementAndGet();
                    first.compareAndSet(null, a.status() + " " + a.body());
                }
            }
        };
        long started = System.nanoTime();
        if (threads <= 1) {
            worker.run();
        } else {
            parallel(worker, threads);
        }
        long wall = System.nanoTime() - started;
        long[] ok = java.util.Arrays.stream(nanos).filter(n -> n >= 0).toArray();
        return new Outcome(ok, failures.get(), first.get(), wall);
    }

    private static void parallel(Runnable worker, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("authz-caller-", 0).factory());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(worker));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a calling thread failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
