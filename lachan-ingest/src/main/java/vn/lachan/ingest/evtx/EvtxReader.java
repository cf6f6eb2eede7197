package vn.lachan.ingest.evtx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;

/**
 * Reads Windows XML Event Log ({@code .evtx}) files natively: the file header, each 64 KiB chunk
 * with its string and template tables, and each event record's Binary XML, into events laid out as
 * {@code evtx_dump} writes them ({@code {"Event": {"System": ..., "EventData": ...}}}).
 *
 * <p>Damage is reported, never thrown: a bad file header, a chunk with a bad signature, checksum or
 * offset, and a malformed record each become a {@link Problem} with its place ({@code chunk 3 at
 * offset 0x31000}, {@code record 1234 at offset 0x31a48}), and reading goes on with the next record
 * or chunk; a truncated file yields what it holds. Memory stays bounded by one chunk and its
 * records, whatever the length fields say. Stateless and thread-safe; each call reads one file.
 */
public final class EvtxReader {
    static final int FILE_HEADER_SIZE = 4096;

    private EvtxReader() {}

    /**
     * Reads a file, streaming its events and problems to the consumers in file order.
     *
     * @param file the {@code .evtx} file
     * @param source the name events and problems carry as their source (usually the path as given)
     * @param events receives each event; its index is the record's position in the file from 0
     * @param problems receives each problem found in the file
     * @return what was read
     * @throws IOException when the file cannot be opened or read (damage inside it is not an error)
     */
    public static EvtxSummary read(Path file, String source, Consumer<SourcedEvent> events, Consumer<Problem> problems)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(new ChannelInput(channel), source, events, problems);
        }
    }

    /**
     * Reads an EVTX file held in memory; see {@link #read(Path, String, Consumer, Consumer)}.
     *
     * @param bytes the file's bytes, not modified
     */
    public static EvtxSummary read(
            byte[] bytes, String source, Consumer<SourcedEvent> events, Consumer<Problem> problems) {
        try {
            return read(new ArrayInput(bytes), source, events, problems);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    private static EvtxSummary read(
            Input input, String source, Consumer<SourcedEvent> events, Consumer<Problem> problems) throws IOException {
        ChunkReader reader = new ChunkReader(source, events, problems);
        byte[] buffer = new byte[ChunkReader.CHUNK_SIZE];
        int headerLength = input.read(0, buffer, FILE_HEADER_SIZE);
        checkHeader(buffer, headerLength, reader);
        long size = input.size();
        checkChunkCount(buffer, headerLength, size, reader);
        int number = 0;
        for (long offset = FILE_HEADER_SIZE; offset < size; offset += ChunkReader.CHUNK_SIZE, number++) {
            int length = input.read(offset, buffer, ChunkReader.CHUNK_SIZE);
            Arrays.fill(buffer, length, buffer.length, (byte) 0);
            reader.read(buffer, length, number, offset);
        }
        return new EvtxSummary(
                reader.records, reader.corruptRecords, reader.chunks, reader.corruptChunks, reader.problemCount);
    }

    private static void checkChunkCount(byte[] header, int headerLength, long size, ChunkReader reader) {
        if (headerLength < FILE_HEADER_SIZE) {
            if (headerLength >= 128) {
                reader.report("file header", "the file ends inside its 4096-byte header: it holds no chunks");
            }
            return;
        }
        long present = (size - FILE_HEADER_SIZE + ChunkReader.CHUNK_SIZE - 1) / ChunkReader.CHUNK_SIZE;
        int listed = Cursor.u16(header, 42);
        if (ChunkReader.startsWith(header, "ElfFile\0") && present < listed) {
            reader.report(
                    "file header",
                    "the header lists " + listed + " chunks but the file holds " + present + ": the file is truncated");
        }
    }

    private static void checkHeader(byte[] header, int length, ChunkReader reader) {
        String where = "file header";
        if (length < 128) {
            reader.report(where, "the file is too short for an EVTX file header (" + length + " bytes)");
            return;
        }
        if (!ChunkReader.startsWith(header, "ElfFile\0")) {
            reader.report(where, "no EVTX signature (ElfFile): this may not be an .evtx file; reading chunks anyway");
            return;
        }
        CRC32 crc = new CRC32();
        crc.update(header, 0, 120);
        if (crc.getValue() != Cursor.u32(header, 124)) {
            reader.report(where, "file header checksum mismatch (CRC32): reading chunks anyway");
        }
        int major = Cursor.u16(header, 38);
        if (major != 3) {
            reader.report(
                    where, String.format(Locale.ROOT, "unknown format version %d.%d", major, Cursor.u16(header, 36)));
        }
    }

    /** Positional reads from a file or from memory. */
    private interface Input {
        long size() throws IOException;

        /** Reads up to {@code length} bytes at {@code offset} into the start of {@code into}; returns the count read. */
        int read(long offset, byte[] into, int length) throws IOException;
    }

    private record ChannelInput(FileChannel channel) implements Input {
        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public int read(long offset, byte[] into, int length) throws IOException {
            ByteBuffer target = ByteBuffer.wrap(into, 0, length);
            while (target.hasRemaining()) {
                if (channel.read(target, offset + target.position()) < 0) {
                    break;
                }
            }
            return target.position();
        }
    }

    private record ArrayInput(byte[] bytes) implements Input {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public int read(long offset, byte[] into, int length) {
            int count = (int) Math.max(0, Math.min(length, bytes.length - offset));
            System.arraycopy(bytes, (int) offset, into, 0, count);
            return count;
        }
    }
}
