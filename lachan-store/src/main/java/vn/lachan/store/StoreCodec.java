package vn.lachan.store;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.codecs.StoredFieldsWriter;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;

/**
 * Writes Lucene 10.4's own format with the stored events (the original text) compressed by LZ4 with a
 * preset dictionary over blocks as large as {@code BEST_COMPRESSION}'s, instead of DEFLATE (layout 4, ADR
 * 0002).
 *
 * <p>Why: DEFLATE of the stored original was the largest single cost of indexing, ~13–15 µs of CPU per
 * OTRF event (3 KB of JSON), against ~2.5 µs for LZ4 over the same 480 KiB blocks; and reading a stored
 * event (hits, export, the phrase check of layout 3) inflates its block. LZ4 over Lucene's default
 * {@code BEST_SPEED} blocks (80 KiB, 1,024 events) gives the dictionary too little text: 19 % of the raw
 * size instead of 4.3 %.
 *
 * <p>The segments stay readable by an unmodified Lucene: the codec keeps the name {@code Lucene104}, the
 * stored fields are the {@code BEST_SPEED} format (same file names, same compression mode, recorded in
 * the segment's attributes), and that format's reader takes the block size from the file. Segments of
 * earlier layouts ({@code BEST_COMPRESSION}) are read by the same reader, which picks the mode per
 * segment. Merges of layout-4 segments copy the compressed blocks (same mode, same block size).
 */
final class StoreCodec extends FilterCodec {
    /** The bytes of stored text per compressed block: {@code BEST_COMPRESSION}'s block length. */
    static final int BLOCK_BYTES = 10 * 48 * 1024;
    /** The most events per compressed block: {@code BEST_COMPRESSION}'s. */
    static final int BLOCK_EVENTS = 4096;

    private final StoredFieldsFormat storedFields = new LargeBlockLz4();

    StoreCodec() {
        super("Lucene104", new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }

    /** The {@code BEST_SPEED} stored fields (LZ4 with a preset dictionary) over large blocks. */
    private static final class LargeBlockLz4 extends StoredFieldsFormat {
        private static final String MODE = Lucene90StoredFieldsFormat.Mode.BEST_SPEED.name();
        private final StoredFieldsFormat write = new Lucene90CompressingStoredFieldsFormat(
                "Lucene90StoredFieldsFastData",
                Lucene90StoredFieldsFormat.BEST_SPEED_MODE,
                BLOCK_BYTES,
                BLOCK_EVENTS,
                10);
        /** Reads every segment by the mode it records, as Lucene does: this layout's and earlier ones. */
        private final StoredFieldsFormat read = new Lucene90StoredFieldsFormat();

        @Override
        public StoredFieldsReader fieldsReader(Directory directory, SegmentInfo si, FieldInfos fn, IOContext context)
                throws IOException {
            return read.fieldsReader(directory, si, fn, context);
        }

        @Override
        public StoredFieldsWriter fieldsWriter(Directory directory, SegmentInfo si, IOContext context)
                throws IOException {
            String previous = si.putAttribute(Lucene90StoredFieldsFormat.MODE_KEY, MODE);
            if (previous != null && !previous.equals(MODE)) {
                throw new IllegalStateException("segment " + si.name + " already records stored fields mode " + previous
                        + ", cannot write " + MODE);
            }
            return write.fieldsWriter(directory, si, context);
        }
    }
}
