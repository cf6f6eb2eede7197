package vn.lachan.sigma.match;

import org.jspecify.annotations.Nullable;

/**
 * Tests whether an IPv4 or IPv6 address written as text lies in a network. Addresses are parsed
 * by hand, never through DNS.
 */
final class CidrBlock {
    private final byte[] network;
    private final int prefix;

    private CidrBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Returns the block for {@code a.b.c.d/n} or {@code v6::/n}, or throws with a readable reason. */
    static CidrBlock parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text.trim() : text.substring(0, slash).trim();
        byte[] bytes = address(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 network");
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no numeric prefix length", e);
            }
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bytes.length * 8);
        }
        return new CidrBlock(bytes, prefix);
    }

    /** Returns whether the text is an address inside this block. */
    boolean contains(String text) {
        byte[] bytes = address(text.trim());
        if (bytes == null || bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    /** Returns the 4 or 16 address bytes, or null when the text is not an address. */
    static byte @Nullable [] address(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        return text.indexOf(':') >= 0 ? v6(text) : v4(text);
    }

    private static byte @Nullable [] v4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    private static byte @Nullable [] v6(String text) {
        int zone = text.indexOf('%');
        String t = zone >= 0 ? text.substring(0, zone) : text;
        int gap = t.indexOf("::");
        if (gap >= 0 && t.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap >= 0 ? t.substring(0, gap) : t);
        int[] tail = gap >= 0 ? groups(t.substring(gap + 2)) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        int total = head.length + tail.length;
        if ((gap < 0 && total != 8) || (gap >= 0 && total > 7)) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            out[2 * i] = (byte) (head[i] >> 8);
            out[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < tail.length; i++) {
            int at = 8 - tail.length + i;
            out[2 * at] = (byte) (tail[i] >> 8);
            out[2 * at + 1] = (byte) tail[i];
        }
        return out;
    }

    /** Returns the 16-bit groups of a colon list (an IPv4 tail counts as two), or null. */
    private static int @Nullable [] groups(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int last = parts.length - 1;
        byte[] v4 = parts[last].indexOf('.') >= 0 ? v4(parts[last]) : null;
        if (parts[last].indexOf('.') >= 0 && v4 == null) {
            return null;
        }
        int[] out = new int[parts.length + (v4 != null ? 1 : 0)];
        for (int i = 0; i < parts.length - (v4 != null ? 1 : 0); i++) {
            if (parts[i].isEmpty() || parts[i].length() > 4) {
                return null;
            }
            try {
                out[i] = Integer.parseInt(parts[i], 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (v4 != null) {
            out[last] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
            out[last + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
        }
        return out;
    }
}
