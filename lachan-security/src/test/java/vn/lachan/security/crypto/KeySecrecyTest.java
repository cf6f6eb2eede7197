package vn.lachan.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Checks that master key material shows up in no description, error message or log line. */
class KeySecrecyTest {
    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previousLevel = Level.INFO;

    @BeforeEach
    void captureLogs() {
        previousLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
        root.setLevel(previousLevel);
    }

    @Test
    void theMasterKeyNeverAppearsInDescriptionsMessagesOrLogs() throws Exception {
        SecureRandom random = new SecureRandom();
        MasterKey envKey = MasterKey.generate(1, random);
        List<String> seen = new ArrayList<>();
        CryptoConfig config = new CryptoConfig(dir.resolve("keys"));

        KeyVault vault = KeyVault.open(config, Map.of("LACHAN_MASTER_KEY", envKey.export()), Clock.systemUTC());
        MasterKey next = MasterKey.generate(2, random);
        seen.add(vault.rotate(next).toString());
        seen.add(vault.toString());
        seen.add(vault.status().toString());
        seen.add(envKey.toString());
        seen.add(next.toString());
        seen.add(message(() -> KeyVault.open(config, Map.of("LACHAN_MASTER_KEY", envKey.export()), Clock.systemUTC())));
        seen.add(message(() -> KeyVault.open(
                config, Map.of("LACHAN_MASTER_KEY", envKey.export().substring(3)), Clock.systemUTC())));
        seen.add(message(() -> MasterKey.parse(next.export() + "!", 1, "test")));
        seen.add(message(() -> MasterKey.parse("v2:" + Base64.getEncoder().encodeToString(new byte[31]), 1, "t")));
        seen.add(message(() -> vault.open(vault.seal(new byte[] {1}, "a"), "b")));

        Path fileKeys = dir.resolve("file-keys");
        KeyVault fileVault = KeyVault.open(new CryptoConfig(fileKeys), Map.of(), Clock.systemUTC());
        fileVault.rotate();
        seen.add(fileVault.toString());
        List<MasterKey> keys = List.of(
                envKey,
                next,
                MasterKey.parse(Files.readString(fileKeys.resolve("master-v1.key")), 1, "f"),
                MasterKey.parse(Files.readString(fileKeys.resolve("master-v2.key")), 2, "f"));
        logs.list.forEach(event -> seen.add(event.getFormattedMessage()));

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains("Rotated"));
        assertThat(seen).allMatch(text -> !text.isBlank());
        for (MasterKey key : keys) {
            byte[] raw = key.bytes();
            String base64 = Base64.getEncoder().encodeToString(raw);
            String hex = HexFormat.of().formatHex(raw);
            for (String text : seen) {
                assertThat(text)
                        .doesNotContain(base64.substring(0, 16))
                        .doesNotContainIgnoringCase(hex.substring(0, 16));
            }
        }
    }

    private static String message(Runnable action) {
        Throwable thrown = catchThrowable(action::run);
        assertThat(thrown).isNotNull();
        return String.valueOf(thrown.getMessage());
    }
}
