package vn.lachan.app.backup;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts files into the staging folder: hard links for files that are never rewritten in place (Lucene
 * files, journal segments, which only grow), copies for everything else. Falls back to copying when
 * the file system refuses a link. Counts what it did. Not thread-safe; not final so that tests can
 * interpose on a copy (a commit landing mid-copy).
 */
class FileCopier {
    private long linked;
    private long copied;
    private long copiedBytes;

    /** Hard-links {@code source} as {@code target}, or copies it when linking is not possible. */
    void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
            linked++;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            copy(source, target);
        }
    }

    /** Copies {@code source} to {@code target} with its permissions, replacing an earlier copy. */
    void copy(Path source, Path target) throws IOException {
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        copied++;
        copiedBytes += Files.size(target);
    }

    long linked() {
        return linked;
    }

    long copied() {
        return copied;
    }

    long copiedBytes() {
        return copiedBytes;
    }
}
