package vn.lachan.security.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import vn.lachan.security.crypto.internal.Primitives;

/**
 * Decodes {@link TreeFormat} into an empty folder, refusing any path that would land outside it:
 * absolute paths, {@code ..} or {@code .} segments, backslashes, NUL, and any parent that is a
 * symbolic link. Files are created new, never overwritten. Not thread-safe.
 */
final class TreeReader {
    /** A reason to refuse the whole backup; the caller turns it into a problem. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    private record PendingMode(Path directory, int mode) {}

    private final DataInputStream in;
    private final Path target;
    private final Deque<PendingMode> directoryModes = new ArrayDeque<>();
    private final byte[] buffer = new byte[64 * 1024];
    private long directories;
    private long files;
    private long bytes;

    TreeReader(DataInputStream in, Path target) {
        this.in = in;
        this.target = target.toAbsolutePath().normalize();
    }

    long files() {
        return files;
    }

    long bytes() {
        return bytes;
    }

    void read() throws IOException, Refusal {
        try {
            byte[] magic = in.readNBytes(TreeFormat.MAGIC.length);
            if (!Arrays.equals(magic, TreeFormat.MAGIC)) {
                throw new Refusal("the envelope does not hold a Lachan backup tree");
            }
            int type;
            while ((type = in.readUnsignedByte()) != TreeFormat.END) {
                entry(type);
            }
            checkEnd();
        } catch (EOFException e) {
            throw new Refusal("the backup tree ends before its end record");
        }
        while (!directoryModes.isEmpty()) {
            PendingMode pending = directoryModes.pop();
            applyMode(pending.directory(), pending.mode());
        }
    }

    private void entry(int type) throws IOException, Refusal {
        String relative = path();
        int mode = in.readUnsignedShort();
        Path resolved = safe(relative);
        if (type == TreeFormat.DIRECTORY) {
            Files.createDirectories(resolved);
            directoryModes.push(new PendingMode(resolved, mode));
            directories++;
        } else if (type == TreeFormat.FILE) {
            Files.createDirectories(resolved.getParent());
            file(relative, resolved);
            applyMode(resolved, mode);
        } else {
            throw new Refusal("unknown entry type " + type + " at '" + relative + "'");
        }
    }

    private void file(String relative, Path resolved) throws IOException, Refusal {
        long size = in.readLong();
        if (size < 0) {
            throw new Refusal("'" + relative + "' has a negative size");
        }
        MessageDigest digest = Primitives.sha256();
        try (OutputStream out = Files.newOutputStream(
                resolved, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            long remaining = size;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new Refusal("the backup ends inside '" + relative + "'");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                remaining -= n;
            }
        } catch (FileAlreadyExistsException e) {
            throw new Refusal("'" + relative + "' appears twice in the backup");
        }
        byte[] expected = in.readNBytes(32);
        if (!Primitives.same(expected, digest.digest())) {
            throw new Refusal("'" + relative + "' does not match its SHA-256 in the backup");
        }
        files++;
        bytes += size;
    }

    private String path() throws IOException, Refusal {
        int length = in.readUnsignedShort();
        if (length == 0 || length > TreeFormat.MAX_PATH) {
            throw new Refusal("an entry has a path of " + length + " bytes (1 to " + TreeFormat.MAX_PATH + ")");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(in.readNBytes(length)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refusal("an entry's path is not valid UTF-8");
        }
    }

    /** Resolves {@code relative} inside the target, or refuses it. */
    private Path safe(String relative) throws IOException, Refusal {
        if (relative.startsWith("/") || relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0) {
            throw new Refusal("'" + relative + "' is absolute or has a backslash or NUL: refused");
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new Refusal(
                        "'" + relative + "' has an empty, '.' or '..' segment, which could escape the target: refused");
            }
        }
        Path resolved = target.resolve(relative).normalize();
        if (!resolved.startsWith(target) || resolved.equals(target)) {
            throw new Refusal("'" + relative + "' resolves outside the target folder: refused");
        }
        for (Path step = resolved.getParent(); step != null && !step.equals(target); step = step.getParent()) {
            if (Files.isSymbolicLink(step)) {
                throw new Refusal("'" + relative + "' goes through the symbolic link " + step + ": refused");
            }
        }
        if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(resolved, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refusal("'" + relative + "' appears twice in the backup");
        }
        return resolved;
    }

    private void checkEnd() throws IOException, Refusal {
        long expectedDirectories = in.readLong();
        long expectedFiles = in.readLong();
        long expectedBytes = in.readLong();
        if (expectedDirectories != directories || expectedFiles != files || expectedBytes != bytes) {
            throw new Refusal("the end record counts " + expectedFiles + " files and " + expectedBytes
                    + " bytes, but the backup held " + files + " files and " + bytes + " bytes");
        }
        if (in.read() >= 0) {
            throw new Refusal("data follows the end record of the backup tree");
        }
    }

    private static void applyMode(Path path, int mode) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
                permissions.add(permission);
            }
        }
        // The owner keeps the right to read and manage what was restored.
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        Files.setPosixFilePermissions(path, permissions);
    }
}
