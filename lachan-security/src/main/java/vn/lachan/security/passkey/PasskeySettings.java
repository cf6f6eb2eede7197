package vn.lachan.security.passkey;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Configures the WebAuthn relying party.
 *
 * @param rpId the relying party id: the domain people reach the platform at ({@code soc.tinh.gov.vn}, or
 *     {@code localhost}); a passkey is bound to it for good, so changing it orphans every passkey
 * @param rpName the name authenticators show, e.g. {@code Lachan}
 * @param origins the exact origins ({@code https://soc.tinh.gov.vn}) whose pages may run the ceremonies; a
 *     response made for any other origin is refused
 * @param anyPort whether an origin matches on any port (for a server on a port chosen at start, as in tests)
 * @param ceremonyLifetime how long a started ceremony may be finished (and the browser's timeout)
 */
public record PasskeySettings(
        String rpId, String rpName, Set<String> origins, boolean anyPort, Duration ceremonyLifetime) {

    /** Five minutes: long enough to find the authenticator, short enough that a challenge does not linger. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    public PasskeySettings {
        Objects.requireNonNull(rpId, "rpId");
        Objects.requireNonNull(rpName, "rpName");
        Objects.requireNonNull(ceremonyLifetime, "ceremonyLifetime");
        origins = Set.copyOf(origins);
        if (!rpId.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?") || rpId.matches("[0-9.]+")) {
            throw new IllegalArgumentException(
                    "the passkey RP id must be a lower-case domain name such as soc.tinh.gov.vn (not an IP"
                            + " address): " + rpId);
        }
        if (rpName.isBlank()) {
            throw new IllegalArgumentException("the passkey RP name is empty");
        }
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("passkeys need at least one allowed origin, such as https://" + rpId);
        }
        origins.forEach(origin -> checkOrigin(origin, rpId));
        if (ceremonyLifetime.compareTo(Duration.ofSeconds(30)) < 0
                || ceremonyLifetime.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("a passkey ceremony lasts 30 s to 30 min, not " + ceremonyLifetime);
        }
    }

    /** Returns settings for {@code rpId} with the given origins, named Lachan, ceremonies of 5 minutes. */
    public static PasskeySettings of(String rpId, Set<String> origins) {
        return new PasskeySettings(rpId, "Lachan", origins, false, DEFAULT_LIFETIME);
    }

    private static void checkOrigin(String origin, String rpId) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + origin + "' is not an origin such as https://" + rpId, e);
        }
        String host = uri.getHost();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
        if (host == null || !bare || !(scheme.equals("https") || scheme.equals("http") && host.equals("localhost"))) {
            throw new IllegalArgumentException("'" + origin + "' is not an origin such as https://" + rpId
                    + " (scheme and host, optionally a port; plain http only for localhost)");
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (!h.equals(rpId) && !h.endsWith("." + rpId)) {
            throw new IllegalArgumentException(
                    "the origin " + origin + " is not on the RP id " + rpId + " or one of its subdomains");
        }
    }
}
