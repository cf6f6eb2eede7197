package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pushes the journal where its threads meet most often: segments of 1 KiB (a roll every few records),
 * several writers, a consumer polling with waits of microseconds, and commits that trim segments from
 * another thread while the consumer reads. Every acknowledged record must come back once, in order,
 * unchanged, with no problem reported. {@link JournalStressMain} repeats it from the command line.
 */
class JournalStressTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "seed {0}, {1} writers, {3}-byte segments, fsync {4}, own committer {5}")
    @CsvSource({
        "1, 6, 300, 1024, false, true",
        "2, 8, 200, 1024, true, true",
        "3, 4, 400, 2048, false, false",
        "4, 8, 250, 1024, false, true",
    })
    // never a hang: the run ends itself after a minute; this is a guard beyond it
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyAcknowledgedRecordComesBackOnceInOrder(
            long seed, int writers, int perWriter, long segmentBytes, boolean fsync, boolean committerThread)
            throws InterruptedException {
        StressRun.Settings settings = new StressRun.Settings(
                writers,
                perWriter,
                segmentBytes,
                64 * segmentBytes,
                fsync,
                40,
                Duration.ofNanos(200_000),
                committerThread);
        StressRun.Outcome outcome = new StressRun(settings, seed).run(folder, Duration.ofMinutes(1));
        assertThat(outcome.verdict(settings)).isEmpty();
        assertThat(outcome.read()).hasSize(writers * perWriter);
        assertThat(outcome.trimmed())
                .as("commits trimmed segments while reading")
                .isPositive();
    }
}
