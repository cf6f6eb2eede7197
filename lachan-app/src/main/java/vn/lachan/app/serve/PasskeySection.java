package vn.lachan.app.serve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.passkey.PasskeySettings;

/**
 * Reads the {@code passkeys} section: the WebAuthn relying party id, its name and the origins whose pages may
 * use passkeys, with defaults derived from {@code http.listen}.
 */
final class PasskeySection {
    private PasskeySection() {}

    /**
     * Returns the passkey settings, or null when passkeys are off: turned off, or no RP id is configured and
     * none can be derived (a listen address that is not loopback names no domain).
     *
     * @param http where the HTTP API listens
     * @param https whether the API itself answers HTTPS
     */
    static @Nullable PasskeySettings read(Section passkeys, HostPort http, boolean https) {
        boolean enabled = passkeys.flag("enabled", true);
        String rpId = passkeys.optionalText("rp_id", null);
        String rpName = passkeys.text("rp_name", "Lachan");
        List<String> origins = passkeys.texts("origins");
        passkeys.rejectUnknown();
        if (!enabled) {
            return null;
        }
        String id = rpId != null ? rpId : http.loopback() ? "localhost" : null;
        if (id == null) {
            return null;
        }
        Set<String> allowed = new LinkedHashSet<>(origins);
        boolean anyPort = false;
        if (allowed.isEmpty()) {
            anyPort = http.port() == 0;
            allowed.addAll(defaultOrigins(id, http.port(), https));
        }
        try {
            return new PasskeySettings(id, rpName, allowed, anyPort, PasskeySettings.DEFAULT_LIFETIME);
        } catch (IllegalArgumentException e) {
            passkeys.problem(rpId != null ? "rp_id" : "origins", String.valueOf(e.getMessage()));
            return null;
        }
    }

    private static Set<String> defaultOrigins(String rpId, int port, boolean https) {
        if (rpId.equals("localhost")) {
            String scheme = https ? "https" : "http";
            return Set.of(port == 0 ? scheme + "://localhost" : scheme + "://localhost:" + port);
        }
        Set<String> out = new LinkedHashSet<>();
        out.add("https://" + rpId);
        if (https && port != 443 && port != 0) {
            out.add("https://" + rpId + ":" + port);
        }
        return out;
    }
}
