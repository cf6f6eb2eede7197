package vn.lachan.store;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * Reads and writes the journal position that a partition's Lucene commit records in its user data, so
 * that a replayed batch skips the events a partition already holds (exactly-once writes).
 */
final class Commits {
    static final String POSITION = "lachan.position";
    /** Names the layout a partition is written with, from 3 on (earlier commits do not record it). */
    static final String LAYOUT_KEY = "lachan.layout";
    /**
     * The layout this code writes: 5, the message indexed without positions (from layout 3), the stored
     * events compressed with LZ4 over large blocks ({@link StoreCodec}, from layout 4) and the fields, when
     * kept, in binary ({@link FieldsEncoder}) instead of JSON; see ADR 0002.
     */
    static final int LAYOUT = 5;
    /** The first layout that indexes the message without positions. */
    static final int WORDS_ONLY = 3;
    /**
     * The layout recorded for a partition that goes on indexing the message with positions (begun before
     * layout 3); its new segments get this layout's stored fields all the same.
     */
    static final int POSITIONS = 2;

    private Commits() {}

    /**
     * Returns the commit user data that records {@code position} and the layout the partition is written
     * with: {@value #POSITIONS} when it indexes the message with positions (begun before layout 3), else
     * {@value #LAYOUT}. Reading needs neither: the message's index options and the stored fields' mode are
     * recorded per segment by Lucene.
     */
    static Iterable<Map.Entry<String, String>> data(long position, boolean messagePositions) {
        String layout = Integer.toString(messagePositions ? POSITIONS : LAYOUT);
        return Map.of(POSITION, Long.toString(position), LAYOUT_KEY, layout).entrySet();
    }

    /**
     * Returns whether documents added to {@code directory} index the message with positions: when it
     * holds a commit of a layout before 3, since Lucene refuses to change a field's index options
     * within one index; a new partition, or one of layout 3, indexes it without.
     */
    static boolean messagePositions(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return false;
            }
            String layout =
                    SegmentInfos.readLatestCommit(directory).getUserData().get(LAYOUT_KEY);
            return layout == null || Integer.parseInt(layout) < WORDS_ONLY;
        } catch (IOException | NumberFormatException e) {
            return true;
        }
    }

    /**
     * Returns the position the last commit of {@code directory} records, or -1 when there is none or it
     * cannot be read (the partition's writer then fails to open and says why).
     */
    static long position(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return -1;
            }
            String value =
                    SegmentInfos.readLatestCommit(directory).getUserData().get(POSITION);
            return value == null ? -1 : Long.parseLong(value);
        } catch (IOException e) {
            return -1;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("a partition commit records a bad journal position in " + directory, e);
        }
    }
}
