package vn.lachan.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.EngineOptions;
import vn.lachan.sigma.SigmaEngine;
import vn.lachan.sigma.logsource.LogSourceMap;

/**
 * Keeps the compiled rules of the configured folders current: loads them at start, and when a rule file
 * is added, changed or removed, compiles the new set in the background and swaps it in between two
 * batches, without a restart.
 *
 * <p>A rule that does not load is left out and reported in {@link #status()}; the other rules keep
 * running. Swapping starts correlations afresh (their open windows are not carried over). Thread-safe.
 */
public final class LiveRules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    private final List<Path> folders;
    private final LogSourceMap map;
    private final AtomicReference<Loaded> current;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lachan-rules-watch").daemon().factory());
    private volatile long fingerprint;

    /**
     * Returns what the rules are now.
     *
     * @param rules how many rules run
     * @param problems the problems of the last load: rules left out and why
     * @param loaded when the set was compiled
     * @param generation 1 for the first load, one more for each reload
     */
    public record Status(int rules, List<Problem> problems, Instant loaded, long generation) {
        public Status {
            problems = List.copyOf(problems);
        }
    }

    private record Loaded(SigmaEngine engine, Status status) {}

    /** Loads and compiles the rules of {@code folders} (files or folders) read through {@code map}. */
    public LiveRules(List<Path> folders, LogSourceMap map) {
        this.folders = List.copyOf(folders);
        this.map = map;
        this.fingerprint = fingerprint();
        this.current = new AtomicReference<>(compile(1));
    }

    /** Checks the folders every {@code interval} and reloads when a file changed. */
    public void watch(Duration interval) {
        long millis = Math.max(100, interval.toMillis());
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Returns the engine to use for the next batch. */
    public SigmaEngine engine() {
        return current.get().engine();
    }

    /** Returns the current rule count, problems and generation. */
    public Status status() {
        return current.get().status();
    }

    /** Reloads now when a rule file changed; returns whether it reloaded. */
    public boolean reloadIfChanged() {
        try {
            long now = fingerprint();
            if (now == fingerprint) {
                return false;
            }
            fingerprint = now;
            Loaded next = compile(current.get().status().generation() + 1);
            current.set(next);
            LOG.info(
                    "rules reloaded: {} running, {} problems (generation {})",
                    next.status().rules(),
                    next.status().problems().size(),
                    next.status().generation());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("rules not reloaded, the previous set keeps running: {}", e.toString());
            return false;
        }
    }

    private Loaded compile(long generation) {
        SigmaEngine engine = SigmaEngine.load(folders, map, EngineOptions.defaults());
        List<Problem> problems = engine.problems();
        if (!problems.isEmpty()) {
            LOG.warn("{} rule problems; the first: {}", problems.size(), problems.getFirst());
        }
        return new Loaded(engine, new Status(engine.rulesLoaded(), problems, Instant.now(), generation));
    }

    private long fingerprint() {
        long hash = 17;
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        hash = hash * 31 + p.hashCode();
                        hash = hash * 31 + a.size();
                        hash = hash * 31 + a.lastModifiedTime().toMillis();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the rules in " + folder, e);
            }
        }
        return hash;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
