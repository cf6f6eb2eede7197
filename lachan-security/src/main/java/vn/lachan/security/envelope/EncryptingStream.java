package vn.lachan.security.envelope;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Objects;
import javax.crypto.SecretKey;
import vn.lachan.security.crypto.internal.Primitives;
import vn.lachan.security.crypto.signing.SigningKeys;

/**
 * Encrypts what is written into fixed-size chunks and, on {@link #close}, writes the final chunk and
 * the closing signature. Holds one chunk of plaintext in memory. Not thread-safe.
 */
final class EncryptingStream extends OutputStream {
    private final OutputStream sink;
    private final SecretKey contentKey;
    private final byte[] headerHash;
    private final PrivateKey signingKey;
    private final byte[] buffer;
    private final MessageDigest chunkDigest = Primitives.sha256();
    private int filled;
    private long index;
    private long plaintextLength;
    private boolean closed;

    EncryptingStream(OutputStream sink, SecretKey contentKey, byte[] headerHash, PrivateKey signingKey, int chunkSize) {
        this.sink = sink;
        this.contentKey = contentKey;
        this.headerHash = headerHash.clone();
        this.signingKey = signingKey;
        this.buffer = new byte[chunkSize];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        ensureOpen();
        int position = offset;
        int remaining = length;
        while (remaining > 0) {
            // A full buffer is written only once more data arrives: only close() knows which chunk is last.
            if (filled == buffer.length) {
                emit(false);
            }
            int take = Math.min(remaining, buffer.length - filled);
            System.arraycopy(data, position, buffer, filled, take);
            filled += take;
            position += take;
            remaining -= take;
        }
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        sink.flush();
    }

    /** Writes the final chunk and the closing signature, then closes the sink. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (sink) {
            emit(true);
            byte[] signed = Chunks.trailerSigned(headerHash, index, plaintextLength, chunkDigest.digest());
            byte[] signature = SigningKeys.sign(signingKey, signed);
            sink.write(new byte[] {(byte) (signature.length >>> 8), (byte) signature.length});
            sink.write(signature);
            sink.flush();
        }
    }

    private void emit(boolean last) throws IOException {
        byte[] sealed = Primitives.seal(
                contentKey, Chunks.nonce(index, last), headerHash, java.util.Arrays.copyOf(buffer, filled));
        byte[] frame = Chunks.frame((last ? Chunks.FRAME_LAST : 0) | sealed.length);
        chunkDigest.update(frame);
        chunkDigest.update(sealed);
        sink.write(frame);
        sink.write(sealed);
        plaintextLength += filled;
        index++;
        filled = 0;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the envelope is already closed");
        }
    }
}
