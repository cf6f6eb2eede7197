package vn.lachan.alert.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/** Opens the index folder and turns what can go wrong there into messages that say what to do. */
final class IndexFolder {
    private IndexFolder() {}

    static Directory directory(Path folder) throws IOException {
        return FSDirectory.open(folder);
    }

    static IndexWriter writer(Directory directory) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig();
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setCommitOnClose(true);
        return new IndexWriter(directory, config);
    }

    static RuntimeException explain(Exception e, Path folder) {
        return switch (e) {
            case LockObtainFailedException locked ->
                new IllegalStateException(
                        "the alert index " + folder + " is in use by another Lachan process (or already open in"
                                + " this one); stop that process or give this one another data folder",
                        locked);
            case CorruptIndexException corrupt ->
                new IllegalStateException(
                        "the alert index " + folder + " is damaged (" + corrupt.getMessage()
                                + "); restore it from a backup or move it aside to start a new one",
                        corrupt);
            case IOException io ->
                new UncheckedIOException("cannot open the alert index " + folder + ": " + io.getMessage(), io);
            case RuntimeException runtime -> runtime;
            default -> new IllegalStateException("cannot open the alert index " + folder, e);
        };
    }
}
