package vn.lachan.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.lachan.ingest.evtx.ValueDecoder.ArrayValue;
import vn.lachan.ingest.evtx.XmlNode.Attribute;
import vn.lachan.ingest.evtx.XmlNode.Element;
import vn.lachan.ingest.evtx.XmlNode.Substitution;
import vn.lachan.ingest.evtx.XmlNode.Template;
import vn.lachan.ingest.evtx.XmlNode.TemplateInstance;
import vn.lachan.ingest.evtx.XmlNode.Text;

/** Substitution value types, decoded and written as {@code evtx_dump} writes them. */
class ValueDecoderTest {
    private static final BinXmlParser NO_CHUNK = new BinXmlParser(new byte[0], 0);

    private static @Nullable Object decode(int type, byte[] bytes) {
        return ValueDecoder.decode(bytes, 0, bytes.length, type, NO_CHUNK, 0);
    }

    private static byte[] le(int size, long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(size * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            switch (size) {
                case 1 -> buffer.put((byte) value);
                case 2 -> buffer.putShort((short) value);
                case 4 -> buffer.putInt((int) value);
                default -> buffer.putLong(value);
            }
        }
        return buffer.array();
    }

    @Test
    void filetimeIsUtcWithMicrosecondsTruncated() {
        Instant when = Instant.parse("2025-11-27T07:40:10.1653249Z");
        long ticks = (when.getEpochSecond() + 11_644_473_600L) * 10_000_000L + when.getNano() / 100;
        assertThat(decode(0x11, le(8, ticks))).isEqualTo("2025-11-27T07:40:10.165324Z");
        assertThat(decode(0x11, le(8, 116_444_736_000_000_000L))).isEqualTo("1970-01-01T00:00:00.000000Z");
        assertThat(decode(0x11, le(8, 0))).isEqualTo("1601-01-01T00:00:00.000000Z");
    }

    @Test
    void systemtimeIsWrittenFieldByField() {
        byte[] time = le(2, 2024, 2, 4, 29, 23, 59, 58, 7);
        assertThat(decode(0x12, time)).isEqualTo("2024-02-29T23:59:58.007000Z");
    }

    @Test
    void sidHasRevisionAuthorityAndSubAuthorities() {
        byte[] system = {1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0};
        assertThat(decode(0x13, system)).isEqualTo("S-1-5-18");
        ByteBuffer domainUser = ByteBuffer.allocate(8 + 5 * 4).order(ByteOrder.LITTLE_ENDIAN);
        domainUser.put(new byte[] {1, 5, 0, 0, 0, 0, 0, 5});
        domainUser
                .putInt(21)
                .putInt((int) 3_925_841_745L)
                .putInt(111_227_986)
                .putInt(186_559_946)
                .putInt(500);
        assertThat(decode(0x13, domainUser.array())).isEqualTo("S-1-5-21-3925841745-111227986-186559946-500");
    }

    @Test
    void guidIsUpperCaseWithoutBraces() {
        ByteBuffer guid = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        guid.putInt(0x5770385F).putShort((short) 0xC22A).putShort((short) 0x43E0);
        guid.put(new byte[] {(byte) 0xBF, 0x4C, 0x06, (byte) 0xF5, 0x69, (byte) 0x8F, (byte) 0xFB, (byte) 0xD9});
        assertThat(decode(0x0f, guid.array())).isEqualTo("5770385F-C22A-43E0-BF4C-06F5698FFBD9");
    }

    @Test
    void hexIntegersAreLowerCaseWithoutPadding() {
        assertThat(decode(0x14, le(4, 0x3b5e64))).isEqualTo("0x3b5e64");
        assertThat(decode(0x15, le(8, 0x8000000000000000L))).isEqualTo("0x8000000000000000");
        assertThat(decode(0x15, le(8, 0))).isEqualTo("0x0");
        assertThat(decode(ValueDecoder.SIZE_T, le(8, 0x7ff6_1234_0000L))).isEqualTo("0x7ff612340000");
        assertThat(decode(ValueDecoder.SIZE_T, le(4, 0xffff_fff0L))).isEqualTo("0xfffffff0");
    }

