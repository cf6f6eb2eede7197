package vn.lachan.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;

/**
 * Takes real EVTX files and damages them at random (fixed seeds): flipped bits, a truncation, an
 * overwritten run of bytes, mostly aimed at the records. The reader must return normally, report
 * damage as problems, and never deliver more events than the bytes could hold.
 */
class EvtxMutationTest {
    private static final int VARIANTS = 300;

    static IntStream seeds() {
        return IntStream.range(0, VARIANTS);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void damagedFilesAreReadWithoutThrowing(int seed) throws IOException {
        List<Path> files = EvtxSamples.allFiles();
        Random random = new Random(seed);
        Path original = files.get(random.nextInt(files.size()));
        byte[] intact = Files.readAllBytes(original);
        long intactRecords = EvtxReader.read(intact, "intact", e -> {}, p -> {}).records();
        byte[] damaged = damage(intact, random);

        List<SourcedEvent> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        EvtxSummary summary = EvtxReader.read(damaged, "damaged.evtx", events::add, problems::add);

        assertThat(summary.records()).isEqualTo(events.size());
        assertThat(summary.problems()).isEqualTo(problems.size());
        // Damage can turn a record's bytes into several smaller "records" only if it forges
        // signatures and sizes; random damage of this size must not multiply them.
        assertThat(events.size()).isLessThanOrEqualTo((int) intactRecords + 2);
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        if (!Arrays.equals(intact, damaged) && events.size() < intactRecords) {
            assertThat(problems)
                    .as("events went missing, so a problem must say why")
                    .isNotEmpty();
        }
    }

    private static byte[] damage(byte[] intact, Random random) {
        byte[] bytes = intact.clone();
        // Most records live in the first few KiB of the chunk: aim there half of the time.
        int hotEnd = Math.min(bytes.length, 0x1000 + 0x3000);
        int kind = random.nextInt(4);
        switch (kind) {
            case 0 -> {
                for (int i = 0, flips = 1 + random.nextInt(20); i < flips; i++) {
                    int at = target(bytes.length, hotEnd, random);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> {
                int at = target(bytes.length, hotEnd, random);
                int length = Math.min(bytes.length - at, 1 + random.nextInt(64));
                for (int i = at; i < at + length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
            }
            default -> {
                // Plausible lies: a large value written where a length, offset or count may be.
                int at = target(bytes.length - 4, hotEnd - 4, random);
                int value = random.nextBoolean() ? 0xffff_fff0 : random.nextInt(0x10000);
                for (int i = 0; i < 4; i++) {
                    bytes[at + i] = (byte) (value >>> (8 * i));
                }
            }
        }
        return bytes;
    }

    private static int target(int length, int hotEnd, Random random) {
        return random.nextBoolean() && hotEnd > 0x1000
                ? 0x1000 + random.nextInt(hotEnd - 0x1000)
                : random.nextInt(length);
    }
}
