package vn.lachan.core.store;

import java.time.Period;

/**
 * Names the security level of an information system (cấp độ an toàn hệ thống thông tin, Decree
 * 85/2016), which decides how long its logs are kept by default.
 *
 * <p>Defaults: 30 days for level 1 (Circular 31/2017: at least 30 days of monitoring data) and 1, 3, 6
 * and 12 months for levels 2 to 5 (TCVN 14423:2026).
 */
public enum SecurityLevel {
    /** Cấp độ 1. */
    LEVEL_1(Period.ofDays(30)),
    /** Cấp độ 2. */
    LEVEL_2(Period.ofMonths(1)),
    /** Cấp độ 3. */
    LEVEL_3(Period.ofMonths(3)),
    /** Cấp độ 4. */
    LEVEL_4(Period.ofMonths(6)),
    /** Cấp độ 5. */
    LEVEL_5(Period.ofMonths(12));

    private final Period retention;

    SecurityLevel(Period retention) {
        this.retention = retention;
    }

    /** Returns the level for its number, 1 to 5. */
    public static SecurityLevel of(int level) {
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("a security level (cấp độ) is 1 to 5, was " + level);
        }
        return values()[level - 1];
    }

    /** Returns the level's number, 1 to 5. */
    public int number() {
        return ordinal() + 1;
    }

    /** Returns how long logs of a system at this level are kept by default. */
    public Period defaultRetention() {
        return retention;
    }
}
