package vn.lachan.security.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exchanges an authorization code (with the PKCE verifier) for tokens and validates the ID token: signature
 * against the provider's JWKS (asymmetric algorithms only), issuer, audience, expiry, nonce and {@code azp}.
 * Thread-safe; the key sets are cached per JWKS URL and refetched when an unknown key id appears.
 */
final class IdTokens {
    private static final int TIMEOUT_MS = 5_000;
    private static final int MAX_CLOCK_SKEW_SECONDS = 60;
    private static final Set<JWSAlgorithm> ASYMMETRIC = asymmetric();

    private final ConcurrentHashMap<String, JWKSource<SecurityContext>> keySets = new ConcurrentHashMap<>();

    /** Thrown with a message for a person when the exchange or the token is refused. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;

        Refusal(String reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    /** Exchanges the code; returns the validated claims of the ID token. */
    IDTokenClaimsSet exchange(
            OidcProvider provider, OIDCProviderMetadata metadata, PendingStates.Pending pending, String code)
            throws Refusal {
        JWT idToken = requestTokens(provider, metadata, pending, code);
        return validate(provider, metadata, pending, idToken);
    }

    private JWT requestTokens(
            OidcProvider provider, OIDCProviderMetadata metadata, PendingStates.Pending pending, String code)
            throws Refusal {
        var grant = new AuthorizationCodeGrant(new AuthorizationCode(code), pending.redirectUri(), pending.verifier());
        ClientID client = new ClientID(provider.clientId());
        String secret = provider.clientSecret();
        TokenRequest request = secret == null
                ? new TokenRequest(metadata.getTokenEndpointURI(), client, grant)
                : new TokenRequest(
                        metadata.getTokenEndpointURI(), new ClientSecretBasic(client, new Secret(secret)), grant);
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(TIMEOUT_MS);
        http.setReadTimeout(TIMEOUT_MS);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new Refusal(
                    "token-exchange", "the provider's token endpoint did not answer properly: " + e.getMessage());
        }
        if (response instanceof TokenErrorResponse error) {
            var object = error.getErrorObject();
            throw new Refusal(
                    "token-exchange",
                    "the provider refused the code: " + object.getCode()
                            + (object.getDescription() == null ? "" : " (" + object.getDescription() + ")"));
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse())
                .getOIDCTokens()
                .getIDToken();
        if (idToken == null) {
            throw new Refusal("id-token", "the provider returned no ID token (is the openid scope allowed?)");
        }
        return idToken;
    }

    private IDTokenClaimsSet validate(
            OidcProvider provider, OIDCProviderMetadata metadata, PendingStates.Pending pending, JWT idToken)
            throws Refusal {
        Set<JWSAlgorithm> algorithms = new HashSet<>(ASYMMETRIC);
        List<JWSAlgorithm> offered = metadata.getIDTokenJWSAlgs();
        if (offered != null) {
            algorithms.retainAll(offered);
        }
        var selector = new JWSVerificationKeySelector<>(algorithms, keySet(metadata));
        var validator = new IDTokenValidator(
                new Issuer(metadata.getIssuer()), new ClientID(provider.clientId()), selector, null);
        validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken, pending.nonce());
        } catch (BadJOSEException | JOSEException e) {
            throw new Refusal("id-token", "the ID token is not valid: " + e.getMessage());
        }
        var azp = claims.getAuthorizedParty();
        if (azp != null && !azp.getValue().equals(provider.clientId())) {
            throw new Refusal("id-token", "the ID token was issued to another client (azp " + azp + ")");
        }
        if (claims.getAudience().size() > 1 && azp == null) {
            throw new Refusal("id-token", "the ID token has several audiences and no azp claim");
        }
        return claims;
    }

    private static Set<JWSAlgorithm> asymmetric() {
        Set<JWSAlgorithm> all = new HashSet<>(JWSAlgorithm.Family.RSA);
        all.addAll(JWSAlgorithm.Family.EC);
        all.addAll(JWSAlgorithm.Family.ED);
        return Set.copyOf(all);
    }

    private JWKSource<SecurityContext> keySet(OIDCProviderMetadata metadata) throws Refusal {
        String url = metadata.getJWKSetURI().toString();
        try {
            var location = metadata.getJWKSetURI().toURL();
            return keySets.computeIfAbsent(
                    url,
                    u -> JWKSourceBuilder.<SecurityContext>create(
                                    location, new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, 1_000_000))
                            .build());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new Refusal("id-token", "the provider's jwks_uri is not a URL: " + url);
        }
    }
}
