package vn.lachan.security.envelope;

import java.io.InputStream;

/**
 * Holds an envelope whose signer and recipient slot checked out: its header, and the content to read.
 *
 * @param header the authenticated header
 * @param content the plaintext; a read throws {@link EnvelopeException} on any alteration, and
 *     reaches the end only once the closing signature verified. Close it when done.
 */
public record OpenedEnvelope(EnvelopeHeader header, InputStream content) {}
