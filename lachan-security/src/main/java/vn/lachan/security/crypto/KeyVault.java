package vn.lachan.security.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.security.crypto.internal.Primitives;

/**
 * Keeps the key hierarchy (master key → key-encryption key by HKDF → AES-256 data keys wrapped in
 * the keyring file) and seals values with the current data key.
 *
 * <p>A sealed value is {@code 0x01 ‖ data-key id (4 bytes, big-endian) ‖ nonce (12 random bytes) ‖
 * AES-256-GCM ciphertext ‖ tag (16 bytes)}, with the first five bytes and the UTF-8 context as
 * associated data. {@link #rotate} rewraps every data key under a new master key version and starts
 * a fresh data key, while this instance keeps serving: values sealed before stay readable.
 *
 * <p>Thread-safe: sealing and opening read an immutable snapshot; rotations are serialized.
 */
public final class KeyVault implements Sealer {
    private static final Logger LOG = LoggerFactory.getLogger(KeyVault.class);
    private static final byte FORMAT_VERSION = 1;
    private static final int HEADER_LENGTH = 5;
    private static final int OVERHEAD = HEADER_LENGTH + Primitives.NONCE_LENGTH + Primitives.TAG_LENGTH;

    private record State(MasterKey master, Keyring ring) {}

    private final Path keyringFile;
    private final java.time.Duration dataKeyLifetime;
    private final MasterKeySource masterKeys;
    private final Clock clock;
    private final SecureRandom random;
    private volatile State state;

    private KeyVault(CryptoConfig config, MasterKeySource masterKeys, Clock clock, SecureRandom random) {
        this.keyringFile = config.keyringFile();
        this.dataKeyLifetime = config.dataKeyLifetime();
        this.masterKeys = masterKeys;
        this.clock = clock;
        this.random = random;
        this.state = load();
    }

    /**
     * Opens the key hierarchy in {@code config.keysDirectory()}, creating the master key file and the
     * keyring on first start.
     *
     * @param environment the process environment ({@code System.getenv()}); {@code LACHAN_MASTER_KEY}
     *     in it (base64, optionally prefixed {@code v<N>:}) takes precedence over key files
     * @throws SealException when the master key does not open the keyring, or key files are exposed
     */
    public static KeyVault open(CryptoConfig config, Map<String, String> environment, Clock clock) {
        return new KeyVault(
                config, new MasterKeySource(config.keysDirectory(), environment), clock, new SecureRandom());
    }

    @Override
    public byte[] seal(byte[] plaintext, String context) {
        Keyring.DataKey key = state.ring().currentKey();
        if (expired(key)) {
            key = rollOver();
        }
        byte[] header = header(key.id());
        byte[] nonce = new byte[Primitives.NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] sealed = Primitives.seal(key.key(), nonce, aad(header, context), plaintext);
        return ByteBuffer.allocate(HEADER_LENGTH + nonce.length + sealed.length)
                .put(header)
                .put(nonce)
                .put(sealed)
                .array();
    }

    @Override
    public byte[] open(byte[] sealed, String context) {
        if (sealed.length < OVERHEAD) {
            throw new SealException("the sealed value for context '" + context + "' is too short (" + sealed.length
                    + " bytes, at least " + OVERHEAD + "): it was truncated or is not a sealed value");
        }
        if (sealed[0] != FORMAT_VERSION) {
            throw new SealException(String.format(
                    java.util.Locale.ROOT,
                    "the sealed value for context '%s' has format version 0x%02x; this version reads 0x%02x",
                    context,
                    sealed[0],
                    FORMAT_VERSION));
        }
        int id = ByteBuffer.wrap(sealed, 1, 4).getInt();
        Keyring.DataKey key = state.ring().key(id);
        if (key == null) {
            throw new SealException("the sealed value for context '" + context + "' names data key " + id
                    + ", which keyring " + keyringFile + " does not hold");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, HEADER_LENGTH, HEADER_LENGTH + Primitives.NONCE_LENGTH);
        int offset = HEADER_LENGTH + Primitives.NONCE_LENGTH;
        byte[] plain = Primitives.open(
                key.key(),
                nonce,
                aad(Arrays.copyOf(sealed, HEADER_LENGTH), context),
                sealed,
                offset,
                sealed.length - offset);
        if (plain == null) {
            throw new SealException("the sealed value for context '" + context
                    + "' does not open: it was altered, or it was sealed for another context");
        }
        return plain;
    }

