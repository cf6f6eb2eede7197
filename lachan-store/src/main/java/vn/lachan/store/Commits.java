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

    private Commits() {}

    /** Returns the commit user data that records {@code position}. */
    static Iterable<Map.Entry<String, String>> data(long position) {
        return Map.of(POSITION, Long.toString(position)).entrySet();
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
