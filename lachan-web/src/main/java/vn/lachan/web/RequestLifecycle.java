package vn.lachan.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import vn.lachan.web.auth.Gate;
import vn.lachan.web.internal.ApiProblem;

/**
 * Runs before and after every request: refuses new requests while the server drains, has the {@link Gate}
 * authenticate and authorize every matched request before its handler, counts requests in flight and times
 * them ({@code lachan.http.requests}) and the gate's part of them ({@code lachan.http.gate}: authentication,
 * authorization and the caller's visible organizations, on every matched route that is not public).
 *
 * <p>Thread-safe.
 */
final class RequestLifecycle {
    private static final String STARTED = "lachan.started";

    private final MeterRegistry metrics;
    private final Gate gate;
    private final int retryAfterSeconds;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object drained = new Object();

    RequestLifecycle(MeterRegistry metrics, Gate gate, int retryAfterSeconds) {
        this.metrics = metrics;
        this.gate = gate;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    void register(RoutesConfig routes) {
        routes.before(this::admit);
        // after route matching, so that the gate knows the route's access rule; before the handler
        routes.beforeMatched(gate::admit);
        routes.after(this::finish);
    }

    private void admit(Context ctx) {
        if (draining.get()) {
            throw ApiProblem.of(503, "shutting-down", "Shutting down", "the server is shutting down; retry later")
                    .withHeader("Retry-After", Integer.toString(retryAfterSeconds))
                    .withHeader("Connection", "close");
        }
        inFlight.incrementAndGet();
        ctx.attribute(STARTED, System.nanoTime());
    }

    private void finish(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        long elapsed = System.nanoTime() - started;
        String method = ctx.method().name();
        String route = route(ctx);
        Timer.builder("lachan.http.requests")
                .description("HTTP requests answered, by route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(metrics)
                .record(elapsed, TimeUnit.NANOSECONDS);
        recordGate(ctx, method, route);
        if (inFlight.decrementAndGet() == 0 && draining.get()) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    private void recordGate(Context ctx, String method, String route) {
        Gate.Spent gated = Gate.spent(ctx);
        if (gated == null) {
            return;
        }
        Timer.builder("lachan.http.gate")
                .description("What the gate spent on requests to routes that are not public: authentication,"
                        + " authorization and the caller's visible organizations, by route, how the caller came"
                        + " and outcome")
                .tag("method", method)
                .tag("route", route)
                .tag("via", gated.via())
                .tag("outcome", gated.outcome())
                .register(metrics)
                .record(gated.nanos(), TimeUnit.NANOSECONDS);
    }

    private static String route(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }

    /** Answers every new request 503 from now on. */
    void refuseNew() {
        draining.set(true);
    }

    /** Waits up to {@code timeout} for the requests in flight to finish; returns how many are left. */
    int awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (drained) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    drained.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return inFlight.get();
    }

    static String describe(int left) {
        return String.format(Locale.ROOT, "%d request%s still in flight", left, left == 1 ? "" : "s");
    }
}
