package vn.lachan.security.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import vn.lachan.security.crypto.internal.Primitives;

/**
 * Reads and writes the keyring file: a short UTF-8 text naming the master key version, a salt, a
 * key-check value, each data key wrapped with AES-256-GCM under a key-encryption key derived by
 * HKDF from the master key, and an HMAC over everything before it.
 *
 * <pre>
 * lachan-keyring 1
 * master-version 2
 * salt BASE64(32 bytes)
 * check BASE64(HKDF(master, salt, "lachan/keyring/v1/check", 16))
 * current 3
 * key 1 2026-01-01T00:00:00Z BASE64(nonce ‖ wrapped key ‖ tag)
 * mac BASE64(HMAC-SHA256 of every line above, newlines included)
 * </pre>
 */
final class KeyringFile {
    private static final String MAGIC = "lachan-keyring 1";

    private KeyringFile() {}

    /** The parsed but not yet authenticated lines of a keyring file. */
    record Parsed(
            int masterVersion,
            byte[] salt,
            byte[] check,
            int current,
            List<WrappedKey> keys,
            String signed,
            byte[] mac) {}

    /** One data key as stored: id, creation time and nonce ‖ ciphertext ‖ tag. */
    record WrappedKey(int id, Instant created, byte[] wrapped) {}

