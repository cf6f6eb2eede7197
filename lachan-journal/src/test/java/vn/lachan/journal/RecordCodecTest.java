package vn.lachan.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
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
