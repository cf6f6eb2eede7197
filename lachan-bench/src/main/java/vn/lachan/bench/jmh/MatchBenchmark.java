package vn.lachan.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.lachan.bench.corpus.BenchCorpus;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.sigma.SigmaEngine;

/**
 * Measures matching parsed OTRF events against every SigmaHQ Windows rule, parsing left out:
 * nanoseconds per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class MatchBenchmark {
    @SuppressWarnings("NullAway.Init") // set in compile(), which JMH runs before any benchmark
    private SigmaEngine engine;

    /** Compiles every Windows rule once per fork. */
    @Setup(Level.Trial)
    public void compile() {
        engine = BenchCorpus.compile(BenchCorpus.windowsRuleFolders());
    }

    /** Runs every sample event through the engine; alerts go to the black hole. */
    @Benchmark
    @OperationsPerInvocation(OtrfSample.EVENTS)
    public void match(OtrfSample sample, Blackhole hole) {
        for (SourcedEvent event : sample.events) {
            engine.process(event, hole::consume);
        }
    }
}
