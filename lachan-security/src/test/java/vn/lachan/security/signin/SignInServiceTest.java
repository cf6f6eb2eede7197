package vn.lachan.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.lachan.security.MutableClock;
import vn.lachan.security.access.Role;
import vn.lachan.security.audit.AuditRecord;
import vn.lachan.security.audit.AuditTrail;
import vn.lachan.security.audit.InMemoryAuditStore;
import vn.lachan.security.audit.Outcome;
import vn.lachan.security.audit.TestKeys;
import vn.lachan.security.identity.InMemoryUserStore;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserStatus;
import vn.lachan.security.mfa.RecoveryCodes;
import vn.lachan.security.mfa.Totp;
import vn.lachan.security.password.Argon2Settings;
import vn.lachan.security.password.Passwords;

class SignInServiceTest {
    static final UUID HEALTH = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final String PASSWORD = "trời-xanh mây trắng 7";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T07:00:00Z"));
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    final Passwords passwords = new Passwords(new Argon2Settings(1024, 1, 1), new SecureRandom());
    final Totp totp = new Totp(clock, new SecureRandom());
    final SignInService service = service(SignInSettings.DEFAULT);

    SignInService service(SignInSettings settings) {
        return new SignInService(
                users,
                passwords,
                totp,
                new RecoveryCodes(new SecureRandom()),
                new AuditTrail(auditStore, clock, TestKeys.KEY, 1000),
                clock,
                settings);
    }

    UserAccount user(String name, Role role, byte @Nullable [] secret) {
        UserAccount a = new UserAccount(
                UUID.randomUUID(),
                name,
                "Nguyễn Văn An",
                null,
                HEALTH,
                Set.of(role),
                UserStatus.ACTIVE,
                clock.instant(),
                clock.instant());
        assertThat(users.create(a)).isTrue();
        users.setPasswordHash(a.id(), passwords.hash(PASSWORD), clock.instant());
        if (secret != null) {
            users.setTotpSecret(a.id(), secret);
        }
        return a;
    }

    SignInResult attempt(String name, String password, @Nullable String code) {
        return service.signIn(new SignInAttempt(name, password, code, "10.9.8.7"));
    }

