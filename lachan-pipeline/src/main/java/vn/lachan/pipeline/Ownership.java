package vn.lachan.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * Says which organization and information system the events of some hosts, networks or sources belong
 * to (đơn vị, hệ thống thông tin): the enrichment mapping of the configuration, until the system
 * registry provides it.
 *
 * @param organization the organization's code
 * @param system the information system's code
 * @param hosts host names (case-insensitive, exact or with a leading {@code *.} for a domain suffix)
 * @param networks addresses or CIDR blocks ({@code 10.1.0.0/16}) matched against the event's host
 *     address and the sender's address
 * @param sources source labels (an index name, an HTTP source parameter) matched exactly
 */
public record Ownership(
        String organization, String system, List<String> hosts, List<String> networks, List<String> sources) {
    public Ownership {
        requireCode(organization, "organization");
        requireCode(system, "system");
        hosts = List.copyOf(hosts);
        networks = List.copyOf(networks);
        sources = List.copyOf(sources);
        for (String network : networks) {
            Network.parse(network); // fails with the bad value named
        }
    }

    private static void requireCode(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.indexOf('/') >= 0) {
            throw new IllegalArgumentException("an " + what + " code is non-blank and holds no '/': '" + value + "'");
        }
    }
}
