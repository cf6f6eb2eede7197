package vn.lachan.security.crypto;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.crypto.internal.Primitives;

/**
 * Holds the unwrapped data keys in memory: which master key version wraps them on disk, the salt of
 * the key-encryption key, and which data key seals new values. Immutable and thread-safe.
 */
final class Keyring {
    static final int SALT_LENGTH = 32;

    /** One AES-256 data key; {@link #toString} is redacted. */
    record DataKey(int id, Instant created, SecretKey key) {
        @Override
        public String toString() {
            return "DataKey[id=" + id + ", created=" + created + ", key=<redacted>]";
        }
    }

    private final int masterVersion;
    private final byte[] salt;
    private final int current;
    private final SortedMap<Integer, DataKey> keys;

    Keyring(int masterVersion, byte[] salt, int current, SortedMap<Integer, DataKey> keys) {
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("the current data key " + current + " is not in the keyring");
        }
        this.masterVersion = masterVersion;
        this.salt = salt.clone();
        this.current = current;
        this.keys = Collections.unmodifiableSortedMap(new TreeMap<>(keys));
    }

    /** Creates a keyring holding one fresh data key. */
    static Keyring fresh(int masterVersion, Instant now, SecureRandom random) {
        SortedMap<Integer, DataKey> keys = new TreeMap<>();
        keys.put(1, generate(1, now, random));
        return new Keyring(masterVersion, randomSalt(random), 1, keys);
    }

    /** Returns a copy with one more data key, which becomes the one new values are sealed with. */
    Keyring withFreshDataKey(Instant now, SecureRandom random) {
        int id = keys.lastKey() + 1;
        SortedMap<Integer, DataKey> more = new TreeMap<>(keys);
        more.put(id, generate(id, now, random));
        return new Keyring(masterVersion, salt, id, more);
    }

    /** Returns a copy to be wrapped under another master key version, with a fresh salt. */
    Keyring rewrappedFor(int newMasterVersion, SecureRandom random) {
        return new Keyring(newMasterVersion, randomSalt(random), current, keys);
    }

    int masterVersion() {
        return masterVersion;
    }

    byte[] salt() {
        return salt.clone();
    }

    int currentId() {
        return current;
    }

    DataKey currentKey() {
        DataKey key = keys.get(current);
        if (key == null) {
            throw new IllegalStateException("the current data key " + current + " is missing");
        }
        return key;
    }

    @Nullable
    DataKey key(int id) {
        return keys.get(id);
    }

    SortedMap<Integer, DataKey> keys() {
        return keys;
    }

    private static DataKey generate(int id, Instant now, SecureRandom random) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return new DataKey(id, now, Primitives.aesKey(raw));
    }

    private static byte[] randomSalt(SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return salt;
    }
}
