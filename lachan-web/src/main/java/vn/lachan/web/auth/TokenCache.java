package vn.lachan.web.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Principal;

/**
 * Remembers, for a few seconds, the API tokens that just passed verification, so that a machine sending many
 * requests costs one database look-up per {@link #TTL_NANOS} instead of one per request.
 *
 * <p>The price: a revoked or expired token keeps working on this node for at most that long. Keys are the
 * SHA-256 of the token, never the token. Refusals are never cached (each is verified and audited). Bounded:
 * beyond {@link #CAPACITY} entries the cache starts over. Thread-safe.
 */
final class TokenCache {
    static final long TTL_NANOS = 5_000_000_000L;
    static final int CAPACITY = 10_000;

    private record Entry(Principal principal, long until) {}

    /** The SHA-256 of a token as four longs: cheaper to hash and compare than its hex form, and never the token. */
    private record Key(long a, long b, long c, long d) {
        @Override
        public int hashCode() {
            return Long.hashCode(a); // the bits of a digest are evenly spread already
        }
    }

    // looked up once: MessageDigest.getInstance searches the providers on every call, a good part of a cache hit
    private static final MessageDigest SHA_256 = sha256();

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    /** Returns the principal of a token verified less than the TTL ago, or null. */
    @Nullable
    Principal get(String token) {
        Key key = key(token);
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.until() > 0) {
            entries.remove(key, e);
            return null;
        }
        return e.principal();
    }

    /** Remembers a token that just passed verification. */
    void put(String token, Principal principal) {
        if (entries.size() >= CAPACITY) {
            entries.clear();
        }
        entries.put(key(token), new Entry(principal, System.nanoTime() + TTL_NANOS));
    }

    private static Key key(String token) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256();
        }
        ByteBuffer sum = ByteBuffer.wrap(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        return new Key(sum.getLong(), sum.getLong(), sum.getLong(), sum.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
