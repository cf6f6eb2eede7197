package vn.lachan.meta.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.OrganizationKind;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.identity.JdbcUserStore;
import vn.lachan.meta.org.JdbcOrganizations;
import vn.lachan.meta.testing.Backend;
import vn.lachan.meta.testing.TestSealer;
import vn.lachan.security.access.Role;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserStatus;
import vn.lachan.security.passkey.Passkey;

/** Runs the passkey store on H2 and on a real PostgreSQL server. */
@ParameterizedClass
@EnumSource(Backend.class)
class JdbcPasskeyStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    private static final String NAME = "Laptop cơ quan của chị Hương";
    private final Backend backend;
    private final Random random = new Random(5);

    @TempDir
    Path data;

    private MetaDatabase db;
    private JdbcPasskeyStore store;
    private UserAccount an;
    private UserAccount binh;

    JdbcPasskeyStoreTest(Backend backend) {
        this.backend = backend;
    }

    @BeforeEach
    void open() {
        db = MetaDatabase.open(backend.freshDatabase(data));
        TestSealer sealer = new TestSealer();
        Organization org = new JdbcOrganizations(db, sealer, Clock.systemUTC())
                .create(Organization.create("SO-YT", "Sở Y tế", null, OrganizationKind.DEPARTMENT, null))
                .orElseThrow();
        JdbcUserStore users = new JdbcUserStore(db, sealer);
        an = account("an", org);
        binh = account("binh", org);
        users.create(an);
        users.create(binh);
        store = new JdbcPasskeyStore(db, sealer);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static UserAccount account(String name, Organization org) {
        return new UserAccount(
                UUID.randomUUID(), name, name, null, org.id(), Set.of(Role.SOC_ANALYST), UserStatus.ACTIVE, T0, T0);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private Passkey passkey(UUID user, byte[] handle, Instant created) {
        return new Passkey(
                bytes(32), user, handle, bytes(77), 3, Set.of("internal", "hybrid"), true, false, NAME, created, null);
    }

    @Test
    void aPasskeyRoundTripsWithItsNameSealedAndItsIdUnique() {
        Passkey p = passkey(an.id(), bytes(32), T0);

        assertThat(store.add(p)).isTrue();
        assertThat(store.add(p)).as("the same credential id again").isFalse();
        assertThat(store.add(passkey(UUID.randomUUID(), bytes(32), T0)))
                .as("a user that does not exist")
                .isFalse();

        Passkey read = store.byCredentialId(p.credentialId()).orElseThrow();
        assertThat(read.user()).isEqualTo(an.id());
        assertThat(read.userHandle()).isEqualTo(p.userHandle());
        assertThat(read.publicKey()).isEqualTo(p.publicKey());
        assertThat(read.signatureCount()).isEqualTo(3);
        assertThat(read.transports()).containsExactlyInAnyOrder("internal", "hybrid");
        assertThat(read.backupEligible()).isTrue();
        assertThat(read.backupState()).isFalse();
        assertThat(read.name()).isEqualTo(NAME);
        assertThat(read.created()).isEqualTo(T0);
        assertThat(read.lastUsed()).isNull();
        byte[] raw = db.jdbi()
                .withHandle(h -> h.createQuery("select name from passkeys")
                        .mapTo(byte[].class)
                        .one());
        assertThat(new String(raw, StandardCharsets.UTF_8)).doesNotContain("Hương");
        assertThat(store.byCredentialId(bytes(32))).isEmpty();
    }

    @Test
    void passkeysAreListedPerUserAndFoundByTheirHandle() {
        byte[] handleOfAn = bytes(32);
        Passkey second = passkey(an.id(), handleOfAn, T0.plusSeconds(60));
        Passkey first = passkey(an.id(), handleOfAn, T0);
        Passkey ofBinh = passkey(binh.id(), bytes(32), T0);
        store.add(second);
        store.add(first);
        store.add(ofBinh);

        assertThat(store.byUser(an.id())).containsExactly(first, second);
        assertThat(store.byUser(binh.id())).containsExactly(ofBinh);
        assertThat(store.userByHandle(handleOfAn)).contains(an.id());
        assertThat(store.userByHandle(ofBinh.userHandle())).contains(binh.id());
        assertThat(store.userByHandle(bytes(32))).isEmpty();
    }

    @Test
    void aUseMovesTheCountOnlyFromTheExpectedValue() {
        Passkey p = passkey(an.id(), bytes(32), T0);
        store.add(p);

        assertThat(store.recordUse(p.credentialId(), 3, 4, true, T0.plusSeconds(5)))
                .isTrue();
        assertThat(store.recordUse(p.credentialId(), 3, 9, true, T0.plusSeconds(6)))
                .as("a second sign-in that read the old count")
                .isFalse();

        Passkey read = store.byCredentialId(p.credentialId()).orElseThrow();
        assertThat(read.signatureCount()).isEqualTo(4);
        assertThat(read.backupState()).isTrue();
        assertThat(read.lastUsed()).isEqualTo(T0.plusSeconds(5));
        assertThatThrownBy(() -> store.recordUse(p.credentialId(), 4, 1L << 32, true, T0))
                .as("the database refuses a count beyond 32 bits")
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void onlyTheOwnerRemovesAPasskeyAndDeletingTheUserRemovesTheirs() {
        Passkey p = passkey(an.id(), bytes(32), T0);
        Passkey q = passkey(binh.id(), bytes(32), T0);
        store.add(p);
        store.add(q);

        assertThat(store.remove(binh.id(), p.credentialId()))
                .as("another user's passkey")
                .isFalse();
        assertThat(store.remove(an.id(), p.credentialId())).isTrue();
        assertThat(store.remove(an.id(), p.credentialId())).isFalse();
        assertThat(store.byCredentialId(p.credentialId())).isEmpty();
        store.add(passkey(an.id(), bytes(32), T0));
        store.add(passkey(an.id(), bytes(32), T0));
        assertThat(store.removeAll(an.id())).isEqualTo(2);
        assertThat(store.byUser(an.id())).isEmpty();
        assertThat(store.byUser(binh.id())).containsExactly(q);

        db.jdbi()
                .useHandle(h -> h.createUpdate("delete from users where id = :id")
                        .bind("id", binh.id())
                        .execute());
        assertThat(store.byCredentialId(q.credentialId())).isEmpty();
    }
}
