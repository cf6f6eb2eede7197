package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import vn.lachan.core.query.Query;

class IpAddressTest {
    private static final List<String> EDGES = List.of(
            "1.2.3.4",
            "0.0.0.0",
            "255.255.255.255",
            "256.1.1.1",
            "1.2.3.256",
            "01.2.3.4",
            "001.002.003.004",
            "0001.2.3.4",
            "1.2.3",
            "1.2.3.4.",
            ".1.2.3.4",
            "1..2.3",
            "1.2.3.4.5",
            "",
            ".",
            "...",
            "+1.2.3.4",
            "-1.2.3.4",
            " 1.2.3.4",
            "1.2.3.4 ",
            "1.2.3.a",
            "\u0661.2.3.4",
            "1.2.3.\uff14",
            "999.1.1.1",
            "10.0.0.1x",
            "-",
            "localhost",
            "1,2,3,4");

    @Test
    void acceptsExactlyWhatQueriesAcceptAndReadsTheSameAddress() {
        List<String> values = new ArrayList<>(EDGES);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            values.add(candidate(random));
        }
        int accepted = 0;
        for (String v : values) {
            InetAddress parsed = Ipv4.parse(v);
            assertThat(parsed != null).as(v).isEqualTo(Query.isIp(v));
            if (parsed != null) {
                accepted++;
                assertThat(parsed.getHostAddress()).as(v).isEqualTo(decimal(v));
            }
        }
        assertThat(accepted).isGreaterThan(50);
    }

    /** Returns three to five parts of zero to four digits, now and then with a stray character. */
    private static String candidate(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int parts = 3 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            if (p > 0) {
                b.append('.');
            }
            int digits = random.nextInt(5);
            for (int d = 0; d < digits; d++) {
                b.append((char) ('0' + random.nextInt(random.nextBoolean() ? 3 : 10)));
            }
        }
        if (random.nextInt(10) == 0) {
            b.insert(random.nextInt(b.length() + 1), " x-:".charAt(random.nextInt(4)));
        }
        return b.toString();
    }

    /** Returns the dotted quad with each part read as a decimal number (leading zeros dropped). */
    private static String decimal(String quad) {
        List<String> parts = new ArrayList<>();
        for (String p : quad.split("\\.", -1)) {
            parts.add(Integer.toString(Integer.parseInt(p)));
        }
        return String.join(".", parts);
    }
}
