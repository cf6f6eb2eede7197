package vn.lachan.alert.grouping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.lachan.core.alert.Detection;

/**
 * Names a group: the first 128 bits of a SHA-256 over rule id, organization, system, the entities
 * sorted by name and the window the detection falls in, each length-prefixed so that no two keys
 * share an encoding. The id depends on nothing else, so it is the same after a restart.
 *
 * <p>Entity values are compared without case: Windows and DNS treat {@code WS-A} and {@code ws-a},
 * {@code CORP\An} and {@code corp\an} as one host or account, and logs spell them both ways.
 */
final class GroupKey {
    private static final byte[] VERSION = "lachan-alert-group-v2".getBytes(StandardCharsets.UTF_8);
    private final MessageDigest sha;
    private final long windowSeconds;

    GroupKey(long windowSeconds) {
        this.windowSeconds = windowSeconds;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** Returns the 32-hex-digit id of the group the detection belongs to. */
    String id(Detection d) {
        sha.reset();
        sha.update(VERSION);
        text(d.ruleId());
        text(d.organization());
        text(d.system());
        number(d.entities().size());
        for (Map.Entry<String, String> e : new TreeMap<>(d.entities()).entrySet()) {
            text(e.getKey());
            text(e.getValue().toLowerCase(Locale.ROOT));
        }
        number(windowSeconds);
        number(Math.floorDiv(d.time().getEpochSecond(), windowSeconds));
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private void text(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        number(bytes.length);
        sha.update(bytes);
    }

    private void number(long n) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha.update((byte) (n >>> shift));
        }
    }
}
