package vn.lachan.security.sso;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one provider's discovery document: fetched at start, refreshed when older than {@link #REFRESH}, and
 * retried no more often than every {@link #RETRY} while the provider is down, so a provider that is down never
 * stops the platform. Thread-safe.
 */
final class Discovery {
    static final Duration REFRESH = Duration.ofHours(1);
    static final Duration RETRY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
    private static final int TIMEOUT_MS = 5_000;

    private final OidcProvider provider;
    private final Clock clock;
    private @Nullable OIDCProviderMetadata metadata;
    private Instant fetched = Instant.MIN;
    private Instant lastTry = Instant.MIN;

    Discovery(OidcProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /** Returns the document, fetching or refreshing it when due; empty while the provider cannot be reached. */
    synchronized Optional<OIDCProviderMetadata> metadata() {
        Instant now = clock.instant();
        boolean stale = metadata == null || now.isAfter(fetched.plus(REFRESH));
        if (stale && (metadata == null ? now.isAfter(lastTry.plus(RETRY)) : true)) {
            fetch(now);
        }
        return Optional.ofNullable(metadata);
    }

    /** Returns whether the document is at hand, without fetching. */
    synchronized boolean available() {
        return metadata != null;
    }

    private void fetch(Instant now) {
        lastTry = now;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(provider.issuer()), TIMEOUT_MS, TIMEOUT_MS);
            fetched = now;
            LOG.info("single sign-on: provider {} discovered at {}", provider.id(), provider.issuer());
        } catch (GeneralException | IOException | RuntimeException e) {
            LOG.warn(
                    "single sign-on: provider {} ({}) cannot be discovered, retrying in {} s{}: {}",
                    provider.id(),
                    provider.issuer(),
                    RETRY.toSeconds(),
                    metadata == null ? "" : " (keeping the previous document)",
                    e.getMessage());
            fetched = metadata == null ? Instant.MIN : now.minus(REFRESH).plus(RETRY);
        }
    }
}
