package vn.lachan.security.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import vn.lachan.security.crypto.internal.Primitives;

/**
 * The byte strings both sides compute: chunk nonces and the messages the two signatures cover.
 *
 * <p>Chunk {@code i} is sealed with nonce {@code 0x000000 ‖ last-flag (1 byte) ‖ i (8 bytes)} and the
 * header hash as associated data, so a chunk moved, dropped, duplicated, or falsely marked last or
 * not last fails to decrypt (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár).
 */
final class Chunks {
    static final int FRAME_LAST = 0x8000_0000;
    static final int MAX_SIGNATURE = 8192;
    private static final byte[] HEADER_CONTEXT = "lachan-envelope-v1/header".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRAILER_CONTEXT = "lachan-envelope-v1/trailer".getBytes(StandardCharsets.US_ASCII);

    private Chunks() {}

    static byte[] nonce(long index, boolean last) {
        return ByteBuffer.allocate(Primitives.NONCE_LENGTH)
                .put(3, (byte) (last ? 1 : 0))
                .putLong(4, index)
                .array();
    }

    /** Returns magic ‖ version ‖ body length ‖ body: the bytes the header hash and signature cover. */
    static byte[] prefix(byte[] body) {
        return ByteBuffer.allocate(Header.MAGIC.length + 5 + body.length)
                .put(Header.MAGIC)
                .put((byte) Header.VERSION)
                .putInt(body.length)
                .put(body)
                .array();
    }

    static byte[] headerSigned(byte[] prefix) {
        return ByteBuffer.allocate(HEADER_CONTEXT.length + prefix.length)
                .put(HEADER_CONTEXT)
                .put(prefix)
                .array();
    }

    static byte[] trailerSigned(byte[] headerHash, long chunks, long plaintextLength, byte[] chunkDigest) {
        return ByteBuffer.allocate(TRAILER_CONTEXT.length + headerHash.length + 16 + chunkDigest.length)
                .put(TRAILER_CONTEXT)
                .put(headerHash)
                .putLong(chunks)
                .putLong(plaintextLength)
                .put(chunkDigest)
                .array();
    }

    static byte[] frame(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
