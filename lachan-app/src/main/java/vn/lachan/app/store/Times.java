package vn.lachan.app.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads the times that {@code --from} and {@code --to} accept. */
final class Times {
    private Times() {}

    /**
     * Reads an ISO instant ({@code 2020-06-10T02:50:00Z}), a date ({@code 2020-06-10}, its start in UTC)
     * or a time relative to {@code now} ({@code -7d}, {@code -24h}, {@code -30m}); null when none fits.
     */
    static @Nullable Instant parse(String text, Instant now) {
        String s = text.strip();
        try {
            if (s.matches("-\\d{1,6}[dhm]")) {
                long n = Long.parseLong(s.substring(1, s.length() - 1));
                return switch (s.toLowerCase(Locale.ROOT).charAt(s.length() - 1)) {
                    case 'd' -> now.minus(Duration.ofDays(n));
                    case 'h' -> now.minus(Duration.ofHours(n));
                    default -> now.minus(Duration.ofMinutes(n));
                };
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(s);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
