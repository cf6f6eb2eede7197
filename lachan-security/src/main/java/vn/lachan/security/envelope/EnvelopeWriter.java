package vn.lachan.security.envelope;

import java.io.IOException;
import java.io.OutputStream;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.lachan.security.crypto.internal.Primitives;
import vn.lachan.security.crypto.signing.SigningKeys;

/**
 * Writes envelopes: streams of any size encrypted in AES-256-GCM chunks under a fresh content key,
 * that key wrapped for each recipient with hybrid X25519 + ML-KEM-768, the header and the whole
 * stream signed with the sender's ML-DSA-65 key. The format is in docs/adr/0003.
 *
 * <p>Thread-safe: each {@link #open} returns an independent stream (which is not thread-safe).
 */
public final class EnvelopeWriter {
    /** The default chunk size: 64 KiB of plaintext per chunk. */
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

    private final KeyPair sender;
    private final Clock clock;
    private final int chunkSize;
    private final SecureRandom random = new SecureRandom();

    /** Creates a writer signing as {@code sender} (an ML-DSA-65 key pair) with 64 KiB chunks. */
    public EnvelopeWriter(KeyPair sender, Clock clock) {
        this(sender, clock, DEFAULT_CHUNK_SIZE);
    }

    /**
     * Creates a writer with a given chunk size (1 byte to 16 MiB; small sizes are for tests).
     *
     * @throws IllegalArgumentException when the key is not ML-DSA-65 or the size is out of range
     */
    public EnvelopeWriter(KeyPair sender, Clock clock, int chunkSize) {
        RecipientPublicKey.requireParameters(sender.getPublic(), SigningKeys.ALGORITHM);
        if (chunkSize < 1 || chunkSize > Header.MAX_CHUNK) {
            throw new IllegalArgumentException(
                    "the chunk size must be 1 to " + Header.MAX_CHUNK + ", got " + chunkSize);
        }
        this.sender = sender;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /**
     * Writes the header to {@code sink} and returns the stream to write the content into; closing it
     * writes the final chunk and signature and closes {@code sink}.
     *
     * @param recipients who can open the envelope (1 to 1000)
     * @param label what the content is, in clear text in the header (e.g. {@code "lachan-backup/1"});
     *     at most 1024 UTF-8 bytes
     */
    public OutputStream open(OutputStream sink, List<RecipientPublicKey> recipients, String label) throws IOException {
        requireDistinct(recipients);
        byte[] contentKey = new byte[32];
        byte[] salt = new byte[Header.SALT_LENGTH];
        random.nextBytes(contentKey);
        random.nextBytes(salt);
        List<Header.Stanza> slots = new ArrayList<>(recipients.size());
        for (RecipientPublicKey recipient : recipients) {
            slots.add(HybridKem.wrap(recipient, salt, contentKey));
        }
        byte[] senderId =
                Arrays.copyOf(Primitives.sha256().digest(sender.getPublic().getEncoded()), Header.SENDER_ID_LENGTH);
        Header header = new Header(chunkSize, clock.millis(), salt, label, senderId, slots);
        byte[] prefix = Chunks.prefix(header.encodeBody());
        byte[] signature = SigningKeys.sign(sender.getPrivate(), Chunks.headerSigned(prefix));
        sink.write(prefix);
        sink.write(new byte[] {(byte) (signature.length >>> 8), (byte) signature.length});
        sink.write(signature);
        byte[] headerHash = Primitives.sha256().digest(prefix);
        EncryptingStream stream =
                new EncryptingStream(sink, Primitives.aesKey(contentKey), headerHash, sender.getPrivate(), chunkSize);
        Arrays.fill(contentKey, (byte) 0);
        return stream;
    }

    private static void requireDistinct(List<RecipientPublicKey> recipients) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RecipientPublicKey recipient : recipients) {
            if (!seen.add(recipient.fingerprint())) {
                throw new IllegalArgumentException("recipient " + recipient.fingerprint() + " is listed twice");
            }
        }
    }
}
