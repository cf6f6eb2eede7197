package vn.lachan.security.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import vn.lachan.core.problem.Problem;
import vn.lachan.security.crypto.internal.Primitives;

/**
 * Encodes a folder tree in {@link TreeFormat}, in sorted order, without following links. Not
 * thread-safe; one instance per backup.
 */
final class TreeWriter {
    private final Path root;
    private final DataOutputStream out;
    private final List<Problem> skipped = new ArrayList<>();
    private final byte[] buffer = new byte[64 * 1024];
    private long directories;
    private long files;
    private long bytes;

    TreeWriter(Path root, DataOutputStream out) {
        this.root = root;
        this.out = out;
    }

    BackupResult write() throws IOException {
        out.write(TreeFormat.MAGIC);
        walk(root);
        out.writeByte(TreeFormat.END);
        out.writeLong(directories);
        out.writeLong(files);
        out.writeLong(bytes);
        return new BackupResult(directories, files, bytes, skipped);
    }

    private void walk(Path dir) throws IOException {
        List<Path> children;
        try (Stream<Path> listing = Files.list(dir)) {
            children = listing.sorted().toList();
        }
        for (Path child : children) {
            BasicFileAttributes attributes =
                    Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String relative = relative(child);
            if (attributes.isDirectory()) {
                entry(TreeFormat.DIRECTORY, relative, child);
                directories++;
                walk(child);
            } else if (attributes.isRegularFile()) {
                file(relative, child, attributes.size());
            } else {
                String kind = attributes.isSymbolicLink() ? "a symbolic link" : "not a regular file or folder";
                skipped.add(new Problem(child.toString(), "", kind + ": left out of the backup"));
            }
        }
    }

    private void file(String relative, Path file, long size) throws IOException {
        entry(TreeFormat.FILE, relative, file);
        out.writeLong(size);
        MessageDigest digest = Primitives.sha256();
        long remaining = size;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException(file + " shrank while it was backed up (" + remaining
                            + " bytes missing); stop what writes to it, or snapshot it first");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                remaining -= n;
            }
        }
        out.write(digest.digest());
        files++;
        bytes += size;
    }

    private void entry(int type, String relative, Path path) throws IOException {
        byte[] name = relative.getBytes(StandardCharsets.UTF_8);
        if (name.length > TreeFormat.MAX_PATH) {
            throw new IOException(path + ": the path is longer than " + TreeFormat.MAX_PATH + " bytes");
        }
        out.writeByte(type);
        out.writeShort(name.length);
        out.write(name);
        out.writeShort(mode(path));
    }

    private String relative(Path child) {
        List<String> parts = new ArrayList<>();
        for (Path part : root.relativize(child)) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }

    private static int mode(Path path) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return 0;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            // The enum runs OWNER_READ … OTHERS_EXECUTE, from bit 8 down to bit 0.
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }
}
