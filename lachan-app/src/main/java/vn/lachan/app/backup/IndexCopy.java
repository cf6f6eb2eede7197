package vn.lachan.app.backup;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NoLockFactory;

/**
 * Copies the newest commit of a Lucene index that may be open for writing: the files named by its
 * newest {@code segments_N}. Lucene never changes a file once written, so each one is hard-linked
 * (copied when the file system cannot link); a file that vanished because a merge and a newer commit
 * replaced it sends the whole index round again. Not thread-safe.
 */
final class IndexCopy {
    /** How often an index is tried again when a newer commit deletes files under the copy. */
    static final int ATTEMPTS = 50;

    private IndexCopy() {}

    /** Returns whether {@code folder} holds a Lucene index (a {@code segments_N} file). */
    static boolean isIndex(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(IndexFileNames.SEGMENTS + "_"));
        }
    }

    /**
     * Copies the newest commit of the index in {@code source} into {@code target} (created).
     *
     * @return how many attempts it took (1 when nothing moved under it)
     * @throws IOException when the index cannot be read, or kept changing for {@value #ATTEMPTS} attempts
     */
    static int copy(Path source, Path target, FileCopier copier) throws IOException {
        Files.createDirectories(target);
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<Path> linked = new ArrayList<>();
            try {
                for (String name : commitFiles(source)) {
                    Path to = target.resolve(name);
                    copier.linkOrCopy(source.resolve(name), to);
                    linked.add(to);
                }
                return attempt;
            } catch (NoSuchFileException | FileNotFoundException e) {
                last = e;
                for (Path file : linked) {
                    Files.deleteIfExists(file);
                }
            }
        }
        throw new IOException(
                "the index " + source + " kept changing under the backup (" + ATTEMPTS + " attempts): " + last);
    }

    private static Collection<String> commitFiles(Path source) throws IOException {
        // NoLockFactory: reading a commit takes no lock, and the running platform holds the write lock.
        try (Directory directory = new NIOFSDirectory(source, NoLockFactory.INSTANCE)) {
            return SegmentInfos.readLatestCommit(directory).files(true);
        }
    }
}
