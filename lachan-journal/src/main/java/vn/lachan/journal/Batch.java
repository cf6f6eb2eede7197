package vn.lachan.journal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.intake.RawLines;
import vn.lachan.core.intake.RawRecord;

/**
 * Holds the frames of one offer, encoded by the offering thread; the group commit gives it positions
 * and writes it. Fields after {@link #assign} are guarded by the appender's lock.
 */
final class Batch {
    private final byte[] bytes;
    private final int size;
    private final int[] offsets;
    private long first = -1;
    boolean done;

    @Nullable
    Exception failure;

    private Batch(byte[] bytes, int size, int[] offsets) {
        this.bytes = bytes;
        this.size = size;
        this.offsets = offsets;
    }

    /**
     * Encodes {@code records} into frames without positions yet.
     *
     * @throws IllegalArgumentException when a record encodes to more than {@code maxRecordBytes}
     */
    static Batch encode(List<RawRecord> records, int maxRecordBytes) {
        // sized exactly: grown by doubling from a guess, the buffer cost twice or thrice the batch
        RecordCodec.ByteSink sink = new RecordCodec.ByteSink(size(records));
        int[] offsets = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            RawRecord record = records.get(i);
            offsets[i] = sink.size();
            sink.skip(Frames.HEADER);
            int length = RecordCodec.encode(record, sink);
            if (length > maxRecordBytes) {
                throw tooLarge(length, maxRecordBytes, record);
            }
            Frames.writeHeader(sink.array(), offsets[i], length, i == records.size() - 1, 0);
        }
        return new Batch(sink.array(), sink.size(), offsets);
    }

    /**
     * Encodes the records of {@code lines} into frames without positions yet, each straight from the body:
     * their shared labels are encoded once, and a record's body is those bytes followed by its payload.
     *
     * @throws IllegalArgumentException when a record encodes to more than {@code maxRecordBytes}
     */
    static Batch encode(RawLines lines, int maxRecordBytes) {
        RawRecord labels = new RawRecord(
                lines.received(),
                lines.input(),
                lines.peer(),
                lines.format(),
                lines.source(),
                new byte[0],
                "",
                lines.origin());
        RecordCodec.ByteSink head = new RecordCodec.ByteSink(RecordCodec.size(labels));
        int headSize = RecordCodec.encode(labels, head);
        int count = lines.count();
        long total = (long) count * (Frames.HEADER + headSize);
        for (int i = 0; i < count; i++) {
            total += lines.end(i) - lines.start(i);
        }
        RecordCodec.ByteSink sink = new RecordCodec.ByteSink((int) Math.min(total, Integer.MAX_VALUE - 16));
        int[] offsets = new int[count];
        for (int i = 0; i < count; i++) {
            int length = headSize + lines.end(i) - lines.start(i);
            if (length > maxRecordBytes) {
                throw tooLarge(length, maxRecordBytes, lines.record(i));
            }
            offsets[i] = sink.size();
            sink.skip(Frames.HEADER);
            sink.put(head.array(), 0, headSize);
            sink.put(lines.body(), lines.start(i), lines.end(i) - lines.start(i));
            Frames.writeHeader(sink.array(), offsets[i], length, i == count - 1, 0);
        }
        return new Batch(sink.array(), sink.size(), offsets);
    }

    private static IllegalArgumentException tooLarge(int length, int maxRecordBytes, RawRecord record) {
        return new IllegalArgumentException(String.format(
                Locale.ROOT,
                "a record of %d bytes is over the journal's maximum of %d bytes: the input must cut it (%s)",
                length,
                maxRecordBytes,
                record));
    }

    private static int size(List<RawRecord> records) {
        long size = 0;
        for (RawRecord record : records) {
            size += Frames.HEADER + RecordCodec.size(record);
        }
        // an offer too large for one array fails in the sink as it did before, naming no record
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    /** Gives the records the positions {@code first} onwards, rewriting each header. */
    void assign(long firstPosition) {
        this.first = firstPosition;
        ByteBuffer view = ByteBuffer.wrap(bytes);
        for (int i = 0; i < offsets.length; i++) {
            int offset = offsets[i];
            view.putLong(offset + 4, firstPosition + i);
            view.putInt(offset + 16, Frames.crc(bytes, offset, 16));
        }
    }

    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    int size() {
        return size;
    }

    int count() {
        return offsets.length;
    }

    long first() {
        return first;
    }
}
