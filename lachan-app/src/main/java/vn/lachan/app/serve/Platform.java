package vn.lachan.app.serve;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.alert.grouping.AlertGrouper;
import vn.lachan.alert.grouping.GroupingConfig;
import vn.lachan.alert.index.LuceneAlertStore;
import vn.lachan.app.security.Foundation;
import vn.lachan.core.alert.AlertStore;
import vn.lachan.core.store.EventStore;
import vn.lachan.core.tls.TlsIdentity;
import vn.lachan.ingest.parse.ParserConfig;
import vn.lachan.ingest.parse.RecordParser;
import vn.lachan.input.syslog.SyslogConfig;
import vn.lachan.input.syslog.SyslogServer;
import vn.lachan.journal.Journal;
import vn.lachan.journal.JournalConfig;
import vn.lachan.pipeline.LiveRules;
import vn.lachan.pipeline.Pipeline;
import vn.lachan.pipeline.PipelineConfig;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;
import vn.lachan.web.WebConfig;
import vn.lachan.web.WebServer;
import vn.lachan.web.WebServices;

/**
 * Runs the whole platform in one process, wired top to bottom: journal, stores, rules, pipeline, then
 * the inputs and the HTTP server; closes in the reverse order so that inputs stop before the pipeline
 * drains.
 */
