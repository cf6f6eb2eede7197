package vn.lachan.security.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.lachan.security.envelope.Envelopes.ALICE;
import static vn.lachan.security.envelope.Envelopes.SENDER;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutates a valid envelope at random (seeded: a failure names its seed) and checks the reader only
 * ever refuses with an {@link EnvelopeException}, never crashes, and releases only true content.
 */
class EnvelopeMutationTest {
    private static final byte[] CONTENT = Envelopes.content(700, 9);
    private static final byte[] ENVELOPE = Envelopes.write(SENDER, CONTENT, 128, ALICE);
    private static final EnvelopeReader READER = new EnvelopeReader(ALICE, List.of(SENDER.getPublic()));

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomMutationsAreRefusedCleanly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] mutated = mutate(ENVELOPE, random);
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        Throwable thrown = catchThrowable(() -> Envelopes.read(READER, mutated, released));
        if (Arrays.equals(mutated, ENVELOPE)) {
            assertThat(thrown).isNull();
            return;
        }
        assertThat(thrown).as("seed %d", seed).isInstanceOf(EnvelopeException.class);
        EnvelopeException refusal = (EnvelopeException) thrown;
        assertThat(refusal.problem().message()).isNotBlank();
        byte[] out = released.toByteArray();
        assertThat(out).as("seed %d", seed).isEqualTo(Arrays.copyOf(CONTENT, out.length));
        assertThat(out.length).isLessThan(CONTENT.length);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomGarbageIsRefusedCleanly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] garbage = new byte[random.nextInt(0, 9000)];
        random.nextBytes(garbage);
        if (seed % 2 == 0 && garbage.length > 13) {
            // Half the cases get a valid magic and version, to reach the header parser.
            System.arraycopy(ENVELOPE, 0, garbage, 0, 9);
        }
        Throwable thrown = catchThrowable(() -> Envelopes.read(READER, garbage, new ByteArrayOutputStream()));
        assertThat(thrown).as("seed %d", seed).isInstanceOf(EnvelopeException.class);
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] out = original.clone();
        int kind = random.nextInt(3);
        if (kind == 0) {
            for (int i = 0, n = random.nextInt(1, 8); i < n; i++) {
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            }
            return out;
        }
        if (kind == 1) {
            int from = random.nextInt(out.length);
            int length = random.nextInt(1, Math.min(400, out.length - from + 1));
            byte[] cut = new byte[out.length - length];
            System.arraycopy(out, 0, cut, 0, from);
            System.arraycopy(out, from + length, cut, from, out.length - from - length);
            return cut;
        }
        int at = random.nextInt(out.length + 1);
        byte[] inserted = new byte[random.nextInt(1, 200)];
        random.nextBytes(inserted);
        byte[] longer = new byte[out.length + inserted.length];
        System.arraycopy(out, 0, longer, 0, at);
        System.arraycopy(inserted, 0, longer, at, inserted.length);
        System.arraycopy(out, at, longer, at + inserted.length, out.length - at);
        return longer;
    }
}