    String codeNow(byte[] secret) throws Exception {
        return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6)
                .generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), clock.instant(), Locale.ROOT);
    }

    List<String> actions() {
        return auditStore.all().stream().map(AuditRecord::action).toList();
    }

    @Test
    void signsInALeaderWithAPasswordAlone() {
        UserAccount leader = user("lanh.dao", Role.ORG_LEADER, null);
        SignInResult r = attempt(" Lanh.Dao ", PASSWORD, null);
        assertThat(r).isInstanceOfSatisfying(SignInResult.SignedIn.class, s -> {
            assertThat(s.principal().id()).isEqualTo(leader.id());
            assertThat(s.principal().roles()).containsExactly(Role.ORG_LEADER);
        });
        AuditRecord last = auditStore.all().getLast();
        assertThat(last.action()).isEqualTo("signin.success");
        assertThat(last.sourceAddress()).isEqualTo("10.9.8.7");
        assertThat(last.organization()).isEqualTo(HEALTH);
    }

    @Test
    void delaysThenLocksAnAccountUnderBruteForceWithoutSleeping() {
        user("lanh.dao", Role.ORG_LEADER, null);
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            SignInResult r = attempt("lanh.dao", "guess-number-" + i, null);
            Duration wait = ((SignInResult.Refused) r).retryAfter();
            waits.add(wait);
            clock.advance(i == 10 ? Duration.ZERO : wait);
        }
        assertThat(waits)
                .containsExactly(
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofMinutes(15));
        assertThat(actions()).containsSubsequence("signin.failure", "signin.lockout");
        clock.advance(Duration.ofMinutes(14));
        assertThat(attempt("lanh.dao", PASSWORD, null))
                .as("the right password does not help during the lockout")
                .isEqualTo(new SignInResult.Refused(Duration.ofMinutes(1)));
        assertThat(auditStore.all().getLast().outcome()).isEqualTo(Outcome.DENIED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(attempt("lanh.dao", PASSWORD, null)).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(users.credentials(users.byUsername("lanh.dao").orElseThrow().id())
                        .orElseThrow()
                        .failedAttempts())
                .isZero();
    }

    @Test
    void unknownUsersGetTheSameAnswersAsKnownOnes() {
        user("lanh.dao", Role.ORG_LEADER, null);
        for (int i = 1; i <= 6; i++) {
            SignInResult known = attempt("lanh.dao", "wrong-" + i, null);
            SignInResult unknown = attempt("khong.co.ai", "wrong-" + i, null);
            assertThat(unknown).as("attempt %d", i).isEqualTo(known);
            clock.advance(((SignInResult.Refused) known).retryAfter());
        }
        assertThat(auditStore.all())
                .filteredOn(r -> r.actor().equals("user:khong.co.ai"))
                .extracting(r -> r.details().get("reason"))
                .containsOnly("unknown user");
    }

    @Test
    void refusesEmptyAndHugeInputsAsPlainFailures() {
        assertThat(attempt("", PASSWORD, null)).isInstanceOf(SignInResult.Refused.class);
        assertThat(attempt("a".repeat(100_000), PASSWORD, null)).isInstanceOf(SignInResult.Refused.class);
        assertThat(attempt("lanh.dao", "p".repeat(2_000_000), null)).isInstanceOf(SignInResult.Refused.class);
        assertThat(auditStore.all()).hasSize(3).allSatisfy(r -> {
            assertThat(r.details().get("reason")).isEqualTo("malformed username or password");
            assertThat(r.actor().length()).isLessThan(80);
        });
    }

    @Test
    void socRolesNeedASecondFactorAndAUsedCodeCannotBeReplayed() throws Exception {
        byte[] secret = totp.newSecret();
        user("phan.tich", Role.SOC_ANALYST, secret);
        assertThat(attempt("phan.tich", PASSWORD, null)).isInstanceOf(SignInResult.SecondFactorRequired.class);
        assertThat(attempt("phan.tich", "wrong password here", null)).isInstanceOf(SignInResult.Refused.class);
        String code = codeNow(secret);
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertThat(attempt("phan.tich", PASSWORD, wrong)).isInstanceOf(SignInResult.Refused.class);
        assertThat(attempt("phan.tich", PASSWORD, code)).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(attempt("phan.tich", PASSWORD, code)).isInstanceOf(SignInResult.Refused.class);
        assertThat(auditStore.all())
                .filteredOn(r -> r.action().equals("signin.failure"))
                .extracting(r -> r.details().get("reason"))
                .containsExactly("wrong password", "wrong code", "replayed code");
        clock.advance(Duration.ofSeconds(30));
        assertThat(attempt("phan.tich", PASSWORD, codeNow(secret))).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void enrolsASecondFactorAndItsRecoveryCodesWorkOnce() throws Exception {
        UserAccount lead = user("truong.ca", Role.SOC_LEAD, null);
        assertThat(attempt("truong.ca", PASSWORD, null)).isEqualTo(new SignInResult.EnrolmentRequired(lead.id()));
        byte[] secret = totp.newSecret();
        assertThat(service.enrol(lead.id(), secret, "123", "10.9.8.7")).isEmpty();
        List<String> codes =
                service.enrol(lead.id(), secret, codeNow(secret), "10.9.8.7").orElseThrow();
        assertThat(codes).hasSize(RecoveryCodes.COUNT);
        assertThat(users.recoveryCodesLeft(lead.id())).isEqualTo(RecoveryCodes.COUNT);
        assertThat(attempt("truong.ca", PASSWORD, codeNow(secret)))
                .as("the code used to enrol cannot sign in")
                .isInstanceOf(SignInResult.Refused.class);
        assertThat(attempt("truong.ca", PASSWORD, codes.get(3).toUpperCase(Locale.ROOT)))
                .isInstanceOf(SignInResult.SignedIn.class);
        assertThat(attempt("truong.ca", PASSWORD, codes.get(3))).isInstanceOf(SignInResult.Refused.class);
        assertThat(users.recoveryCodesLeft(lead.id())).isEqualTo(RecoveryCodes.COUNT - 1);
    }

    @Test
    void throttlesOneAddressSprayingManyAccounts() {
        SignInService strict = service(
                new SignInSettings(5, Duration.ofSeconds(1), Duration.ofSeconds(60), 10, Duration.ofMinutes(15), 3, 6));
        for (int i = 1; i <= 3; i++) {
            user("user" + i, Role.ORG_LEADER, null);
            strict.signIn(new SignInAttempt("user" + i, "wrong", null, "203.0.113.9"));
        }
        user("user4", Role.ORG_LEADER, null);
        assertThat(strict.signIn(new SignInAttempt("user4", PASSWORD, null, "203.0.113.9")))
                .isEqualTo(new SignInResult.Refused(Duration.ofSeconds(1)));
        assertThat(strict.signIn(new SignInAttempt("user4", PASSWORD, null, "198.51.100.1")))
                .as("another address is not held back")
                .isInstanceOf(SignInResult.SignedIn.class);
        assertThat(auditStore.all().get(auditStore.size() - 2).details()).containsEntry("scope", "address");
    }

    @Test
    void aDisabledAccountCannotSignInEvenWithTheRightPassword() {
        UserAccount a = user("nghi.viec", Role.ORG_LEADER, null);
        users.updateStatus(a.id(), UserStatus.DISABLED, clock.instant());
        assertThat(attempt("nghi.viec", PASSWORD, null)).isEqualTo(new SignInResult.Refused(Duration.ZERO));
        assertThat(auditStore.all().getLast().outcome()).isEqualTo(Outcome.DENIED);
        assertThat(service.principal(a.id())).isEmpty();
    }

    @Test
    void rehashesAnOldHashAtTheNextSuccessfulSignIn() {
        UserAccount a = user("lanh.dao", Role.ORG_LEADER, null);
        Passwords old = new Passwords(new Argon2Settings(512, 1, 1), new SecureRandom());
        users.setPasswordHash(a.id(), old.hash(PASSWORD), clock.instant());
        assertThat(attempt("lanh.dao", PASSWORD, null)).isInstanceOf(SignInResult.SignedIn.class);
        String now = users.credentials(a.id()).orElseThrow().passwordHash();
        assertThat(now).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    }

    @Test
    void aDayOfBruteForceAgainstOneAccountGetsAboutAHundredGuesses() {
        user("lanh.dao", Role.ORG_LEADER, null);
        Instant end = clock.instant().plus(Duration.ofDays(1));
        int attempts = 0;
        while (clock.instant().isBefore(end)) {
            SignInResult r = service.signIn(
                    new SignInAttempt("lanh.dao", "guess-" + attempts, null, "10.0.0." + attempts % 250));
            attempts++;
            Duration wait = ((SignInResult.Refused) r).retryAfter();
            clock.advance(wait.isZero() ? Duration.ofMillis(100) : wait);
        }
        long checked = auditStore.all().stream()
                .filter(r -> r.action().equals("signin.failure"))
                .count();
        // 10 guesses in the first 31 s, then one per 15-minute lockout: 10 + (86400 - 31) / 900 ≈ 105.
        assertThat(checked).isBetween(100L, 106L);
        assertThat(attempts).isEqualTo((int) checked);
    }
}
