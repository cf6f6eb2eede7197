package vn.lachan.web;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.envelope.RecipientPublicKey;

/**
 * Says to whom event exports may be encrypted: the recipients registered by name (hybrid X25519 + ML-KEM-768
 * public keys, from {@code lachan backup-key}), the platform's ML-DSA-65 key that signs every encrypted export,
 * and whether a plain export is refused.
 *
 * @param signer the key pair encrypted exports are signed with, or null when no recipient is registered
 * @param recipients the registered recipients by name ({@code [a-z0-9._-]}, 1 to 64 characters), in the
 *     order they were configured
 * @param required whether every export must be encrypted to at least one recipient
 */
public record ExportEncryption(@Nullable KeyPair signer, Map<String, RecipientPublicKey> recipients, boolean required) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public ExportEncryption {
        recipients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recipients));
        for (String name : recipients.keySet()) {
            if (!validName(name)) {
                throw new IllegalArgumentException("an export recipient's name is 1 to 64 of a-z 0-9 . _ -"
                        + " starting with a letter or digit, not '" + name + "'");
            }
        }
        if (!recipients.isEmpty()) {
            Objects.requireNonNull(signer, "encrypted exports need a signing key");
        }
        if (required && recipients.isEmpty()) {
            throw new IllegalArgumentException(
                    "exports cannot be required to be encrypted when no recipient is registered");
        }
    }

    /** Returns whether {@code name} may name a recipient: 1 to 64 of a-z 0-9 . _ -, starting with a letter or digit. */
    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Returns the setting with no recipient: every export is plain (over HTTPS when the server serves it). */
    public static ExportEncryption none() {
        return new ExportEncryption(null, Map.of(), false);
    }

    /** Returns whether {@code name} is a registered recipient's name. */
    public boolean knows(String name) {
        return recipients.containsKey(name);
    }
}
