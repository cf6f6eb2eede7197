package vn.lachan.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps the committed position in a 12-byte file (position, CRC32C), replaced atomically: written to a
 * temporary file, forced, renamed over the old one, then the folder is forced.
 */
final class CommitFile {
    static final String NAME = "committed";
    private static final String TEMPORARY = NAME + ".tmp";

    private final Path folder;
    private final boolean fsync;

    CommitFile(Path folder, boolean fsync) {
        this.folder = folder;
        this.fsync = fsync;
    }

    /** Returns the stored position: empty when there is none yet; throws when the file is damaged. */
    Optional<Long> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(folder.resolve(NAME));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length != 12
                || Frames.crc(bytes, 0, 8) != ByteBuffer.wrap(bytes).getInt(8)) {
            throw new IOException("the committed position file is damaged (" + bytes.length + " bytes)");
        }
        return Optional.of(ByteBuffer.wrap(bytes).getLong());
    }

    /** Stores {@code position} atomically and durably. */
    void write(long position) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(12).putLong(position);
        bytes.putInt(Frames.crc(bytes.array(), 0, 8));
        Path temporary = folder.resolve(TEMPORARY);
        try (var channel = java.nio.channels.FileChannel.open(
                temporary,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE)) {
            bytes.flip();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (fsync) {
                channel.force(true);
            }
        }
        Files.move(
                temporary, folder.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (fsync) {
            Folders.sync(folder);
        }
    }
}
