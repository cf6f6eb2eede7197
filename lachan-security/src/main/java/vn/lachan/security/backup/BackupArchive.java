package vn.lachan.security.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.core.problem.Problem;
import vn.lachan.security.envelope.EnvelopeException;
import vn.lachan.security.envelope.EnvelopeReader;
import vn.lachan.security.envelope.EnvelopeWriter;
import vn.lachan.security.envelope.OpenedEnvelope;
import vn.lachan.security.envelope.RecipientPublicKey;

/**
 * Writes a folder tree (relative paths, sizes, modes, a SHA-256 per file) as a stream into an
 * envelope, and restores such a backup into an empty folder.
 *
 * <p>Restoring is all or nothing: a refused envelope, a path that would escape the target ({@code
 * ..}, absolute, through a symbolic link), a duplicate entry or a checksum mismatch empties the
 * target again and is reported as a {@link Problem}. Stateless and thread-safe.
 */
public final class BackupArchive {
    private static final Logger LOG = LoggerFactory.getLogger(BackupArchive.class);

    /** Creates the archive codec. */
    public BackupArchive() {}

    /**
     * Writes the tree under {@code root} into an envelope on {@code sink} (closed at the end).
     *
     * @return counts, and what was left out (symbolic links, special files) as problems
     * @throws IOException when reading the tree or writing the sink fails
     */
    public BackupResult write(Path root, OutputStream sink, EnvelopeWriter writer, List<RecipientPublicKey> recipients)
            throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + " is not a folder");
        }
        BackupResult result;
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(writer.open(sink, recipients, TreeFormat.LABEL), 64 * 1024))) {
            result = new TreeWriter(root, out).write();
        }
        LOG.info("Backed up {} files ({} bytes) from {}", result.files(), result.bytes(), root);
        return result;
    }

    /**
     * Restores the backup read from {@code source} into {@code target}, which must be absent or empty.
     *
     * @param sourceName names the backup in problems (a file name)
     * @return counts, or the problems for which nothing was kept
     * @throws IOException when the target is not empty, or on a disk error
     */
    public RestoreResult restore(InputStream source, String sourceName, EnvelopeReader reader, Path target)
            throws IOException {
        requireEmpty(target);
        Files.createDirectories(target);
        try {
            OpenedEnvelope opened = reader.open(source, sourceName);
            if (!opened.header().label().equals(TreeFormat.LABEL)) {
                return refuse(
                        target,
                        new Problem(
                                sourceName,
                                "header",
                                "the envelope holds '" + opened.header().label() + "', not a Lachan backup ("
                                        + TreeFormat.LABEL + ")"));
            }
            TreeReader tree;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(opened.content(), 64 * 1024))) {
                tree = new TreeReader(in, target);
                tree.read();
            }
            LOG.info("Restored {} files ({} bytes) from {} into {}", tree.files(), tree.bytes(), sourceName, target);
            return new RestoreResult(tree.files(), tree.bytes(), List.of());
        } catch (EnvelopeException e) {
            return refuse(target, e.problem());
        } catch (TreeReader.Refusal e) {
            return refuse(target, new Problem(sourceName, "", String.valueOf(e.getMessage())));
        }
    }

    private static RestoreResult refuse(Path target, Problem problem) throws IOException {
        LOG.warn("Refused backup: {}; emptied {}", problem, target);
        empty(target);
        return new RestoreResult(0, 0, List.of(problem));
    }

    private static void requireEmpty(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " is not a folder; restore into an empty folder");
        }
        try (Stream<Path> children = Files.list(target)) {
            if (children.findAny().isPresent()) {
                throw new DirectoryNotEmptyException(target + " (restore into an empty folder)");
            }
        }
    }

    private static void empty(Path target) throws IOException {
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                // Restored folders may be read-only; the owner may always make them writable again.
                dir.toFile().setWritable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
                if (!dir.equals(target)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
