package vn.lachan.alert.index;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;

/**
 * Reads and writes what each commit records besides the alerts: the journal position the alerts cover
 * and the key that signs paging cursors (made once, when the index is created, so cursors outlive a
 * restart).
 */
final class CommitData {
    static final String POSITION = "lachan.alerts.position";
    static final String CURSOR_KEY = "lachan.alerts.cursorKey";
    private static final int KEY_BYTES = 32;
    private final long position;
    private final String cursorKeyHex;
    private final boolean wasStored;

    private CommitData(long position, String cursorKeyHex, boolean wasStored) {
        this.position = position;
        this.cursorKeyHex = cursorKeyHex;
        this.wasStored = wasStored;
    }

    /** Reads the last commit's data, or makes it anew for an index that has none. */
    static CommitData read(IndexWriter writer, Path folder) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        String key = data.get(CURSOR_KEY);
        String position = data.get(POSITION);
        if (key == null || position == null) {
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            return new CommitData(-1, HexFormat.of().formatHex(fresh), false);
        }
        try {
            HexFormat.of().parseHex(key);
            return new CommitData(Long.parseLong(position), key, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the alert index " + folder + " records an unreadable position '" + position
                            + "' or cursor key; restore it from a backup",
                    e);
        }
    }

    long position() {
        return position;
    }

    boolean wasStored() {
        return wasStored;
    }

    byte[] cursorKey() {
        return HexFormat.of().parseHex(cursorKeyHex);
    }

    /** Returns the data of a commit that covers the journal up to {@code newPosition}. */
    Iterable<Map.Entry<String, String>> entries(long newPosition) {
        return Map.of(POSITION, Long.toString(newPosition), CURSOR_KEY, cursorKeyHex)
                .entrySet();
    }
}
