package vn.lachan.security.crypto.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes key files crash-safely (temporary file, fsync, atomic rename, fsync of the folder) with
 * owner-only permissions, and checks that existing key files are not readable by others.
 *
 * <p>Stateless and thread-safe. On file systems without POSIX permissions the permission steps are
 * skipped.
 */
public final class SecureFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private SecureFiles() {}

    /**
     * Replaces {@code target} with {@code content} atomically: readers see the old file or the new
     * one, never a mix, even if the process dies half-way.
     *
     * @param ownerOnly whether the file gets mode 0600
     */
    public static void writeAtomically(Path target, byte[] content, boolean ownerOnly) {
        Path dir = java.util.Objects.requireNonNull(
                target.toAbsolutePath().getParent(), () -> "a key file needs a folder: " + target);
        try {
            createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attributes(ownerOnly));
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code dir} (and parents) if absent, owner-only when the file system allows. */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Returns why {@code file} is not private to its owner ("readable by group or others
     * (rw-r--r--)"), or an empty string when it is, or when the file system has no POSIX modes.
     */
    public static String exposure(Path file) throws IOException {
        if (!posix()) {
            return "";
        }
        Set<PosixFilePermission> modes = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> extra = EnumSet.copyOf(modes);
        extra.removeAll(OWNER_ONLY_DIR);
        return extra.isEmpty() ? "" : "readable by group or others (" + PosixFilePermissions.toString(modes) + ")";
    }

    private static FileAttribute<?>[] attributes(boolean ownerOnly) {
        if (!ownerOnly || !posix()) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename durable; some platforms cannot open a folder for reading, which is harmless.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // best effort: the rename itself is already atomic
        }
    }
}
