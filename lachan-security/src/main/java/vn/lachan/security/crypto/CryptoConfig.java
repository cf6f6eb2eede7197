package vn.lachan.security.crypto;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures encryption at rest.
 *
 * @param keysDirectory the folder holding the keyring and, unless {@code LACHAN_MASTER_KEY} is set,
 *     the master key files; created with mode 0700 when absent
 * @param dataKeyLifetime how long a data key seals new values before a fresh one takes over (old
 *     values stay readable); at least one hour
 */
public record CryptoConfig(Path keysDirectory, Duration dataKeyLifetime) {
    /** The default data key lifetime: 90 days. */
    public static final Duration DEFAULT_DATA_KEY_LIFETIME = Duration.ofDays(90);

    public CryptoConfig {
        Objects.requireNonNull(keysDirectory, "keysDirectory");
        Objects.requireNonNull(dataKeyLifetime, "dataKeyLifetime");
        if (dataKeyLifetime.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException(
                    "the data key lifetime must be at least one hour, got " + dataKeyLifetime);
        }
    }

    /** Configures the keys folder with the default data key lifetime (90 days). */
    public CryptoConfig(Path keysDirectory) {
        this(keysDirectory, DEFAULT_DATA_KEY_LIFETIME);
    }

    /** Returns the keyring file inside the keys folder. */
    public Path keyringFile() {
        return keysDirectory.resolve("keyring");
    }
}
