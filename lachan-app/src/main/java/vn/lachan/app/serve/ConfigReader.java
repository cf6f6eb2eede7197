package vn.lachan.app.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import vn.lachan.core.tls.TlsIdentity;
import vn.lachan.meta.MetaConfig;
import vn.lachan.pipeline.Ownership;
import vn.lachan.pipeline.PipelineConfig;
import vn.lachan.security.passkey.PasskeySettings;
import vn.lachan.security.sso.OidcProvider;

/**
 * Reads the configuration file and the command-line overrides into a {@link ServeConfig}, collecting
 * every problem (with the setting's path) before failing, so that one start shows them all.
 *
 * <p>Relative paths in the file are relative to the file's folder; on the command line, to the working
 * folder.
 */
final class ConfigReader {
    /** Overrides from the command line; null or empty values leave the file's setting. */
    record Overrides(
            @Nullable Path data,
            @Nullable String http,
            @Nullable String syslog,
            List<Path> rules) {
        Overrides {
            rules = List.copyOf(rules);
        }

        static Overrides none() {
            return new Overrides(null, null, null, List.of());
        }
    }

    private ConfigReader() {}

    /** Reads {@code file} (null: defaults only) with the overrides; throws with every problem found. */
    static ServeConfig read(@Nullable Path file, Overrides overrides) {
        Map<?, ?> root = file == null ? Map.of() : load(file);
        Path base = file == null
                ? Path.of("")
                : java.util.Objects.requireNonNull(file.toAbsolutePath().getParent());
        List<String> problems = new ArrayList<>();
        ServeConfig config = read(new Section("", root, problems), base, overrides, problems);
        if (!problems.isEmpty()) {
            String where = file == null ? "the command line" : file.toString();
            throw new ConfigException("bad configuration in " + where + ":\n  " + String.join("\n  ", problems));
        }
        return config;
    }

