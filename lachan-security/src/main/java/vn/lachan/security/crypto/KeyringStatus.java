package vn.lachan.security.crypto;

import java.nio.file.Path;

/**
 * Describes the key hierarchy in use, without key material.
 *
 * @param keyringFile the keyring file
 * @param masterKeyVersion the master key version wrapping the keyring
 * @param currentDataKey the data key that seals new values
 * @param dataKeys how many data keys the keyring holds (old ones still open old values)
 * @param masterKeyFromEnvironment whether the master key came from {@code LACHAN_MASTER_KEY}
 */
public record KeyringStatus(
        Path keyringFile, int masterKeyVersion, int currentDataKey, int dataKeys, boolean masterKeyFromEnvironment) {}
