package vn.lachan.security.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Holds one version of the 256-bit master key, the root of the key hierarchy.
 *
 * <p>The key bytes never leave this class except to derive key-encryption keys inside this package:
 * {@link #toString} is redacted and no message built here contains them. Immutable and thread-safe.
 */
public final class MasterKey {
    /** The key length in bytes (256 bits). */
    public static final int LENGTH = 32;

    private final int version;
    private final byte[] key;

    private MasterKey(int version, byte[] key) {
        if (version < 1) {
            throw new IllegalArgumentException("a master key version starts at 1, got " + version);
        }
        if (key.length != LENGTH) {
            throw new SealException(
                    "a master key must be " + LENGTH + " bytes (256 bits), this one has " + key.length + " bytes");
        }
        this.version = version;
        this.key = key.clone();
    }

    /** Generates a fresh random master key of the given version. */
    public static MasterKey generate(int version, SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new MasterKey(version, bytes);
    }

    /**
     * Parses a master key as written in {@code LACHAN_MASTER_KEY} or a key file: {@code BASE64}
     * (version 1 unless {@code defaultVersion} says otherwise) or {@code v<N>:BASE64}.
     *
     * @param origin where the text came from, for error messages (never the text itself)
     * @throws SealException when the text is not a 256-bit key in base64
     */
    public static MasterKey parse(String text, int defaultVersion, String origin) {
        String trimmed = text.strip();
        int version = defaultVersion;
        int colon = trimmed.indexOf(':');
        if (colon > 0 && trimmed.charAt(0) == 'v') {
            version = parseVersion(trimmed.substring(1, colon), origin);
            trimmed = trimmed.substring(colon + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character, so it is not passed on.
            throw new SealException("the master key in " + origin + " is not valid base64");
        }
        try {
            return new MasterKey(version, bytes);
        } catch (SealException e) {
            throw new SealException(e.getMessage() + " (in " + origin + ")");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Returns the version: 1 for the first key, one more at each rotation. */
    public int version() {
        return version;
    }

    /** Returns the key as {@code v<N>:BASE64}, the form {@link #parse} reads; handle with care. */
    public String export() {
        return "v" + version + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** Returns a copy of the key bytes, for key derivation inside this package only. */
    byte[] bytes() {
        return key.clone();
    }

    /** Returns a redacted description: the version only. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MasterKey[version=%d, key=<redacted>]", version);
    }

    private static int parseVersion(String digits, String origin) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new SealException("the master key in " + origin + " has a bad version prefix: expected v<N>:BASE64");
        }
    }
}
