package vn.lachan.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacerTest {
    private static final long MS = 1_000_000L;

    @Test
    void dueFollowsTheRateTickByTick() {
        Pacer pacer = new Pacer(25_000, 0, 1_000_000);
        long total = 0;
        for (long t = 10 * MS; t <= 1_000 * MS; t += 10 * MS) {
            long due = pacer.due(t);
            assertThat(due).as("due at %d ms", t / MS).isEqualTo(250);
            pacer.issue(due);
            total += due;
        }
        assertThat(total).isEqualTo(25_000);
        assertThat(pacer.issued()).isEqualTo(25_000);
        assertThat(pacer.shortfall()).isZero();
    }

    @Test
    void fractionalRatesAccumulateWithoutDrift() {
        Pacer pacer = new Pacer(333, 0, 1_000_000);
        for (long t = 0; t <= 3_000 * MS; t += 7 * MS) {
            pacer.issue(pacer.due(t));
        }
        // floor(333 * 2.996 s): the last tick at 2,996 ms
        assertThat(pacer.issued()).isEqualTo((long) Math.floor(333 * 2.996));
    }

    @Test
    void aLateSenderCatchesUpOnlySoFarAndTheRestIsShortfall() {
        Pacer pacer = new Pacer(10_000, 0, 2_000);
        assertThat(pacer.due(1_000 * MS)).isEqualTo(2_000);
        pacer.issue(2_000);
        assertThat(pacer.shortfall()).isEqualTo(8_000);
        assertThat(pacer.due(1_100 * MS)).as("back on schedule").isEqualTo(1_000);
    }

    @Test
    void nothingIsDueTwiceAndNothingBeforeTheStart() {
        Pacer pacer = new Pacer(1_000, 500 * MS, 10_000);
        assertThat(pacer.due(100 * MS)).isZero();
        assertThat(pacer.due(600 * MS)).isEqualTo(100);
        pacer.issue(100);
        assertThat(pacer.due(600 * MS)).isZero();
    }

    @Test
    void restartForgetsWhatWasOwedWhileHeld() {
        Pacer pacer = new Pacer(1_000, 0, 100_000);
        pacer.issue(pacer.due(100 * MS));
        pacer.restart(5_000 * MS);
        assertThat(pacer.due(5_050 * MS)).isEqualTo(50);
        assertThat(pacer.shortfall()).isZero();
        assertThat(pacer.issued()).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource({"0,0,10,10", "0,3,10,7", "0,10,10,10", "5,27,10,8", "0,99999999,10000000,1"})
    void untilNextTickLandsOnTheGrid(long start, long now, long tick, long expected) {
        assertThat(Pacer.untilNextTick(start, now, tick)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0,1000,0", "1,1000,1", "1000,1000,1", "1001,1000,2", "25000,1000,25"})
    void batchesRoundUp(long events, int max, int expected) {
        assertThat(Pacer.batches(events, max)).isEqualTo(expected);
    }

    @Test
    void rejectsRatesThatAreNotPositiveNumbers() {
        assertThatThrownBy(() -> new Pacer(0, 0, 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Pacer(Double.NaN, 0, 1)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Pacer(Double.POSITIVE_INFINITY, 0, 1)).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> new Pacer(1, 0, 0)).hasMessageContaining("maxCatchUp");
    }
}
