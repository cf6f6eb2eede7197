package vn.lachan.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyVaultTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
    private static final byte[] EMAIL = "nguyễn.văn.an@sotttt.lachan.gov.vn".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private KeyVault open(Map<String, String> env) {
        return KeyVault.open(new CryptoConfig(dir.resolve("keys")), env, CLOCK);
    }

    @Test
    void sealsAndOpensUnderTheSameContext() {
        KeyVault vault = open(Map.of());
        byte[] sealed = vault.seal(EMAIL, "users.email:42");
        assertThat(sealed).hasSize(EMAIL.length + 33);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("lachan.gov.vn");
        assertThat(vault.open(sealed, "users.email:42")).isEqualTo(EMAIL);
        assertThat(vault.open(vault.seal(new byte[0], "empty"), "empty")).isEmpty();
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentCiphertexts() {
        KeyVault vault = open(Map.of());
        assertThat(vault.seal(EMAIL, "c")).isNotEqualTo(vault.seal(EMAIL, "c"));
    }

    @Test
    void refusesAValueMovedToAnotherContextAndNamesTheContext() {
        KeyVault vault = open(Map.of());
        byte[] sealed = vault.seal(EMAIL, "users.email:42");
        assertThatThrownBy(() -> vault.open(sealed, "users.email:43"))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("'users.email:43'")
                .hasMessageContaining("altered, or it was sealed for another context");
    }

    @Test
    void refusesEveryFlippedBitWithTheSpecificReason() {
        KeyVault vault = open(Map.of());
        byte[] sealed = vault.seal("totp-secret".getBytes(StandardCharsets.UTF_8), "users.totp:7");
        int refusals = 0;
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] bad = sealed.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            String expected = bit < 8 ? "has format version" : bit < 40 ? "names data key" : "does not open";
            assertThatThrownBy(() -> vault.open(bad, "users.totp:7"))
                    .isInstanceOf(SealException.class)
                    .hasMessageContaining(expected)
                    .hasMessageContaining("users.totp:7");
            refusals++;
        }
        assertThat(refusals).isEqualTo(sealed.length * 8);
    }

    @Test
    void refusesTruncatedValues() {
        KeyVault vault = open(Map.of());
        byte[] sealed = vault.seal(EMAIL, "c");
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> vault.open(cut, "c")).isInstanceOf(SealException.class);
        }
    }

    @Test
    void createsOwnerOnlyKeyFilesOnFirstStartAndReopensThem() throws IOException {
        KeyVault first = open(Map.of());
        byte[] sealed = first.seal(EMAIL, "c");
        Path masterFile = dir.resolve("keys/master-v1.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(masterFile)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/keyring"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))))
                .isEqualTo("rwx------");
        assertThat(open(Map.of()).open(sealed, "c")).isEqualTo(EMAIL);
    }

    @Test
    void refusesAMasterKeyFileReadableByOthers() throws IOException {
        open(Map.of());
        Path masterFile = dir.resolve("keys/master-v1.key");
        Files.setPosixFilePermissions(masterFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> open(Map.of()))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("readable by group or others (rw-r--r--)")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aWrongMasterKeyIsAClearErrorNamingTheKeyring() {
        MasterKey right = MasterKey.generate(1, new java.security.SecureRandom());
        open(Map.of("LACHAN_MASTER_KEY", right.export()));
        MasterKey wrong = MasterKey.generate(1, new java.security.SecureRandom());
        assertThatThrownBy(() -> open(Map.of("LACHAN_MASTER_KEY", wrong.export())))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("the master key does not open keyring " + dir.resolve("keys/keyring"))
                .hasMessageContaining("(key version 1)");
    }

    @Test
    void aKeyringAlteredOnDiskIsRefused() throws IOException {
        open(Map.of());
        Path keyring = dir.resolve("keys/keyring");
        String text = Files.readString(keyring);
        Files.writeString(keyring, text.replace("current 1", "current 2").replace("key 1 ", "key 2 "));
        assertThatThrownBy(() -> open(Map.of()))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("keyring " + keyring + " was altered");
        Files.writeString(keyring, text.replace("lachan-keyring 1", "lachan-keyring 9"));
        assertThatThrownBy(() -> open(Map.of()))
                .hasMessageContaining("line 1")
                .hasMessageContaining("not a Lachan keyring");
    }

    @Test
    void refusesToStartAfreshWhenTheKeyringIsLostButMasterKeysRemain() throws IOException {
        open(Map.of());
        Files.delete(dir.resolve("keys/keyring"));
        assertThatThrownBy(() -> open(Map.of()))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("holds master key files but no keyring");
    }
}
