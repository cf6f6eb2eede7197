package vn.lachan.alert.index;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Encodes the last sort values of a page (lastSeen, id) as an opaque cursor and checks it on the way
 * back: base64url of the values followed by 128 bits of HMAC-SHA256 under the index's own key, so an
 * edited or truncated cursor is refused instead of silently paging from a made-up place. Thread-safe.
 */
final class Cursors {
    private static final int MAC_BYTES = 16;
    private static final int SHOWN = 80;
    private final SecretKeySpec key;

    Cursors(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    String encode(FieldDoc last) {
        long lastSeen = (Long) last.fields[0];
        BytesRef id = (BytesRef) last.fields[1];
        ByteBuffer payload = ByteBuffer.allocate(Long.BYTES + id.length);
        payload.putLong(lastSeen).put(id.bytes, id.offset, id.length);
        byte[] body = payload.array();
        byte[] all = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac(body), 0, all, body.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    /**
     * Returns the sort values after which the next page starts: lastSeen (a {@code Long}) and id (a
     * {@code BytesRef}).
     *
     * @throws IllegalArgumentException naming the cursor when it is malformed or was altered
     */
    Object[] decode(String cursor) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw refused(cursor, "it is not base64url text");
        }
        if (all.length < Long.BYTES + MAC_BYTES) {
            throw refused(cursor, "it is too short");
        }
        byte[] body = Arrays.copyOf(all, all.length - MAC_BYTES);
        byte[] tag = Arrays.copyOfRange(all, body.length, all.length);
        if (!MessageDigest.isEqual(tag, Arrays.copyOf(mac(body), MAC_BYTES))) {
            throw refused(cursor, "it was altered or comes from another alert index");
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        long lastSeen = buffer.getLong();
        try {
            String id = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
            return new Object[] {lastSeen, new BytesRef(id)};
        } catch (CharacterCodingException e) {
            throw refused(cursor, "its id is not UTF-8");
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute HmacSHA256", e);
        }
    }

    private static IllegalArgumentException refused(String cursor, String why) {
        String shown = cursor.length() > SHOWN ? cursor.substring(0, SHOWN) + "…" : cursor;
        return new IllegalArgumentException("bad alert cursor '" + shown + "': " + why
                + "; pass the nextCursor of the previous page unchanged, or none for the first page");
    }
}
