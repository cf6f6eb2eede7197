package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.tls.TlsIdentity;
import vn.lachan.testkit.tls.SelfSignedCertificate;

class ConfigReaderTest {
    private static final Path REFERENCE = Path.of("../config/lachan.yml");

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("lachan.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theReferenceFileReadsAsTheDefaults() {
        ServeConfig reference = ConfigReader.read(REFERENCE, ConfigReader.Overrides.none());
        ServeConfig defaults = ConfigReader.read(null, ConfigReader.Overrides.none());

        assertThat(reference.http()).isEqualTo(defaults.http()).isEqualTo(new HostPort("127.0.0.1", 8080));
        assertThat(reference.syslogTcp()).isEqualTo(defaults.syslogTcp()).isEqualTo(new HostPort("127.0.0.1", 1514));
        assertThat(reference.syslogUdp()).isEqualTo(defaults.syslogUdp());
        assertThat(reference.syslogTls()).isNull();
        assertThat(reference.journalBudgetBytes())
                .isEqualTo(defaults.journalBudgetBytes())
                .isEqualTo(4L << 30);
        assertThat(reference.pollWait()).isEqualTo(defaults.pollWait()).isEqualTo(Duration.ofMillis(50));
        assertThat(reference.timezone()).isEqualTo(defaults.timezone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(reference.data()).isEqualTo(REFERENCE.toAbsolutePath().resolveSibling("lachan-data"));
        assertThat(reference.store()).isEqualTo(defaults.store());
        assertThat(reference.warmUp()).isEqualTo(defaults.warmUp()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.store().sealGrace()).isEqualTo(java.time.Duration.ofDays(3));
        assertThat(reference.maxEventAge()).isEqualTo(defaults.maxEventAge()).isEqualTo(Duration.ofDays(730));
        assertThat(reference.maxEventLead()).isEqualTo(defaults.maxEventLead()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void everySettingTheReaderKnowsIsDocumentedInTheReferenceFile() throws IOException {
        String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        String reader = "";
        for (String source : List.of(
                "ConfigReader", "StoreSettings", "MetaSettings", "SsoSettings", "PasskeySection", "ExportSection")) {
            reader += Files.readString(
                    Path.of("src/main/java/vn/lachan/app/serve/" + source + ".java"), StandardCharsets.UTF_8);
        }
        Matcher keys = Pattern.compile(
                        "\\.(?:text|optionalText|flag|integer|size|duration|texts|sections|entries|section)"
                                + "\\(\"([a-z_]+)\"")
                .matcher(reader);
        int seen = 0;
        while (keys.find()) {
            seen++;
            assertThat(reference)
                    .as("setting %s documented", keys.group(1))
                    .containsPattern("(?m)^\\s*#?\\s*-?\\s*" + keys.group(1) + ":");
        }
        assertThat(seen).isGreaterThan(25);
    }

    @Test
    void readsAFullFileAndResolvesPathsAgainstItsFolder() throws IOException {
        Path file = write("""
                data: d
                http: {listen: "0.0.0.0:9200", max_body: 2MiB, allow_insecure: true}
                syslog: {udp: "", tcp: "[::1]:6601", max_message: 8KiB, format: json}
                journal: {segment: 1MiB, budget: 8MiB, fsync: false}
                rules: {folders: [r1, r2], reload_interval: 500ms}
                pipeline: {max_event_age: 3650d, max_event_lead: 8h, warm_up: 0s}
                alerts: {group_window: 10m}
                ownership:
                  default_organization: tinh
                  systems:
                    - {organization: so-ttt, system: cong-dvc, hosts: ["*.dvc.gov.vn"], networks: [10.2.0.0/16]}
                parsers: {timezone: UTC, grok: {app: "%{WORD:w}"}}
                """);
        ServeConfig c = ConfigReader.read(file, ConfigReader.Overrides.none());

        assertThat(c.data()).isEqualTo(dir.resolve("d"));
        assertThat(c.http()).isEqualTo(new HostPort("0.0.0.0", 9200));
        assertThat(c.maxBodyBytes()).isEqualTo(2L << 20);
        assertThat(c.syslogUdp()).isNull();
        assertThat(c.syslogTcp()).isEqualTo(new HostPort("::1", 6601));
        assertThat(c.maxMessageBytes()).isEqualTo(8 << 10);
        assertThat(c.fsync()).isFalse();
        assertThat(c.ruleFolders()).containsExactly(dir.resolve("r1"), dir.resolve("r2"));
        assertThat(c.reloadInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.alertWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.defaultOrganization()).isEqualTo("tinh");
        assertThat(c.ownerships()).singleElement().satisfies(o -> {
            assertThat(o.organization()).isEqualTo("so-ttt");
            assertThat(o.networks()).containsExactly("10.2.0.0/16");
        });
        assertThat(c.grokPatterns()).containsEntry("app", "%{WORD:w}");
        assertThat(c.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(c.maxEventAge()).isEqualTo(Duration.ofDays(3650));
        assertThat(c.maxEventLead()).isEqualTo(Duration.ofHours(8));
        assertThat(c.warmUp()).isZero();
    }

    @Test
    void refusesAPlaintextApiOffLoopbackUnlessToldAndAMalformedDatabaseUrl() throws IOException {
        Path file = write("""
                http: {listen: "0.0.0.0:8080"}
                meta: {url: "jdbc:mysql://db/lachan"}
                """);

        assertThatThrownBy(() -> ConfigReader.read(file, ConfigReader.Overrides.none()))
                .hasMessageContaining("http.listen: 0.0.0.0:8080 is not a loopback address")
                .hasMessageContaining("Give http.tls a certificate and key")
                .hasMessageContaining("http.allow_insecure: true")
                .hasMessageContaining("meta.url: must be a PostgreSQL JDBC URL");
        assertThat(ConfigReader.read(null, ConfigReader.Overrides.none()).meta())
                .isNull();
    }

    @Test
    void readsHttpTlsAgainstTheFilesFolderAndAllowsANonLoopbackAddressWithIt() throws IOException {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Path file = write("""
                http: {listen: "0.0.0.0:8443", tls: {certificate: cert.pem, key: key.pem}}
                """);

        ServeConfig c = ConfigReader.read(file, ConfigReader.Overrides.none());

        assertThat(c.http()).isEqualTo(new HostPort("0.0.0.0", 8443));
        assertThat(c.httpTls()).isEqualTo(new TlsIdentity.Pem(cert.certificate(), cert.key()));
        assertThat(c.httpScheme()).isEqualTo("https");
        assertThat(c.httpBehindProxy()).isFalse();
        ServeConfig plain = ConfigReader.read(null, ConfigReader.Overrides.none());
        assertThat(plain.httpTls()).isNull();
        assertThat(plain.httpScheme()).isEqualTo("http");
    }

    @Test
    void namesAMissingUnreadableOrForeignCertificateAndKeyWithEveryOtherProblem() throws IOException {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Files.writeString(dir.resolve("garbage.pem"), "not a certificate", StandardCharsets.UTF_8);
        Path otherKey = dir.resolve("other");
        Files.createDirectories(otherKey);
        SelfSignedCertificate other = SelfSignedCertificate.create(otherKey);
        Path missing = dir.resolve("missing.pem");
        Path file = write("""
                http: {listen: "0.0.0.0:8443", tls: {certificate: missing.pem, key: key.pem}}
                syslog:
                  tls: {listen: "127.0.0.1:6514", certificate: garbage.pem, key: key.pem}
                journal: {segment: 1MiB, budget: 1MiB}
                """);
        Path mismatched = dir.resolve("mismatched.yml");
        Files.writeString(
                mismatched,
                "http: {tls: {certificate: cert.pem, key: other/key.pem}}\n"
                        + "syslog: {tls: {listen: \"127.0.0.1:6514\", key: key.pem}}\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfigReader.read(file, ConfigReader.Overrides.none()))
                .hasMessageContaining("http.tls.certificate: cannot read " + missing)
                .hasMessageNotContaining("is not a loopback address")
                .hasMessageContaining(
                        "syslog.tls.certificate: cannot read the certificate chain " + dir.resolve("garbage.pem"))
                .hasMessageContaining("journal.budget");
        assertThat(other.key()).isNotEqualTo(cert.key());
        assertThatThrownBy(() -> ConfigReader.read(mismatched, ConfigReader.Overrides.none()))
                .hasMessageContaining("http.tls.key: the private key in " + other.key() + " does not belong")
                .hasMessageContaining("syslog.tls.certificate: a TLS listener needs a certificate");
    }

    @Test
    void readsRetentionBySystemLevelOrganizationAndLegalHolds() throws IOException {
        Path file = write("""
                store: {seal_grace: 2h, maintenance_interval: 30s, commit_interval: 5s}
                retention:
                  fallback: 1y
                  organizations: {so-ttt: 6 months}
                  systems:
                    - {system: so-ttt/cong-dvc, level: 3}
                    - {system: so-yt/his, level: 2, period: P90D}
                  holds:
                    - {reason: "Điều tra sự cố SC-2026-014", from: "2026-03-01T00:00:00Z", system: so-ttt/mail}
                """);
        StoreSettings s = ConfigReader.read(file, ConfigReader.Overrides.none()).store();

        assertThat(s.sealGrace()).isEqualTo(Duration.ofHours(2));
        assertThat(s.maintenanceInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.commitInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.retentionEnabled()).isTrue();
        assertThat(s.retention().ruleFor("so-ttt", "cong-dvc").period()).isEqualTo(Period.ofMonths(3));
        assertThat(s.retention().ruleFor("so-yt", "his").period()).isEqualTo(Period.ofDays(90));
        assertThat(s.retention().ruleFor("so-ttt", "mail").period()).isEqualTo(Period.ofMonths(6));
        assertThat(s.retention().ruleFor("xa-a", "web").period()).isEqualTo(Period.ofYears(1));
        assertThat(s.holds()).singleElement().satisfies(h -> {
            assertThat(h.system()).isEqualTo("so-ttt/mail");
            assertThat(h.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
            assertThat(h.to()).isNull();
        });
    }

    @Test
    void refusesRetentionBelowTheLegalMinimumAndMalformedRules() throws IOException {
        Path file = write("""
                store: {maintenance_interval: 10ms, commit_interval: 2m}
                retention:
                  fallback: 7d
                  organizations: {so-ttt: forever}
                  systems:
                    - {system: cong-dvc, level: 3}
                    - {system: so-yt/his, level: 9}
                    - {system: so-yt/mail, level: 2, period: 2 weeks}
                  holds:
                    - {reason: "", from: "2026-03-01T00:00:00Z"}
                    - {reason: "x", from: "yesterday"}
                """);

        assertThatThrownBy(() -> ConfigReader.read(file, ConfigReader.Overrides.none()))
                .hasMessageContaining("store.maintenance_interval: must be at least 1s")
                .hasMessageContaining("store.commit_interval: must be 100ms to 1m, not 2m")
                .hasMessageContaining("retention.fallback: P7D is shorter than the legal minimum of 30 days")
                .hasMessageContaining("retention.organizations.so-ttt: must be a period such as 30d")
                .hasMessageContaining("retention.systems[0].system: must be ORGANIZATION/SYSTEM")
                .hasMessageContaining("retention.systems[1].level: must be a whole number from 1 to 5")
                .hasMessageContaining("retention.systems[2].period: must be a period")
                .hasMessageContaining("retention.holds[0].reason: a legal hold needs a reason")
                .hasMessageContaining("retention.holds[1].from: must be an instant");
    }

    @Test
    void theCommandLineOverridesTheFile() throws IOException {
        Path file = write("data: d\nhttp: {listen: \"0.0.0.0:9200\"}\nrules: {folders: [r1]}\n");
        ServeConfig c = ConfigReader.read(
                file,
                new ConfigReader.Overrides(Path.of("other"), "127.0.0.1:0", "127.0.0.1:0", List.of(Path.of("x"))));

        assertThat(c.data()).isEqualTo(Path.of("other"));
        assertThat(c.http().port()).isZero();
        assertThat(c.syslogTcp()).isEqualTo(c.syslogUdp()).isEqualTo(new HostPort("127.0.0.1", 0));
        assertThat(c.ruleFolders()).containsExactly(Path.of("x"));
    }

    @Test
    void reportsEveryProblemAtOnceWithTheSettingsPath() throws IOException {
        Path file = write("""
                htpp: {listen: x}
                http: {listen: "nope", max_body: lots}
                journal: {segment: 1MiB, budget: 1MiB, fsync: maybe}
                pipeline: {batch_size: 0, poll_wait: soon, max_event_age: 0s}
                ownership: {systems: [{organization: "a/b", system: s, networks: [300.1.1.1/8]}]}
                parsers: {timezone: Mars/Base}
                """);

        assertThatThrownBy(() -> ConfigReader.read(file, ConfigReader.Overrides.none()))
                .isInstanceOf(ConfigReader.ConfigException.class)
                .hasMessageContaining("htpp: unknown setting (did you mean 'http'?)")
                .hasMessageContaining("listen: 'nope' is not HOST:PORT")
                .hasMessageContaining("http.max_body: must be a size")
                .hasMessageContaining("journal.fsync: must be true or false")
                .hasMessageContaining("journal.budget: must hold at least two segments")
                .hasMessageContaining("pipeline.batch_size: must be a whole number from 1 to 100000")
                .hasMessageContaining("pipeline.poll_wait: must be a duration")
                .hasMessageContaining("pipeline.max_event_age: must be longer than zero, not 0s")
                .hasMessageContaining("ownership.systems[0].system:")
                .hasMessageContaining("parsers.timezone: 'Mars/Base' is not a time zone");
    }

    @Test
    void refusesAFileThatIsNotYamlOrNotAMapping() throws IOException {
        Path broken = write("http: [\n");
        assertThatThrownBy(() -> ConfigReader.read(broken, ConfigReader.Overrides.none()))
                .hasMessageContaining("is not valid YAML");
        Path list = write("- a\n- b\n");
        assertThatThrownBy(() -> ConfigReader.read(list, ConfigReader.Overrides.none()))
                .hasMessageContaining("must be a mapping of settings");
        assertThatThrownBy(() -> ConfigReader.read(dir.resolve("missing.yml"), ConfigReader.Overrides.none()))
                .hasMessageContaining("cannot read the configuration file");
    }
}
