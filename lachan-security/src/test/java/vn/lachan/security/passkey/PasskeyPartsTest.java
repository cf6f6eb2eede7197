package vn.lachan.security.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lachan.security.MutableClock;
import vn.lachan.security.signin.SignInSettings;

/** Checks the parts of the passkey service that need no browser: settings, ceremonies, throttling. */
class PasskeyPartsTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @Test
    void settingsRefuseWhatWouldNeverMatchABrowser() {
        assertThat(PasskeySettings.of("soc.tinh.gov.vn", Set.of("https://soc.tinh.gov.vn"))
                        .rpName())
                .isEqualTo("Lachan");
        assertThat(PasskeySettings.of("tinh.gov.vn", Set.of("https://soc.tinh.gov.vn:8443"))
                        .origins())
                .as("a subdomain of the RP id, with a port")
                .containsExactly("https://soc.tinh.gov.vn:8443");

        assertThatThrownBy(() -> PasskeySettings.of("10.0.0.5", Set.of("https://10.0.0.5")))
                .hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> PasskeySettings.of("SOC.gov.vn", Set.of("https://soc.gov.vn")))
                .hasMessageContaining("lower-case domain");
        assertThatThrownBy(() -> PasskeySettings.of("soc.gov.vn", Set.of("http://soc.gov.vn")))
                .as("plain http only for localhost")
                .hasMessageContaining("plain http only for localhost");
        assertThatThrownBy(() -> PasskeySettings.of("soc.gov.vn", Set.of("https://soc.gov.vn/login")))
                .as("an origin has no path")
                .hasMessageContaining("is not an origin");
        assertThatThrownBy(() -> PasskeySettings.of("soc.gov.vn", Set.of("https://evilsoc.gov.vn")))
                .hasMessageContaining("not on the RP id");
        assertThatThrownBy(() -> PasskeySettings.of("soc.gov.vn", Set.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new PasskeySettings(
                        "localhost", "Lachan", Set.of("http://localhost"), true, Duration.ofHours(1)))
                .hasMessageContaining("30 s to 30 min");
    }

    @Test
    void aCeremonyIsTakenOnceAndNotAfterItExpires() {
        MutableClock clock = new MutableClock(T0);
        Ceremonies<String> ceremonies = new Ceremonies<>(clock, Duration.ofMinutes(5), new SecureRandom());
        String first = ceremonies.begin("challenge 1").orElseThrow();
        String second = ceremonies.begin("challenge 2").orElseThrow();

        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
        assertThat(ceremonies.take(first)).contains("challenge 1");
        assertThat(ceremonies.take(first)).as("used").isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(ceremonies.take(second)).as("expired").isEmpty();
        assertThat(ceremonies.take("made-up")).isEmpty();
        assertThat(ceremonies.size()).isZero();
    }

    @Test
    void ceremonyIdsDoNotRepeat() {
        Ceremonies<Integer> ceremonies =
                new Ceremonies<>(new MutableClock(T0), Duration.ofMinutes(5), new SecureRandom());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(ceremonies.begin(i).orElseThrow());
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void pendingCeremoniesAreBoundedAndExpiredOnesMakeRoom() {
        MutableClock clock = new MutableClock(T0);
        Ceremonies<Integer> ceremonies = new Ceremonies<>(clock, Duration.ofMinutes(5), new SecureRandom());
        for (int i = 0; i < Ceremonies.MAX_PENDING; i++) {
            assertThat(ceremonies.begin(i)).isPresent();
        }

        assertThat(ceremonies.begin(-1)).as("full").isEmpty();
        clock.advance(Duration.ofMinutes(6));
        assertThat(ceremonies.begin(-2)).as("the expired ones were dropped").isPresent();
        assertThat(ceremonies.size()).isEqualTo(1);
    }

    @Test
    void anAddressIsThrottledOnThePasswordCurve() {
        Throttle throttle = new Throttle(SignInSettings.DEFAULT);
        Instant now = T0;
        for (int i = 1; i < SignInSettings.DEFAULT.addressDelayAfter(); i++) {
            assertThat(throttle.fail("203.0.113.7", now)).as("failure " + i).isZero();
        }

        Duration wait = throttle.fail("203.0.113.7", now);

        assertThat(wait).isEqualTo(SignInSettings.DEFAULT.firstDelay());
        assertThat(throttle.remaining("203.0.113.7", now)).isEqualTo(wait);
        assertThat(throttle.remaining("203.0.113.7", now.plus(wait))).isZero();
        assertThat(throttle.remaining("198.51.100.1", now))
                .as("another address")
                .isZero();
    }

    @Test
    void aPasskeyKeepsCopiesOfItsBytes() {
        byte[] id = {1, 2, 3};
        Passkey p = new Passkey(
                id, UUID.randomUUID(), new byte[] {9}, new byte[] {7}, 0, Set.of(), false, false, "Khóa", T0, null);
        id[0] = 42;
        p.credentialId()[1] = 42;

        assertThat(p.credentialId()).containsExactly(1, 2, 3);
        assertThat(p.id()).isEqualTo("AQID");
        assertThatThrownBy(() -> new Passkey(
                        id,
                        UUID.randomUUID(),
                        new byte[] {9},
                        new byte[] {7},
                        -1,
                        Set.of(),
                        false,
                        false,
                        "x",
                        T0,
                        null))
                .hasMessageContaining("32-bit");
        assertThatThrownBy(() -> new Passkey(
                        id,
                        UUID.randomUUID(),
                        new byte[] {9},
                        new byte[] {7},
                        0,
                        Set.of(),
                        false,
                        false,
                        " ",
                        T0,
                        null))
                .hasMessageContaining("name");
    }
}
