package vn.lachan.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency probes: Sysmon process-creation events that fire one known rule (written beside the SigmaHQ
 * rules), each on a host of its own so that each raises a new alert rather than adding to a grouped one.
 * Remembers when each probe was due, sent and acknowledged, and when its alert was seen on the stream.
 *
 * <p>Thread-safe: the pacer creates probes, the senders and the stream watcher record their times.
 */
final class Probes {
    /** The probe rule's id, which the alerts on the stream carry. */
    static final String RULE_ID = "6b1f3c1e-2f0a-4e57-9b6a-1ac4e2e0b001";

    private static final String HOST_PREFIX = "e2e-probe-";
    private static final String HOST_SUFFIX = ".lachan.bench";
    private static final String MARKER = "lachan-e2e-probe";

    /** The times of one probe in {@link System#nanoTime()} units; 0 until known. */
    static final class Times {
        final long due;
        volatile long sent;
        volatile long acknowledged;
        volatile long alerted;

        Times(long due) {
            this.due = due;
        }
    }

    private final AtomicInteger created = new AtomicInteger();
    private final ConcurrentHashMap<Integer, Times> times = new ConcurrentHashMap<>();

    /** Writes the probe rule into {@code folder} and returns its path. */
    static Path writeRule(Path folder) {
        String yaml = """
                title: Lachan end-to-end latency probe
                id: %s
                status: experimental
                description: Fires on the synthetic process-creation events the end-to-end harness sends.
                author: lachan-bench
                date: 2026-11-24
                logsource:
                    category: process_creation
                    product: windows
                detection:
                    selection:
                        CommandLine|contains: '%s'
                    condition: selection
                level: low
                """.formatted(RULE_ID, MARKER);
        try {
            Files.createDirectories(folder);
            Path rule = folder.resolve("lachan_e2e_probe.yml");
            Files.writeString(rule, yaml, StandardCharsets.UTF_8);
            return rule;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the probe rule into " + folder, e);
        }
    }

    /** Creates the next probe event, due at {@code dueNanos}, as one NDJSON line; returns its number too. */
    Probe next(long dueNanos, Instant now) {
        int n = created.incrementAndGet();
        times.put(n, new Times(dueNanos));
        String line = String.format(
                Locale.ROOT,
                "{\"@timestamp\":\"%s\",\"Hostname\":\"%s\",\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
                        + "\"SourceName\":\"Microsoft-Windows-Sysmon\",\"EventID\":1,\"ProcessId\":\"%d\","
                        + "\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"CommandLine\":\"cmd.exe /c echo %s %d\","
                        + "\"ParentImage\":\"C:\\\\Windows\\\\explorer.exe\",\"User\":\"BENCH\\\\probe\"}",
                now,
                host(n),
                4000 + n % 1000,
                MARKER,
                n);
        return new Probe(n, line.getBytes(StandardCharsets.UTF_8));
    }

    /** One probe event. */
    record Probe(int number, byte[] line) {}

    static String host(int n) {
        return String.format(Locale.ROOT, "%s%07d%s", HOST_PREFIX, n, HOST_SUFFIX);
    }

    /** Returns the probe number a host name stands for, if it is a probe's. */
    static OptionalInt number(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (!h.startsWith(HOST_PREFIX) || !h.endsWith(HOST_SUFFIX)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(
                    Integer.parseInt(h.substring(HOST_PREFIX.length(), h.length() - HOST_SUFFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    void sent(int n, long nanos) {
        Times t = times.get(n);
        if (t != null && t.sent == 0) {
            t.sent = nanos;
        }
    }

    void acknowledged(int n, long nanos) {
        Times t = times.get(n);
        if (t != null) {
            t.acknowledged = nanos;
        }
    }

    /** Records the first sight of probe {@code n}'s alert; returns false for an unknown or repeated one. */
    boolean alerted(int n, long nanos) {
        Times t = times.get(n);
        if (t == null || t.alerted != 0) {
            return false;
        }
        t.alerted = nanos;
        return true;
    }

    /** Returns the probes created so far. */
    int created() {
        return created.get();
    }

    /** Returns a copy of every probe's times, in probe order. */
    List<Times> all() {
        List<Times> out = new ArrayList<>(times.size());
        for (int n = 1; n <= created.get(); n++) {
            Times t = times.get(n);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
