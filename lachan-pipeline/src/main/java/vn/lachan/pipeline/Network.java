package vn.lachan.pipeline;

import java.net.InetAddress;
import java.util.Arrays;

/** Matches addresses against one CIDR block (or one address), IPv4 or IPv6. */
record Network(byte[] prefix, int bits) {
    static Network parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = literal(address, text);
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad network '" + text + "': the prefix length is not a number");
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException(
                        "bad network '" + text + "': the prefix length must be 0 to " + bytes.length * 8);
            }
        }
        return new Network(bytes, bits);
    }

    static byte[] literal(String address, String context) {
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("bad network '" + context + "': not an IP address");
        }
        try {
            return InetAddress.ofLiteral(address).getAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad network '" + context + "': not an IP address", e);
        }
    }

    static boolean isLiteral(String address) {
        if (address.isEmpty()) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        if (!Arrays.equals(address, 0, full, prefix, 0, full)) {
            return false;
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (prefix[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && bits == n.bits && Arrays.equals(prefix, n.prefix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefix) + bits;
    }

    @Override
    public String toString() {
        return Arrays.toString(prefix) + "/" + bits;
    }
}
