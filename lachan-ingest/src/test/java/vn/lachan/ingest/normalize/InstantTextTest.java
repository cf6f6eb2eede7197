package vn.lachan.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast instant text is {@link Instant#toString()}, on seeded random instants and on the edges. */
class InstantTextTest {
    private static final long[] EDGES = {
        0,
        1,
        59,
        86_399,
        86_400,
        951_782_400L /* 2000-02-29 */,
        4_107_456_000L /* 2100-02-28 */,
        4_107_542_400L /* 2100-03-01 */,
        253_402_300_799L /* 9999-12-31T23:59:59 */,
        253_402_300_800L,
        -1,
        -62_135_596_800L /* 0001-01-01 */,
        Instant.MIN.getEpochSecond(),
        Instant.MAX.getEpochSecond()
    };
    private static final int[] NANOS = {0, 1, 999_999_999, 1_000, 1_000_000, 100_000_000, 120_000, 123_456_789};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void writesWhatInstantToStringWrites(long seed) {
        Random random = new Random(seed);
        for (long edge : EDGES) {
            for (int nanos : NANOS) {
                check(Instant.ofEpochSecond(edge, nanos));
            }
        }
        for (int i = 0; i < 20_000; i++) {
            long seconds = switch (i % 3) {
                case 0 -> random.nextLong(0, 4_102_444_800L); // 1970 to 2100
                case 1 -> random.nextLong(0, 253_402_300_800L); // to 9999
                default -> random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
            };
            int nanos = random.nextBoolean() ? NANOS[random.nextInt(NANOS.length)] : random.nextInt(1_000_000_000);
            check(Instant.ofEpochSecond(seconds, nanos));
        }
    }

    private static void check(Instant time) {
        assertThat(InstantText.of(time)).as("%s", time).isEqualTo(time.toString());
    }
}
