package vn.lachan.security.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.crypto.internal.Primitives;
import vn.lachan.security.crypto.signing.SigningKeys;

/**
 * Decrypts an envelope's chunks as they are read, releasing a chunk's plaintext only once it
 * authenticates; the final chunk is released only after the closing signature verifies and the data
 * ends. A refusal is sticky: every later read repeats it. Holds one chunk in memory. Not thread-safe.
 */
final class DecryptingStream extends InputStream {
    private final EnvelopeInput in;
    private final SecretKey contentKey;
    private final byte[] headerHash;
    private final PublicKey sender;
    private final int chunkSize;
    private final MessageDigest chunkDigest = Primitives.sha256();
    private byte[] plain = new byte[0];
    private int position;
    private long index;
    private long plaintextLength;
    private boolean done;
    private @Nullable EnvelopeException failure;

    DecryptingStream(EnvelopeInput in, SecretKey contentKey, byte[] headerHash, PublicKey sender, int chunkSize) {
        this.in = in;
        this.contentKey = contentKey;
        this.headerHash = headerHash.clone();
        this.sender = sender;
        this.chunkSize = chunkSize;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        while (position == plain.length) {
            if (done) {
                return -1;
            }
            nextChunk();
        }
        int n = Math.min(length, plain.length - position);
        System.arraycopy(plain, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void nextChunk() throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            readChunk();
        } catch (EnvelopeException e) {
            failure = e;
            plain = new byte[0];
            position = 0;
            throw e;
        }
    }

    private void readChunk() throws IOException {
        long start = in.offset();
        String where = EnvelopeInput.chunkAt(index, start);
        long next = in.readIntOrEnd("the length of chunk " + index);
        if (next < 0) {
            throw in.refuse(
                    EnvelopeException.Reason.TRUNCATED,
                    where,
                    "the data ends after " + index + " chunks without the final chunk; the file was cut short");
        }
        int frame = (int) next;
        boolean last = (frame & Chunks.FRAME_LAST) != 0;
        int length = frame & ~Chunks.FRAME_LAST;
        if (length < Primitives.TAG_LENGTH || length > chunkSize + Primitives.TAG_LENGTH) {
            throw in.refuse(
                    EnvelopeException.Reason.TAMPERED_CHUNK,
                    where,
                    "the chunk length " + length + " is out of range (16 to " + (chunkSize + 16) + "); it was altered");
        }
        byte[] sealed = in.readExactly(length, "chunk " + index);
        chunkDigest.update(Chunks.frame(frame));
        chunkDigest.update(sealed);
        byte[] opened = Primitives.open(contentKey, Chunks.nonce(index, last), headerHash, sealed);
        if (opened == null) {
            throw in.refuse(
                    EnvelopeException.Reason.TAMPERED_CHUNK,
                    where,
                    "chunk " + index + " does not decrypt at this position: it was altered, or chunks were"
                            + " reordered, dropped or duplicated");
        }
        plaintextLength += opened.length;
        index++;
        if (last) {
            verifyClosingSignature();
            done = true;
        }
        plain = opened;
        position = 0;
    }

    private void verifyClosingSignature() throws IOException {
        long start = in.offset();
        String where = EnvelopeInput.at(start);
        int length = in.readShort("the closing signature length");
        if (length == 0 || length > Chunks.MAX_SIGNATURE) {
            throw in.refuse(
                    EnvelopeException.Reason.BAD_SIGNATURE,
                    where,
                    "the closing signature length " + length + " is out of range; the end of the file was altered");
        }
        byte[] signature = in.readExactly(length, "the closing signature");
        byte[] signed = Chunks.trailerSigned(headerHash, index, plaintextLength, chunkDigest.digest());
        if (!SigningKeys.verify(sender, signed, signature)) {
            throw in.refuse(
                    EnvelopeException.Reason.BAD_SIGNATURE,
                    where,
                    "the closing signature over the header and" + " all " + index
                            + " chunks does not verify; the file was altered");
        }
        long extra = in.drain();
        if (extra > 0) {
            throw in.refuse(
                    EnvelopeException.Reason.APPENDED_DATA,
                    EnvelopeInput.at(in.offset() - extra),
                    (extra >= (1 << 20) ? "more than 1 MiB" : extra + " bytes")
                            + " follow the closing signature; data was appended to the envelope");
        }
    }
}
