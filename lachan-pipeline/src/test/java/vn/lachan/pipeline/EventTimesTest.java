package vn.lachan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule for event times: believed within the window around the receipt, else the receipt, flagged. */
class EventTimesTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-20T03:00:00Z");
    private final EventTimes times = new EventTimes(PipelineConfig.MAX_EVENT_AGE, PipelineConfig.MAX_EVENT_LEAD);

    @ParameterizedTest
    @CsvSource({
        "2026-11-20T02:59:00Z, true, ",
        "2026-11-13T00:00:00Z, true, ", // a collector offline for a week
        "2026-10-01T00:00:00Z, true, ", // last month's EVTX
        "2026-11-20T10:00:00Z, true, ", // UTC+7 local time written as UTC
        "2024-11-21T00:00:00Z, true, ",
        "2024-11-19T00:00:00Z, false, days before",
        "1970-01-01T00:00:00Z, false, days before",
        "2000-01-01T00:00:00Z, false, days before",
        "2026-11-21T04:00:00Z, false, hours after",
        "9999-12-31T23:59:59Z, false, hours after",
        "1601-01-01T00:00:00Z, false, outside 1970",
        "+20000-01-01T00:00:00Z, false, outside 1970",
    })
    void believesAPlausibleTimeAndOtherwiseKeepsItBesideTheReceiptTime(
            String time, boolean believed, @Nullable String reason) {
        Instant parsed = Instant.parse(time);
        Map<String, @Nullable Object> fields = Map.of("message", "m");
        EventTimes.Decided decided = times.decide(parsed, RECEIVED, fields);
        assertThat(decided.clamped()).isEqualTo(!believed);
        if (believed) {
            assertThat(decided.time()).isEqualTo(parsed);
            assertThat(decided.fields()).isSameAs(fields);
        } else {
            assertThat(decided.time()).isEqualTo(RECEIVED);
            assertThat(decided.fields())
                    .containsEntry("message", "m")
                    .containsEntry(EventTimes.ORIGINAL, parsed.toString());
            assertThat(String.valueOf(decided.fields().get(EventTimes.ISSUE))).contains(reason);
        }
    }

    @ParameterizedTest
    @CsvSource({"PT1H, PT1H", "P3650D, PT12H"})
    void aRecordWithoutATimeTakesItsReceiptTimeUnflagged(Duration age, Duration lead) {
        EventTimes.Decided decided = new EventTimes(age, lead).decide(null, RECEIVED, Map.of());
        assertThat(decided.time()).isEqualTo(RECEIVED);
        assertThat(decided.clamped()).isFalse();
        assertThat(decided.fields()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2026-11-20T02:59:00Z", "2024-11-19T00:00:00Z", "2026-11-21T04:00:00Z", "1601-01-01T00:00:00Z"})
    void inPlaceDecidesAsTheCopyDoesIntoTheGivenMap(String time) {
        Instant parsed = Instant.parse(time);
        Map<String, @Nullable Object> owned = new LinkedHashMap<>(Map.of("message", "m"));
        EventTimes.Decided copied = times.decide(parsed, RECEIVED, Map.copyOf(owned));
        EventTimes.Decided inPlace = times.decideInPlace(parsed, RECEIVED, owned);
        assertThat(inPlace.fields()).isSameAs(owned).isEqualTo(copied.fields());
        assertThat(inPlace.time()).isEqualTo(copied.time());
        assertThat(inPlace.clamped()).isEqualTo(copied.clamped());
    }

    @ParameterizedTest
    @CsvSource({"2000-01-01T00:00:00Z, days before", "9999-12-31T23:59:59Z, hours after"})
    void theReasonNamesTheReceiptTimeOfEachRecord(String time, String reason) {
        Instant parsed = Instant.parse(time);
        for (int i = 0; i < 4; i++) {
            Instant received = RECEIVED.plusSeconds(i / 2); // twice the same receipt time, then the next
            Object issue = times.decide(parsed, received, Map.of()).fields().get(EventTimes.ISSUE);
            assertThat(String.valueOf(issue)).contains(reason, "receipt (" + received + ")");
        }
    }
}