    @Test
    void integersAreLongsWithTheirSignAndUint64BeyondLongIsBigInteger() {
        assertThat(decode(0x03, le(1, -1))).isEqualTo(-1L);
        assertThat(decode(0x04, le(1, 0xff))).isEqualTo(255L);
        assertThat(decode(0x05, le(2, -2))).isEqualTo(-2L);
        assertThat(decode(0x06, le(2, 0xfffe))).isEqualTo(65534L);
        assertThat(decode(0x07, le(4, -3))).isEqualTo(-3L);
        assertThat(decode(0x08, le(4, 0xffff_fffdL))).isEqualTo(4_294_967_293L);
        assertThat(decode(0x09, le(8, Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
        assertThat(decode(0x0a, le(8, -1))).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(decode(0x0d, le(4, 1))).isEqualTo(true);
        assertThat(decode(0x0d, le(4, 0))).isEqualTo(false);
    }

    @Test
    void stringsStopAtNulAndLoseTrailingWhiteSpaceAndBinaryIsHex() {
        assertThat(decode(0x01, "cmd.exe \0junk".getBytes(StandardCharsets.UTF_16LE)))
                .isEqualTo("cmd.exe");
        assertThat(decode(0x01, "   ".getBytes(StandardCharsets.UTF_16LE))).isEqualTo("");
        assertThat(decode(0x02, "ansi\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("ansi");
        assertThat(decode(0x0e, new byte[] {0x0a, (byte) 0xbc, 0})).isEqualTo("0ABC00");
        assertThat(decode(0x00, new byte[4])).isNull();
        assertThat(decode(0x01, new byte[0])).isNull();
    }

    @Test
    void arraysDecodeEachItem() {
        assertThat(decode(0x86, le(2, 1, 2, 3))).isEqualTo(new ArrayValue(List.of(1L, 2L, 3L)));
        assertThat(decode(0x94, le(4, 16, 255))).isEqualTo(new ArrayValue(List.of("0x10", "0xff")));
        assertThat(decode(0x81, "a\0bc\0\0d\0".getBytes(StandardCharsets.UTF_16LE)))
                .isEqualTo(new ArrayValue(List.of("a", "bc", "", "d")));
        byte[] sids = {1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 5, 19, 0, 0, 0};
        assertThat(decode(0x93, sids)).isEqualTo(new ArrayValue(List.of("S-1-5-18", "S-1-5-19")));
    }

    @Test
    void aValueTooShortForItsTypeIsMalformed() {
        assertThatThrownBy(() -> decode(0x11, new byte[3]))
                .isInstanceOf(MalformedEvtxException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void anArrayRepeatsItsElementAsEvtxDumpDoes() {
        // <EventData><Data>%0</Data><Data Name="Count">%1</Data></EventData>, no Data named: positional.
        Element data = new Element("Data", List.of(), List.of(new Substitution(0, false)));
        Element root = new Element("Event", List.of(), List.of(new Element("EventData", List.of(), List.of(data))));
        Object strings = decode(0x81, "first\0second\0".getBytes(StandardCharsets.UTF_16LE));
        Map<String, @Nullable Object> event = layout(root, strings);
        assertThat(event)
                .isEqualTo(Map.of(
                        "Event", Map.of("EventData", Map.of("Data", Map.of("#text", List.of("first", "second"))))));
    }

    @Test
    void repeatedElementsGetSuffixesAndAttributesKeepNumbers() {
        Element header = new Element("Header", List.of(), List.of(new Substitution(0, false)));
        Element sized = new Element(
                "Size",
                List.of(new Attribute("Bytes", List.of(new Substitution(1, false)))),
                List.of(new Text("text")));
        Element root = new Element("Event", List.of(), List.of(header, header, sized));
        Map<String, @Nullable Object> event = layout(root, "one", 42L);
        assertThat(event)
                .isEqualTo(Map.of(
                        "Event",
                        Map.of(
                                "Header", "one",
                                "Header_1", "one",
                                "Size", Map.of("#attributes", Map.of("Bytes", 42L), "#text", "text"))));
    }

    private static Map<String, @Nullable Object> layout(Element root, @Nullable Object... values) {
        TemplateInstance instance =
                new TemplateInstance(new Template(0, List.of(root)), java.util.Arrays.asList(values));
        List<Object> content = Instantiator.resolve(List.of(instance));
        return EventJson.layout((Instantiator.Resolved) content.getFirst());
    }
}
