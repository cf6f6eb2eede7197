package vn.lachan.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import vn.lachan.security.crypto.Sealer;

/**
 * Keeps a 256-bit random secret (such as the CSRF key) in a file, sealed under the key hierarchy: drawn
 * at the first start, read back afterwards, so that what it protects survives a restart.
 */
final class SecretFile {
    private SecretFile() {}

    static byte[] loadOrCreate(Path file, Sealer sealer, String context) {
        try {
            if (Files.exists(file)) {
                return sealer.open(Files.readAllBytes(file), context);
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(
                    file.getParent(),
                    "secret",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, sealer.seal(secret, context));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secret " + file, e);
        }
    }
}
