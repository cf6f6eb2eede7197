package vn.lachan.security.crypto;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reports a completed rotation of the master key.
 *
 * @param previousVersion the master key version that wrapped the keyring before
 * @param newVersion the master key version that wraps it now
 * @param rewrappedDataKeys how many data keys were rewrapped (all of them: old values stay readable)
 * @param newDataKeyId the data key that seals new values from now on
 * @param newKeyFile the file the new master key was written to, or {@code null} when the caller
 *     supplied it (environment mode: set {@code LACHAN_MASTER_KEY} to it before the next start)
 */
public record RotationReport(
        int previousVersion,
        int newVersion,
        int rewrappedDataKeys,
        int newDataKeyId,
        @Nullable Path newKeyFile) {

    /** Returns the new master key file, when this rotation wrote one. */
    public Optional<Path> keyFile() {
        return Optional.ofNullable(newKeyFile);
    }
}
