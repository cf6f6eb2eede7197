package vn.lachan.core.org;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validates and normalizes the texts of organizations and contact points. */
final class Names {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9._-]{2,32}");

    private Names() {}

    /** Returns {@code code} when it matches {@code [A-Z0-9._-]{2,32}}, else throws naming it. */
    static String code(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "code: '" + code + "' is not 2 to 32 characters of A-Z, 0-9, '.', '_' or '-' (e.g. SO-TTTT)");
        }
        return code;
    }

    /**
     * Returns {@code text} stripped and in Unicode NFC (so "Sở" typed with a combining mark and the
     * precomposed one are the same name), refusing empty or over-long text and control characters.
     */
    static String text(String field, String text, int max) {
        String value = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        int length = value.codePointCount(0, value.length());
        if (length == 0 || length > max) {
            throw new IllegalArgumentException(field + ": must be 1 to " + max + " characters, got " + length);
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + ": must not contain control characters (line breaks, tabs)");
        }
        return value;
    }

    /** Returns {@link #text} of {@code text}, or null when it is null or blank. */
    static @Nullable String optionalText(String field, @Nullable String text, int max) {
        return text == null || text.isBlank() ? null : text(field, text, max);
    }
}
