package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.core.intake.RawRecord;

/** The record body layout: the first layout stays byte for byte, so older segments read as they are. */
class RecordCodecTest {
    private static final Instant TIME = Instant.parse("2026-11-24T01:02:03.999999999Z");
    private static final byte[] PAYLOAD = "<13>Nov 24 01:02:03 host sshd: x".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRecordWithoutOriginIsWrittenInTheFirstLayout() {
        RawRecord record = new RawRecord(TIME, "syslog-tcp", "10.0.0.1:514", "auto", "", PAYLOAD);
        byte[] expected = firstLayout(record);
        assertThat(encode(record)).isEqualTo(expected);
        assertThat(RecordCodec.decode(ByteBuffer.wrap(expected), 0, expected.length))
                .isEqualTo(record);
    }

    @Test
    void anOriginSetsTheFlagBitAndFollowsTheProblem() {
        RawRecord record = new RawRecord(TIME, "http", "10.0.0.1", "json", "web", PAYLOAD, "", "SO-TTTT");
        byte[] body = encode(record);
        ByteBuffer in = ByteBuffer.wrap(body);
        assertThat(in.getLong(0)).isEqualTo(TIME.getEpochSecond());
        assertThat(in.getInt(8)).isEqualTo(TIME.getNano() | 0x8000_0000);
        assertThat(RecordCodec.decode(in, 0, body.length)).isEqualTo(record);
        assertThat(RecordCodec.decode(in, 0, body.length).origin()).isEqualTo("SO-TTTT");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theSizeIsExactAndTheTextsAreTheReferenceUtf8(long seed) {
        Random random = new Random(seed);
        List<RawRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] payload = new byte[random.nextInt(3000)];
            random.nextBytes(payload);
            RawRecord record = new RawRecord(
                    TIME,
                    "in" + text(random),
                    text(random),
                    "f" + text(random),
                    text(random),
                    payload,
                    text(random),
                    random.nextBoolean() ? "" : text(random));
            byte[] body = encode(record);
            assertThat(RecordCodec.size(record)).isEqualTo(body.length);
            assertThat(body).isEqualTo(reference(record));
            records.add(record);
        }
        Batch batch = Batch.encode(records, JournalConfig.DEFAULT_MAX_RECORD_BYTES);
        assertThat(batch.buffer().array()).hasSize(batch.size());
        assertThat(batch.size())
                .isEqualTo(records.stream()
                        .mapToInt(r -> Frames.HEADER + RecordCodec.size(r))
                        .sum());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void aReaderSharesRepeatedLabelsAndDecodesTheSameRecords(long seed) {
        Random random = new Random(seed);
        Labels labels = new Labels();
        RawRecord previous = null;
        String[] peers = {"10.0.0.1", "10.0.0.2", "Sở 🔥", ""};
        for (int i = 0; i < 300; i++) {
            Instant received = TIME.plusNanos(random.nextInt(3));
            RawRecord record = new RawRecord(
                    received,
                    "http",
                    peers[random.nextInt(peers.length)],
                    random.nextBoolean() ? "json" : "auto",
                    random.nextInt(5) == 0 ? "nguồn " + random.nextInt(3) : "src",
                    new byte[random.nextInt(40)],
                    random.nextInt(10) == 0 ? "cut" : "",
                    random.nextBoolean() ? "SO-X" : "");
            byte[] body = encode(record);
            RawRecord shared = RecordCodec.decode(ByteBuffer.wrap(body), 0, body.length, labels);
            assertThat(shared).isEqualTo(record).isEqualTo(RecordCodec.decode(ByteBuffer.wrap(body), 0, body.length));
            if (previous != null && previous.peer().equals(record.peer())) {
                assertThat(shared.peer()).isSameAs(previous.peer());
            }
            if (previous != null && previous.received().equals(record.received())) {
                assertThat(shared.received()).isSameAs(previous.received());
            }
            previous = shared;
        }
    }

    /** Returns text of 0 to 300 chars: ASCII, Vietnamese, CJK, emoji and lone surrogates (UTF-8 writes '?'). */
    private static String text(Random random) {
        String[] pieces = {
            "a", "Z", "0", "-", "ế", "Đ", "ữ", "中", "😀", "\uD800", "\uDC00", "\u0000", "\u007F", "\u0080"
        };
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(12);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : "x");
        }
        return out.toString();
    }

    /** Encodes as the codec always did: {@link String#getBytes} of every text, its count as a varint. */
    private static byte[] reference(RawRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean origin = !r.origin().isEmpty();
        out.writeBytes(ByteBuffer.allocate(12)
                .putLong(r.received().getEpochSecond())
                .putInt(r.received().getNano() | (origin ? 0x8000_0000 : 0))
                .array());
        List<String> texts = new ArrayList<>(List.of(r.input(), r.peer(), r.format(), r.source(), r.problem()));
        if (origin) {
            texts.add(r.origin());
        }
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int v = bytes.length; ; v >>>= 7) {
                if ((v & ~0x7F) == 0) {
                    out.write(v);
                    break;
                }
                out.write((v & 0x7F) | 0x80);
            }
            out.writeBytes(bytes);
        }
        out.writeBytes(r.payload());
        return out.toByteArray();
    }

    private static byte[] encode(RawRecord record) {
        RecordCodec.ByteSink sink = new RecordCodec.ByteSink(64);
        int length = RecordCodec.encode(record, sink);
        return Arrays.copyOf(sink.array(), length);
    }

    /** Builds the first layout by hand from its description, short strings only (one-byte counts). */
    private static byte[] firstLayout(RawRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(12)
                .putLong(r.received().getEpochSecond())
                .putInt(r.received().getNano())
                .array());
        for (String text : new String[] {r.input(), r.peer(), r.format(), r.source(), r.problem()}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.writeBytes(r.payload());
        return out.toByteArray();
    }
}
