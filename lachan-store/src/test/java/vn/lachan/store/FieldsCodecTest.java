package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.ingest.normalize.EcsNormalizer;

/**
 * The binary fields (layout 5) read back as the tree the JSON round trip of the same fields gives: the
 * same types (Integer where an integer fits), order and values, on real OTRF events normalized as the
 * pipeline does and on seeded random trees; bad bytes throw the decoder's own exception, nothing else.
 */
class FieldsCodecTest {
    private final FieldsEncoder encoder = new FieldsEncoder();

    private Map<String, @Nullable Object> binaryRoundTrip(Map<String, @Nullable Object> fields) {
        encoder.encode(fields);
        byte[] padded = new byte[encoder.length() + 7];
        System.arraycopy(encoder.buffer(), 0, padded, 3, encoder.length());
        return FieldsDecoder.decode(padded, 3, encoder.length());
    }

    private static Map<String, @Nullable Object> jsonRoundTrip(Map<String, @Nullable Object> fields) {
        return Json.parse(Json.write(fields));
    }

    /** Equal as Java trees (types included: Integer 5 is not Long 5) and in the same order. */
    private static void assertSameTree(Object got, Object expected) {
        assertThat(got).isEqualTo(expected);
        assertThat(typed(got)).isEqualTo(typed(expected));
    }

    /** Renders a tree with each leaf's class and each map in its order. */
    private static String typed(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        render(value, out);
        return out.toString();
    }

    private static void render(@Nullable Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> m) {
            out.append(m.getClass().getSimpleName()).append('{');
            m.forEach((k, v) -> {
                out.append(k).append('=');
                render(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> l) {
            out.append(l.getClass().getSimpleName()).append('[');
            l.forEach(v -> {
                render(v, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(value == null ? "null" : value.getClass().getSimpleName() + ":" + value);
        }
    }

    @Test
    void realEventsReadBackAsTheirJsonRoundTrip() throws IOException {
        EcsNormalizer normalizer = EcsNormalizer.bundled();
        long[] events = {0};
        long[] bytes = {0, 0};
        EventFiles reader = new EventFiles(p -> {});
        reader.readAll(OtrfStoreTest.zips(6), e -> {
            Map<String, @Nullable Object> fields =
                    normalizer.normalize(e.fields()).fields();
            assertSameTree(binaryRoundTrip(fields), jsonRoundTrip(fields));
            events[0]++;
            bytes[0] += encoder.length();
            bytes[1] += Json.MAPPER.writeValueAsBytes(fields).length;
        });
        assertThat(events[0]).isGreaterThan(2_000);
        // the binary form is no larger than the JSON it replaces (no quotes, escapes or key delimiters)
        assertThat(bytes[0]).isLessThan(bytes[1]);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void randomTreesReadBackAsTheirJsonRoundTrip(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 300; i++) {
            Map<String, @Nullable Object> fields = RandomTrees.map(random, 0);
            assertSameTree(binaryRoundTrip(fields), jsonRoundTrip(fields));
        }
    }

    @Test
    void valuesJsonHasNoTagForReadBackAsJacksonDoes() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("nan", Double.NaN);
        fields.put("infinite", Double.NEGATIVE_INFINITY);
        fields.put("float", 0.1f);
        fields.put("decimal", new BigDecimal("1E+3"));
        fields.put("instant", Instant.parse("2026-03-01T00:00:00Z"));
        fields.put("set", new TreeSet<>(List.of("b", "a")));
        fields.put("array", new int[] {1, 2});
        fields.put("intKeys", new TreeMap<>(Map.of(2, "two", 1, "one")));
        fields.put("long", Long.MIN_VALUE);
        fields.put("big", BigInteger.ONE.shiftLeft(70).negate());
        fields.put("smallBig", BigInteger.valueOf(7));
        fields.put("short", (short) -3);
        fields.put("negativeZero", -0.0);

        Map<String, @Nullable Object> back = binaryRoundTrip(fields);

        assertSameTree(back, jsonRoundTrip(fields));
        assertThat(back.get("smallBig")).isEqualTo(7);
        assertThat(back.get("nan")).isEqualTo("NaN");
        assertThat(back.get("float")).isEqualTo(0.1d);
    }

    @Test
    void anUnpairedSurrogateBecomesAQuestionMarkAsInTheStoredOriginal() {
        Map<String, @Nullable Object> fields = Map.of("s", "a\ud800b");

        assertThat(binaryRoundTrip(fields)).containsEntry("s", "a?b");
    }

    @Test
    void everyCutOfAnEventIsRefusedWithTheOffset() {
        SplittableRandom random = new SplittableRandom(99);
        Map<String, @Nullable Object> fields = RandomTrees.map(random, 0);
        fields.put("last", "value");
        encoder.encode(fields);
        byte[] whole = Arrays.copyOf(encoder.buffer(), encoder.length());
        for (int cut = 0; cut < whole.length; cut++) {
            int length = cut;
            assertThatThrownBy(() -> FieldsDecoder.decode(whole, 0, length))
                    .as("cut at %d of %d", cut, whole.length)
                    .isInstanceOf(FieldsDecoder.CorruptFieldsException.class)
                    .hasMessageStartingWith("bad stored fields at byte ");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 11, 19})
    void flippedBytesDecodeOrFailWithTheDecodersOwnException(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Class<?>> failures = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            encoder.encode(RandomTrees.map(random, 0));
            byte[] bytes = Arrays.copyOf(encoder.buffer(), encoder.length());
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Throwable thrown = catchThrowable(() -> FieldsDecoder.decode(bytes, 0, bytes.length));
            if (thrown != null) {
                failures.add(thrown.getClass());
            }
        }
        assertThat(failures).isNotEmpty().allMatch(c -> c == FieldsDecoder.CorruptFieldsException.class);
    }

    @Test
    void anotherVersionIsRefused() {
        encoder.encode(Map.of("a", "b"));
        byte[] bytes = Arrays.copyOf(encoder.buffer(), encoder.length());
        bytes[0] = 2;

        assertThatThrownBy(() -> FieldsDecoder.decode(bytes, 0, bytes.length))
                .isInstanceOf(FieldsDecoder.CorruptFieldsException.class)
                .hasMessageContaining("unknown version 2");
    }
}
