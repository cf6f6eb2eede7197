package vn.lachan.app.serve;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToLongFunction;
import vn.lachan.input.syslog.ListenerStats;
import vn.lachan.input.syslog.SyslogServer;
import vn.lachan.journal.Journal;
import vn.lachan.journal.JournalStats;

/** Exposes the journal's and the inputs' own counters as Prometheus metrics. */
final class Metrics {
    private Metrics() {}

    static void bindJournal(MeterRegistry registry, Journal journal) {
        Gauge.builder("lachan.journal.bytes", journal, Journal::bytes)
                .description("bytes the journal's segments take on disk")
                .baseUnit("bytes")
                .register(registry);
        journalCounter(registry, journal, "lachan.journal.appended", "records appended", JournalStats::appendedRecords);
        journalCounter(
                registry, journal, "lachan.journal.flushes", "forced writes (group commits)", JournalStats::flushes);
        journalCounter(
                registry,
                journal,
                "lachan.journal.full",
                "offers refused: journal at its budget",
                JournalStats::fullAnswers);
        Gauge.builder("lachan.journal.segments", journal, j -> j.stats().segments())
                .description("segment files")
                .register(registry);
    }

    private static void journalCounter(
            MeterRegistry registry, Journal journal, String name, String help, ToLongFunction<JournalStats> value) {
        FunctionCounter.builder(name, journal, j -> value.applyAsLong(j.stats()))
                .description(help)
                .register(registry);
    }

    static void bindSyslog(MeterRegistry registry, SyslogServer server) {
        for (ListenerStats listener : server.stats()) {
            String input = listener.input();
            counter(registry, server, input, "lachan.input.received", "messages received", ListenerStats::received);
            counter(
                    registry,
                    server,
                    input,
                    "lachan.input.accepted",
                    "messages stored in the journal",
                    ListenerStats::accepted);
            counter(
                    registry,
                    server,
                    input,
                    "lachan.input.oversize",
                    "messages cut at the size limit",
                    ListenerStats::oversize);
            counter(
                    registry,
                    server,
                    input,
                    "lachan.input.frame.errors",
                    "broken frames kept raw",
                    ListenerStats::frameErrors);
            counter(
                    registry,
                    server,
                    input,
                    "lachan.input.dropped",
                    "messages lost (UDP with a full journal)",
                    ListenerStats::dropped);
            counter(
                    registry,
                    server,
                    input,
                    "lachan.input.connections.refused",
                    "connections over the cap",
                    ListenerStats::connectionsRefused);
            Gauge.builder("lachan.input.connections", server, s -> of(s, input, ListenerStats::connectionsOpen))
                    .description("connections open")
                    .tag("input", input)
                    .register(registry);
        }
    }

    private static void counter(
            MeterRegistry registry,
            SyslogServer server,
            String input,
            String name,
            String help,
            ToLongFunction<ListenerStats> value) {
        FunctionCounter.builder(name, server, s -> of(s, input, value))
                .description(help)
                .tag("input", input)
                .register(registry);
    }

    private static double of(SyslogServer server, String input, ToLongFunction<ListenerStats> value) {
        for (ListenerStats s : server.stats()) {
            if (s.input().equals(input)) {
                return value.applyAsLong(s);
            }
        }
        return 0;
    }
}
