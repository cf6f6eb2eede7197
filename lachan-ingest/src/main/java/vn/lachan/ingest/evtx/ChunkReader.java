package vn.lachan.ingest.evtx;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.ingest.evtx.Instantiator.Resolved;

/**
 * Reads the records of one 64 KiB chunk after another, checking signatures, checksums and bounds,
 * and turns each record into an event or a problem. Not thread-safe: one instance per file.
 */
final class ChunkReader {
    static final int CHUNK_SIZE = 0x10000;
    static final int CHUNK_HEADER_SIZE = 512;
    private static final long RECORD_MAGIC = 0x00002a2aL;
    private static final int RECORD_HEADER_SIZE = 24;
    private static final int MIN_RECORD_SIZE = RECORD_HEADER_SIZE + 4;

    private final String source;
    private final Consumer<SourcedEvent> events;
    private final Consumer<Problem> problems;
    private final CRC32 crc = new CRC32();
    long records;
    long corruptRecords;
    int chunks;
    int corruptChunks;
    long problemCount;
    private long nextIndex;

    ChunkReader(String source, Consumer<SourcedEvent> events, Consumer<Problem> problems) {
        this.source = source;
        this.events = events;
        this.problems = problems;
    }

    /** Reads one chunk whose first {@code length} bytes (of {@link #CHUNK_SIZE}) were found in the file. */
    void read(byte[] chunk, int length, int number, long fileOffset) {
        String where = String.format(Locale.ROOT, "chunk %d at offset 0x%x", number, fileOffset);
        if (length < CHUNK_HEADER_SIZE) {
            report(where, "the file ends inside this chunk's header (" + length + " bytes): the chunk is lost");
            corruptChunks++;
            return;
        }
        if (isZero(chunk, 0, 8)) {
            return; // a chunk the log allocated but never wrote: nothing to read
        }
        if (!startsWith(chunk, "ElfChnk\0")) {
            report(where, "no chunk signature (ElfChnk): the chunk is skipped");
            corruptChunks++;
            return;
        }
        chunks++;
        int end = recordsEnd(chunk, length, where);
        new RecordWalk(chunk, end, fileOffset).run();
    }

    /** Validates the chunk header and returns where its records end; reports what is wrong. */
    private int recordsEnd(byte[] chunk, int length, String where) {
        boolean corrupt = false;
        long headerCrc = Cursor.u32(chunk, 124);
        crc.reset();
        crc.update(chunk, 0, 120);
        crc.update(chunk, 128, CHUNK_HEADER_SIZE - 128);
        if (crc.getValue() != headerCrc) {
            report(
                    where,
                    "chunk header checksum mismatch (CRC32): the header may be damaged; records are read with care");
            corrupt = true;
        }
        long freeSpace = Cursor.u32(chunk, 48);
        int end = length;
        if (freeSpace < CHUNK_HEADER_SIZE || freeSpace > CHUNK_SIZE) {
            report(where, String.format(Locale.ROOT, "free space offset 0x%x is out of range", freeSpace));
            corrupt = true;
        } else if (length < CHUNK_SIZE) {
            report(where, "the file ends inside this chunk (" + length + " of 65536 bytes): reading what is there");
            corrupt = true;
            end = (int) Math.min(freeSpace, length);
        } else {
            end = (int) freeSpace;
            crc.reset();
            crc.update(chunk, CHUNK_HEADER_SIZE, end - CHUNK_HEADER_SIZE);
            if (crc.getValue() != Cursor.u32(chunk, 52)) {
                report(where, "event records checksum mismatch (CRC32): some records may be damaged");
                corrupt = true;
            }
        }
        if (corrupt) {
            corruptChunks++;
        }
        return end;
    }

    /** Walks the records of one chunk, resynchronising on the next record signature after damage. */
    private final class RecordWalk {
        private final byte[] chunk;
        private final int end;
        private final long fileOffset;
        private final BinXmlParser parser;

        RecordWalk(byte[] chunk, int end, long fileOffset) {
            this.chunk = chunk;
            this.end = end;
            this.fileOffset = fileOffset;
            this.parser = new BinXmlParser(chunk, end);
        }

        void run() {
            int pos = CHUNK_HEADER_SIZE;
            while (pos + MIN_RECORD_SIZE <= end) {
                long size = Cursor.u32(chunk, pos + 4);
                if (Cursor.u32(chunk, pos) != RECORD_MAGIC) {
                    if (isZero(chunk, pos, MIN_RECORD_SIZE)) {
                        return; // slack space after the last record
                    }
                    report(recordWhere(pos), "no record signature (0x2a2a): skipping to the next record");
                    pos = resync(pos);
                } else if (size < MIN_RECORD_SIZE
                        || pos + size > end
                        || Cursor.u32(chunk, (int) (pos + size - 4)) != size) {
                    report(recordWhere(pos), String.format(Locale.ROOT, "record size 0x%x is inconsistent", size));
                    corruptRecords++;
                    nextIndex++;
                    pos = resync(pos);
                } else {
                    record(pos, (int) size);
                    pos += (int) size;
                }
            }
        }

        private void record(int pos, int size) {
            String where = recordWhere(pos);
            long index = nextIndex++;
            long id = Cursor.u64(chunk, pos + 8);
            try {
                List<Object> content =
                        Instantiator.resolve(parser.parseFragment(pos + RECORD_HEADER_SIZE, pos + size - 4, 0));
                Resolved root = firstElement(content);
                if (root == null) {
                    throw new MalformedEvtxException("the record holds no XML element");
                }
                Map<String, @Nullable Object> fields = EventJson.layout(root);
                records++;
                events.accept(event(index, fields));
            } catch (MalformedEvtxException e) {
                corruptRecords++;
                report(where, "record id " + id + " is malformed and skipped: " + e.getMessage());
            }
        }

        private int resync(int pos) {
            int next = (pos + 8) & ~7;
            while (next + MIN_RECORD_SIZE <= end && Cursor.u32(chunk, next) != RECORD_MAGIC) {
                next += 8;
            }
            return next;
        }

        private String recordWhere(int pos) {
            return String.format(Locale.ROOT, "record %d at offset 0x%x", nextIndex, fileOffset + pos);
        }
    }

    private SourcedEvent event(long index, Map<String, @Nullable Object> fields) {
        return new SourcedEvent(source, index, fields);
    }

    private static @Nullable Resolved firstElement(List<Object> content) {
        for (Object item : content) {
            if (item instanceof Resolved element) {
                return element;
            }
        }
        return null;
    }

    void report(String location, String message) {
        problemCount++;
        problems.accept(new Problem(source, location, message));
    }

    static boolean isZero(byte[] data, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(byte[] data, String signature) {
        for (int i = 0; i < signature.length(); i++) {
            if (data[i] != (byte) signature.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
