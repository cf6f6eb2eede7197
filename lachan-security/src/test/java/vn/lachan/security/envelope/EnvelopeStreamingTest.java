package vn.lachan.security.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.security.envelope.Envelopes.ALICE;
import static vn.lachan.security.envelope.Envelopes.SENDER;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round-trips 50 MiB through a file without ever holding the content in memory. */
class EnvelopeStreamingTest {
    private static final long SIZE = 50L << 20;

    @TempDir
    Path dir;

    @Test
    void fiftyMegabytesRoundTripThroughAFile() throws Exception {
        Path file = dir.resolve("big.lenv");
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        try (InputStream source = new DigestInputStream(new GeneratedStream(SIZE, 2026), written);
                OutputStream out = new EnvelopeWriter(SENDER, Envelopes.CLOCK)
                        .open(Files.newOutputStream(file), List.of(ALICE.publicKey()), "big")) {
            source.transferTo(out);
        }
        long chunks = SIZE / EnvelopeWriter.DEFAULT_CHUNK_SIZE;
        assertThat(Files.size(file)).isBetween(SIZE + chunks * 20 + 20, SIZE + chunks * 20 + 20 + 2 * 3311 + 2000);

        MessageDigest read = MessageDigest.getInstance("SHA-256");
        EnvelopeReader reader = new EnvelopeReader(ALICE, List.of(SENDER.getPublic()));
        long length;
        try (InputStream content =
                        reader.open(Files.newInputStream(file), file.toString()).content();
                OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), read)) {
            length = content.transferTo(sink);
        }
        assertThat(length).isEqualTo(SIZE);
        assertThat(read.digest()).isEqualTo(written.digest());
    }

    /** Produces {@code size} seeded pseudo-random bytes on demand. */
    private static final class GeneratedStream extends InputStream {
        private final SplittableRandom random;
        private long remaining;

        GeneratedStream(long size, long seed) {
            this.random = new SplittableRandom(seed);
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, target, offset, n);
            remaining -= n;
            return n;
        }
    }
}
