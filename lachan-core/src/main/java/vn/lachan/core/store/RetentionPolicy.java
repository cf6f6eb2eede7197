package vn.lachan.core.store;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Says how long events are kept, per information system and per organization; the app fills it from
 * its configuration.
 *
 * <p>For an event of {@code organization/system} the rule is, first match wins: the system's own
 * period, else its security level's default, else the organization's period, else {@code fallback}.
 * No rule keeps events less than {@link #LEGAL_MINIMUM} (Circular 31/2017).
 *
 * @param systems rules per {@code organization/system} key
 * @param organizations periods per organization
 * @param fallback the period for events that no other rule covers
 */
public record RetentionPolicy(Map<String, SystemRule> systems, Map<String, Period> organizations, Period fallback) {
    /** The shortest retention that the law allows: 30 days of monitoring data (Circular 31/2017). */
    public static final Period LEGAL_MINIMUM = Period.ofDays(30);

    public RetentionPolicy {
        systems = Map.copyOf(systems);
        organizations = Map.copyOf(organizations);
        Objects.requireNonNull(fallback, "fallback");
    }

    /** Returns the policy with only the level defaults and a fallback of 12 months (investigative logs). */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Map.of(), Map.of(), Period.ofMonths(12));
    }

    /** Returns the rule that applies to events of {@code organization/system}. */
    public Applied ruleFor(String organization, String system) {
        SystemRule rule = systems.get(organization + "/" + system);
        if (rule != null && rule.period() != null) {
            return Applied.of(rule.period(), "system " + organization + "/" + system + ": " + rule.period());
        }
        if (rule != null) {
            SecurityLevel level = rule.level();
            return Applied.of(
                    level.defaultRetention(),
                    "system " + organization + "/" + system + " at level " + level.number() + ": "
                            + level.defaultRetention());
        }
        Period org = organizations.get(organization);
        if (org != null) {
            return Applied.of(org, "organization " + organization + ": " + org);
        }
        return Applied.of(fallback, "fallback: " + fallback);
    }

    /**
     * Gives a system's security level and, optionally, a period that overrides the level's default.
     *
     * @param level the security level (cấp độ)
     * @param period the period, or null for the level's default
     */
    public record SystemRule(SecurityLevel level, @Nullable Period period) {
        public SystemRule {
            Objects.requireNonNull(level, "level");
        }
    }

    /**
     * Tells the period that applies and which rule gave it.
     *
     * @param period the period, never less than the legal minimum
     * @param rule the rule in words, for the deletion log
     */
    public record Applied(Period period, String rule) {
        static Applied of(Period period, String rule) {
            Instant probe = Instant.EPOCH;
            boolean tooShort = probe.atZone(ZoneOffset.UTC)
                    .plus(period)
                    .toInstant()
                    .isBefore(probe.atZone(ZoneOffset.UTC).plus(LEGAL_MINIMUM).toInstant());
            return tooShort
                    ? new Applied(LEGAL_MINIMUM, rule + ", raised to the legal minimum " + LEGAL_MINIMUM)
                    : new Applied(period, rule);
        }

        /** Returns the first instant at which an event at {@code time} may be deleted. */
        public Instant expiry(Instant time) {
            return time.atZone(ZoneOffset.UTC).plus(period).toInstant();
        }
    }
}
