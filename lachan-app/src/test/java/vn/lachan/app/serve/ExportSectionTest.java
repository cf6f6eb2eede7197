package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.security.envelope.RecipientKeyFiles;
import vn.lachan.security.envelope.RecipientKeyPair;

/** Reads the exports section: recipients' key files read at start, and every mistake named. */
class ExportSectionTest {
    @TempDir
    Path dir;

    private ServeConfig read(String yaml) throws IOException {
        Path file = dir.resolve("lachan.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return ConfigReader.read(file, ConfigReader.Overrides.none());
    }

    @Test
    void byDefaultNoRecipientIsRegisteredAndPlainExportsAreAllowed() {
        ServeConfig config = ConfigReader.read(null, ConfigReader.Overrides.none());

        assertThat(config.exports().recipients()).isEmpty();
        assertThat(config.exports().required()).isFalse();
    }

    @Test
    void readsTheRecipientsKeysInOrderRelativeToTheFile() throws IOException {
        RecipientKeyPair a = RecipientKeyPair.generate();
        RecipientKeyPair b = RecipientKeyPair.generate();
        Files.createDirectories(dir.resolve("keys"));
        RecipientKeyFiles.writePublic(dir.resolve("keys/national.pub"), a.publicKey());
        RecipientKeyFiles.writePublic(dir.resolve("keys/archive.pub"), b.publicKey());

        ServeConfig config = read("""
                exports:
                  recipients:
                    national-soc: keys/national.pub
                    archive.2026: keys/archive.pub
                  require_recipient: true
                """);

        assertThat(config.exports().recipients()).containsOnlyKeys("national-soc", "archive.2026");
        assertThat(config.exports().recipients().keySet()).containsExactly("national-soc", "archive.2026");
        assertThat(config.exports().recipients().get("archive.2026")).isEqualTo(b.publicKey());
        assertThat(config.exports().required()).isTrue();
    }

    @Test
    void everyMistakeIsNamedAtStart() throws IOException {
        Files.writeString(dir.resolve("garbage.pub"), "not a key\n");

        assertThatThrownBy(() -> read("""
                        exports:
                          recipients:
                            Bad Name: keys/x.pub
                            missing: keys/missing.pub
                            garbage: garbage.pub
                          require_recipient: true
                          encrypt: always
                        """))
                .isInstanceOf(ConfigReader.ConfigException.class)
                .hasMessageContaining("'Bad Name' is not a recipient name")
                .hasMessageContaining("exports.recipients.missing")
                .hasMessageContaining("no public key file")
                .hasMessageContaining("exports.recipients.garbage")
                .hasMessageContaining("exports.require_recipient")
                .hasMessageContaining("exports.encrypt: unknown setting");
    }
}
