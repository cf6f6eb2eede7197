package vn.lachan.app.serve;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Holds the provider's users and the claims their ID tokens carry, and lets a test make the provider misbehave
 * (another audience, another nonce) for one user: the tokens stay properly signed, so only Lachan's checks can
 * refuse them.
 */
final class ProviderUsers {
    static final String PASSWORD = "provider-password";
    static final String CLIENT_ID = "lachan";
    static final String CLIENT_SECRET = "client-secret-for-tests";

    private final Map<String, Map<String, Object>> claims = new ConcurrentHashMap<>();
    private final InMemoryRegisteredClientRepository clients;

    ProviderUsers(Map<String, Map<String, Object>> claims, String redirectUri) {
        this.claims.putAll(claims);
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.EMAIL)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(5))
                        .build())
                .build();
        this.clients = new InMemoryRegisteredClientRepository(client);
    }

    Set<String> names() {
        return claims.keySet();
    }

    InMemoryRegisteredClientRepository clients() {
        return clients;
    }

    /** Adds the user's claims to its ID token; the special claim {@code x-nonce} replaces the nonce. */
    void customize(JwtEncodingContext context) {
        if (!"id_token".equals(context.getTokenType().getValue())) {
            return;
        }
        String user = context.getPrincipal().getName();
        context.getClaims().claim("preferred_username", user);
        Map<String, Object> extra = claims.getOrDefault(user, Map.of());
        extra.forEach((name, value) -> {
            switch (name) {
                case "x-nonce" -> context.getClaims().claim("nonce", value);
                case "x-aud" -> context.getClaims().audience(List.of((String) value));
                default -> context.getClaims().claim(name, value);
            }
        });
    }
}
