package vn.lachan.security.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Encodes records and checkpoints unambiguously for hashing and signing: a version tag, then each
 * field in a fixed order, strings as a 4-byte length (−1 for null) and their UTF-8 bytes, so no two
 * different records share an encoding.
 */
final class Canonical {
    private static final String RECORD_TAG = "lachan.audit.record.v1";
    private static final String CHECKPOINT_TAG = "lachan.audit.checkpoint.v1";

    private Canonical() {}

    /** Returns the hex SHA-256 a record with these fields must carry. */
    static String recordHash(AuditRecord r, long sequence) {
        Encoder e = new Encoder(RECORD_TAG);
        e.number(sequence);
        e.instant(r.time());
        e.text(r.actor());
        e.text(r.action());
        e.text(r.target());
        e.text(uuid(r.organization()));
        e.text(r.sourceAddress());
        e.text(r.outcome().name());
        Map<String, String> details = new TreeMap<>(r.details());
        e.number(details.size());
        details.forEach((key, value) -> {
            e.text(key);
            e.text(value);
        });
        e.text(r.previousHash());
        return HexFormat.of().formatHex(sha256(e.bytes()));
    }

    /** Returns the bytes a checkpoint's signature covers. */
    static byte[] checkpointBytes(long sequence, String hash, Instant time, String keyId) {
        Encoder e = new Encoder(CHECKPOINT_TAG);
        e.number(sequence);
        e.text(hash);
        e.instant(time);
        e.text(keyId);
        return e.bytes();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static @Nullable String uuid(@Nullable UUID id) {
        return id == null ? null : id.toString();
    }

    private static final class Encoder {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        private final DataOutputStream out = new DataOutputStream(buffer);

        Encoder(String tag) {
            text(tag);
        }

        void number(long value) {
            write(() -> out.writeLong(value));
        }

        void instant(Instant time) {
            write(() -> {
                out.writeLong(time.getEpochSecond());
                out.writeInt(time.getNano());
            });
        }

        void text(@Nullable String value) {
            write(() -> {
                if (value == null) {
                    out.writeInt(-1);
                    return;
                }
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            });
        }

        byte[] bytes() {
            return buffer.toByteArray();
        }

        private static void write(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory failed", e);
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
