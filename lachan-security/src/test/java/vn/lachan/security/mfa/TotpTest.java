package vn.lachan.security.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lachan.security.internal.Base32;

class TotpTest {
    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    static Totp at(long epochSecond, int digits) {
        return new Totp(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC), new SecureRandom(), digits);
    }

    /** RFC 6238 appendix B, the SHA-1 rows. */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void matchesTheRfc6238Vectors(long time, String code) {
        assertThat(at(time, 8).matchingStep(RFC_SECRET, code)).hasValue(Totp.stepOf(Instant.ofEpochSecond(time)));
        assertThat(at(time, 6).matchingStep(RFC_SECRET, code.substring(2)))
                .as("six digits are the low six of eight")
                .hasValue(Totp.stepOf(Instant.ofEpochSecond(time)));
    }

    @Test
    void acceptsOneStepEitherSideAndNoFurther() {
        long now = 1_800_000_000L;
        Totp totp = at(now, 6);
        long step = Totp.stepOf(Instant.ofEpochSecond(now));
        for (long d = -1; d <= 1; d++) {
            assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step + d)))
                    .hasValue(step + d);
        }
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step - 2)))
                .isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step + 2)))
                .isEmpty();
    }

    @Test
    void refusesMalformedCodes() {
        Totp totp = at(1_800_000_000L, 6);
        for (String bad : List.of("", "12345", "1234567", "12345a", "１２３４５６", " ", "99999999999")) {
            assertThat(totp.matchingStep(RFC_SECRET, bad)).as(bad).isEmpty();
        }
    }

    @Test
    void issues160BitSecretsAndAnOtpauthUri() {
        Totp totp = at(0, 6);
        byte[] secret = totp.newSecret();
        assertThat(secret).hasSize(20);
        String uri = totp.uri("an.nguyen@soc", secret);
        assertThat(uri)
                .isEqualTo("otpauth://totp/Lachan%3Aan.nguyen%40soc?secret=" + Base32.encode(secret)
                        + "&issuer=Lachan&algorithm=SHA1&digits=6&period=30");
        assertThat(Base32.decode(Base32.encode(secret)))
                .hasValueSatisfying(d -> assertThat(d).isEqualTo(secret));
    }

    @Test
    void recoveryCodesAreDistinctAndHashIgnoringHowTheyAreTyped() {
        List<String> codes = new RecoveryCodes(new SecureRandom()).issue();
        assertThat(codes).hasSize(RecoveryCodes.COUNT).allMatch(c -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        assertThat(new HashSet<>(codes)).hasSize(RecoveryCodes.COUNT);
        String code = codes.getFirst();
        assertThat(RecoveryCodes.hash(code.toUpperCase(java.util.Locale.ROOT).replace("-", " ")))
                .isEqualTo(RecoveryCodes.hash(code))
                .hasSize(64);
        assertThat(RecoveryCodes.hash(codes.get(1))).isNotEqualTo(RecoveryCodes.hash(code));
    }
}
