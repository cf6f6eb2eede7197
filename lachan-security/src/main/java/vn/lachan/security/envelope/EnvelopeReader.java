package vn.lachan.security.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.crypto.internal.Primitives;
import vn.lachan.security.crypto.signing.SigningKeys;

/**
 * Opens envelopes addressed to one recipient key and signed by a trusted sender, then decrypts them
 * as a stream; refuses with an {@link EnvelopeException} naming the reason and where: not an
 * envelope, unknown signer, altered header, wrong recipient, altered or reordered chunk (which one),
 * truncated file, bad closing signature, appended data.
 *
 * <p>Thread-safe: each {@link #open} returns an independent stream (which is not thread-safe).
 */
public final class EnvelopeReader {
    private static final HexFormat HEX = HexFormat.of();

    private final RecipientKeyPair recipient;
    private final byte[] recipientId;
    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    /**
     * Creates a reader for {@code recipient} that accepts envelopes signed by any of {@code
     * trustedSenders} (ML-DSA-65 public keys).
     *
     * @throws IllegalArgumentException when no sender is trusted or a key is not ML-DSA-65
     */
    public EnvelopeReader(RecipientKeyPair recipient, Collection<PublicKey> trustedSenders) {
        if (trustedSenders.isEmpty()) {
            throw new IllegalArgumentException("trust at least one sender key: envelopes are always signed");
        }
        for (PublicKey key : trustedSenders) {
            RecipientPublicKey.requireParameters(key, SigningKeys.ALGORITHM);
            trusted.put(SigningKeys.fingerprint(key), key);
        }
        this.recipient = recipient;
        this.recipientId = recipient.publicKey().id();
    }

    /**
     * Reads and checks the header of the envelope in {@code in}, and returns its content stream.
     *
     * @param source names the envelope in refusals (a file name)
     * @throws EnvelopeException when the envelope is refused before any content is released
     */
    public OpenedEnvelope open(InputStream in, String source) throws IOException {
        EnvelopeInput input = new EnvelopeInput(in, source);
        byte[] prefix = readPrefix(input);
        byte[] body = Arrays.copyOfRange(prefix, Header.MAGIC.length + 5, prefix.length);
        Header header = decode(input, body);
        String senderFingerprint = HEX.formatHex(header.senderId());
        PublicKey sender = trusted.get(senderFingerprint);
        if (sender == null) {
            throw input.refuse(
                    EnvelopeException.Reason.UNKNOWN_SIGNER,
                    "header",
                    "signed by key " + senderFingerprint + ", which is not among the trusted senders "
                            + trusted.keySet() + "; add the sender's public key if you trust it");
        }
        verifyHeader(input, prefix, sender);
        byte[] contentKey = contentKey(input, header);
        DecryptingStream content = new DecryptingStream(
                input, Primitives.aesKey(contentKey), Primitives.sha256().digest(prefix), sender, header.chunkSize());
        Arrays.fill(contentKey, (byte) 0);
        return new OpenedEnvelope(describe(header, senderFingerprint), content);
    }

    private static byte[] readPrefix(EnvelopeInput input) throws IOException {
        byte[] magic = input.readExactly(Header.MAGIC.length, "the magic number");
        if (!Arrays.equals(magic, Header.MAGIC)) {
            throw input.refuse(EnvelopeException.Reason.NOT_AN_ENVELOPE, "offset 0x0", "this is not a Lachan envelope");
        }
        int version = input.readExactly(1, "the format version")[0] & 0xff;
        if (version != Header.VERSION) {
            throw input.refuse(
                    EnvelopeException.Reason.UNSUPPORTED_VERSION,
                    "offset 0x8",
                    "format version " + version + " is not supported (this version reads " + Header.VERSION + ")");
        }
        int length = input.readInt("the header length");
        if (length < 1 || length > Header.MAX_BODY) {
            throw input.refuse(
                    EnvelopeException.Reason.MALFORMED,
                    "offset 0x9",
                    "the header length " + length + " is out of range (1 to " + Header.MAX_BODY + ")");
        }
        byte[] body = input.readExactly(length, "the header");
        return Chunks.prefix(body);
    }

    private static Header decode(EnvelopeInput input, byte[] body) throws EnvelopeException {
        try {
            return Header.decode(body);
        } catch (IllegalArgumentException e) {
            throw input.refuse(EnvelopeException.Reason.MALFORMED, "header", String.valueOf(e.getMessage()));
        }
    }

    private static void verifyHeader(EnvelopeInput input, byte[] prefix, PublicKey sender) throws IOException {
        String where = EnvelopeInput.at(input.offset());
        int length = input.readShort("the header signature length");
        if (length == 0 || length > Chunks.MAX_SIGNATURE) {
            throw input.refuse(
                    EnvelopeException.Reason.TAMPERED_HEADER, where, "the header signature length is out of range");
        }
        byte[] signature = input.readExactly(length, "the header signature");
        if (!SigningKeys.verify(sender, Chunks.headerSigned(prefix), signature)) {
            throw input.refuse(
                    EnvelopeException.Reason.TAMPERED_HEADER,
                    where,
                    "the header signature does not verify: the header or its signature was altered");
        }
    }

    private byte[] contentKey(EnvelopeInput input, Header header) throws EnvelopeException {
        Header.Stanza slot = slotFor(header);
        if (slot == null) {
            throw input.refuse(
                    EnvelopeException.Reason.WRONG_RECIPIENT,
                    "header",
                    "not addressed to recipient " + HEX.formatHex(recipientId) + "; it is addressed to "
                            + fingerprints(header));
        }
        byte[] key = HybridKem.unwrap(slot, recipient, header.salt());
        if (key == null) {
            throw input.refuse(
                    EnvelopeException.Reason.WRONG_RECIPIENT,
                    "header",
                    "the key slot for recipient " + HEX.formatHex(recipientId)
                            + " does not open with this private key; is the key file the right one?");
        }
        return key;
    }

    private Header.@Nullable Stanza slotFor(Header header) {
        for (Header.Stanza stanza : header.recipients()) {
            if (Arrays.equals(stanza.recipientId(), recipientId)) {
                return stanza;
            }
        }
        return null;
    }

    private static List<String> fingerprints(Header header) {
        return header.recipients().stream()
                .map(stanza -> HEX.formatHex(stanza.recipientId()))
                .toList();
    }

    private static EnvelopeHeader describe(Header header, String senderFingerprint) {
        return new EnvelopeHeader(
                header.label(),
                Instant.ofEpochMilli(header.createdMillis()),
                senderFingerprint,
                fingerprints(header),
                header.chunkSize());
    }
}
