package vn.lachan.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.file.ReadCounts;

/** Measures reading and parsing OTRF JSON lines into events, with no rules: nanoseconds per event. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ParseBenchmark {
    /** Reads the sample file through the reader {@code lachan hunt} uses; returns its counts. */
    @Benchmark
    @OperationsPerInvocation(OtrfSample.EVENTS)
    public ReadCounts parse(OtrfSample sample, Blackhole hole) {
        EventFiles reader = new EventFiles(hole::consume);
        reader.read(sample.file, hole::consume);
        return reader.counts();
    }
}