final class Platform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ServeConfig config;
    private @Nullable Journal journal;
    private @Nullable EventStore events;
    private @Nullable AlertStore alerts;
    private @Nullable LiveRules rules;
    private @Nullable Pipeline pipeline;
    private @Nullable SyslogServer syslog;
    private @Nullable WebServer web;
    private @Nullable Foundation foundation;
    private int httpPort;
    private String warmUp = "not run";

    private Platform(ServeConfig config) {
        this.config = config;
    }

    /** Starts every part; on a failure closes what was started and rethrows. */
    static Platform start(ServeConfig config) {
        Platform platform = new Platform(config);
        try {
            platform.startParts();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startParts() {
        int tag = InstanceTag.of(config.data());
        Foundation f = keep(Foundation.open(config.data(), config.meta(), System.getenv()));
        f.monitoringCenter();
        foundation = f;
        JournalConfig journalConfig = new JournalConfig(
                config.data().resolve("journal"),
                config.journalSegmentBytes(),
                config.journalBudgetBytes(),
                (int) Math.min(
                        JournalConfig.MAX_RECORD_LIMIT, Math.max(config.maxMessageBytes(), config.maxBodyBytes())),
                config.fsync());
        Journal j = keep(Journal.open(journalConfig));
        journal = j;
        LuceneEventStore store = keep(new LuceneEventStore(storeConfig()));
        store.openProblems().forEach(p -> LOG.warn("event store: {}", p));
        events = store;
        LuceneAlertStore alertStore = keep(LuceneAlertStore.open(config.data().resolve("alerts")));
        alerts = alertStore;
        LogSourceMap map = config.mapping() == null ? LogSourceMap.bundled() : LogSourceMap.load(config.mapping());
        if (config.ruleFolders().isEmpty()) {
            LOG.warn("no rule folders configured (rules.folders or --rules): events are stored, nothing is detected");
        }
        LiveRules live = keep(new LiveRules(config.ruleFolders(), map));
        live.watch(config.reloadInterval());
        rules = live;
        RecordParser parser = keep(new RecordParser(parserConfig()));
        AlertGrouper grouper = new AlertGrouper(
                new GroupingConfig(config.alertWindow(), config.maxEventRefs(), 100_000), alertStore::get);
        PipelineConfig pipelineConfig = pipelineConfig(tag);
        warmUp = WarmUpStep.run(
                config.data(), config.warmUp(), journalConfig, pipelineConfig, parser, live.engine(), store);
        Pipeline p = new Pipeline(
                pipelineConfig,
                new JournalSource(j),
                parser,
                live,
                store,
                alertStore,
                grouper,
                registry,
                f.organizations().subtrees(Duration.ofSeconds(30)));
        keep(p);
        p.start();
        pipeline = p;
        keep(new Maintenance(store, config.store(), Clock.systemUTC(), registry))
                .start();
        Metrics.bindJournal(registry, j);
        syslog = keep(SyslogServer.start(syslogConfig(), j));
        Metrics.bindSyslog(registry, syslog);
        WebServer w = keep(new WebServer(
                new WebConfig(
                        config.http().host(),
                        config.http().port(),
                        config.maxBodyBytes(),
                        Duration.ofSeconds(15),
                        5,
                        Duration.ofSeconds(10),
                        config.httpTls()),
                new WebServices(
                        j,
                        store,
                        alertStore,
                        () -> HealthReport.of(this),
                        registry,
                        f.webSecurity(config.httpBehindProxy(), config.sso(), config.passkeys()),
                        f.exports(
                                config.exports().recipients(), config.exports().required()))));
        httpPort = w.start();
        web = w;
        keep(Endpoint.publish(config.data(), baseUrl()));
    }

    private <T extends AutoCloseable> T keep(T part) {
        opened.push(part);
        return part;
    }

    private StoreConfig storeConfig() {
        StoreConfig d = StoreConfig.defaults(config.data());
        return new StoreConfig(
                d.dataDir(),
                d.partitionSpan(),
                config.store().sealGrace(),
                d.totalBound(),
                d.maxPageSize(),
                d.maxBuckets(),
                d.maxLeadingWildcardPartitions(),
                d.ramBufferMb(),
                config.store().commitInterval());
    }

    private ParserConfig parserConfig() {
        ParserConfig parsers = ParserConfig.defaults()
                .withLocalZone(config.timezone())
                .withMaxMessageBytes(Math.max(64, (int) Math.min(Integer.MAX_VALUE, config.maxBodyBytes())));
        for (var e : config.grokPatterns().entrySet()) {
            parsers = parsers.withGrokPattern(e.getKey(), e.getValue());
        }
        return parsers;
    }

    /**
     * Returns the pipeline's settings. One detected batch waits for the store, not four: at capacity the
     * store sets the pace either way, and every batch waiting in the queue lived long enough to be promoted
     * to the old generation (e2e capacity, same hour: full collections 9-11 -> 3, pauses 8.3-8.8 s -> 3.8 s,
     * heap peak 1.7 -> 1.27 GiB, live after a full collection 440-480 -> 173 MiB, throughput unchanged).
     */
    private PipelineConfig pipelineConfig(int tag) {
        return new PipelineConfig(
                config.batchSize(),
                config.pollWait(),
                1,
                tag,
                config.ownerships(),
                config.defaultOrganization(),
                config.defaultSystem(),
                config.maxEventAge(),
                config.maxEventLead());
    }

    private SyslogConfig syslogConfig() {
        TlsIdentity identity = null;
        InetSocketAddress tlsAt = null;
        ServeConfig.TlsListener tls = config.syslogTls();
        if (tls != null) {
            tlsAt = tls.address().socket();
            identity = tls.identity();
        }
        return new SyslogConfig(
                config.syslogUdp() == null ? null : config.syslogUdp().socket(),
                config.syslogTcp() == null ? null : config.syslogTcp().socket(),
                tlsAt,
                identity,
                config.maxMessageBytes(),
                config.maxConnections(),
                SyslogConfig.DEFAULT_IDLE_TIMEOUT,
                config.syslogFormat());
    }

    int httpPort() {
        return httpPort;
    }

    /** Returns the URL this process reaches the HTTP API at (a wildcard bind is reached on loopback). */
    String baseUrl() {
        String host = config.http().host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return config.httpScheme() + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + httpPort;
    }

    Optional<InetSocketAddress> syslogTcp() {
        return syslog == null ? Optional.empty() : syslog.tcpAddress();
    }

    Optional<InetSocketAddress> syslogUdp() {
        return syslog == null ? Optional.empty() : syslog.udpAddress();
    }

    Optional<InetSocketAddress> syslogTls() {
        return syslog == null ? Optional.empty() : syslog.tlsAddress();
    }

    /** Returns the foundation: identity, access, audit; null before start. */
    @Nullable
    Foundation foundation() {
        return foundation;
    }

    ServeConfig config() {
        return config;
    }

    @Nullable
    Journal journal() {
        return journal;
    }

    @Nullable
    Pipeline pipeline() {
        return pipeline;
    }

    /** Returns what the warm-up before the inputs opened did, in words. */
    String warmUp() {
        return warmUp;
    }

    @Nullable
    LiveRules rules() {
        return rules;
    }

    @Nullable
    SyslogServer syslog() {
        return syslog;
    }

    @Nullable
    AlertStore alerts() {
        return alerts;
    }

    @Nullable
    EventStore events() {
        return events;
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Stops the inputs and the HTTP server, lets the pipeline store what it has detected, closes the rest. */
    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            AutoCloseable part = opened.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.error("cannot close {} cleanly", part.getClass().getSimpleName(), e);
            }
        }
    }
}
