package vn.lachan.app.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.tls.TlsIdentity;
import vn.lachan.meta.MetaConfig;
import vn.lachan.pipeline.Ownership;
import vn.lachan.security.passkey.PasskeySettings;
import vn.lachan.security.sso.OidcProvider;

/**
 * Holds the platform's whole configuration, read once at start from the YAML file and the command line
 * (see {@code config/lachan.yml} for every setting with its meaning and default).
 *
 * @param data the data folder: journal, events, alerts
 * @param http where the HTTP API listens
 * @param httpTls the certificate and key the HTTP API answers HTTPS with, null for plain HTTP
 * @param httpBehindProxy whether plain HTTP on a non-loopback address is allowed because a TLS reverse proxy
 *     terminates HTTPS in front ({@code http.allow_insecure}); the session cookie is then marked Secure
 * @param maxBodyBytes the largest HTTP request body accepted
 * @param syslogUdp where syslog over UDP listens, null when off
 * @param syslogTcp where syslog over TCP listens, null when off
 * @param syslogTls where syslog over TLS listens with its certificate and key, null when off
 * @param maxMessageBytes the largest syslog message; longer ones are cut and kept with the reason
 * @param maxConnections the most syslog TCP/TLS connections at once
 * @param syslogFormat the parser for syslog messages ({@code auto} detects)
 * @param journalSegmentBytes the size of one journal segment file
 * @param journalBudgetBytes the disk the journal may use before inputs push back
 * @param fsync whether the journal forces every accepted batch to disk before acknowledging it
 * @param batchSize the most records processed together
 * @param pollWait how long a lone record may wait for company
 * @param ruleFolders the Sigma rule files and folders that run on every event
 * @param mapping a log-source map replacing the bundled one, or null
 * @param reloadInterval how often the rule folders are checked for changes
 * @param alertWindow the window within which repeated firings of one rule on one entity form one alert
 * @param maxEventRefs the most event ids one alert lists
 * @param ownerships which organization and system each host, network and source belongs to
 * @param defaultOrganization the organization of events no ownership matches
 * @param defaultSystem the system of events no ownership matches
 * @param grokPatterns named grok patterns that the {@code grok:NAME} format uses
 * @param timezone the zone of timestamps that carry none (RFC 3164 syslog, many appliances)
 * @param store sealing, retention and legal holds of the event store
 * @param meta the PostgreSQL metadata database, or null for the embedded one under the data folder
 * @param sso the OpenID Connect providers users may sign in with (empty: single sign-on off)
 * @param maxEventAge how long before its receipt an event's own time is still believed (older: stored under
 *     the receipt time with its own time kept and flagged)
 * @param maxEventLead how long after its receipt an event's own time is still believed
 * @param passkeys the passkey (WebAuthn) relying party, or null when passkeys are off
 * @param exports the recipients event exports may be encrypted to, and whether they must be
 * @param warmUp the longest the pipeline warms up on sample records before the inputs open (zero: not at all)
 */
record ServeConfig(
        Path data,
        HostPort http,
        @Nullable TlsIdentity httpTls,
        boolean httpBehindProxy,
        long maxBodyBytes,
        @Nullable HostPort syslogUdp,
        @Nullable HostPort syslogTcp,
        @Nullable TlsListener syslogTls,
        int maxMessageBytes,
        int maxConnections,
        String syslogFormat,
        long journalSegmentBytes,
        long journalBudgetBytes,
        boolean fsync,
        int batchSize,
        Duration pollWait,
        List<Path> ruleFolders,
        @Nullable Path mapping,
        Duration reloadInterval,
        Duration alertWindow,
        int maxEventRefs,
        List<Ownership> ownerships,
        String defaultOrganization,
        String defaultSystem,
        Map<String, String> grokPatterns,
        java.time.ZoneId timezone,
        StoreSettings store,
        @Nullable MetaConfig meta,
        List<OidcProvider> sso,
        Duration maxEventAge,
        Duration maxEventLead,
        @Nullable PasskeySettings passkeys,
        ExportSection.Settings exports,
        Duration warmUp) {
    ServeConfig {
        sso = List.copyOf(sso);
        ruleFolders = List.copyOf(ruleFolders);
        ownerships = List.copyOf(ownerships);
        grokPatterns = Map.copyOf(grokPatterns);
    }

    /** Returns this configuration with other store settings. */
    ServeConfig withStore(StoreSettings settings) {
        return with(settings, sso, maxEventAge, maxEventLead);
    }

    /** Returns this configuration with other single sign-on providers. */
    ServeConfig withSso(List<OidcProvider> providers) {
        return with(store, providers, maxEventAge, maxEventLead);
    }

    /** Returns this configuration with another window of believed event times. */
    ServeConfig withEventTimes(Duration age, Duration lead) {
        return with(store, sso, age, lead);
    }

    private ServeConfig with(StoreSettings settings, List<OidcProvider> providers, Duration age, Duration lead) {
        return new ServeConfig(
                data,
                http,
                httpTls,
                httpBehindProxy,
                maxBodyBytes,
                syslogUdp,
                syslogTcp,
                syslogTls,
                maxMessageBytes,
                maxConnections,
                syslogFormat,
                journalSegmentBytes,
                journalBudgetBytes,
                fsync,
                batchSize,
                pollWait,
                ruleFolders,
                mapping,
                reloadInterval,
                alertWindow,
                maxEventRefs,
                ownerships,
                defaultOrganization,
                defaultSystem,
                grokPatterns,
                timezone,
                settings,
                meta,
                providers,
                age,
                lead,
                passkeys,
                exports,
                warmUp);
    }

    /** Returns the URL scheme of the HTTP API: {@code https} when it serves TLS itself, else {@code http}. */
    String httpScheme() {
        return httpTls == null ? "http" : "https";
    }

    /**
     * Names a TLS listener.
     *
     * @param address where it listens
     * @param identity its certificate chain and private key (PEM files or a PKCS#12 keystore)
     */
    record TlsListener(HostPort address, TlsIdentity identity) {}
}
