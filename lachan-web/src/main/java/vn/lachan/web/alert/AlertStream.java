package vn.lachan.web.alert;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.alert.AlertStore;
import vn.lachan.web.internal.Caller;
import vn.lachan.web.internal.JsonCodec;

/**
 * Streams every alert written from now on as server-sent events ({@code event: alert}, {@code id:}, {@code
 * data:} one JSON line), with a comment line when idle for a heartbeat interval.
 *
 * <p>Each stream holds its request's virtual thread and a bounded queue fed by the store's writer thread,
 * which never blocks: a client too slow to keep up gets an {@code overflow} event and the stream ends (the
 * browser's EventSource reconnects). A client that went away is found at the next write, at the latest after
 * one heartbeat, and its subscription closed. Thread-safe.
 */
final class AlertStream {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
    private static final int QUEUE = 4096;
    private static final Object END = new Object();

    private final AlertStore alerts;
    private final JsonCodec json;
    private final Duration heartbeat;
    private final Set<Subscriber> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    AlertStream(AlertStore alerts, JsonCodec json, Duration heartbeat) {
        this.alerts = alerts;
        this.json = json;
        this.heartbeat = heartbeat;
    }

    /** One client's queue; the store's writer thread offers, the request thread takes. */
    private static final class Subscriber {
        final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE + 1);
        volatile boolean overflowed;
        volatile boolean ended;

        void offer(AlertRecord alert) {
            if (queue.size() >= QUEUE || !queue.offer(alert)) {
                overflowed = true;
            }
        }

        void end() {
            ended = true;
            queue.offer(END);
        }
    }

    void serve(Context ctx) throws InterruptedException {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        Caller.Visibility visibility = Caller.of(ctx).visibility();
        Subscriber subscriber = new Subscriber();
        open.add(subscriber);
        @Nullable AutoCloseable subscription = null;
        try {
            // tenancy: only alerts of the organizations the caller sees reach its queue
            subscription = alerts.subscribe(alert -> {
                if (visibility.sees(alert.organization())) {
                    subscriber.offer(alert);
                }
            });
            OutputStream out = res.getOutputStream();
            send(out, "retry: 5000\n: lachan alert stream\n\n");
            if (!closing) {
                pump(subscriber, out);
            }
            out.close(); // ends the chunked response now, before the server may stop
        } catch (IOException e) {
            LOG.debug("alert stream client {} went away: {}", ctx.ip(), e.toString());
        } finally {
            open.remove(subscriber);
            unsubscribe(subscription);
        }
    }

    private void pump(Subscriber subscriber, OutputStream out) throws IOException, InterruptedException {
        long wait = heartbeat.toNanos();
        while (!subscriber.ended) {
            if (subscriber.overflowed) {
                LOG.warn("alert stream fell {} alerts behind; ending it so that the client reconnects", QUEUE);
                send(out, "event: overflow\ndata: {\"reason\":\"the client fell behind\"}\n\n");
                return;
            }
            Object next = subscriber.queue.poll(wait, TimeUnit.NANOSECONDS);
            if (subscriber.ended) {
                return;
            }
            send(out, next instanceof AlertRecord alert ? event(alert) : ": heartbeat\n\n");
        }
    }

    private String event(AlertRecord alert) {
        return "event: alert\nid: " + alert.id() + "\ndata: " + json.write(AlertView.of(alert)) + "\n\n";
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void unsubscribe(@Nullable AutoCloseable subscription) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("closing an alert subscription failed", e);
        }
    }

    /** Returns how many streams are open. */
    int openStreams() {
        return open.size();
    }

    /** Ends every open stream and refuses to pump new ones; the requests then complete normally. */
    void closeAll() {
        closing = true;
        for (Subscriber subscriber : open) {
            subscriber.end();
        }
    }
}
