package vn.lachan.meta.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
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
import vn.lachan.security.sso.IdentityLinks.Link;

@ParameterizedClass
@EnumSource(Backend.class)
class JdbcIdentityLinksTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    private static final String KEYCLOAK = "https://sso.example.vn/realms/tinh";
    private final Backend backend;

    @TempDir
    Path data;

    private MetaDatabase db;
    private JdbcIdentityLinks links;
    private UserAccount an;
    private UserAccount binh;

    JdbcIdentityLinksTest(Backend backend) {
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
        an = new UserAccount(
                UUID.randomUUID(), "an", "An", null, org.id(), Set.of(Role.SOC_LEAD), UserStatus.ACTIVE, T0, T0);
        binh = new UserAccount(
                UUID.randomUUID(), "binh", "Bình", null, org.id(), Set.of(Role.AUDITOR), UserStatus.ACTIVE, T0, T0);
        users.create(an);
        users.create(binh);
        links = new JdbcIdentityLinks(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void linksAnIdentityToOneAccountOnly() {
        assertThat(links.user(KEYCLOAK, "sub-1")).isEmpty();
        assertThat(links.link(new Link(KEYCLOAK, "sub-1", an.id(), "keycloak", T0, T0)))
                .isTrue();
        assertThat(links.user(KEYCLOAK, "sub-1")).contains(an.id());
        assertThat(links.link(new Link(KEYCLOAK, "sub-1", binh.id(), "keycloak", T0, T0)))
                .as("the same identity cannot be linked twice")
                .isFalse();
        assertThat(links.user(KEYCLOAK, "sub-1")).contains(an.id());
    }

    @Test
    void theSameSubjectAtAnotherIssuerIsAnotherIdentity() {
        links.link(new Link(KEYCLOAK, "sub-1", an.id(), "keycloak", T0, T0));
        String entra = "https://login.microsoftonline.com/tenant/v2.0";
        assertThat(links.link(new Link(entra, "sub-1", binh.id(), "entra", T0, T0)))
                .isTrue();
        assertThat(links.user(entra, "sub-1")).contains(binh.id());
        assertThat(links.user(KEYCLOAK, "SUB-1"))
                .as("subjects are case-sensitive")
                .isEmpty();
    }

    @Test
    void touchRecordsTheLastSignInAndListsAnAccountsLinks() {
        links.link(new Link(KEYCLOAK, "sub-1", an.id(), "keycloak", T0, T0));
        links.link(new Link(
                "https://accounts.google.com", "g-7", an.id(), "google", T0.plusSeconds(5), T0.plusSeconds(5)));
        assertThat(links.touch(KEYCLOAK, "sub-1", T0.plusSeconds(3600))).isTrue();
        assertThat(links.touch(KEYCLOAK, "nobody", T0)).isFalse();
        assertThat(links.of(an.id()))
                .extracting(Link::provider, Link::lastSignIn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("keycloak", T0.plusSeconds(3600)),
                        org.assertj.core.groups.Tuple.tuple("google", T0.plusSeconds(5)));
        assertThat(links.of(binh.id())).isEmpty();
        assertThat(links.unlinkAll(an.id())).isEqualTo(2);
        assertThat(links.user(KEYCLOAK, "sub-1")).isEmpty();
    }

    @Test
    void refusesALinkToAnAccountThatDoesNotExist() {
        Link orphan = new Link(KEYCLOAK, "sub-9", UUID.randomUUID(), "keycloak", T0, T0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> links.link(orphan))
                .isInstanceOf(UnableToExecuteStatementException.class);
    }
}
