package vn.lachan.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryValuesTest {

    @Test
    void tellsNumbersFromOtherValues() {
        assertThat(List.of("42", "-1.5", "+3", "1e3", ".5", "4625")).allMatch(Query::isNumber);
        assertThat(List.of("", "0x1F", "NaN", "1.2.3", "12:30", "-", "1e")).noneMatch(Query::isNumber);
    }

    @Test
    void tellsIpAddressesWithoutLookingNamesUp() {
        assertThat(List.of("10.0.0.1", "255.255.255.255", "::1", "2001:db8::8a2e:370:7334", "::ffff:1.2.3.4"))
                .allMatch(Query::isIp);
        assertThat(List.of("10", "10.0.0", "256.1.1.1", "localhost", "1.2.3.4.5", "fe80::1%eth0", "a:b:c"))
                .noneMatch(Query::isIp);
    }

    @Test
    void tellsIsoDatesAndDateTimes() {
        assertThat(List.of(
                        "2026-03-01", "2026-03-01T08:00:00", "2026-03-01T08:00:00+07:00", "2026-03-01T01:00:00.123Z"))
                .allMatch(Query::isDate);
        assertThat(List.of("2026-13-01", "01/03/2026", "now-1d", "2026-03-01 08:00", "4625"))
                .noneMatch(Query::isDate);
    }

    @Test
    void readsCidrNetworksStrictly() {
        assertThat(List.of("10.0.0.0/8", "0.0.0.0/0", "2001:db8::/32", "::/128"))
                .allMatch(Values::isCidr);
        assertThat(List.of("10.0.0.0/33", "10.0.0.0", "10.0.0.0/", "2001:db8::/129", "a/8", "10.0.0.0/8/8"))
                .noneMatch(Values::isCidr);
        assertThat(new Query.Cidr("client.ip", "2001:db8::/32").prefixLength()).isEqualTo(32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a b", "_exists_", "a:b", "a*", "(a)"})
    void refusesFieldNamesTheSyntaxCannotWrite(String field) {
        assertThatThrownBy(() -> new Query.Exists(field))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + field + "'");
    }

    @Test
    void refusesNodesThatWouldNotRoundTrip() {
        assertThatThrownBy(() -> new Query.Term("a", "x y", true)).hasMessageContaining("Phrase");
        assertThatThrownBy(() -> new Query.Term("a", "", false)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> new Query.Phrase("a", "xy")).hasMessageContaining("quoted Term");
        assertThatThrownBy(() -> new Query.Wildcard("a", "abc")).hasMessageContaining("'abc'");
        assertThatThrownBy(() -> new Query.Wildcard("a", "*")).hasMessageContaining("not just *");
        assertThatThrownBy(() -> new Query.Wildcard("a", "a\\b*")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> new Query.Cidr("a", "10.0.0.0/40")).hasMessageContaining("10.0.0.0/40");
        assertThatThrownBy(() -> new Query.FreeText("AND", Query.FreeText.Kind.WORD))
                .hasMessageContaining("'AND'");
        assertThatThrownBy(() -> new Query.And(List.of(new Query.MatchAll()))).hasMessageContaining("two or more");
        assertThatThrownBy(() -> new Query.Bound("", true)).hasMessageContaining("bound");
        assertThatThrownBy(() -> new ParsedQuery(null, List.of())).hasMessageContaining("either");
    }
}
