package vn.lachan.security.envelope;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import vn.lachan.security.crypto.signing.SigningKeys;

/** Shared keys and helpers for envelope tests: keys are generated once per test run. */
final class Envelopes {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
    static final KeyPair SENDER = SigningKeys.generate();
    static final KeyPair STRANGER = SigningKeys.generate();
    static final RecipientKeyPair ALICE = RecipientKeyPair.generate();
    static final RecipientKeyPair BOB = RecipientKeyPair.generate();
    static final RecipientKeyPair CAROL = RecipientKeyPair.generate();

    private Envelopes() {}

    static byte[] write(KeyPair sender, byte[] content, int chunkSize, RecipientKeyPair... to) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        List<RecipientPublicKey> recipients =
                java.util.Arrays.stream(to).map(RecipientKeyPair::publicKey).toList();
        try (OutputStream out = new EnvelopeWriter(sender, CLOCK, chunkSize).open(sink, recipients, "test/1")) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.toByteArray();
    }

    static byte[] read(RecipientKeyPair me, byte[] envelope) throws IOException {
        return read(new EnvelopeReader(me, List.of(SENDER.getPublic())), envelope, new ByteArrayOutputStream());
    }

    /** Reads the envelope fully into {@code released}; throws the refusal, if any, after partial output. */
    static byte[] read(EnvelopeReader reader, byte[] envelope, ByteArrayOutputStream released) throws IOException {
        OpenedEnvelope opened = reader.open(new ByteArrayInputStream(envelope), "test.lenv");
        try (InputStream in = opened.content()) {
            byte[] buffer = new byte[100];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                released.write(buffer, 0, n);
            }
        }
        return released.toByteArray();
    }

    static byte[] content(int length, long seed) {
        byte[] bytes = new byte[length];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }
}
