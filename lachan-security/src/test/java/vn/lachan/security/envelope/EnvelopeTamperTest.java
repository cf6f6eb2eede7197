package vn.lachan.security.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.lachan.security.envelope.Envelopes.ALICE;
import static vn.lachan.security.envelope.Envelopes.SENDER;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lachan.security.envelope.EnvelopeException.Reason;

/** Alters a small envelope in every way and checks each alteration is refused for the right reason. */
class EnvelopeTamperTest {
    private static final int CHUNK = 64;
    private static final byte[] CONTENT = Envelopes.content(3 * CHUNK + 8, 42);
    private static final int FULL_FRAME = 4 + CHUNK + 16;
    private static final int LAST_FRAME = 4 + 8 + 16;

    private static byte[] envelope = new byte[0];
    private static EnvelopeReader reader = new EnvelopeReader(ALICE, List.of(SENDER.getPublic()));
    private static int bodyStart;
    private static int chunksStart;
    private static int trailerStart;

    @BeforeAll
    static void writeOnce() {
        envelope = Envelopes.write(SENDER, CONTENT, CHUNK, ALICE);
        bodyStart = 13;
        int bodyLength = java.nio.ByteBuffer.wrap(envelope, 9, 4).getInt();
        chunksStart = bodyStart + bodyLength + 2 + 3309;
        trailerStart = chunksStart + 3 * FULL_FRAME + LAST_FRAME;
        assertThat(envelope.length).isEqualTo(trailerStart + 2 + 3309);
    }

    @Test
    void everyAlteredByteIsRefusedForTheReasonOfItsRegion() {
        int refused = 0;
        for (int offset = 0; offset < envelope.length; offset++) {
            byte[] bad = envelope.clone();
            bad[offset] ^= (byte) (1 << (offset % 8));
            ByteArrayOutputStream released = new ByteArrayOutputStream();
            EnvelopeException e = refusal(bad, released);
            assertThat(e).as("offset %d was not refused", offset).isNotNull();
            assertThat(e.reason()).as("offset %d: %s", offset, e.getMessage()).isIn(expected(offset));
            assertReleasedOnlyTrustedContent(released.toByteArray(), offset);
            refused++;
        }
        assertThat(refused).isEqualTo(envelope.length);
    }

    @Test
    void aTamperedChunkIsNamedAndNothingFromItIsReleased() {
        byte[] bad = envelope.clone();
        int chunkTwo = chunksStart + 2 * FULL_FRAME;
        bad[chunkTwo + 10] ^= 0x01;
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        EnvelopeException e = refusal(bad, released);
        assertThat(e.reason()).isEqualTo(Reason.TAMPERED_CHUNK);
        assertThat(e.problem().location()).isEqualTo(String.format("chunk 2 at offset 0x%x", chunkTwo));
        assertThat(released.toByteArray()).isEqualTo(Arrays.copyOf(CONTENT, 2 * CHUNK));
    }

    @Test
    void everyTruncationIsRefusedAsTruncated() {
        int tested = 0;
        for (int length = 0; length < envelope.length; length++) {
            // Inside the two 3309-byte signatures every 17th length is enough: they are read as one block.
            boolean inSignature = (length > chunksStart - 3309 && length < chunksStart) || length > trailerStart + 2;
            if (inSignature && length % 17 != 0) {
                continue;
            }
            tested++;
            EnvelopeException e = refusal(Arrays.copyOf(envelope, length), new ByteArrayOutputStream());
            assertThat(e).as("length %d", length).isNotNull();
            assertThat(e.reason()).as("length %d: %s", length, e.getMessage()).isEqualTo(Reason.TRUNCATED);
        }
        assertThat(tested).isGreaterThan(1500);
    }

    @Test
    void appendedBytesAreRefused() {
        byte[] longer = Arrays.copyOf(envelope, envelope.length + 5);
        EnvelopeException e = refusal(longer, new ByteArrayOutputStream());
        assertThat(e.reason()).isEqualTo(Reason.APPENDED_DATA);
        assertThat(e.getMessage()).contains("5 bytes follow the closing signature");
    }

