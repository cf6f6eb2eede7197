package vn.lachan.bench.corpus;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import vn.lachan.sigma.EngineOptions;
import vn.lachan.sigma.SigmaEngine;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.sigma.parse.RuleLoader;
import vn.lachan.sigma.rule.RuleSet;
import vn.lachan.testkit.Corpus;

/**
 * Finds the benchmark inputs in the shared corpus (the OTRF Windows events, the SigmaHQ Windows rules)
 * and compiles those rules the way {@code lachan hunt} does, measuring time and retained heap.
 *
 * <p>Stateless; safe to call from any thread, although the heap figures only mean something when
 * nothing else allocates at the same time.
 */
public final class BenchCorpus {
    private static final int GC_PASSES = 3;

    private BenchCorpus() {}

    /** Returns the OTRF folder of the corpus that {@link Corpus#get} finds; fails when it is absent. */
    public static Path otrf() {
        return Corpus.get("otrf");
    }

    /** Returns the OTRF zip archives, sorted by path. */
    public static List<Path> otrfArchives() {
        return OtrfLines.archives(otrf());
    }

    /**
     * Returns the first {@code perArchive} raw JSON lines of every OTRF archive (entries under {@code
     * __MACOSX/} left out), in archive order: a sample that covers every dataset and channel.
     */
    public static List<String> otrfSample(int perArchive) {
        if (perArchive < 1) {
            throw new IllegalArgumentException("perArchive must be >= 1, was " + perArchive);
        }
        return OtrfLines.sample(otrf(), perArchive);
    }

    /**
     * Returns every {@code windows} folder directly under a {@code rules*} folder of the SigmaHQ corpus
     * ({@code rules/windows}, {@code rules-threat-hunting/windows}, …), sorted.
     */
    public static List<Path> windowsRuleFolders() {
        Path sigma = Corpus.get("sigma");
        try (Stream<Path> children = Files.list(sigma)) {
            List<Path> folders = children.filter(p -> p.getFileName().toString().startsWith("rules"))
                    .map(p -> p.resolve("windows"))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
            if (folders.isEmpty()) {
                throw new IllegalStateException("no rules*/windows folder under " + sigma);
            }
            return folders;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + sigma, e);
        }
    }

    /** Loads and compiles the rules in {@code folders} with the bundled log-source map and the defaults. */
    public static SigmaEngine compile(List<Path> folders) {
        return SigmaEngine.compile(new RuleLoader().load(folders), LogSourceMap.bundled(), EngineOptions.defaults());
    }

    /**
     * Loads and compiles the rules in {@code folders}, timing the parse and the compilation apart and
     * measuring the heap the engine retains (heap in use after full collections, before and after).
     */
    public static CompiledRules compileMeasured(List<Path> folders) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = settledHeap(memory);
        long start = System.nanoTime();
        LogSourceMap map = LogSourceMap.bundled();
        RuleSet rules = new RuleLoader().load(folders);
        long loaded = System.nanoTime();
        SigmaEngine engine = SigmaEngine.compile(rules, map, EngineOptions.defaults());
        long compiled = System.nanoTime();
        int documents = rules.detections().size()
                + rules.correlations().size()
                + rules.filters().size();
        RuleSet summary = new RuleSet(List.of(), List.of(), List.of(), rules.rejected(), rules.warnings());
        rules = summary; // drop the parsed documents the engine does not keep, before measuring
        long heapAfter = settledHeap(memory);
        Reference.reachabilityFence(engine);
        return new CompiledRules(
                engine,
                documents,
                rules.rejected(),
                rules.warnings(),
                (loaded - start) / 1e9,
                (compiled - loaded) / 1e9,
                Math.max(0, heapAfter - heapBefore),
                heapBefore);
    }

    /**
     * Returns the heap in use after full collections: with {@link CompiledRules#heapBeforeBytes()}, what an
     * engine holds once events have gone through it (its automata are built per routing bucket on first use,
     * so the figure right after compiling leaves them out).
     */
    public static long settledHeapBytes() {
        return settledHeap(ManagementFactory.getMemoryMXBean());
    }

    private static long settledHeap(MemoryMXBean memory) {
        for (int i = 0; i < GC_PASSES; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
