package vn.lachan.app.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.Role;
import vn.lachan.security.sso.OidcProvider;
import vn.lachan.security.sso.Provisioning;

/** Reads the {@code sso} section: the OpenID Connect providers, each checked, with problems naming the setting. */
final class SsoSettings {
    private SsoSettings() {}

    /**
     * Reads {@code sso.providers}; a provider with a problem is reported (the start then stops) and left out.
     *
     * @param environment where each client secret is read from, under the variable {@code client_secret_env} names
     */
    static List<OidcProvider> read(Section sso, Map<String, String> environment) {
        List<OidcProvider> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Section p : sso.sections("providers")) {
            OidcProvider provider = provider(p, environment);
            if (provider != null && !ids.add(provider.id())) {
                p.problem("id", "'" + provider.id() + "' is used by two providers");
            } else if (provider != null) {
                out.add(provider);
            }
        }
        sso.rejectUnknown();
        return out;
    }

    private static @Nullable OidcProvider provider(Section p, Map<String, String> environment) {
        String id = p.text("id", "");
        String display = p.text("display_name", id);
        URI issuer = uri(p, "issuer", p.text("issuer", ""));
        String clientId = p.text("client_id", "");
        String secretEnv = p.optionalText("client_secret_env", null);
        List<String> scopes = p.texts("scopes");
        String redirectText = p.optionalText("redirect_base_url", null);
        URI redirect = redirectText == null ? null : uri(p, "redirect_base_url", redirectText);
        String usernameClaim = p.text("username_claim", "preferred_username");
        Set<OidcProvider.LinkBy> linkBy = linkBy(p);
        List<String> mfa = p.texts("mfa_amr");
        Provisioning provisioning = provisioning(p.section("provisioning"));
        p.rejectUnknown();
        String secret = secretEnv == null ? null : environment.get(secretEnv);
        if (secretEnv != null && secret == null) {
            p.problem(
                    "client_secret_env",
                    "the environment variable " + secretEnv + " holding the client secret is not set");
            return null;
        }
        if (issuer == null) {
            return null;
        }
        try {
            return new OidcProvider(
                    id,
                    display,
                    issuer,
                    clientId,
                    secret,
                    scopes.isEmpty() ? List.of("openid", "profile", "email") : scopes,
                    redirect,
                    usernameClaim,
                    linkBy,
                    mfa.isEmpty() ? OidcProvider.DEFAULT_MFA_METHODS : new LinkedHashSet<>(mfa),
                    provisioning);
        } catch (IllegalArgumentException e) {
            p.problem("id", String.valueOf(e.getMessage()));
            return null;
        }
    }

    private static Set<OidcProvider.LinkBy> linkBy(Section p) {
        Set<OidcProvider.LinkBy> out = new LinkedHashSet<>();
        for (String text : p.texts("link_by")) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "email" -> out.add(OidcProvider.LinkBy.EMAIL);
                case "username" -> out.add(OidcProvider.LinkBy.USERNAME);
                default -> p.problem("link_by", "'" + text + "' is neither email nor username");
            }
        }
        return out;
    }

    private static @Nullable Provisioning provisioning(Section s) {
        String claim = s.optionalText("claim", null);
        List<Provisioning.Rule> rules = new ArrayList<>();
        for (Section r : s.sections("rules")) {
            String value = r.text("value", "");
            String roleText = r.text("role", "");
            String org = r.text("organization", "");
            r.rejectUnknown();
            try {
                rules.add(new Provisioning.Rule(value, Role.valueOf(roleText.toUpperCase(Locale.ROOT)), org));
            } catch (IllegalArgumentException e) {
                r.problem("role", "'" + roleText + "' is not a role (" + List.of(Role.values()) + ")");
            }
        }
        s.rejectUnknown();
        if (claim == null && rules.isEmpty()) {
            return null;
        }
        if (claim == null
                || rules.isEmpty()
                || rules.stream()
                        .anyMatch(
                                r -> r.value().isEmpty() || r.organizationCode().isEmpty())) {
            s.problem("claim", "provisioning needs a claim and rules, each with a value, a role and an organization");
            return null;
        }
        return new Provisioning(claim, rules);
    }

    private static @Nullable URI uri(Section p, String key, String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        p.problem(key, "'" + text + "' is not an http(s) URL");
        return null;
    }
}