    private static Map<?, ?> load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage());
        }
        try {
            Object doc =
                    new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
            if (doc == null) {
                return Map.of();
            }
            if (doc instanceof Map<?, ?> m) {
                return m;
            }
            throw new ConfigException("the configuration file " + file + " must be a mapping of settings");
        } catch (YamlEngineException e) {
            throw new ConfigException("the configuration file " + file + " is not valid YAML: " + e.getMessage());
        }
    }

    private static ServeConfig read(Section root, Path base, Overrides o, List<String> problems) {
        Path fileData = base.resolve(root.text("data", "lachan-data"));
        Path data = o.data() != null ? o.data() : fileData;
        Section http = root.section("http");
        HostPort httpAt = address(http, "listen", "127.0.0.1:8080", o.http(), problems);
        long maxBody = http.size("max_body", 64L << 20);
        boolean insecure = http.flag("allow_insecure", false);
        TlsIdentity httpTls = identity(http.section("tls"), base);
        if (!httpAt.loopback() && !insecure && httpTls == null) {
            http.problem(
                    "listen",
                    httpAt + " is not a loopback address: without TLS, passwords, session cookies and tokens would"
                            + " cross the network in clear. Give http.tls a certificate and key, or put a TLS reverse"
                            + " proxy in front and set http.allow_insecure: true to say so");
        }
        Section syslog = root.section("syslog");
        HostPort udp = optionalAddress(syslog, "udp", "127.0.0.1:1514", o.syslog(), problems);
        HostPort tcp = optionalAddress(syslog, "tcp", "127.0.0.1:1514", o.syslog(), problems);
        ServeConfig.TlsListener tls = tls(syslog.section("tls"), base);
        int maxMessage = (int) Math.min(Integer.MAX_VALUE, syslog.size("max_message", 64 << 10));
        int maxConnections = syslog.integer("max_connections", 2000, 1, 1_000_000);
        String syslogFormat = syslog.text("format", "auto");
        Section journal = root.section("journal");
        long segment = journal.size("segment", 64L << 20);
        long budget = journal.size("budget", 4L << 30);
        boolean fsync = journal.flag("fsync", true);
        Section pipeline = root.section("pipeline");
        int batch = pipeline.integer("batch_size", 4096, 1, 100_000);
        Duration pollWait = pipeline.duration("poll_wait", Duration.ofMillis(50));
        Duration maxAge = positive(pipeline, "max_event_age", PipelineConfig.MAX_EVENT_AGE);
        Duration maxLead = positive(pipeline, "max_event_lead", PipelineConfig.MAX_EVENT_LEAD);
        Duration warmUp = pipeline.duration("warm_up", Duration.ofSeconds(20));
        Section rules = root.section("rules");
        List<Path> folders = o.rules().isEmpty()
                ? rules.texts("folders").stream().map(base::resolve).toList()
                : o.rules();
        rules.texts("folders");
        String mapping = rules.optionalText("mapping", null);
        Duration reload = rules.duration("reload_interval", Duration.ofSeconds(2));
        Section alerts = root.section("alerts");
        Duration window = alerts.duration("group_window", Duration.ofHours(1));
        int refs = alerts.integer("max_event_refs", 20, 1, 1000);
        Section owners = root.section("ownership");
        String defaultOrg = owners.text("default_organization", "unassigned");
        String defaultSystem = owners.text("default_system", "unassigned");
        List<Ownership> ownerships = ownerships(owners, problems);
        Section parsers = root.section("parsers");
        Map<String, String> grok = grok(parsers);
        java.time.ZoneId zone = zone(parsers);
        parsers.rejectUnknown();
        StoreSettings store = StoreSettings.read(root.section("store"), root.section("retention"));
        MetaConfig meta = MetaSettings.read(root.section("meta"), System.getenv());
        List<OidcProvider> sso = SsoSettings.read(root.section("sso"), System.getenv());
        PasskeySettings passkeys = PasskeySection.read(root.section("passkeys"), httpAt, httpTls != null);
        ExportSection.Settings exports = ExportSection.read(root.section("exports"), base);
        for (Section s : List.of(http, syslog, journal, pipeline, rules, alerts, owners)) {
            s.rejectUnknown();
        }
        root.rejectUnknown();
        if (budget < 2 * segment) {
            problems.add("journal.budget: must hold at least two segments (" + 2 * segment + " bytes)");
        }
        return new ServeConfig(
                data,
                httpAt,
                httpTls,
                insecure,
                maxBody,
                udp,
                tcp,
                tls,
                maxMessage,
                maxConnections,
                syslogFormat,
                segment,
                budget,
                fsync,
                batch,
                pollWait,
                folders,
                mapping == null ? null : base.resolve(mapping),
                reload,
                window,
                refs,
                ownerships,
                defaultOrg,
                defaultSystem,
                grok,
                zone,
                store,
                meta,
                sso,
                maxAge,
                maxLead,
                passkeys,
                exports,
                warmUp);
    }

    private static Duration positive(Section s, String key, Duration fallback) {
        Duration d = s.duration(key, fallback);
        if (!d.isPositive()) {
            s.problem(key, "must be longer than zero, not " + s.raw(key));
            return fallback;
        }
        return d;
    }

    private static HostPort address(
            Section s, String key, String fallback, @Nullable String override, List<String> problems) {
        String text = override != null ? override : s.text(key, fallback);
        s.raw(key);
        return HostPort.parse(text).orElseGet(() -> {
            problems.add((override != null ? "--" + key : key) + ": '" + text + "' is not HOST:PORT");
            return HostPort.parse(fallback).orElseThrow();
        });
    }

    private static @Nullable HostPort optionalAddress(
            Section s, String key, String fallback, @Nullable String override, List<String> problems) {
        String text = override != null ? override : s.optionalText(key, fallback);
        s.raw(key);
        if (text == null) {
            return null;
        }
        return HostPort.parse(text).orElseGet(() -> {
            s.problem(key, "'" + text + "' is not HOST:PORT (leave it empty to turn the listener off)");
            return null;
        });
    }

    private static ServeConfig.@Nullable TlsListener tls(Section tls, Path base) {
        String listen = tls.optionalText("listen", null);
        HostPort at = listen == null ? null : HostPort.parse(listen).orElse(null);
        if (listen != null && at == null) {
            tls.problem("listen", "'" + listen + "' is not HOST:PORT");
        }
        TlsIdentity identity = identity(tls, base, listen != null);
        if (listen != null && identity == null) {
            tls.problem("certificate", "a TLS listener needs a certificate (PEM chain or PKCS#12 keystore)");
        }
        return at == null || identity == null ? null : new ServeConfig.TlsListener(at, identity);
    }

    private static @Nullable TlsIdentity identity(Section tls, Path base) {
        return identity(tls, base, true);
    }

    /**
     * Reads {@code certificate}, {@code key} and {@code password}; returns null when no certificate is named. When
     * {@code used}, loads the files, so that a missing, unreadable or mismatched one is a problem now, with the
     * others, rather than a failed start.
     */
    private static @Nullable TlsIdentity identity(Section tls, Path base, boolean used) {
        String certificate = tls.optionalText("certificate", null);
        String key = tls.optionalText("key", null);
        String password = tls.text("password", "");
        tls.rejectUnknown();
        if (certificate == null) {
            if (key != null && used) {
                tls.problem("certificate", "the key " + key + " needs its certificate chain beside it");
            }
            return null;
        }
        TlsIdentity identity =
                TlsIdentity.of(base.resolve(certificate), key == null ? null : base.resolve(key), password);
        if (!used) {
            return identity;
        }
        if (!Files.isReadable(base.resolve(certificate))) {
            tls.problem("certificate", "cannot read " + base.resolve(certificate));
        } else if (key != null && !Files.isReadable(base.resolve(key))) {
            tls.problem("key", "cannot read " + base.resolve(key));
        } else {
            try {
                identity.serverContext();
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage());
                tls.problem(message.contains("private key") ? "key" : "certificate", message);
            }
        }
        return identity;
    }

    private static List<Ownership> ownerships(Section owners, List<String> problems) {
        List<Ownership> out = new ArrayList<>();
        for (Section s : owners.sections("systems")) {
            String org = s.text("organization", "");
            String system = s.text("system", "");
            List<String> hosts = s.texts("hosts");
            List<String> networks = s.texts("networks");
            List<String> sources = s.texts("sources");
            s.rejectUnknown();
            try {
                out.add(new Ownership(org, system, hosts, networks, sources));
            } catch (IllegalArgumentException e) {
                s.problem("system", String.valueOf(e.getMessage()));
            }
        }
        return out;
    }

    private static Map<String, String> grok(Section parsers) {
        Map<String, String> out = new LinkedHashMap<>();
        parsers.entries("grok").forEach((name, pattern) -> out.put(String.valueOf(name), String.valueOf(pattern)));
        return out;
    }

    private static java.time.ZoneId zone(Section parsers) {
        String text = parsers.text("timezone", "Asia/Ho_Chi_Minh");
        try {
            return java.time.ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            parsers.problem("timezone", "'" + text + "' is not a time zone (such as Asia/Ho_Chi_Minh or UTC)");
            return java.time.ZoneOffset.UTC;
        }
    }

    /** Reports a configuration that cannot start the platform; the message lists every problem. */
    static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConfigException(String message) {
            super(message);
        }
    }
}
