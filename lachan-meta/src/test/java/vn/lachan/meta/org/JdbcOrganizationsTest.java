package vn.lachan.meta.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lachan.core.org.ContactDetails;
import vn.lachan.core.org.ContactPoint;
import vn.lachan.core.org.ContactType;
import vn.lachan.core.org.Organization;
import vn.lachan.core.org.OrganizationKind;
import vn.lachan.core.org.Outcome;
import vn.lachan.core.org.Subtrees;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.testing.Backend;
import vn.lachan.meta.testing.TestClock;
import vn.lachan.meta.testing.TestSealer;
import vn.lachan.security.access.OrganizationScope;
import vn.lachan.security.crypto.SealException;

@ParameterizedClass
@EnumSource(Backend.class)
class JdbcOrganizationsTest {
    private final Backend backend;

    @TempDir
    Path data;

    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T08:00:00Z"));
    private MetaDatabase db;
    private JdbcOrganizations orgs;

    JdbcOrganizationsTest(Backend backend) {
        this.backend = backend;
    }

    @BeforeEach
    void open() {
        db = MetaDatabase.open(backend.freshDatabase(data));
        orgs = new JdbcOrganizations(db, new TestSealer(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Organization add(String code, String name, OrganizationKind kind, @Nullable Organization parent) {
        return orgs.create(Organization.create(code, name, null, kind, parent == null ? null : parent.id()))
                .orElseThrow();
    }

    @Test
    void subtreeHoldsTheRootAndEveryDescendantOnly() {
        Organization province = orgs.create(Organization.create(
                        "UBND-TINH",
                        "Ủy ban nhân dân tỉnh",
                        "Provincial People's Committee",
                        OrganizationKind.PROVINCE,
                        null))
                .orElseThrow();
        Organization soc = add("SOC", "Trung tâm Giám sát an toàn không gian mạng", OrganizationKind.SOC, province);
        Organization health = add("SO-YT", "Sở Y tế", OrganizationKind.DEPARTMENT, province);
        Organization hospital = add("BV-DK", "Bệnh viện Đa khoa tỉnh", OrganizationKind.PUBLIC_SERVICE_UNIT, health);
        Organization commune = add("XA-AN-PHU", "UBND xã An Phú", OrganizationKind.COMMUNE, province);

        assertThat(orgs.subtree(province.id()))
                .containsExactlyInAnyOrder(province.id(), soc.id(), health.id(), hospital.id(), commune.id());
        assertThat(orgs.subtree(health.id())).containsExactlyInAnyOrder(health.id(), hospital.id());
        assertThat(orgs.subtree(hospital.id())).containsExactly(hospital.id());
        assertThat(orgs.subtree(UUID.randomUUID())).isEmpty();
        assertThat(orgs.children(province.id()))
                .extracting(Organization::code)
                .containsExactly("SO-YT", "SOC", "XA-AN-PHU");
        assertThat(orgs.roots()).containsExactly(province);
        assertThat(orgs.byCode("BV-DK")).contains(hospital);
        assertThat(orgs.get(soc.id())).contains(soc);
    }

    @Test
    void unknownParentsAndTakenCodesAreRefusedAndNothingIsStored() {
        Organization root = add("TINH", "Tỉnh", OrganizationKind.PROVINCE, null);
        Outcome<Organization> orphan =
                orgs.create(Organization.create("SO-X", "Sở X", null, OrganizationKind.DEPARTMENT, UUID.randomUUID()));
        assertThat(orphan).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Outcome.Reason.NOT_FOUND);
            assertThat(r.field()).isEqualTo("parent");
        });
        Outcome<Organization> twin =
                orgs.create(Organization.create("TINH", "Tỉnh khác", null, OrganizationKind.PROVINCE, null));
        assertThat(twin).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Outcome.Reason.CONFLICT);
            assertThat(r.message()).contains("TINH");
        });
        assertThat(orgs.roots()).containsExactly(root);
        assertThat(orgs.byCode("SO-X")).isEmpty();
    }

    @Test
    void movingUnderItsOwnDescendantIsRefusedAndALegalMoveChangesTheSubtree() {
        Organization root = add("TINH", "Tỉnh", OrganizationKind.PROVINCE, null);
        Organization dept = add("SO-A", "Sở A", OrganizationKind.DEPARTMENT, root);
        Organization unit = add("DV-A1", "Đơn vị A1", OrganizationKind.PUBLIC_SERVICE_UNIT, dept);
        Organization sub = add("DV-A1-1", "Đơn vị A1.1", OrganizationKind.PUBLIC_SERVICE_UNIT, unit);
        Organization other = add("SO-B", "Sở B", OrganizationKind.DEPARTMENT, root);

        for (Organization below : List.of(dept, unit, sub)) {
            assertThat(orgs.move(dept.id(), below.id())).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(Outcome.Reason.INVALID);
                assertThat(r.message()).contains("cycle");
            });
        }
        assertThat(orgs.move(dept.id(), UUID.randomUUID())).isInstanceOf(Outcome.Refused.class);
        assertThat(orgs.get(dept.id()).orElseThrow().parent()).isEqualTo(root.id());

        assertThat(orgs.move(unit.id(), other.id()).orElseThrow().parent()).isEqualTo(other.id());
        assertThat(orgs.subtree(other.id())).containsExactlyInAnyOrder(other.id(), unit.id(), sub.id());
        assertThat(orgs.subtree(dept.id())).containsExactly(dept.id());
        assertThat(orgs.move(other.id(), null).orElseThrow().parent()).isNull();
        assertThat(orgs.roots()).extracting(Organization::code).containsExactly("SO-B", "TINH");
    }

    @Test
    void vietnameseNamesRoundTripByteForByte() {
        List<String> names = List.of(
                "Sở Thông tin và Truyền thông",
                "UBND phường Hưng Lợi, quận Ninh Kiều",
                "Trường Trung học phổ thông Nguyễn Việt Hồng",
                "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng",
                "Ấp Đông Hoà – xã Ỷ Lan ỹ ỵ ỷ ữ ự ừ ứ ử ợ ớ ờ ở ỡ ậ ẫ ẩ ấ ầ ặ ẵ ẳ ắ ằ đ Đ");
        Organization root = add("TINH", "Tỉnh", OrganizationKind.PROVINCE, null);
        int n = 0;
        for (String name : names) {
            Organization stored = add("ORG-" + n++, name, OrganizationKind.WARD, root);
            Organization read = orgs.get(stored.id()).orElseThrow();
            assertThat(read.name().getBytes(StandardCharsets.UTF_8)).isEqualTo(name.getBytes(StandardCharsets.UTF_8));
            String raw = db.jdbi()
                    .withHandle(h -> h.createQuery("select name from organizations where id = :id")
                            .bind("id", stored.id())
                            .mapTo(String.class)
                            .one());
            assertThat(raw).isEqualTo(name);
        }
        Organization renamed =
                orgs.rename(root.id(), "Tỉnh Hậu Giang", "Hau Giang Province").orElseThrow();
        assertThat(orgs.get(root.id())).contains(renamed);
    }

    @Test
    void contactChangesKeepTheirHistoryNewestFirst() {
        Organization root = add("TINH", "Tỉnh", OrganizationKind.PROVINCE, null);
        Organization dept = add("SO-YT", "Sở Y tế", OrganizationKind.DEPARTMENT, root);
        assertThat(orgs.withoutContact(ContactType.UCSC_24_7)).containsExactly(dept, root);

        orgs.setContact(dept.id(), ContactType.UCSC_24_7, person("Trần Thị Bình", "0912000001"), "admin")
                .orElseThrow();
        clock.advance(Duration.ofDays(30));
        ContactPoint second = orgs.setContact(
                        dept.id(), ContactType.UCSC_24_7, person("Lê Văn Cường", "0912000002"), "lead")
                .orElseThrow();
        clock.advance(Duration.ofHours(2));
        orgs.setContact(dept.id(), ContactType.DPO, person("Phạm Thu Dung", "0912000003"), "admin")
                .orElseThrow();

        List<ContactPoint> history = orgs.contactHistory(dept.id(), ContactType.UCSC_24_7);
        assertThat(history).extracting(p -> p.details().fullName()).containsExactly("Lê Văn Cường", "Trần Thị Bình");
        assertThat(history).extracting(ContactPoint::changedBy).containsExactly("lead", "admin");
        assertThat(history.getFirst()).isEqualTo(second);
        assertThat(history.get(1).changedAt()).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
        assertThat(orgs.contact(dept.id(), ContactType.UCSC_24_7)).contains(second);
        assertThat(orgs.contact(dept.id(), ContactType.GIAM_SAT)).isEmpty();
        assertThat(orgs.withoutContact(ContactType.UCSC_24_7)).containsExactly(root);
        assertThat(orgs.setContact(UUID.randomUUID(), ContactType.DPO, person("A", "0912000004"), "admin"))
                .isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void personalDataIsSealedAndACiphertextMovedToAnotherRowDoesNotOpen() {
        Organization root = add("TINH", "Tỉnh", OrganizationKind.PROVINCE, null);
        Organization a = add("SO-A", "Sở A", OrganizationKind.DEPARTMENT, root);
        Organization b = add("SO-B", "Sở B", OrganizationKind.DEPARTMENT, root);
        orgs.setContact(a.id(), ContactType.UCSC_24_7, person("Nguyễn Văn An", "0987654321"), "admin")
                .orElseThrow();
        orgs.setContact(b.id(), ContactType.UCSC_24_7, person("Hoàng Minh", "0911111111"), "admin")
                .orElseThrow();

        byte[] raw = db.jdbi()
                .withHandle(
                        h -> h.createQuery("select full_name || phone_mobile || email || address from contact_points"
                                        + " where organization_id = :id")
                                .bind("id", a.id())
                                .mapTo(byte[].class)
                                .one());
        String asText = new String(raw, StandardCharsets.ISO_8859_1);
        for (String secret : List.of("Nguy", "An", "0987654321", "an@example.gov.vn", "Đường")) {
            assertThat(asText)
                    .doesNotContain(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        db.jdbi()
                .useHandle(h -> h.execute(
                        "update contact_points set email = (select email from contact_points"
                                + " where organization_id = ?) where organization_id = ?",
                        a.id(),
                        b.id()));
        assertThatThrownBy(() -> orgs.contact(b.id(), ContactType.UCSC_24_7))
                .isInstanceOf(SealException.class)
                .hasMessageContaining("contact_points.email:" + b.id());
        assertThat(orgs.contact(a.id(), ContactType.UCSC_24_7)
                        .orElseThrow()
                        .details()
                        .email())
                .isEqualTo("an@example.gov.vn");
    }

    @Test
    void theCachedScopeFollowsChangesAndKnowsTheMonitoringCenter() {
        Organization root = add("TINH", "Tỉnh", OrganizationKind.PROVINCE, null);
        Organization soc = add("SOC", "Trung tâm giám sát", OrganizationKind.SOC, root);
        Organization dept = add("SO-A", "Sở A", OrganizationKind.DEPARTMENT, root);
        OrganizationScope scope = orgs.scope(Duration.ofMinutes(1));
        assertThat(scope.isMonitoringCenter(soc.id())).isTrue();
        assertThat(scope.isMonitoringCenter(dept.id())).isFalse();
        assertThat(scope.subtree(root.id())).isEqualTo(orgs.subtree(root.id()));

        Organization unit = add("DV-A", "Đơn vị A", OrganizationKind.PUBLIC_SERVICE_UNIT, dept);
        assertThat(scope.subtree(dept.id())).isEqualTo(Set.of(dept.id(), unit.id()));
        orgs.move(unit.id(), soc.id()).orElseThrow();
        assertThat(scope.subtree(dept.id())).isEqualTo(Set.of(dept.id()));

        db.jdbi()
                .useHandle(h -> h.execute("update organizations set parent_id = ? where id = ?", dept.id(), unit.id()));
        assertThat(scope.subtree(dept.id()))
                .as("another node's change, before the cache expires")
                .isEqualTo(Set.of(dept.id()));
        clock.advance(Duration.ofMinutes(2));
        assertThat(scope.subtree(dept.id())).isEqualTo(Set.of(dept.id(), unit.id()));
    }

    @Test
    void subtreesByCodeFollowMovesAndIgnoreCase() {
        Organization root = add("TINH", "Tỉnh", OrganizationKind.PROVINCE, null);
        Organization dept = add("SO-A", "Sở A", OrganizationKind.DEPARTMENT, root);
        Organization unit = add("DV-A", "Đơn vị A", OrganizationKind.PUBLIC_SERVICE_UNIT, dept);
        Organization other = add("SO-B", "Sở B", OrganizationKind.DEPARTMENT, root);
        Subtrees subtrees = orgs.subtrees(Duration.ofMinutes(1));

        assertThat(subtrees.contains("SO-A", "SO-A")).isTrue();
        assertThat(subtrees.contains("SO-A", "dv-a"))
                .as("ownership settings may use lower case")
                .isTrue();
        assertThat(subtrees.contains("TINH", "DV-A")).isTrue();
        assertThat(subtrees.contains("SO-A", "SO-B")).isFalse();
        assertThat(subtrees.contains("DV-A", "SO-A"))
                .as("a parent is not in its child's subtree")
                .isFalse();
        assertThat(subtrees.contains("SO-A", "UNKNOWN")).isFalse();
        assertThat(subtrees.contains("UNKNOWN", "SO-A")).isFalse();

        orgs.move(unit.id(), other.id()).orElseThrow();
        assertThat(subtrees.contains("SO-A", "DV-A")).isFalse();
        assertThat(subtrees.contains("SO-B", "DV-A")).isTrue();
    }

    private static ContactDetails person(String name, String mobile) {
        String email = name.startsWith("Nguyễn Văn An") ? "an@example.gov.vn" : "lienhe@example.gov.vn";
        return new ContactDetails(
                name,
                "Phòng Công nghệ thông tin",
                "Chuyên viên",
                "12 Đường Trần Hưng Đạo",
                "0292 3820 000",
                mobile,
                email,
                URI.create("https://example.gov.vn/ucsc"));
    }
}
