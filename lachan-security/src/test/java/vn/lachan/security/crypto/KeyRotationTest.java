package vn.lachan.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private KeyVault open(Map<String, String> env) {
        return KeyVault.open(new CryptoConfig(dir.resolve("keys")), env, CLOCK);
    }

    private static int dataKeyId(byte[] sealed) {
        return ByteBuffer.wrap(sealed, 1, 4).getInt();
    }

    @Test
    void rotationKeepsOldValuesReadableAndSealsNewOnesUnderTheNewVersion() {
        KeyVault vault = open(Map.of());
        byte[] old = vault.seal(bytes("cũ"), "c");
        RotationReport report = vault.rotate();
        assertThat(report.previousVersion()).isEqualTo(1);
        assertThat(report.newVersion()).isEqualTo(2);
        assertThat(report.rewrappedDataKeys()).isEqualTo(1);
        assertThat(report.keyFile()).contains(dir.resolve("keys/master-v2.key"));
        byte[] fresh = vault.seal(bytes("mới"), "c");
        assertThat(dataKeyId(old)).isEqualTo(1);
        assertThat(dataKeyId(fresh)).isEqualTo(report.newDataKeyId()).isEqualTo(2);
        assertThat(vault.open(old, "c")).isEqualTo(bytes("cũ"));

        KeyVault reopened = open(Map.of());
        assertThat(reopened.status().masterKeyVersion()).isEqualTo(2);
        assertThat(reopened.status().dataKeys()).isEqualTo(2);
        assertThat(reopened.open(old, "c")).isEqualTo(bytes("cũ"));
        assertThat(reopened.open(fresh, "c")).isEqualTo(bytes("mới"));
    }

    @Test
    void theKeyringOnDiskIsWrappedUnderTheNewMasterKeyOnly() throws Exception {
        KeyVault vault = open(Map.of());
        vault.rotate();
        String keyring = Files.readString(dir.resolve("keys/keyring"));
        assertThat(keyring).contains("master-version 2\n");
        // The old master key no longer opens the keyring: the keyring names version 2.
        Files.delete(dir.resolve("keys/master-v2.key"));
        assertThatThrownBy(() -> open(Map.of()))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("master-v2.key (key version 2) is missing");
    }

    @Test
    void aDataKeyPastItsLifetimeGivesWayToAFreshOneOnTheNextSeal() {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-01T08:00:00Z"));
        CryptoConfig config = new CryptoConfig(dir.resolve("keys"), java.time.Duration.ofDays(30));
        KeyVault vault = KeyVault.open(config, Map.of(), clock);
        byte[] first = vault.seal(bytes("một"), "c");
        clock.advance(java.time.Duration.ofDays(29));
        assertThat(dataKeyId(vault.seal(bytes("hai"), "c"))).isEqualTo(1);
        clock.advance(java.time.Duration.ofDays(1));
        byte[] third = vault.seal(bytes("ba"), "c");
        assertThat(dataKeyId(third)).isEqualTo(2);
        assertThat(vault.status().masterKeyVersion()).isEqualTo(1);
        KeyVault reopened = KeyVault.open(config, Map.of(), clock);
        assertThat(reopened.status().currentDataKey()).isEqualTo(2);
        assertThat(reopened.open(first, "c")).isEqualTo(bytes("một"));
        assertThat(reopened.open(third, "c")).isEqualTo(bytes("ba"));
        assertThat(dataKeyId(reopened.seal(bytes("bốn"), "c"))).isEqualTo(2);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(java.time.Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRotationInterruptedBeforeTheRenameLeavesTheOldKeyringWorking() throws Exception {
        KeyVault vault = open(Map.of());
        byte[] old = vault.seal(bytes("trước"), "c");
        Path keys = dir.resolve("keys");
        // What a crash between writing the new master key and renaming the new keyring leaves behind.
        Files.writeString(
                keys.resolve("master-v2.key"),
                MasterKey.generate(2, new SecureRandom()).export());
        Files.setPosixFilePermissions(
                keys.resolve("master-v2.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(keys.resolve(".keyring.123.tmp"), "half-written");

        KeyVault restarted = open(Map.of());
        assertThat(restarted.status().masterKeyVersion()).isEqualTo(1);
        assertThat(restarted.open(old, "c")).isEqualTo(bytes("trước"));
        RotationReport report = restarted.rotate();
        assertThat(report.newVersion()).isEqualTo(3);
        assertThat(open(Map.of()).open(old, "c")).isEqualTo(bytes("trước"));
    }

    @Test
    void environmentModeRotatesToACallerSuppliedKey() {
        SecureRandom random = new SecureRandom();
        MasterKey first = MasterKey.generate(1, random);
        KeyVault vault = open(Map.of("LACHAN_MASTER_KEY", first.export()));
        byte[] old = vault.seal(bytes("a"), "c");
        assertThatThrownBy(vault::rotate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LACHAN_MASTER_KEY");
        MasterKey second = MasterKey.generate(2, random);
        assertThatThrownBy(() -> vault.rotate(MasterKey.generate(1, random)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above 1");
        RotationReport report = vault.rotate(second);
        assertThat(report.keyFile()).isEmpty();
        assertThat(Files.exists(dir.resolve("keys/master-v1.key"))).isFalse();

        assertThat(open(Map.of("LACHAN_MASTER_KEY", second.export())).open(old, "c"))
                .isEqualTo(bytes("a"));
        // The key without its version prefix is taken as the keyring's version.
        String bare = second.export().substring("v2:".length());
        assertThat(open(Map.of("LACHAN_MASTER_KEY", bare)).open(old, "c")).isEqualTo(bytes("a"));
        String oldBare = first.export().substring("v1:".length());
        assertThatThrownBy(() -> open(Map.of("LACHAN_MASTER_KEY", oldBare)))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("the master key does not open keyring")
                .hasMessageContaining("(key version 2)");
        assertThatThrownBy(() -> open(Map.of("LACHAN_MASTER_KEY", first.export())))
                .hasMessageContaining("wrapped under master key version 2, but the master key given is version 1");
    }

    @Test
    void sealingContinuesWhileTheKeyRotates() throws Exception {
        KeyVault vault = open(Map.of());
        List<Future<List<byte[]>>> writers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(
                3, Thread.ofPlatform().name("sealer-", 0).factory())) {
            for (int t = 0; t < 3; t++) {
                int thread = t;
                writers.add(pool.submit(() -> sealMany(vault, thread)));
            }
            for (int i = 0; i < 3; i++) {
                vault.rotate();
                vault.rotateDataKey();
            }
        }
        KeyVault reopened = open(Map.of());
        assertThat(reopened.status().masterKeyVersion()).isEqualTo(4);
        assertThat(reopened.status().dataKeys()).isEqualTo(7);
        for (int t = 0; t < 3; t++) {
            List<byte[]> sealed = writers.get(t).get();
            for (int i = 0; i < sealed.size(); i++) {
                assertThat(reopened.open(sealed.get(i), "row:" + t + ":" + i)).isEqualTo(bytes(t + "/" + i));
            }
        }
    }

    private static List<byte[]> sealMany(KeyVault vault, int thread) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            out.add(vault.seal(bytes(thread + "/" + i), "row:" + thread + ":" + i));
        }
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
