package vn.lachan.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a dotted-quad IPv4 address the way {@code Query.isIp} accepts one (four parts of one to three ASCII
 * digits, each at most 255, nothing else) without its regular expressions, string splitting and second
 * parse: the builder meets an address in many events.
 */
final class Ipv4 {
    private Ipv4() {}

    /** Returns the address {@code text} spells, or null when it is not a dotted quad as above. */
    static @Nullable InetAddress parse(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && value <= 255 && part < 3) {
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 3 || digits == 0 || value > 255) {
            return null;
        }
        bytes[3] = (byte) value;
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
