package vn.lachan.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Alters a keyring file and sealed values at random (seeded) and checks only a SealException comes out. */
class KeyringMutationTest {
    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anAlteredKeyringIsRefusedWithASealException(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        CryptoConfig config = new CryptoConfig(dir.resolve("keys"));
        KeyVault vault = KeyVault.open(config, Map.of(), Clock.systemUTC());
        vault.rotateDataKey();
        byte[] original = Files.readAllBytes(config.keyringFile());
        byte[] altered = original.clone();
        for (int i = 0, n = random.nextInt(1, 4); i < n; i++) {
            altered[random.nextInt(altered.length)] = (byte) random.nextInt(32, 127);
        }
        if (seed % 3 == 0) {
            altered = Arrays.copyOf(altered, altered.length + random.nextInt(-40, 40));
        }
        Files.write(config.keyringFile(), altered);
        Throwable thrown = catchThrowable(() -> KeyVault.open(config, Map.of(), Clock.systemUTC()));
        if (Arrays.equals(altered, original)) {
            assertThat(thrown).isNull();
        } else {
            assertThat(thrown).as("seed %d", seed).isInstanceOf(SealException.class);
            assertThat(thrown.getMessage()).contains(config.keyringFile().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void alteredSealedValuesNeverOpen(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        KeyVault vault = KeyVault.open(new CryptoConfig(dir.resolve("keys")), Map.of(), Clock.systemUTC());
        byte[] plain = new byte[random.nextInt(0, 200)];
        random.nextBytes(plain);
        byte[] sealed = vault.seal(plain, "c");
        byte[] altered = Arrays.copyOf(sealed, Math.max(0, sealed.length + random.nextInt(-5, 3)));
        altered[random.nextInt(Math.max(1, altered.length))] ^= (byte) random.nextInt(1, 256);
        Throwable thrown = catchThrowable(() -> vault.open(altered, "c"));
        assertThat(thrown).as("seed %d", seed).isInstanceOf(SealException.class).hasMessageContaining("'c'");
    }
}
