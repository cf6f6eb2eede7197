package vn.lachan.app.serve;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.store.LegalHold;
import vn.lachan.core.store.RetentionPolicy;
import vn.lachan.core.store.SecurityLevel;
import vn.lachan.store.StoreConfig;

/**
 * Holds how the event store is kept: when partitions are sealed, how often upkeep runs, how long events
 * are kept (per information system, its security level, per organization) and the legal holds.
 *
 * @param sealGrace how long after a partition's end late events are still accepted before it is sealed
 * @param maintenanceInterval how often sealing and retention run
 * @param retentionEnabled whether expired partitions are deleted at all (off for replayed old data)
 * @param retention the retention rules
 * @param holds the legal holds that prevent deletion
 * @param commitInterval how long stored events may wait for the commit that makes them durable (and lets the
 *     journal trim them)
 */
record StoreSettings(
        Duration sealGrace,
        Duration maintenanceInterval,
        boolean retentionEnabled,
        RetentionPolicy retention,
        List<LegalHold> holds,
        Duration commitInterval) {
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})\\s*(d|day|days|m|month|months|y|year|years)");

    /**
     * How long a day stays open for late events by default: an agent that was offline over a weekend
     * still delivers into its days (a sealed day takes later events into a late partition beside it).
     */
    static final Duration DEFAULT_SEAL_GRACE = Duration.ofDays(3);

    StoreSettings {
        holds = List.copyOf(holds);
    }

    static StoreSettings defaults() {
        return new StoreSettings(
                DEFAULT_SEAL_GRACE,
                Duration.ofMinutes(10),
                true,
                RetentionPolicy.defaults(),
                List.of(),
                StoreConfig.COMMIT_INTERVAL);
    }

    /** Returns these settings with retention off: sealing still runs, nothing is deleted. */
    StoreSettings withoutRetention() {
        return new StoreSettings(sealGrace, maintenanceInterval, false, retention, holds, commitInterval);
    }

    /** Reads the {@code store} and {@code retention} sections, reporting problems through the sections. */
    static StoreSettings read(Section store, Section retention) {
        Duration grace = store.duration("seal_grace", DEFAULT_SEAL_GRACE);
        Duration interval = store.duration("maintenance_interval", Duration.ofMinutes(10));
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            store.problem("maintenance_interval", "must be at least 1s");
        }
        Duration commit = store.duration("commit_interval", StoreConfig.COMMIT_INTERVAL);
        if (commit.compareTo(Duration.ofMillis(100)) < 0 || commit.compareTo(Duration.ofMinutes(1)) > 0) {
            store.problem("commit_interval", "must be 100ms to 1m, not " + store.raw("commit_interval"));
            commit = StoreConfig.COMMIT_INTERVAL;
        }
        store.rejectUnknown();
        boolean enabled = retention.flag("enabled", true);
        Period fallback = period(retention, "fallback", Period.ofMonths(12));
        Map<String, Period> organizations = new LinkedHashMap<>();
        retention.entries("organizations").forEach((org, value) -> {
            Period p = parsePeriod(String.valueOf(value));
            if (p == null) {
                retention.problem("organizations." + org, periodHint(value));
            } else {
                organizations.put(String.valueOf(org), p);
            }
        });
        Map<String, RetentionPolicy.SystemRule> systems = systems(retention);
        List<LegalHold> holds = holds(retention);
        retention.rejectUnknown();
        RetentionPolicy policy = new RetentionPolicy(systems, organizations, fallback);
        checkMinimum(retention, policy);
        return new StoreSettings(grace, interval, enabled, policy, holds, commit);
    }

    private static Map<String, RetentionPolicy.SystemRule> systems(Section retention) {
        Map<String, RetentionPolicy.SystemRule> out = new LinkedHashMap<>();
        for (Section s : retention.sections("systems")) {
            String key = s.text("system", "");
            int level = s.integer("level", 0, 1, 5);
            String periodText = s.optionalText("period", null);
            s.rejectUnknown();
            if (key.indexOf('/') <= 0 || key.endsWith("/")) {
                s.problem("system", "must be ORGANIZATION/SYSTEM, such as so-ttt/cong-dvc, not '" + key + "'");
                continue;
            }
            if (level == 0) {
                s.problem("level", "the system's security level (cấp độ) 1 to 5 is required");
                continue;
            }
            Period period = periodText == null ? null : parsePeriod(periodText);
            if (periodText != null && period == null) {
                s.problem("period", periodHint(periodText));
            }
            out.put(key, new RetentionPolicy.SystemRule(SecurityLevel.of(level), period));
        }
        return out;
    }

    private static List<LegalHold> holds(Section retention) {
        List<LegalHold> out = new ArrayList<>();
        for (Section s : retention.sections("holds")) {
            String reason = s.text("reason", "");
            Instant from = instant(s, "from");
            Instant to = instant(s, "to");
            String system = s.optionalText("system", null);
            s.rejectUnknown();
            try {
                out.add(new LegalHold(reason, from, to, system));
            } catch (IllegalArgumentException e) {
                s.problem("reason", String.valueOf(e.getMessage()));
            }
        }
        return out;
    }

    private static @Nullable Instant instant(Section s, String key) {
        String text = s.optionalText(key, null);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            s.problem(key, "must be an instant such as 2026-01-01T00:00:00Z, not '" + text + "'");
            return null;
        }
    }

    private static void checkMinimum(Section retention, RetentionPolicy policy) {
        if (tooShort(policy.fallback())) {
            retention.problem("fallback", shortHint(policy.fallback()));
        }
        policy.organizations().forEach((org, p) -> {
            if (tooShort(p)) {
                retention.problem("organizations." + org, shortHint(p));
            }
        });
        policy.systems().forEach((key, rule) -> {
            if (rule.period() != null && tooShort(rule.period())) {
                retention.problem("systems." + key + ".period", shortHint(rule.period()));
            }
        });
    }

    private static boolean tooShort(Period p) {
        Instant t = Instant.EPOCH;
        return t.atZone(ZoneOffset.UTC)
                .plus(p)
                .isBefore(t.atZone(ZoneOffset.UTC).plus(RetentionPolicy.LEGAL_MINIMUM));
    }

    private static String shortHint(Period p) {
        return p + " is shorter than the legal minimum of 30 days of monitoring data (Circular 31/2017)";
    }

    private static Period period(Section s, String key, Period fallback) {
        String text = s.optionalText(key, null);
        if (text == null) {
            return fallback;
        }
        Period p = parsePeriod(text);
        if (p == null) {
            s.problem(key, periodHint(text));
            return fallback;
        }
        return p;
    }

    /** Parses {@code 30d}, {@code 6 months}, {@code 1y} or an ISO-8601 period such as {@code P12M}. */
    static @Nullable Period parsePeriod(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = PERIOD.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return switch (m.group(2).charAt(0)) {
                case 'd' -> Period.ofDays(n);
                case 'm' -> Period.ofMonths(n);
                default -> Period.ofYears(n);
            };
        }
        try {
            return t.startsWith("p") ? Period.parse(t.toUpperCase(Locale.ROOT)) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String periodHint(Object value) {
        return "must be a period such as 30d, 6 months, 1y or P12M, not '" + value + "'";
    }
}
