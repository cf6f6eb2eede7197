package vn.lachan.security.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import vn.lachan.security.internal.Base32;

/**
 * Issues one-use recovery codes for when the authenticator is lost, and hashes codes for storage.
 *
 * <p>Each code carries 80 random bits ({@code abcd-efgh-ijkl-mnop}, base32), so a plain SHA-256
 * suffices to store it: guessing is hopeless, unlike with passwords. The store deletes a code's
 * hash when it is used, which makes each code work once. Thread-safe.
 */
public final class RecoveryCodes {
    /** How many codes one issue gives. */
    public static final int COUNT = 10;

    private static final int CODE_BYTES = 10;

    private final SecureRandom random;

    /** Creates an issuer drawing from {@code random}. */
    public RecoveryCodes(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Returns {@link #COUNT} fresh codes to show the user once. */
    public List<String> issue() {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < COUNT) {
            byte[] bytes = new byte[CODE_BYTES];
            random.nextBytes(bytes);
            String raw = Base32.encode(bytes).toLowerCase(Locale.ROOT);
            codes.add(raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-"
                    + raw.substring(12, 16));
        }
        return new ArrayList<>(codes);
    }

    /** Returns the hex SHA-256 to store for a code, ignoring case, spaces and dashes as typed. */
    public static String hash(String code) {
        String normalized = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
