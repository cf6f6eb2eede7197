package vn.lachan.security.mfa;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import vn.lachan.security.internal.Base32;

/**
 * Issues TOTP secrets and checks codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).
 *
 * <p>A code is accepted for the current step and one step either side, to absorb clock drift and
 * typing time. This class does not remember used steps: the caller records the returned step with
 * {@code UserStore.acceptTotpStep}, which refuses a step not newer than the last one, so a code
 * cannot be replayed. Thread-safe.
 */
public final class Totp {
    /** The issuer shown by authenticator apps. */
    public static final String ISSUER = "Lachan";
    /** The secret length: 160 bits, as RFC 4226 recommends for HMAC-SHA1. */
    public static final int SECRET_BYTES = 20;

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int WINDOW = 1;

    private final Clock clock;
    private final SecureRandom random;
    private final TimeBasedOneTimePasswordGenerator generator;
    private final int digits;

    /** Creates a checker for 6-digit codes reading the time from {@code clock}. */
    public Totp(Clock clock, SecureRandom random) {
        this(clock, random, 6);
    }

    Totp(Clock clock, SecureRandom random, int digits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.digits = digits;
        this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits);
    }

    /** Returns a fresh 160-bit secret. */
    public byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** Returns the {@code otpauth://} URI an authenticator app reads from a QR code. */
    public String uri(String username, byte[] secret) {
        String label = encode(ISSUER + ":" + username);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + digits + "&period=" + STEP.toSeconds();
    }

    /**
     * Returns the time step whose code equals {@code code}, looking at the current step and one either
     * side; empty when none matches or the code is not {@code digits} digits. Every candidate is
     * compared, in constant time, whatever matched first.
     */
    public OptionalLong matchingStep(byte[] secret, String code) {
        String typed = code.strip();
        if (typed.length() != digits || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long now = stepOf(clock.instant());
        long found = -1;
        for (long step = now - WINDOW; step <= now + WINDOW; step++) {
            boolean equal = MessageDigest.isEqual(
                    code(secret, step).getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII));
            found = equal && found < 0 ? step : found;
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** Returns the code for a time step (for tests and enrolment checks). */
    String code(byte[] secret, long step) {
        try {
            return generator.generateOneTimePasswordString(
                    new SecretKeySpec(secret, "HmacSHA1"), Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable TOTP secret of " + secret.length + " bytes", e);
        }
    }

    /** Returns the time step an instant falls in. */
    public static long stepOf(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP.toSeconds());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
