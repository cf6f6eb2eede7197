package vn.lachan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The line ranges of a body against a plain reference: cut at LF, one CR before it dropped, blank lines left out. */
class NdjsonLinesTest {
    private static final byte[] ALPHABET = {'a', '{', '}', ' ', '\t', '\r', '\n', '\n', (byte) 0xC3, (byte) 0xA9};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void rangesAreTheReferenceLines(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            byte[] body = new byte[random.nextInt(200)];
            // every other round with lines of some length, so that whole words pass without a line break
            int breaks = round % 2 == 0 ? ALPHABET.length : ALPHABET.length * 20;
            for (int i = 0; i < body.length; i++) {
                int pick = random.nextInt(breaks);
                body[i] = pick < ALPHABET.length ? ALPHABET[pick] : (byte) ('0' + pick % 10);
            }
            List<byte[]> expected = reference(body);
            int[] bounds = NdjsonLines.bounds(body);
            List<byte[]> ranges = new ArrayList<>();
            for (int i = 0; i < bounds.length; i += 2) {
                ranges.add(Arrays.copyOfRange(body, bounds[i], bounds[i + 1]));
            }
            assertThat(ranges).containsExactlyElementsOf(expected);
            assertThat(NdjsonLines.split(body)).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theWordScanFindsTheFirstLineBreakAnywhere(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            byte[] body = new byte[random.nextInt(40)];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) (random.nextInt(4) == 0 ? '\n' : random.nextInt(256)); // 0x0B, 0x8A, 0x09 too
            }
            int from = body.length == 0 ? 0 : random.nextInt(body.length + 1);
            int expected = -1;
            for (int i = from; i < body.length && expected < 0; i++) {
                expected = body[i] == '\n' ? i : -1;
            }
            assertThat(NdjsonLines.indexOfNewline(body, from)).isEqualTo(expected);
        }
    }

    private static List<byte[]> reference(byte[] body) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i < body.length && body[i] != '\n') {
                continue;
            }
            byte[] line = Arrays.copyOfRange(body, start, i);
            if (line.length > 0 && line[line.length - 1] == '\r') {
                line = Arrays.copyOf(line, line.length - 1);
            }
            boolean blank = true;
            for (byte b : line) {
                blank &= b == ' ' || b == '\t' || b == '\r';
            }
            if (!blank) {
                out.add(line);
            }
            start = i + 1;
        }
        return out;
    }
}
