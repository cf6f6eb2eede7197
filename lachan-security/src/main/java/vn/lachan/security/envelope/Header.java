package vn.lachan.security.envelope;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelope header body: suite, chunk size, creation time, salt, label, sender key id and one
 * key slot per recipient. Encoded big-endian, lengths prefixed (see docs/adr/0003).
 */
record Header(int chunkSize, long createdMillis, byte[] salt, String label, byte[] senderId, List<Stanza> recipients) {
    static final byte[] MAGIC = {(byte) 0x89, 'L', 'A', 'C', 'H', 'E', 'N', 'V'};
    static final int VERSION = 1;
    static final int SUITE = 1;
    static final int SALT_LENGTH = 32;
    static final int SENDER_ID_LENGTH = 16;
    static final int MAX_BODY = 4 << 20;
    static final int MAX_CHUNK = 16 << 20;
    static final int MAX_RECIPIENTS = 1000;
    static final int MAX_LABEL = 1024;

    /** One recipient's key slot. */
    record Stanza(byte[] recipientId, byte[] ephemeral, byte[] kemCiphertext, byte[] wrappedKey) {}

    Header {
        recipients = List.copyOf(recipients);
        if (chunkSize < 1 || chunkSize > MAX_CHUNK) {
            throw new IllegalArgumentException("the chunk size must be 1 to " + MAX_CHUNK + " bytes, got " + chunkSize);
        }
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException(
                    "an envelope needs 1 to " + MAX_RECIPIENTS + " recipients, got " + recipients.size());
        }
        if (label.getBytes(StandardCharsets.UTF_8).length > MAX_LABEL) {
            throw new IllegalArgumentException("the label is longer than " + MAX_LABEL + " bytes");
        }
    }

    /** Encodes the body (without magic, version and length). */
    byte[] encodeBody() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 1200 * recipients.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(SUITE);
            out.writeInt(chunkSize);
            out.writeLong(createdMillis);
            out.write(salt);
            writeShortBytes(out, label.getBytes(StandardCharsets.UTF_8));
            out.write(senderId);
            out.writeShort(recipients.size());
            for (Stanza stanza : recipients) {
                out.write(stanza.recipientId());
                writeShortBytes(out, stanza.ephemeral());
                writeShortBytes(out, stanza.kemCiphertext());
                writeShortBytes(out, stanza.wrappedKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a body.
     *
     * @throws IllegalArgumentException saying which field is out of range or cut short
     */
    static Header decode(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            int suite = in.get() & 0xff;
            if (suite != SUITE) {
                throw new IllegalArgumentException("unknown algorithm suite " + suite + " (this version reads 1)");
            }
            int chunkSize = in.getInt();
            long created = in.getLong();
            byte[] salt = bytes(in, SALT_LENGTH);
            String label = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(shortBytes(in)))
                    .toString();
            byte[] senderId = bytes(in, SENDER_ID_LENGTH);
            int count = in.getShort() & 0xffff;
            List<Stanza> recipients = new ArrayList<>(Math.min(count, MAX_RECIPIENTS));
            for (int i = 0; i < count; i++) {
                recipients.add(new Stanza(
                        bytes(in, RecipientPublicKey.ID_LENGTH), shortBytes(in), shortBytes(in), shortBytes(in)));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the last key slot");
            }
            return new Header(chunkSize, created, salt, label, senderId, recipients);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the header ends inside a field", e);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the label is not valid UTF-8", e);
        }
    }

    private static void writeShortBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeShort(value.length);
        out.write(value);
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static byte[] shortBytes(ByteBuffer in) {
        return bytes(in, in.getShort() & 0xffff);
    }
}
