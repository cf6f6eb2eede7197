package vn.lachan.security.crypto.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes PEM text (RFC 7468): {@code -----BEGIN LABEL-----}, base64 lines of 64
 * characters, {@code -----END LABEL-----}. A file may hold several blocks with different labels.
 */
public final class Pem {
    private Pem() {}

    /** Encodes {@code der} as one PEM block labelled {@code label}. */
    public static String encode(String label, byte[] der) {
        StringBuilder out = new StringBuilder();
        out.append("-----BEGIN ").append(label).append("-----\n");
        String body = Base64.getEncoder().encodeToString(der);
        for (int i = 0; i < body.length(); i += 64) {
            out.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        out.append("-----END ").append(label).append("-----\n");
        return out.toString();
    }

    /**
     * Decodes every PEM block of {@code text}, by label, in order.
     *
     * @param source names the text in error messages
     * @throws IllegalArgumentException naming the source and line when a block is malformed
     */
    public static Map<String, byte[]> decode(String text, String source) {
        Map<String, byte[]> blocks = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        String label = null;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (label == null && line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
                label = line.substring(11, line.length() - 5);
                body.clear();
            } else if (label != null && line.equals("-----END " + label + "-----")) {
                blocks.put(label, base64(String.join("", body), source, i + 1));
                label = null;
            } else if (label != null) {
                body.add(line);
            }
        }
        if (label != null) {
            throw new IllegalArgumentException(source + ": the block '" + label + "' has no END line");
        }
        return blocks;
    }

    private static byte[] base64(String body, String source, int line) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " line " + line + ": the block above is not valid base64", e);
        }
    }
}
