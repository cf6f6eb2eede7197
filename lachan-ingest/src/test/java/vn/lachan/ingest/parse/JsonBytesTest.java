package vn.lachan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.testkit.Corpus;

/**
 * JSON records are parsed from their bytes, with exactly the outcome of decoding them to text first:
 * invalid UTF-8 replaced with U+FFFD and reported, broken JSON kept raw with the column in chars.
 */
class JsonBytesTest {
    private static final RecordParser PARSER = new RecordParser(ParserConfig.defaults());
    private static final String[] FORMATS = {"json", "auto", "JSON", "Auto"};

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static byte[] bytes(String prefix, int[] invalid, String suffix) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + invalid.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < invalid.length; i++) {
            out[head.length + i] = (byte) invalid[i];
        }
        System.arraycopy(tail, 0, out, head.length + invalid.length, tail.length);
        return out;
    }

    @Test
    void invalidUtf8InAJsonValueIsReplacedAndReportedWhileTheRecordIsStillParsed() {
        for (String format : FORMATS) {
            ParsedRecord p =
                    PARSER.parse(Records.of(format, bytes("{\"a\":\"caf", new int[] {0xc3, 0x28}, "\",\"n\":7}\n")));
            assertThat(p.parser()).isEqualTo("json");
            assertThat(p.outcome()).isEqualTo(ParsedRecord.Outcome.REPAIRED);
            assertThat(p.fields()).containsEntry("a", "caf\uFFFD(").containsEntry("n", 7L);
            assertThat(Records.problem(p))
                    .isEqualTo("the record is not valid UTF-8: 1 invalid byte sequence replaced with U+FFFD");
            assertThat(p.fields()).containsEntry("error.message", Records.problem(p));
        }
    }

    @Test
    void overlongFormsInANameAreInvalidToo() {
        ParsedRecord p = PARSER.parse(Records.of("json", bytes("{\"k", new int[] {0xc0, 0xaf}, "\":true}")));
        assertThat(p.parser()).isEqualTo("json");
        assertThat(p.fields()).containsEntry("k\uFFFD\uFFFD", true);
        assertThat(Records.problem(p)).contains("2 invalid byte sequences replaced with U+FFFD");
    }

    @Test
    void brokenJsonAfterMultiByteCharsCountsTheColumnInChars() {
        ParsedRecord p = PARSER.parse(Records.of("json", "{\"a\":\"\u4e00\u4e00\u4e00\" x}"));
        assertThat(p.parser()).isEqualTo(ParsedRecord.RAW);
        assertThat(Records.problem(p)).contains("malformed JSON at column 12");
    }

    @Test
    void aValidRecordIsParsedCleanly() {
        ParsedRecord p =
                PARSER.parse(Records.of("json", "\uFEFF{\"m\":\"caf\u00e9 \uD83D\uDE00 \\u00e9\",\"x\":[1,2.5]}\r\n"));
        assertThat(p.outcome()).isEqualTo(ParsedRecord.Outcome.PARSED);
        assertThat(p.fields())
                .containsEntry("m", "caf\u00e9 \uD83D\uDE00 \u00e9")
                .containsEntry("x", List.of(1L, 2.5));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theByteParseAgreesWithTheTextParseOnRandomRecords(long seed) {
        Random random = new Random(seed);
        int parsedCleanly = 0;
        for (int round = 0; round < 400; round++) {
            byte[] payload =
                    RandomJson.mutated(random, RandomJson.object(random, 0).getBytes(StandardCharsets.UTF_8));
            RawRecord record = Records.of(FORMATS[random.nextInt(FORMATS.length)], payload);
            ParsedRecord fast = PARSER.parse(record);
            assertSame(fast, PARSER.parseText(record), payload);
            parsedCleanly += fast.outcome() == ParsedRecord.Outcome.PARSED ? 1 : 0;
        }
        // the comparison means something only if both valid and invalid records came up
        assertThat(parsedCleanly).isBetween(40, 360);
    }

    @Test
    void utf8CheckAgreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(42);
        int valid = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(24)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            if (random.nextBoolean() && b.length > 0) {
                byte[] real = RandomJson.text(random, 3).getBytes(StandardCharsets.UTF_8);
                b = java.util.Arrays.copyOf(real, real.length + random.nextInt(2));
            }
            boolean expected = decodes(b);
            valid += expected ? 1 : 0;
            assertThat(Utf8.valid(b, 0, b.length))
                    .as(java.util.HexFormat.of().formatHex(b))
                    .isEqualTo(expected);
        }
        assertThat(valid).isGreaterThan(1000);
    }

    /** Compares every OTRF line of a few archives: the byte parse gives exactly what the text parse gives. */
    @Test
    void theByteParseAgreesWithTheTextParseOnOtrfLines() throws IOException {
        Path otrf = Corpus.require("otrf/windows");
        List<Path> zips;
        try (Stream<Path> files = Files.walk(otrf)) {
            zips = files.filter(f -> f.toString().endsWith(".zip"))
                    .sorted()
                    .limit(12)
                    .toList();
        }
        long compared = 0;
        for (Path zip : zips) {
            for (String line : Records.otrfLines(zip, 300)) {
                RawRecord record = Records.of("json", line);
                ParsedRecord fast = PARSER.parse(record);
                assertThat(fast.outcome()).isEqualTo(ParsedRecord.Outcome.PARSED);
                assertSame(fast, PARSER.parseText(record), record.payload());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(2000);
    }

    private static void assertSame(ParsedRecord fast, ParsedRecord text, byte[] payload) {
        String what = java.util.HexFormat.of().formatHex(payload);
        assertThat(fast).as(what).isEqualTo(text);
        assertThat(List.copyOf(fast.fields().keySet()))
                .as(what)
                .isEqualTo(List.copyOf(text.fields().keySet()));
    }

    private static boolean decodes(byte[] b) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
