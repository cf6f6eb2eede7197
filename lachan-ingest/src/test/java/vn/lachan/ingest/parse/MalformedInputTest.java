package vn.lachan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.lachan.core.intake.RawRecord;

/** Bad input is kept raw with a reason a person can act on, never dropped and never thrown. */
class MalformedInputTest {
    private static final RecordParser PARSER = new RecordParser(ParserConfig.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static void assertRaw(ParsedRecord p, String text, String... reason) {
        assertThat(p.parser()).isEqualTo(ParsedRecord.RAW);
        assertThat(p.outcome()).isEqualTo(ParsedRecord.Outcome.RAW);
        assertThat(p.time()).isNull();
        assertThat(p.fields())
                .containsEntry("event.original", text)
                .containsEntry("message", text)
                .containsEntry("event.kind", "pipeline_error");
        assertThat((String) p.fields().get("error.message")).contains(reason);
        assertThat(Records.problem(p)).contains(reason);
    }

    @Test
    void invalidUtf8IsReplacedAndReportedWhileTheRecordIsStillParsed() {
        byte[] bytes = "<13>Mar  5 10:00:00 h app: caf\u00e9 X".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xff;
        ParsedRecord p = PARSER.parse(Records.of("syslog", bytes));
        assertThat(p.parser()).isEqualTo("syslog");
        assertThat(p.outcome()).isEqualTo(ParsedRecord.Outcome.REPAIRED);
        assertThat(p.fields()).containsEntry("message", "caf\u00e9 \uFFFD");
        assertThat(Records.problem(p)).contains("not valid UTF-8", "1 invalid byte sequence");
        assertThat(p.fields()).containsKey("error.message");
    }

    @Test
    void brokenJsonIsKeptRawWithTheColumn() {
        String text = "{\"EventID\": 4625, \"Channel\": \"Secu";
        assertRaw(PARSER.parse(Records.of("json", text)), text, "malformed JSON", "column");
        assertRaw(PARSER.parse(Records.of("auto", "[1,2]")), "[1,2]", "no parser recognized");
        assertRaw(PARSER.parse(Records.of("json", "[1,2]")), "[1,2]", "not a JSON object");
        assertRaw(PARSER.parse(Records.of("json", "{\"a\":1} {\"b\":2}")), "{\"a\":1} {\"b\":2}", "goes on after");
    }

    @Test
    void unknownFormatNamesTheKnownOnes() {
        assertRaw(PARSER.parse(Records.of("xml", "<a/>")), "<a/>", "unknown format 'xml'", "grok:<name>");
    }

    @Test
    void recordWithAnInputProblemKeepsThatProblem() {
        RawRecord cut = new RawRecord(
                Instant.EPOCH,
                "syslog-tcp",
                "10.9.9.9:5514",
                "auto",
                "",
                "<13>partial".getBytes(StandardCharsets.UTF_8),
                "frame cut at 65536 bytes");
        ParsedRecord p = PARSER.parse(cut);
        assertRaw(p, "<13>partial", "frame cut at 65536 bytes");
        assertThat(p.problem()).isNotNull();
        assertThat(String.valueOf(p.problem())).startsWith("syslog-tcp:from 10.9.9.9:5514:");
    }

    @Test
    void oversizeRecordIsKeptRawAndCut() {
        try (RecordParser small = new RecordParser(ParserConfig.defaults().withMaxMessageBytes(100))) {
            String text = "<13>Mar  5 10:00:00 h app: " + "x".repeat(200);
            ParsedRecord p = small.parse(Records.of("syslog", text));
            assertRaw(p, text.substring(0, 100), "227 bytes", "limit of 100");
        }
    }

    @Test
    void unrecognizedTextAndNonSyslogAreKeptRaw() {
        assertRaw(PARSER.parse(Records.of("auto", "hello world")), "hello world", "no parser recognized");
        assertRaw(PARSER.parse(Records.of("syslog", "hello world")), "hello world", "not a syslog message");
        assertRaw(PARSER.parse(Records.of("kv", "hello world")), "hello world", "not a kv record");
        assertRaw(PARSER.parse(Records.of("auto", "")), "", "no parser recognized");
        assertRaw(PARSER.parse(Records.of("auto", "<999>x")), "<999>x", "not a syslog message");
    }

    @Test
    void plainKeepsAnyTextAsMessage() {
        ParsedRecord p = PARSER.parse(Records.of("plain", "hello world"));
        assertThat(p.outcome()).isEqualTo(ParsedRecord.Outcome.PARSED);
        assertThat(p.fields()).isEqualTo(Map.of("message", "hello world", "event.kind", "event"));
    }

    @Test
    @Timeout(60) // guards against a hang only: the watchdog stops the match after 50 ms
    void catastrophicGrokPatternIsStoppedByTheWatchdog() {
        ParserConfig config =
                new ParserConfig(Map.of("evil", "^(\\w+\\s?)*$"), 1 << 20, ZoneOffset.UTC, Duration.ofMillis(50));
        try (RecordParser parser = new RecordParser(config)) {
            String text = "an evil line that never ends well because of the last character " + "word ".repeat(8) + "!";
            ParsedRecord p = parser.parse(Records.of("grok:evil", text));
            assertRaw(p, text, "grok pattern 'evil' was stopped");
        }
    }

    @Test
    void grokPatternThatDoesNotCompileFailsAtConfiguration() {
        ParserConfig config = ParserConfig.defaults().withGrokPattern("bad", "%{NO_SUCH_PATTERN:x}");
        assertThatThrownBy(() -> new RecordParser(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grok pattern 'bad' does not compile");
    }
}
