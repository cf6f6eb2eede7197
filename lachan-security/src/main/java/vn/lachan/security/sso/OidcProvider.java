package vn.lachan.security.sso;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Describes one OpenID Connect provider Lachan trusts for sign-in (Keycloak, Microsoft Entra ID, Google,
 * any standard provider), as configured under {@code sso.providers}.
 *
 * @param id the short name in the routes ({@code /api/v1/auth/oidc/{id}/start}): lower-case letters, digits
 *     and dashes, 1 to 32
 * @param displayName the name a sign-in page shows ("Sign in with …")
 * @param issuer the issuer URL; its {@code /.well-known/openid-configuration} is fetched at start and
 *     refreshed
 * @param clientId the client id registered at the provider
 * @param clientSecret the client secret (read from an environment variable, never from the file), or null
 *     for a public client that relies on PKCE alone
 * @param scopes the scopes asked for; always contains {@code openid}
 * @param redirectBaseUrl the external base URL of Lachan ({@code https://soc.example.vn}); the redirect URI is
 *     {@code BASE/api/v1/auth/oidc/{id}/callback}. Null: the URL the browser used
 * @param usernameClaim the claim that names the user ({@code preferred_username}, {@code upn}, {@code email})
 * @param linkBy how an identity seen for the first time may be linked to an existing account
 * @param mfaMethods the {@code amr} values (RFC 8176) that count as a second factor done at the provider
 * @param provisioning how to create an account on first sign-in, or null to sign in existing users only
 */
public record OidcProvider(
        String id,
        String displayName,
        URI issuer,
        String clientId,
        @Nullable String clientSecret,
        List<String> scopes,
        @Nullable URI redirectBaseUrl,
        String usernameClaim,
        Set<LinkBy> linkBy,
        Set<String> mfaMethods,
        @Nullable Provisioning provisioning) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** The {@code amr} values counted as a second factor by default: RFC 8176's mfa, otp, hwk and swk. */
    public static final Set<String> DEFAULT_MFA_METHODS = Set.of("mfa", "otp", "hwk", "swk");

    /** How an identity seen for the first time is matched to an existing account. */
    public enum LinkBy {
        /** The provider's {@code email}, only when it asserts {@code email_verified: true}. */
        EMAIL,
        /** The claim named by {@code usernameClaim}, equal to the account's username. */
        USERNAME
    }

    public OidcProvider {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(usernameClaim, "usernameClaim");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "provider id '" + id + "': use 1 to 32 lower-case letters, digits and dashes");
        }
        String scheme = issuer.getScheme() == null ? "" : issuer.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("provider " + id + ": the issuer must be an http(s) URL: " + issuer);
        }
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("provider " + id + ": the client id is empty");
        }
        scopes = List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("provider " + id + ": the scopes must contain openid");
        }
        linkBy = Set.copyOf(linkBy);
        mfaMethods = Set.copyOf(mfaMethods);
    }

    @Override
    public String toString() {
        return "OidcProvider[" + id + ", " + issuer + ", client " + clientId + ", secret hidden]";
    }
}
