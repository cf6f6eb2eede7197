package vn.lachan.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.org.Subtrees;

/**
 * Finds the organization and system of an event: by source label, then host name, then host address,
 * then sender address; the first ownership that matches wins, in configuration order. An event that an
 * agency's credential sent stays inside that agency's subtree, whatever the ownerships say.
 */
final class Enricher {
    /** An organization and system pair. */
    record Owner(String organization, String system) {}

    private final Owner fallback;
    private final Subtrees subtrees;
    private final Map<String, Owner> sources = new HashMap<>();
    private final Map<String, Owner> hosts = new HashMap<>();
    private final List<Map.Entry<String, Owner>> suffixes;
    private final List<Map.Entry<Network, Owner>> networks;

    Enricher(List<Ownership> ownerships, Owner fallback, Subtrees subtrees) {
        this.fallback = fallback;
        this.subtrees = subtrees;
        var suffixList = new java.util.ArrayList<Map.Entry<String, Owner>>();
        var networkList = new java.util.ArrayList<Map.Entry<Network, Owner>>();
        for (Ownership o : ownerships) {
            Owner owner = new Owner(o.organization(), o.system());
            o.sources().forEach(s -> sources.putIfAbsent(s, owner));
            for (String h : o.hosts()) {
                String host = h.toLowerCase(Locale.ROOT);
                if (host.startsWith("*.")) {
                    suffixList.add(Map.entry(host.substring(1), owner));
                } else {
                    hosts.putIfAbsent(host, owner);
                }
            }
            o.networks().forEach(n -> networkList.add(Map.entry(Network.parse(n), owner)));
        }
        this.suffixes = List.copyOf(suffixList);
        this.networks = List.copyOf(networkList);
    }

    Owner owner(String source, @Nullable String hostName, @Nullable String hostIp, String peer) {
        Owner bySource = source.isEmpty() ? null : sources.get(source);
        if (bySource != null) {
            return bySource;
        }
        Owner byHost = hostName == null ? null : byHost(hostName.toLowerCase(Locale.ROOT));
        if (byHost != null) {
            return byHost;
        }
        Owner byAddress = hostIp == null ? null : byAddress(hostIp);
        if (byAddress != null) {
            return byAddress;
        }
        Owner byPeer = peer.isEmpty() ? null : byAddress(stripPort(peer));
        return byPeer != null ? byPeer : fallback;
    }

    /**
     * Returns {@code claimed} when it lies in the subtree of {@code origin} (the organization whose
     * credential sent the event; empty when none), else the origin itself with the default system: an
     * agency cannot file events under another agency, and its events no ownership names are its own.
     */
    Owner within(Owner claimed, String origin) {
        if (origin.isEmpty() || subtrees.contains(origin, claimed.organization())) {
            return claimed;
        }
        return new Owner(origin, fallback.system());
    }

    /** Returns whether {@code owner} is the default, which no ownership named. */
    boolean isFallback(Owner owner) {
        return owner.equals(fallback);
    }

    private @Nullable Owner byHost(String host) {
        Owner exact = hosts.get(host);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Owner> e : suffixes) {
            if (host.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private @Nullable Owner byAddress(String address) {
        if (networks.isEmpty() || !Network.isLiteral(address)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = java.net.InetAddress.ofLiteral(address).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (Map.Entry<Network, Owner> e : networks) {
            if (e.getKey().contains(bytes)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String stripPort(String peer) {
        int colon = peer.lastIndexOf(':');
        // one colon: IPv4 with a port; several: IPv6 (bracketed when it has a port)
        if (peer.startsWith("[")) {
            int close = peer.indexOf(']');
            return close > 0 ? peer.substring(1, close) : peer;
        }
        return colon > 0 && peer.indexOf(':') == colon ? peer.substring(0, colon) : peer;
    }
}
