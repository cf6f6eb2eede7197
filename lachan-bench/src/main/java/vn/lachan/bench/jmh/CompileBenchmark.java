package vn.lachan.bench.jmh;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.lachan.bench.corpus.BenchCorpus;
import vn.lachan.sigma.SigmaEngine;

/** Measures loading and compiling every SigmaHQ Windows rule from their files: milliseconds per run. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class CompileBenchmark {
    @SuppressWarnings("NullAway.Init") // set in find(), which JMH runs before any benchmark
    private List<Path> folders;

    /** Finds the rule folders once per fork. */
    @Setup(Level.Trial)
    public void find() {
        folders = BenchCorpus.windowsRuleFolders();
    }

    /** Loads and compiles the rules; returns the engine so that nothing is optimised away. */
    @Benchmark
    public SigmaEngine loadAndCompile() {
        return BenchCorpus.compile(folders);
    }
}