    /** Serializes {@code ring}, wrapping every data key under {@code master}. */
    static byte[] write(Keyring ring, MasterKey master, SecureRandom random) {
        Derived derived = Derived.of(master, ring.salt());
        var b64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder();
        out.append(MAGIC).append('\n');
        out.append("master-version ").append(ring.masterVersion()).append('\n');
        out.append("salt ").append(b64.encodeToString(ring.salt())).append('\n');
        out.append("check ").append(b64.encodeToString(derived.check())).append('\n');
        out.append("current ").append(ring.currentId()).append('\n');
        for (Keyring.DataKey key : ring.keys().values()) {
            byte[] nonce = new byte[Primitives.NONCE_LENGTH];
            random.nextBytes(nonce);
            byte[] wrapped = Primitives.seal(
                    derived.kek(),
                    nonce,
                    wrapAad(key.id(), ring.masterVersion()),
                    key.key().getEncoded());
            out.append("key ")
                    .append(key.id())
                    .append(' ')
                    .append(key.created())
                    .append(' ');
            out.append(b64.encodeToString(concat(nonce, wrapped))).append('\n');
        }
        byte[] mac = Primitives.hmac(derived.macKey(), out.toString().getBytes(StandardCharsets.UTF_8));
        out.append("mac ").append(b64.encodeToString(mac)).append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses the structure of a keyring file without any key; {@code source} names it in errors. */
    static Parsed parse(byte[] file, Path source) {
        return new KeyringParser(new String(file, StandardCharsets.UTF_8), source).parse();
    }

    /**
     * Authenticates {@code parsed} with {@code master} and unwraps its data keys.
     *
     * @throws SealException naming the keyring and the master key version when the key is wrong or
     *     the file was altered
     */
    static Keyring open(Parsed parsed, MasterKey master, Path source) {
        if (master.version() != parsed.masterVersion()) {
            throw new SealException("keyring " + source + " is wrapped under master key version "
                    + parsed.masterVersion() + ", but the master key given is version " + master.version());
        }
        Derived derived = Derived.of(master, parsed.salt());
        if (!Primitives.same(derived.check(), parsed.check())) {
            throw new SealException("the master key does not open keyring " + source + " (key version "
                    + parsed.masterVersion() + "): it is not the key this keyring was written with");
        }
        byte[] mac = Primitives.hmac(derived.macKey(), parsed.signed().getBytes(StandardCharsets.UTF_8));
        if (!Primitives.same(mac, parsed.mac())) {
            throw new SealException("keyring " + source + " was altered: its MAC does not verify under master key"
                    + " version " + parsed.masterVersion() + "; restore it from a backup");
        }
        SortedMap<Integer, Keyring.DataKey> keys = new TreeMap<>();
        for (WrappedKey wrapped : parsed.keys()) {
            keys.put(wrapped.id(), unwrap(wrapped, derived.kek(), parsed.masterVersion(), source));
        }
        if (!keys.containsKey(parsed.current())) {
            throw new SealException(
                    "keyring " + source + " names current data key " + parsed.current() + ", which it does not hold");
        }
        return new Keyring(parsed.masterVersion(), parsed.salt(), parsed.current(), keys);
    }

    private static Keyring.DataKey unwrap(WrappedKey wrapped, SecretKey kek, int masterVersion, Path source) {
        byte[] blob = wrapped.wrapped();
        byte[] nonce = java.util.Arrays.copyOf(blob, Primitives.NONCE_LENGTH);
        byte[] raw = Primitives.open(
                kek,
                nonce,
                wrapAad(wrapped.id(), masterVersion),
                blob,
                Primitives.NONCE_LENGTH,
                blob.length - Primitives.NONCE_LENGTH);
        if (raw == null || raw.length != 32) {
            throw new SealException("data key " + wrapped.id() + " in keyring " + source
                    + " does not unwrap under master key version " + masterVersion + "; restore it from a backup");
        }
        return new Keyring.DataKey(wrapped.id(), wrapped.created(), Primitives.aesKey(raw));
    }

    private static byte[] wrapAad(int id, int masterVersion) {
        return ("lachan/keyring/v1/key " + id + " master " + masterVersion).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The keys derived from one master key and salt. */
    private record Derived(SecretKey kek, byte[] macKey, byte[] check) {
        static Derived of(MasterKey master, byte[] salt) {
            byte[] ikm = master.bytes();
            try {
                return new Derived(
                        Primitives.aesKey(Primitives.hkdf(ikm, salt, info("kek"), 32)),
                        Primitives.hkdf(ikm, salt, info("mac"), 32),
                        Primitives.hkdf(ikm, salt, info("check"), 16));
            } finally {
                java.util.Arrays.fill(ikm, (byte) 0);
            }
        }

        private static byte[] info(String purpose) {
            return ("lachan/keyring/v1/" + purpose).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Derived[<redacted>]";
        }
    }

    /** Parses the lines of a keyring file in order, failing with the line number. */
    private static final class KeyringParser {
        private final String[] lines;
        private final Path source;
        private int index;
        private int lineNo = 1;

        KeyringParser(String text, Path source) {
            this.lines = text.split("\n", -1);
            this.source = source;
        }

        Parsed parse() {
            expectLine(MAGIC);
            int masterVersion = number(field("master-version"));
            byte[] salt = base64(field("salt"));
            byte[] check = base64(field("check"));
            int current = number(field("current"));
            List<WrappedKey> keys = new ArrayList<>();
            while (index < lines.length && lines[index].startsWith("key ")) {
                keys.add(key(field("key")));
            }
            int macLine = index;
            byte[] mac = base64(field("mac"));
            if (index != lines.length - 1 || !lines[index].isEmpty()) {
                lineNo = index + 1;
                throw problem("nothing may follow the 'mac' line");
            }
            String signed = String.join("\n", java.util.Arrays.copyOf(lines, macLine)) + "\n";
            if (salt.length != Keyring.SALT_LENGTH || keys.isEmpty()) {
                throw problem("needs a 32-byte salt and at least one data key");
            }
            return new Parsed(masterVersion, salt, check, current, keys, signed, mac);
        }

        private WrappedKey key(String value) {
            String[] parts = value.split(" ", -1);
            if (parts.length != 3) {
                throw problem("expected 'key <id> <created> <wrapped>'");
            }
            try {
                return new WrappedKey(number(parts[0]), Instant.parse(parts[1]), base64(parts[2]));
            } catch (DateTimeParseException e) {
                throw problem("the creation time is not an ISO-8601 instant");
            }
        }

        private void expectLine(String expected) {
            lineNo = index + 1;
            if (index >= lines.length || !lines[index].equals(expected)) {
                throw problem("expected '" + expected + "': this is not a Lachan keyring");
            }
            index++;
        }

        private String field(String name) {
            lineNo = index + 1;
            if (index >= lines.length || !lines[index].startsWith(name + " ")) {
                throw problem("expected the '" + name + "' line");
            }
            return lines[index++].substring(name.length() + 1);
        }

        private int number(String text) {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw problem("'" + text + "' is not a number");
            }
            if (value < 1) {
                throw problem("numbers in a keyring start at 1, got " + value);
            }
            return value;
        }

        private byte[] base64(String text) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw problem("the value is not base64");
            }
        }

        private SealException problem(String message) {
            return new SealException("keyring " + source + " line " + lineNo + ": " + message);
        }
    }
}
