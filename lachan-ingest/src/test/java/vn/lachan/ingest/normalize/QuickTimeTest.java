package vn.lachan.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The quick time reader agrees with the JDK's parsers wherever it answers, and answers the common shapes. */
class QuickTimeTest {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private static @Nullable Instant jdk(String s) {
        try {
            return s.indexOf('T') > 0
                    ? Instant.parse(s)
                    : LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsTheCommonShapesAsTheJdkDoes() {
        for (String s : new String[] {
            "2020-09-21T19:38:37Z",
            "2020-09-21T19:38:37.1Z",
            "2020-09-21T19:38:37.123456789Z",
            "2024-02-29T23:59:59.999+07:00",
            "1970-01-01T00:00:00-05:30",
            "2019-05-01 10:00:00",
            "2019-05-01 10:00:00.5",
            "1601-01-01T00:00:00Z"
        }) {
            assertThat(Values.quickTime(s)).as(s).isNotNull().isEqualTo(jdk(s));
        }
    }

    @Test
    void leavesTheRestToTheJdkAndNeverDisagrees() {
        String[] edges = {
            "2023-02-29T00:00:00Z", "2020-13-01T00:00:00Z", "2020-01-01T24:00:00Z", "2020-01-01T00:00:60Z",
            "2020-01-01T00:00:00", "2020-01-01T00:00:00z", "2020-01-01T00:00:00.Z", "2020-01-01T00:00:00.1234567891Z",
            "2020-01-01 00:00:00Z", "2020-01-01T00:00:00+19:00", "2020-01-01T00:00:00+0700", "+2020-01-01T00:00:00Z",
            "2020-1-01T00:00:00Z", "2020-01-01X00:00:00Z", "２０２０-01-01T00:00:00Z"
        };
        for (String s : edges) {
            Instant quick = Values.quickTime(s);
            assertThat(quick == null || quick.equals(jdk(s))).as(s).isTrue();
        }
        SplittableRandom random = new SplittableRandom(2026);
        String alphabet = "0123456789-:T .Z+z";
        int answered = 0;
        for (int i = 0; i < 200_000; i++) {
            char[] text = "2020-09-21T19:38:37.123+07:00".toCharArray();
            for (int k = random.nextInt(1, 4); k > 0; k--) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(text, 0, random.nextInt(19, text.length + 1));
            Instant quick = Values.quickTime(s);
            if (quick != null) {
                answered++;
                assertThat(quick).as(s).isEqualTo(jdk(s));
            }
        }
        assertThat(answered).as("mutations the quick reader answered").isGreaterThan(2_000);
    }
}
