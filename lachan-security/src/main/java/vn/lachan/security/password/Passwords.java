package vn.lachan.security.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import vn.lachan.core.problem.Problem;

/**
 * Hashes and checks passwords with Argon2id and judges new passwords against the policy.
 *
 * <p>Hashes are PHC strings ({@code $argon2id$v=19$m=65536,t=3,p=1$salt$hash}) with a 16-byte
 * random salt and a 32-byte output, so a stored hash carries its own parameters and old hashes keep
 * verifying after the parameters change ({@link #needsRehash} says when to replace them). Thread-safe.
 */
public final class Passwords {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Settings settings;
    private final SecureRandom random;
    private final String dummyHash;

    /** Creates a hasher that writes new hashes with {@code settings}. */
    public Passwords(Argon2Settings settings, SecureRandom random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        this.dummyHash = hash("lachan-dummy-password-for-unknown-users");
    }

    /** Returns the Argon2id PHC string of {@code password}, with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PhcString(settings, salt, derive(password, settings, salt, HASH_BYTES)).format();
    }

    /**
     * Returns whether {@code password} matches the stored PHC string; false for a string that is not
     * a valid Argon2id hash. The comparison of the derived bytes takes constant time.
     */
    public boolean verify(String password, String storedHash) {
        Optional<PhcString> parsed = PhcString.parse(storedHash);
        if (parsed.isEmpty()) {
            return false;
        }
        PhcString phc = parsed.get();
        byte[] candidate = derive(password, phc.settings(), phc.salt(), phc.hash().length);
        return MessageDigest.isEqual(candidate, phc.hash());
    }

    /**
     * Spends the same time as {@link #verify} on a password for an account that does not exist, so
     * that the answer's timing does not reveal which usernames exist. Always returns false.
     */
    public boolean verifyDummy(String password) {
        verify(password, dummyHash);
        return false;
    }

    /** Returns whether a stored hash was made with other parameters than today's (or is unreadable). */
    public boolean needsRehash(String storedHash) {
        return PhcString.parse(storedHash)
                .map(phc -> !phc.settings().equals(settings) || phc.hash().length != HASH_BYTES)
                .orElse(true);
    }

    /** Returns what is wrong with a new password for this username (empty when it is acceptable). */
    public static List<Problem> check(String username, String password) {
        return PasswordPolicy.check(username, password);
    }

    private static byte[] derive(String password, Argon2Settings s, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(s.memoryKib())
                .withIterations(s.iterations())
                .withParallelism(s.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
