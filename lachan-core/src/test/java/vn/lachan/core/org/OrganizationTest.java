package vn.lachan.core.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationTest {

    @Test
    void decomposedVietnameseNameIsStoredPrecomposed() {
        String decomposed = "So\u031b\u0309 Tho\u0302ng tin va\u0300 Truye\u0302\u0300n tho\u0302ng";
        Organization org = Organization.create("SO-TTTT", decomposed, null, OrganizationKind.DEPARTMENT, null);
        assertThat(org.name()).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(org.name()).isEqualTo("S\u1edf Th\u00f4ng tin v\u00e0 Truy\u1ec1n th\u00f4ng");
        assertThat(org.name().getBytes(StandardCharsets.UTF_8)).hasSize(35);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "so-tttt", "SO TTTT", "X", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "SỞ"})
    void badCodesAreRefusedWithTheValue(String code) {
        assertThatThrownBy(() -> Organization.create(code, "Tên", null, OrganizationKind.WARD, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code: '" + code + "'");
    }

    @Test
    void nameLengthIsCountedInCharactersNotBytes() {
        String twoHundred = "Đ".repeat(200);
        assertThat(Organization.create("OK", twoHundred, null, OrganizationKind.COMMUNE, null)
                        .name())
                .hasSize(200);
        assertThatThrownBy(() -> Organization.create("OK", twoHundred + "Đ", null, OrganizationKind.COMMUNE, null))
                .hasMessageContaining("name: must be 1 to 200 characters, got 201");
        assertThatThrownBy(() -> Organization.create("OK", "  ", null, OrganizationKind.COMMUNE, null))
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> Organization.create("OK", "Xã\nAn", null, OrganizationKind.COMMUNE, null))
                .hasMessageContaining("control characters");
    }

    @Test
    void anOrganizationCannotBeItsOwnParent() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new Organization(id, "SOC", "Trung tâm", null, OrganizationKind.SOC, id))
                .hasMessageContaining("cannot be its own parent");
    }

    @Test
    void contactDetailsAreValidatedAndTheReportIsDueWithinADay() {
        ContactDetails details = new ContactDetails(
                "Nguyễn Văn An",
                "Phòng CNTT",
                "Trưởng phòng",
                null,
                " ",
                "+84 912 345 678",
                " An@Example.GOV.vn ",
                URI.create("https://stttt.example.gov.vn/ucsc"));
        assertThat(details.email()).isEqualTo("an@example.gov.vn");
        assertThat(details.phoneFixed()).isNull();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        ContactPoint point = new ContactPoint(UUID.randomUUID(), ContactType.UCSC_24_7, details, at, "admin");
        assertThat(point.reportDue()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThatThrownBy(() -> new ContactDetails("A", "B", "C", null, null, "call me", "a@b.vn", null))
                .hasMessageContaining("phoneMobile: 'call me'");
        assertThatThrownBy(() -> new ContactDetails("A", "B", "C", null, null, "0912345678", "a@b", null))
                .hasMessageContaining("email: 'a@b'");
        assertThatThrownBy(() -> new ContactDetails(
                        "A", "B", "C", null, null, "0912345678", "a@b.vn", URI.create("ftp://x.vn/")))
                .hasMessageContaining("publishedUrl");
    }

    @Test
    void aRefusalMapsToAProblemAndOrElseThrowNamesIt() {
        Outcome<Organization> refused = new Outcome.Refused<>(Outcome.Reason.CONFLICT, "code", "SO-TTTT is taken");
        assertThat(((Outcome.Refused<Organization>) refused)
                        .problem("organization")
                        .toString())
                .isEqualTo("organization:code: SO-TTTT is taken");
        assertThatThrownBy(refused::orElseThrow).hasMessage("code: SO-TTTT is taken");
        Outcome<String> mapped = refused.map(Organization::code);
        assertThat(mapped).isInstanceOf(Outcome.Refused.class);
    }
}
