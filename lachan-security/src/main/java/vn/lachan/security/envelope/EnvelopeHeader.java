package vn.lachan.security.envelope;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Describes an opened envelope, from its authenticated header.
 *
 * @param label what the content is, as the sender labelled it
 * @param created when the sender wrote it (sender's clock)
 * @param senderFingerprint the signing key that signed it (16 bytes of SHA-256, hex)
 * @param recipientFingerprints every recipient it is addressed to (hex)
 * @param chunkSize the plaintext bytes per chunk
 */
public record EnvelopeHeader(
        String label, Instant created, String senderFingerprint, List<String> recipientFingerprints, int chunkSize) {
    public EnvelopeHeader {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(created, "created");
        recipientFingerprints = List.copyOf(recipientFingerprints);
    }
}
