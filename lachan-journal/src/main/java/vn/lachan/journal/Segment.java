package vn.lachan.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Holds one segment file, named by the position of its first record: a 20-byte header (magic, format
 * version, first position, CRC32C) then frames.
 *
 * <p>Only the appender's leader writes; the reader reads with positional reads up to {@link #durable},
 * which covers whole frames only.
 */
final class Segment implements AutoCloseable {
    static final int HEADER = 20;
    static final String SUFFIX = ".seg";
    private static final int MAGIC = 0x4C4A4E4C; // "LJNL"
    private static final int VERSION = 1;

    private final long first;
    private final Path path;
    private final FileChannel channel;
    private long size;
    private volatile long durable;
    private volatile boolean sealed;

    private Segment(long first, Path path, FileChannel channel, long size) {
        this.first = first;
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.durable = size;
    }

    /** Returns the file name of the segment whose first position is {@code first}. */
    static String fileName(long first) {
        return String.format(Locale.ROOT, "%020d%s", first, SUFFIX);
    }

    /** Returns the first position that {@code name} carries, or empty when it names no segment. */
    static Optional<Long> firstOf(String name) {
        if (name.length() != 20 + SUFFIX.length() || !name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(name.substring(0, 20)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Creates an empty segment file (replacing a damaged one) and writes its header. */
    static Segment create(Path folder, long first, boolean fsync) throws IOException {
        return uninterrupted(() -> createNow(folder, first, fsync));
    }

    private static Segment createNow(Path folder, long first, boolean fsync) throws IOException {
        Path path = folder.resolve(fileName(first));
        FileChannel channel =
                FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.truncate(0);
        writeFully(channel, header(first), 0);
        if (fsync) {
            channel.force(true);
            Folders.sync(folder);
        }
        return new Segment(first, path, channel, HEADER);
    }

    /** Opens an existing segment file. */
    static Segment open(Path path, long first) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new Segment(first, path, channel, channel.size());
    }

    /** Returns whether the file starts with the header this segment's name asks for. */
    boolean headerValid() throws IOException {
        ByteBuffer stored = ByteBuffer.allocate(HEADER);
        while (stored.hasRemaining() && channel.read(stored, stored.position()) >= 0) {
            // read until the header is complete or the file ends
        }
        return !stored.hasRemaining() && stored.flip().equals(header(first));
    }

    /** Writes the header again over a damaged one (recovery only). */
    void rewriteHeader(boolean fsync) throws IOException {
        uninterrupted(() -> {
            int written = writeFully(channel, header(first), 0);
            if (fsync) {
                channel.force(true);
            }
            return written;
        });
    }

    private static ByteBuffer header(long first) {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.putInt(MAGIC).putInt(VERSION).putLong(first);
        header.putInt(Frames.crc(header.array(), 0, 16));
        return header.flip();
    }

    /** Appends {@code buffer} at the end of the file (the leader only). */
    void append(ByteBuffer buffer) throws IOException {
        size += uninterrupted(() -> writeFully(channel, buffer, size));
    }

    /** Forces the written bytes to the disk when asked, then lets the reader see them. */
    void publish(boolean fsync) throws IOException {
        if (fsync) {
            uninterrupted(() -> {
                channel.force(false);
                return size;
            });
        }
        durable = size;
    }

    /** Cuts the file to {@code length} bytes (recovery only). */
    void truncate(long length, boolean fsync) throws IOException {
        channel.truncate(length);
        if (fsync) {
            channel.force(true);
        }
        size = length;
        durable = length;
    }

    /** Reads from {@code offset} into {@code buffer}; returns the bytes read, -1 at the end. */
    int read(ByteBuffer buffer, long offset) throws IOException {
        return uninterrupted(() -> channel.read(buffer, offset));
    }

    /** Does one piece of file work. */
    @FunctionalInterface
    private interface FileWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} with the calling thread's interrupt set aside, and sets it again after. A file
     * channel closes itself for every user when the thread in it is interrupted, and this one channel
     * serves the appender and the reader: an offer from a cancelled request, or a consumer being
     * stopped, would otherwise stop the journal until it is opened again. An interrupt that arrives
     * during the system call itself still closes the channel (the JDK gives no public way out); it then
     * fails the offer or the poll loudly, as a disk failure would.
     */
    private static <T> T uninterrupted(FileWork<T> work) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return work.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int writeFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        int written = 0;
        while (buffer.hasRemaining()) {
            written += channel.write(buffer, at + written);
        }
        return written;
    }

    void seal() {
        sealed = true;
    }

    boolean sealed() {
        return sealed;
    }

    long durable() {
        return durable;
    }

    long size() {
        return size;
    }

    long first() {
        return first;
    }

    Path path() {
        return path;
    }

    String name() {
        return path.getFileName().toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
