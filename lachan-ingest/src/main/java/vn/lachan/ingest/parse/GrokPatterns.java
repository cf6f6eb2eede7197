package vn.lachan.ingest.parse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.opensearch.grok.Grok;
import org.opensearch.grok.MatcherWatchdog;

/**
 * Matches the configured grok patterns (OpenSearch grok over joni), with a watchdog thread that
 * interrupts a match running longer than the timeout, so that a catastrophic pattern cannot hang the
 * pipeline. Captures keep their names ({@code %{IP:source.ip}} gives {@code source.ip}). Thread-safe.
 */
final class GrokPatterns implements AutoCloseable {
    private final Map<String, Grok> patterns = new HashMap<>();
    private final @Nullable ScheduledExecutorService scheduler;

    GrokPatterns(Map<String, String> expressions, Duration timeout) {
        if (expressions.isEmpty()) {
            scheduler = null;
            return;
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "lachan-grok-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        scheduler = executor;
        long max = timeout.toMillis();
        MatcherWatchdog watchdog = MatcherWatchdog.newInstance(
                Math.max(1, max / 4),
                max,
                () -> System.nanoTime() / 1_000_000,
                (delay, command) -> executor.schedule(command, delay, TimeUnit.MILLISECONDS));
        Map<String, String> bank = new HashMap<>(Grok.BUILTIN_PATTERNS);
        bank.putAll(expressions);
        expressions.forEach((name, expression) -> patterns.put(name, compile(bank, name, expression, watchdog)));
    }

    private static Grok compile(Map<String, String> bank, String name, String expression, MatcherWatchdog watchdog) {
        try {
            return new Grok(bank, expression, watchdog, warning -> {});
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "grok pattern '" + name + "' does not compile: " + e.getMessage() + " (pattern: " + expression
                            + ")",
                    e);
        }
    }

    /** Tells whether a pattern of this name is configured. */
    boolean has(String name) {
        return patterns.containsKey(name);
    }

    /** Matches {@code text} with pattern {@code name} into {@code out}; returns null when matched, else why not. */
    @Nullable
    String parse(String name, String text, ZoneId zone, Event out) {
        Grok grok = patterns.get(name);
        if (grok == null) {
            return "no grok pattern named '" + name + "' is configured (known: " + patterns.keySet() + ")";
        }
        Map<String, Object> captures;
        try {
            captures = grok.captures(text);
        } catch (RuntimeException e) {
            return "grok pattern '" + name + "' was stopped: " + e.getMessage();
        }
        if (captures == null) {
            return "grok pattern '" + name + "' does not match";
        }
        captures.forEach((key, value) -> {
            switch (value) {
                case null -> {}
                case Integer i -> out.put(key, i.longValue());
                case Float f -> out.put(key, f.doubleValue());
                default -> out.put(key, value);
            }
        });
        out.textIfAbsent("message", text);
        out.time(time(out.get("@timestamp"), zone));
        out.time(time(out.get("timestamp"), zone));
        return null;
    }

    private static @Nullable Instant time(@Nullable Object value, ZoneId zone) {
        if (!(value instanceof String s)) {
            return null;
        }
        Instant iso = Times.iso(s, zone);
        return iso != null ? iso : Times.accessLog(s, zone);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
