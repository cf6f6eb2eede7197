package vn.lachan.core.query;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads what a query value could be: a number, an IP address, a CIDR network, a date. */
final class Values {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private Values() {}

    static boolean isNumber(String value) {
        return NUMBER.matcher(value).matches();
    }

    /** Returns the address, without any name lookup, when the value is an IP literal. */
    static Optional<InetAddress> ip(String value) {
        if (value.indexOf(':') >= 0) {
            return ipv6(value);
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Optional<InetAddress> ipv6(String value) {
        if (!IPV6_CHARS.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean isCidr(String value) {
        int slash = value.indexOf('/');
        if (slash < 0 || slash != value.lastIndexOf('/')) {
            return false;
        }
        String prefix = value.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}") || ip(value.substring(0, slash)).isEmpty()) {
            return false;
        }
        int max = value.substring(0, slash).indexOf(':') >= 0 ? 128 : 32;
        return Integer.parseInt(prefix) <= max;
    }

    static boolean isDate(String value) {
        try {
            if (value.indexOf('T') < 0) {
                LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            } else {
                DateTimeFormatter.ISO_DATE_TIME.parse(value);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
