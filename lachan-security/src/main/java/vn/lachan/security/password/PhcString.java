package vn.lachan.security.password;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash} (PHC string format, unpadded base64). */
record PhcString(Argon2Settings settings, byte[] salt, byte[] hash) {
    static final int VERSION = 19;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,342})");

    /** Returns the parsed string, or empty when it is not an Argon2id v19 PHC string we can check. */
    static Optional<PhcString> parse(String phc) {
        Matcher m = FORMAT.matcher(phc);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Argon2Settings settings = new Argon2Settings(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            Base64.Decoder decoder = Base64.getDecoder();
            return Optional.of(new PhcString(settings, decoder.decode(m.group(4)), decoder.decode(m.group(5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String format() {
        Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=" + VERSION + "$m=" + settings.memoryKib() + ",t=" + settings.iterations() + ",p="
                + settings.parallelism() + "$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(hash);
    }
}