    /**
     * Rotates the master key to a newly generated version written to {@code master-v<N>.key}.
     *
     * @throws IllegalStateException when the master key comes from the environment (use {@link
     *     #rotate(MasterKey)})
     */
    public RotationReport rotate() {
        synchronized (this) {
            int version = Math.max(state.master().version(), masterKeys.highestFileVersion()) + 1;
            MasterKey next = masterKeys.create(version, random);
            return rotateTo(next, masterKeys.file(version));
        }
    }

    /**
     * Rotates the master key to {@code next}, supplied by the caller (environment mode).
     *
     * @throws IllegalArgumentException when {@code next} is not a later version than the current one
     */
    public RotationReport rotate(MasterKey next) {
        synchronized (this) {
            return rotateTo(next, null);
        }
    }

    /** Starts a fresh data key for new values, keeping the master key; returns its id. */
    public int rotateDataKey() {
        synchronized (this) {
            State current = state;
            Keyring ring = current.ring().withFreshDataKey(clock.instant(), random);
            persist(ring, current.master());
            state = new State(current.master(), ring);
            LOG.info("Started data key {} in keyring {}", ring.currentId(), keyringFile);
            return ring.currentId();
        }
    }

    private boolean expired(Keyring.DataKey key) {
        return !key.created().plus(dataKeyLifetime).isAfter(clock.instant());
    }

    /** Starts a fresh data key unless another thread just did; sealing continues meanwhile. */
    private Keyring.DataKey rollOver() {
        synchronized (this) {
            if (expired(state.ring().currentKey())) {
                rotateDataKey();
            }
            return state.ring().currentKey();
        }
    }

    /** Returns the master key version and data keys in use, without any key material. */
    public KeyringStatus status() {
        State current = state;
        return new KeyringStatus(
                keyringFile,
                current.master().version(),
                current.ring().currentId(),
                current.ring().keys().size(),
                masterKeys.fromEnvironment());
    }

    /** Returns a description without key material. */
    @Override
    public String toString() {
        return "KeyVault[" + keyringFile + ", master key version "
                + state.master().version() + "]";
    }

    private RotationReport rotateTo(MasterKey next, @Nullable Path newKeyFile) {
        State current = state;
        int previous = current.master().version();
        if (next.version() <= previous) {
            throw new IllegalArgumentException(
                    "the new master key must have a version above " + previous + ", got " + next.version());
        }
        Keyring ring = current.ring().rewrappedFor(next.version(), random).withFreshDataKey(clock.instant(), random);
        persist(ring, next);
        state = new State(next, ring);
        LOG.info(
                "Rotated keyring {} from master key version {} to {}; rewrapped {} data keys, new data key {}",
                keyringFile,
                previous,
                next.version(),
                current.ring().keys().size(),
                ring.currentId());
        return new RotationReport(
                previous, next.version(), current.ring().keys().size(), ring.currentId(), newKeyFile);
    }

    private State load() {
        if (Files.isRegularFile(keyringFile)) {
            KeyringFile.Parsed parsed = KeyringFile.parse(read(keyringFile), keyringFile);
            MasterKey master = masterKeys.load(parsed.masterVersion());
            return new State(master, KeyringFile.open(parsed, master, keyringFile));
        }
        if (masterKeys.highestFileVersion() > 0) {
            throw new SealException("keys folder " + keyringFile.getParent() + " holds master key files but no keyring;"
                    + " restore " + keyringFile + " from a backup (a new keyring could not open existing data)");
        }
        MasterKey master = masterKeys.fromEnvironment() ? masterKeys.load(1) : masterKeys.create(1, random);
        Keyring ring = Keyring.fresh(master.version(), clock.instant(), random);
        persist(ring, master);
        LOG.info("Created keyring {} under master key version {}", keyringFile, master.version());
        return new State(master, ring);
    }

    private void persist(Keyring ring, MasterKey master) {
        vn.lachan.security.crypto.internal.SecureFiles.writeAtomically(
                keyringFile, KeyringFile.write(ring, master, random), true);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keyring " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] header(int id) {
        return ByteBuffer.allocate(HEADER_LENGTH).put(FORMAT_VERSION).putInt(id).array();
    }

    private static byte[] aad(byte[] header, String context) {
        byte[] text = Objects.requireNonNull(context, "context").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + text.length)
                .put(header)
                .put(text)
                .array();
    }
}
