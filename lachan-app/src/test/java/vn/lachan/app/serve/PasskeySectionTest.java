package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.security.passkey.PasskeySettings;

/** Reads the passkeys section: defaults derived from http.listen, explicit settings, and refusals. */
class PasskeySectionTest {
    @TempDir
    Path dir;

    private ServeConfig read(String yaml) throws IOException {
        Path file = dir.resolve("lachan.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return ConfigReader.read(file, ConfigReader.Overrides.none());
    }

    @Test
    void aLoopbackServerGetsPasskeysForLocalhostOnItsPort() {
        PasskeySettings passkeys = Objects.requireNonNull(
                ConfigReader.read(null, ConfigReader.Overrides.none()).passkeys(), "passkeys on by default");

        assertThat(passkeys.rpId()).isEqualTo("localhost");
        assertThat(passkeys.origins()).containsExactly("http://localhost:8080");
        assertThat(passkeys.anyPort()).isFalse();
    }

    @Test
    void aServerOnAnyAddressNeedsAnRpIdForPasskeys() throws IOException {
        ServeConfig off = read("http: {listen: \"0.0.0.0:8443\", allow_insecure: true}\n");
        ServeConfig on = read("""
                http: {listen: "0.0.0.0:8443", allow_insecure: true}
                passkeys: {rp_id: soc.tinh.gov.vn, rp_name: "SOC tỉnh"}
                """);
        ServeConfig disabled = read("passkeys: {enabled: false}\n");

        assertThat(off.passkeys()).isNull();
        assertThat(disabled.passkeys()).isNull();
        PasskeySettings passkeys = Objects.requireNonNull(on.passkeys(), "passkeys with an RP id");
        assertThat(passkeys.origins()).containsExactly("https://soc.tinh.gov.vn");
        assertThat(passkeys.rpName()).isEqualTo("SOC tỉnh");
    }

    @Test
    void explicitOriginsAreKeptAndWrongOnesNamed() throws IOException {
        ServeConfig config = read("""
                passkeys: {rp_id: tinh.gov.vn, origins: ["https://soc.tinh.gov.vn", "https://tinh.gov.vn:8443"]}
                """);

        assertThat(Objects.requireNonNull(config.passkeys(), "passkeys").origins())
                .containsExactlyInAnyOrder("https://soc.tinh.gov.vn", "https://tinh.gov.vn:8443");
        assertThatThrownBy(() -> read("passkeys: {rp_id: tinh.gov.vn, origins: [\"https://evil.example\"]}\n"))
                .isInstanceOf(ConfigReader.ConfigException.class)
                .hasMessageContaining("passkeys.rp_id:")
                .hasMessageContaining("not on the RP id tinh.gov.vn");
        assertThatThrownBy(() -> read("passkeys: {rp_id: 10.0.0.5}\n"))
                .isInstanceOf(ConfigReader.ConfigException.class)
                .hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> read("passkeys: {rp_idd: x}\n"))
                .isInstanceOf(ConfigReader.ConfigException.class)
                .hasMessageContaining("passkeys.rp_idd: unknown setting");
    }
}