    @Test
    void swappedDroppedDuplicatedOrRelabelledChunksAreRefusedAtTheFirstOneOutOfPlace() {
        byte[][] frames = frames();
        assertChunkRefused(join(frames[0], frames[2], frames[1], frames[3]), 1);
        assertChunkRefused(join(frames[0], frames[2], frames[3]), 1);
        assertChunkRefused(join(frames[0], frames[0], frames[1], frames[2], frames[3]), 1);
        byte[] notLast = frames[3].clone();
        notLast[0] &= 0x7f;
        assertChunkRefused(join(frames[0], frames[1], frames[2], notLast), 3);
        byte[] early = frames[1].clone();
        early[0] |= (byte) 0x80;
        assertChunkRefused(join(frames[0], early, frames[2], frames[3]), 1);
    }

    @Test
    void chunksFromAnotherEnvelopeOfTheSameSenderAreRefused() {
        byte[] other = Envelopes.write(SENDER, CONTENT, CHUNK, ALICE);
        byte[] spliced = envelope.clone();
        System.arraycopy(other, chunksStart, spliced, chunksStart, envelope.length - chunksStart);
        assertThat(refusal(spliced, new ByteArrayOutputStream()).reason()).isEqualTo(Reason.TAMPERED_CHUNK);
    }

    @Test
    void droppingTheFinalChunkAndSignatureIsTruncation() {
        byte[] cut = Arrays.copyOf(envelope, chunksStart + 3 * FULL_FRAME);
        EnvelopeException e = refusal(cut, new ByteArrayOutputStream());
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.getMessage()).contains("ends after 3 chunks without the final chunk");
    }

    private void assertChunkRefused(byte[] chunks, int index) {
        byte[] altered = join(
                Arrays.copyOf(envelope, chunksStart),
                chunks,
                Arrays.copyOfRange(envelope, trailerStart, envelope.length));
        EnvelopeException e = refusal(altered, new ByteArrayOutputStream());
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.TAMPERED_CHUNK);
        assertThat(e.problem().location()).startsWith("chunk " + index + " ");
    }

    private static Set<Reason> expected(int offset) {
        int labelLength = 6; // "test/1"
        int senderId = bodyStart + 45 + 2 + labelLength;
        if (offset < 8) {
            return Set.of(Reason.NOT_AN_ENVELOPE);
        } else if (offset == 8) {
            return Set.of(Reason.UNSUPPORTED_VERSION);
        } else if (offset < bodyStart) {
            return Set.of(Reason.MALFORMED, Reason.TRUNCATED);
        } else if (offset >= senderId && offset < senderId + 16) {
            return Set.of(Reason.UNKNOWN_SIGNER);
        } else if (offset < chunksStart - 3311) {
            return Set.of(Reason.MALFORMED, Reason.TAMPERED_HEADER);
        } else if (offset < chunksStart) {
            return Set.of(Reason.TAMPERED_HEADER);
        } else if (offset < trailerStart) {
            return Set.of(Reason.TAMPERED_CHUNK);
        } else if (offset < trailerStart + 2) {
            return Set.of(Reason.BAD_SIGNATURE, Reason.TRUNCATED);
        }
        return Set.of(Reason.BAD_SIGNATURE);
    }

    /** Whatever was released before a refusal is a prefix of the content, never past an altered chunk. */
    private static void assertReleasedOnlyTrustedContent(byte[] released, int offset) {
        assertThat(released).isEqualTo(Arrays.copyOf(CONTENT, released.length));
        if (offset >= chunksStart && offset < trailerStart) {
            int chunk = (offset - chunksStart) / FULL_FRAME;
            assertThat(released.length).as("offset %d", offset).isLessThanOrEqualTo(chunk * CHUNK);
        }
        if (offset >= trailerStart) {
            assertThat(released.length).isEqualTo(3 * CHUNK);
        }
    }

    private static EnvelopeException refusal(byte[] data, ByteArrayOutputStream released) {
        return catchThrowableOfType(EnvelopeException.class, () -> Envelopes.read(reader, data, released));
    }

    private static byte[][] frames() {
        byte[][] frames = new byte[4][];
        for (int i = 0; i < 3; i++) {
            int start = chunksStart + i * FULL_FRAME;
            frames[i] = Arrays.copyOfRange(envelope, start, start + FULL_FRAME);
        }
        frames[3] = Arrays.copyOfRange(envelope, chunksStart + 3 * FULL_FRAME, trailerStart);
        return frames;
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
