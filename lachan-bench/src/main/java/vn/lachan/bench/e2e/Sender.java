package vn.lachan.bench.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Sends OTRF lines to {@code POST /api/v1/ingest} as NDJSON at a paced rate: a pacing thread cuts what is
 * due at each tick into batches, a few sending threads post them and honour every 429 by waiting its
 * {@code Retry-After} before posting the same batch again. An optional backlog cap pauses the schedule
 * while the server's unprocessed backlog is over it (used to find the capacity without a growing queue).
 *
 * <p>Thread-safe counters; {@link #run} is called once.
 */
final class Sender {
    /** How the sender is paced. {@code backlogCap} 0 means no cap. */
    record Plan(
            double rate,
            Duration duration,
            Duration tick,
            int maxBatch,
            int workers,
            Duration probeEvery,
            long backlogCap) {}

    private record Batch(byte[] body, int events, int[] probes) {}

    private static final Batch STOP = new Batch(new byte[0], 0, new int[0]);
    private static final int GIVE_UP_AFTER_ERRORS = 30;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI ingest;
    private final String authorization;
    private final OtrfFeed feed;
    private final Probes probes;
    private final LongSupplier backlog;
    private final SenderCounts counts = new SenderCounts();
    private final AtomicLong firstErrorSet = new AtomicLong();
    private volatile String firstError = "";

    Sender(String baseUrl, String token, OtrfFeed feed, Probes probes, LongSupplier backlog) {
        this.ingest = URI.create(baseUrl + "/api/v1/ingest?format=json&source=otrf-e2e");
        this.authorization = "Bearer " + token;
        this.feed = feed;
        this.probes = probes;
        this.backlog = backlog;
    }

    /** Sends for the plan's duration, then waits (at most {@code settle}) for every batch in flight. */
    SenderCounts run(Plan plan, Duration settle) {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(Math.max(2, plan.workers() * 2));
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < plan.workers(); i++) {
            workers.add(Thread.ofPlatform().name("e2e-sender-" + i).start(() -> work(queue)));
        }
        long start = System.nanoTime();
        pace(plan, queue, start);
        counts.sendingNanos.set(System.nanoTime() - start);
        for (int i = 0; i < workers.size(); i++) {
            putQuietly(queue, STOP);
        }
        long deadline = System.nanoTime() + settle.toNanos();
        for (Thread w : workers) {
            join(w, deadline);
        }
        counts.settledNanos.set(System.nanoTime() - start);
        counts.firstError = firstError;
        return counts;
    }

    private void pace(Plan plan, BlockingQueue<Batch> queue, long start) {
        long tick = plan.tick().toNanos();
        long end = start + plan.duration().toNanos();
        long catchUp = Math.max(plan.maxBatch(), (long) (plan.rate() * 1.0)); // at most one second late
        Pacer pacer = new Pacer(plan.rate(), start, catchUp);
        long nextProbe = start;
        for (long now = start; now < end; now = System.nanoTime()) {
            if (gated(plan)) {
                pacer.restart(now);
                counts.gatedTicks.incrementAndGet();
            } else {
                // the cap is checked before every batch: a batch can wait long for a free sending thread
                for (long due = pacer.due(now); due > 0 && System.nanoTime() < end && !gated(plan); ) {
                    int n = (int) Math.min(due, plan.maxBatch());
                    boolean probe = !plan.probeEvery().isZero() && now >= nextProbe;
                    if (probe) {
                        nextProbe = Math.max(nextProbe + plan.probeEvery().toNanos(), now);
                    }
                    putQuietly(queue, batch(n, probe, now));
                    pacer.issue(n);
                    due -= n;
                }
            }
            LockSupport.parkNanos(Pacer.untilNextTick(start, System.nanoTime(), tick));
        }
        counts.scheduledShortfall.set(pacer.shortfall());
    }

    private boolean gated(Plan plan) {
        return plan.backlogCap() > 0 && backlog.getAsLong() > plan.backlogCap();
    }

    private Batch batch(int n, boolean withProbe, long dueNanos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(n * 2600 + 600);
        int[] probeNumbers = new int[withProbe ? 1 : 0];
        if (withProbe) {
            Probes.Probe p = probes.next(dueNanos, Instant.now());
            body.writeBytes(p.line());
            body.write('\n');
            probeNumbers[0] = p.number();
        }
        for (int i = 0; i < n; i++) {
            body.writeBytes(feed.next());
            body.write('\n');
        }
        int events = n + probeNumbers.length;
        counts.offered.addAndGet(events);
        counts.batches.incrementAndGet();
        return new Batch(body.toByteArray(), events, probeNumbers);
    }

    private void work(BlockingQueue<Batch> queue) {
        while (true) {
            Batch b = takeQuietly(queue);
            if (b == STOP) {
                return;
            }
            deliver(b);
        }
    }

    private void deliver(Batch b) {
        HttpRequest request = HttpRequest.newBuilder(ingest)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.body()))
                .build();
        for (int errors = 0; errors < GIVE_UP_AFTER_ERRORS; ) {
            long sent = System.nanoTime();
            for (int p : b.probes()) {
                probes.sent(p, sent);
            }
            Answer answer = post(request);
            if (answer.status() == 202) {
                long now = System.nanoTime();
                counts.acknowledged.addAndGet(b.events());
                counts.postNanos.addAndGet(now - sent);
                for (int p : b.probes()) {
                    probes.acknowledged(p, now);
                }
                return;
            }
            if (answer.status() == 429) {
                counts.refusals.incrementAndGet();
                counts.refusedEvents.addAndGet(b.events());
                long wait = Math.max(1, answer.retryAfterSeconds()) * 1000L;
                counts.retryWaitMillis.addAndGet(wait);
                sleep(wait);
            } else {
                errors++;
                counts.errors.incrementAndGet();
                noteError(answer.describe());
                sleep(1000);
            }
        }
        counts.abandonedEvents.addAndGet(b.events());
    }

    private record Answer(int status, long retryAfterSeconds, String describe) {}

    private Answer post(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            long retry =
                    r.headers().firstValue("Retry-After").map(Sender::seconds).orElse(1L);
            return new Answer(r.statusCode(), retry, "HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        } catch (IOException e) {
            return new Answer(-1, 1, "cannot post: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, 1, "interrupted");
        }
    }

    private static long seconds(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private void noteError(String message) {
        if (firstErrorSet.compareAndSet(0, 1)) {
            firstError = message;
        }
    }

    private static void putQuietly(BlockingQueue<Batch> queue, Batch b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a batch", e);
        }
    }

    private static Batch takeQuietly(BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return STOP;
        }
    }

    private static void join(Thread t, long deadlineNanos) {
        try {
            t.join(Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
