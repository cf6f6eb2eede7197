package vn.lachan.security.crypto.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.security.crypto.CryptoConfig;
import vn.lachan.security.crypto.KeyVault;
import vn.lachan.security.crypto.SealException;

class SigningKeysTest {
    private static final byte[] DATA = "checkpoint 1024: 9f86d081…".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void createsOnceThenLoadsTheSameKeyPair() throws Exception {
        SigningKeys keys = new SigningKeys(dir, null);
        KeyPair created = keys.loadOrCreate("audit");
        KeyPair loaded = new SigningKeys(dir, null).loadOrCreate("audit");
        assertThat(loaded.getPublic().getEncoded())
                .isEqualTo(created.getPublic().getEncoded());
        assertThat(loaded.getPrivate().getEncoded())
                .isEqualTo(created.getPrivate().getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("audit.mldsa.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("audit.mldsa.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        byte[] signature = SigningKeys.sign(loaded.getPrivate(), DATA);
        assertThat(signature).hasSize(3309);
        assertThat(SigningKeys.verify(created.getPublic(), DATA, signature)).isTrue();
    }

    @Test
    void verificationFailsForOtherDataOtherKeysAndAlteredSignatures() {
        KeyPair pair = SigningKeys.generate();
        byte[] signature = SigningKeys.sign(pair.getPrivate(), DATA);
        byte[] other = DATA.clone();
        other[0] ^= 1;
        assertThat(SigningKeys.verify(pair.getPublic(), other, signature)).isFalse();
        assertThat(SigningKeys.verify(SigningKeys.generate().getPublic(), DATA, signature))
                .isFalse();
        for (int i = 0; i < signature.length; i += 97) {
            byte[] bad = signature.clone();
            bad[i] ^= 0x20;
            assertThat(SigningKeys.verify(pair.getPublic(), DATA, bad))
                    .as("byte %d", i)
                    .isFalse();
        }
        assertThat(SigningKeys.verify(pair.getPublic(), DATA, new byte[10])).isFalse();
    }

    @Test
    void sealsThePrivateKeyUnderTheKeyHierarchyWhenASealerIsGiven() throws Exception {
        KeyVault vault = KeyVault.open(new CryptoConfig(dir.resolve("keys")), Map.of(), Clock.systemUTC());
        SigningKeys sealed = new SigningKeys(dir.resolve("signing"), vault);
        KeyPair created = sealed.loadOrCreate("audit");
        String file = Files.readString(dir.resolve("signing/audit.mldsa.key"));
        assertThat(file).startsWith("-----BEGIN LACHAN SEALED PRIVATE KEY-----");
        assertThat(sealed.load("audit").orElseThrow().getPrivate().getEncoded())
                .isEqualTo(created.getPrivate().getEncoded());
        assertThatThrownBy(() -> new SigningKeys(dir.resolve("signing"), null).load("audit"))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("sealed under the key hierarchy");
        // A sealed key file copied under another name does not open: the name is the sealing context.
        Files.copy(dir.resolve("signing/audit.mldsa.key"), dir.resolve("signing/export.mldsa.key"));
        Files.copy(dir.resolve("signing/audit.mldsa.pub"), dir.resolve("signing/export.mldsa.pub"));
        assertThatThrownBy(() -> sealed.load("export"))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("signing-key:export");
    }

    @Test
    void refusesPublicKeysOfAnotherAlgorithmOrParameterSet() throws Exception {
        Path file = dir.resolve("x.pub");
        KeyPair small = KeyPairGenerator.getInstance("ML-DSA-44").generateKeyPair();
        assertThatThrownBy(() -> SigningKeys.writePublic(file, small.getPublic()))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("expected an ML-DSA-65 key, got ML-DSA-44");
        Files.writeString(
                file,
                vn.lachan.security.crypto.internal.Pem.encode(
                        "PUBLIC KEY", small.getPublic().getEncoded()));
        assertThatThrownBy(() -> SigningKeys.readPublic(file))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("is not an ML-DSA-65 public key");
        assertThatThrownBy(() -> new SigningKeys(dir, null).load("../etc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../etc'");
    }

    @Test
    void fingerprintsAreStableAndDistinct() {
        KeyPair a = SigningKeys.generate();
        assertThat(SigningKeys.fingerprint(a.getPublic()))
                .hasSize(32)
                .isEqualTo(SigningKeys.fingerprint(a.getPublic()))
                .isNotEqualTo(SigningKeys.fingerprint(SigningKeys.generate().getPublic()));
    }
}
