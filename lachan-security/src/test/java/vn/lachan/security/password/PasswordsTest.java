package vn.lachan.security.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.lachan.core.problem.Problem;

class PasswordsTest {
    /** Small parameters keep the test quick; the format and logic are the same as production's. */
    static final Argon2Settings CHEAP = new Argon2Settings(1024, 1, 1);

    final Passwords passwords = new Passwords(CHEAP, new SecureRandom());

    @Test
    void hashesInPhcFormatAndVerifiesOnlyTheRightPassword() {
        String hash = passwords.hash("đúng-mật-khẩu-2026");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(passwords.verify("đúng-mật-khẩu-2026", hash)).isTrue();
        assertThat(passwords.verify("đúng-mật-khẩu-2027", hash)).isFalse();
        assertThat(passwords.verify("", hash)).isFalse();
        assertThat(passwords.hash("đúng-mật-khẩu-2026"))
                .as("a fresh salt every time")
                .isNotEqualTo(hash);
    }

    @Test
    void matchesAnIndependentArgon2idVector() {
        // The reference implementation's own test vector (phc-winner-argon2 src/test.c, Argon2id,
        // t=2, m=2^16, p=1, "password", "somesalt"): an independent check of our encoding and engine.
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(passwords.verify("password", reference)).isTrue();
        assertThat(passwords.verify("Password", reference)).isFalse();
    }

    @Test
    void refusesMalformedHashesWithoutThrowing() {
        String good = passwords.hash("a-long-enough-password");
        String[] bad = {
            "",
            "plain",
            good.replace("argon2id", "argon2i"),
            good.replace("v=19", "v=16"),
            good.substring(0, good.length() - 5),
            good.replace("m=1024", "m=99999999"),
            good + "$extra",
            "$argon2id$v=19$m=1024,t=1,p=1$!!!!!!!!!!!!!!!!!!!!!!$"
                    + Base64.getEncoder().encodeToString(new byte[32])
        };
        for (String s : bad) {
            assertThat(passwords.verify("a-long-enough-password", s)).as(s).isFalse();
            assertThat(passwords.needsRehash(s)).as(s).isTrue();
        }
    }

    @Test
    void asksForARehashWhenTheParametersChange() {
        String old = passwords.hash("a-long-enough-password");
        assertThat(passwords.needsRehash(old)).isFalse();
        Passwords stronger = new Passwords(new Argon2Settings(2048, 2, 1), new SecureRandom());
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(stronger.verify("a-long-enough-password", old))
                .as("old hashes keep working")
                .isTrue();
    }

    @Test
    void theDummyCheckNeverSucceeds() {
        assertThat(passwords.verifyDummy("lachan-dummy-password-for-unknown-users"))
                .isFalse();
    }

    @Test
    void thePolicyExplainsEachRefusal() {
        assertThat(Passwords.check("an.nguyen", "ngắn"))
                .extracting(Problem::message)
                .containsExactly("the password has 4 characters; use at least 12");
        assertThat(Passwords.check("an.nguyen.2026", "An.Nguyen.2026"))
                .extracting(Problem::message)
                .containsExactly("the password must not be the username");
        assertThat(Passwords.check("an", "MatKhau12345"))
                .extracting(Problem::message)
                .containsExactly("this password is on the list of the most guessed passwords; choose another");
        assertThat(Passwords.check("an", "abababababab")).hasSize(1);
        assertThat(Passwords.check("an", "x".repeat(300)))
                .extracting(Problem::message)
                .contains("the password has 300 characters; use at most 256");
        assertThat(Passwords.check("an.nguyen", "trời-xanh mây trắng 7")).isEmpty();
    }

    @Test
    void theRecommendedParametersAreAboveTheOwaspMinimum() {
        Argon2Settings s = Argon2Settings.RECOMMENDED;
        assertThat(s.memoryKib()).isGreaterThanOrEqualTo(19456);
        assertThat(s.iterations()).isGreaterThanOrEqualTo(2);
    }
}
