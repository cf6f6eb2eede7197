package vn.lachan.app.serve;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lachan.security.envelope.RecipientKeyFiles;
import vn.lachan.security.envelope.RecipientPublicKey;
import vn.lachan.web.ExportEncryption;

/**
 * Reads the {@code exports} section: the recipients an event export may be encrypted to, by name → public key file
 * (written by {@code lachan backup-key}), and whether an export must name one. Every key file is read at start,
 * so a missing or wrong file stops the platform with its name instead of failing the first export.
 */
final class ExportSection {
    private ExportSection() {}

    /**
     * Says to whom exports may be encrypted.
     *
     * @param recipients the public keys by name, in the configured order
     * @param required whether an export that names no recipient is refused
     */
    record Settings(Map<String, RecipientPublicKey> recipients, boolean required) {
        Settings {
            recipients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recipients));
        }

        static Settings none() {
            return new Settings(Map.of(), false);
        }
    }

    /** Returns the settings, reporting problems on {@code exports} (paths relative to {@code base}). */
    static Settings read(Section exports, Path base) {
        Map<String, RecipientPublicKey> recipients = new LinkedHashMap<>();
        exports.entries("recipients").forEach((k, v) -> {
            String name = String.valueOf(k);
            if (!ExportEncryption.validName(name)) {
                exports.problem(
                        "recipients",
                        "'" + name + "' is not a recipient name: 1 to 64 of a-z 0-9 . _ - starting with a letter or"
                                + " digit");
                return;
            }
            if (v == null || v instanceof Map<?, ?> || v instanceof java.util.List<?>) {
                exports.problem("recipients." + name, "must be the path of a public key file (lachan backup-key)");
                return;
            }
            Path file = base.resolve(v.toString());
            if (!Files.isRegularFile(file)) {
                exports.problem("recipients." + name, "no public key file " + file);
                return;
            }
            try {
                recipients.put(name, RecipientKeyFiles.readPublic(file));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                exports.problem("recipients." + name, String.valueOf(e.getMessage()));
            }
        });
        boolean required = exports.flag("require_recipient", false);
        exports.rejectUnknown();
        if (required && recipients.isEmpty()) {
            exports.problem(
                    "require_recipient", "is true but no recipient is registered: add one under exports.recipients");
            required = false;
        }
        return new Settings(recipients, required);
    }
}
