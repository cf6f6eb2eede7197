package vn.lachan.input.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameDecoderTest {
    private static List<Frame> decode(int limit, byte[] stream) {
        FrameDecoder decoder = new FrameDecoder(limit);
        List<Frame> out = new ArrayList<>();
        decoder.feed(stream, 0, stream.length, out);
        decoder.finish(out);
        return out;
    }

    private static List<Frame> decode(String stream) {
        return decode(1024, stream.getBytes(UTF_8));
    }

    private static List<String> texts(List<Frame> frames) {
        return frames.stream().map(f -> new String(f.payload(), UTF_8)).toList();
    }

    @Test
    void mixesOctetCountingAndEveryTrailerInOneStream() {
        List<Frame> frames = decode("11 <13>counted<14>line LF\n<15>line CRLF\r\n<16>line NUL\u0000"
                + "14 <17>two\nlines\n\n2024-01-02 starts with digits\n12 <18>last one");
        assertThat(texts(frames))
                .containsExactly(
                        "<13>counted",
                        "<14>line LF",
                        "<15>line CRLF",
                        "<16>line NUL",
                        "<17>two\nlines",
                        "2024-01-02 starts with digits",
                        "<18>last one");
        assertThat(frames).allSatisfy(f -> assertThat(f.fault()).isEqualTo(Frame.Fault.NONE));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20260101})
    void givesTheSameFramesWhateverTheReadBoundaries(long seed) {
        Random random = new Random(seed);
        byte[] stream = randomStream(random);
        List<String> whole = texts(decode(64, stream));
        FrameDecoder decoder = new FrameDecoder(64);
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < stream.length; ) {
            int n = Math.min(stream.length - i, 1 + random.nextInt(random.nextBoolean() ? 3 : 90));
            decoder.feed(stream, i, n, out);
            i += n;
        }
        decoder.finish(out);
        assertThat(texts(out)).isEqualTo(whole).hasSizeGreaterThan(50);
    }

    private static byte[] randomStream(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            byte[] msg =
                    ("<" + random.nextInt(192) + ">msg " + i + " " + "x".repeat(random.nextInt(100))).getBytes(UTF_8);
            switch (random.nextInt(4)) {
                case 0 -> out.writeBytes((msg.length + " ").getBytes(UTF_8));
                case 1 -> msg = concat(msg, "\n");
                case 2 -> msg = concat(msg, "\r\n");
                default -> msg = concat(msg, "\u0000");
            }
            out.writeBytes(msg);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, String b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b.getBytes(UTF_8));
        return out.toByteArray();
    }

    @Test
    void cutsAnOversizeCountedFrameAtTheLimitAndStaysInStep() {
        List<Frame> frames = decode(10, "15 abcdefghijklmno4 next".getBytes(UTF_8));
        assertThat(texts(frames)).containsExactly("abcdefghij", "next");
        assertThat(frames.get(0).fault()).isEqualTo(Frame.Fault.OVERSIZE);
        assertThat(frames.get(0).problem()).contains("15 bytes", "limit of 10 bytes");
        assertThat(frames.get(1).fault()).isEqualTo(Frame.Fault.NONE);
    }

    @Test
    void cutsAnOversizeLineAtTheLimitAndSkipsToItsEnd() {
        List<Frame> frames = decode(10, "<1>345678901234\n<1>3456789\r\n".getBytes(UTF_8));
        assertThat(texts(frames)).containsExactly("<1>3456789", "<1>3456789");
        assertThat(frames.get(0).fault()).isEqualTo(Frame.Fault.OVERSIZE);
        assertThat(frames.get(1).fault())
                .as("exactly the limit, then CRLF, is not oversize")
                .isEqualTo(Frame.Fault.NONE);
    }

    @Test
    void readsACountOfTenDigitsAsABrokenFrameUpToItsLineEnd() {
        List<Frame> frames = decode("12345678901 <13>hello\n5 <13>x");
        assertThat(texts(frames)).containsExactly("12345678901 <13>hello", "<13>x");
        assertThat(frames.get(0).fault()).isEqualTo(Frame.Fault.FRAMING);
        assertThat(frames.get(0).problem()).contains("broken octet count");
    }

    @Test
    void marksACountedFrameCutShortByTheEndOfTheStream() {
        List<Frame> frames = decode("10 <13>ab");
        assertThat(texts(frames)).containsExactly("<13>ab");
        assertThat(frames.get(0).fault()).isEqualTo(Frame.Fault.FRAMING);
        assertThat(frames.get(0).problem()).contains("after 6 of the 10 bytes");
    }

    @Test
    void marksAStreamEndingInsideAnOctetCount() {
        List<Frame> frames = decode("4 <1>a123");
        assertThat(texts(frames)).containsExactly("<1>a", "123");
        assertThat(frames.get(1).problem()).contains("inside the octet count '123'");
    }

    @Test
    void keepsALastLineWithoutTrailerWhole() {
        List<Frame> frames = decode("<13>no trailer at the end");
        assertThat(texts(frames)).containsExactly("<13>no trailer at the end");
        assertThat(frames.get(0).fault()).isEqualTo(Frame.Fault.NONE);
    }

    @Test
    void keepsInvalidUtf8BytesAsTheyCame() {
        byte[] stream = {'<', '1', '>', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'};
        List<Frame> frames = decode(100, stream);
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.payload()).containsExactly('<', '1', '>', (byte) 0xC3, (byte) 0x28, (byte) 0xFF);
            assertThat(f.fault()).isEqualTo(Frame.Fault.NONE);
        });
    }

    @Test
    void skipsBlankLinesBetweenFrames() {
        assertThat(texts(decode("\n\r\n\u0000<1>a\n\n\n3 <2>\n"))).containsExactly("<1>a", "<2>");
    }
}
