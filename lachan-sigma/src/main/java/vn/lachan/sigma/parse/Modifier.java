package vn.lachan.sigma.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.lachan.sigma.rule.Comparison;
import vn.lachan.sigma.rule.ValueTest;

/** Names every Sigma v2.1 value modifier (with its aliases). */
enum Modifier {
    CONTAINS("contains"),
    STARTSWITH("startswith"),
    ENDSWITH("endswith"),
    ALL("all"),
    CASED("cased"),
    EXISTS("exists"),
    NEQ("neq"),
    RE("re"),
    IGNORECASE("i", "ignorecase"),
    MULTILINE("m", "multiline"),
    DOTALL("s", "dotall"),
    BASE64("base64"),
    BASE64OFFSET("base64offset"),
    UTF16LE("wide", "utf16le"),
    UTF16BE("utf16be"),
    UTF16("utf16"),
    WINDASH("windash"),
    CIDR("cidr"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    EXPAND("expand"),
    FIELDREF("fieldref"),
    MINUTE("minute"),
    HOUR("hour"),
    DAY("day"),
    WEEK("week"),
    MONTH("month"),
    YEAR("year");

    private static final Map<String, Modifier> BY_NAME = byName();

    private final List<String> names;

    Modifier(String... names) {
        this.names = List.of(names);
    }

    /** Returns the modifier's name as rules write it. */
    String keyword() {
        return names.getFirst();
    }

    /** Returns the modifier named (case-sensitively, as pySigma does), if any. */
    static Optional<Modifier> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Returns every accepted modifier name, sorted. */
    static List<String> allNames() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    /** Returns the comparison a numeric modifier stands for, if it is one. */
    Optional<Comparison> comparison() {
        return switch (this) {
            case GT -> Optional.of(Comparison.GT);
            case GTE -> Optional.of(Comparison.GTE);
            case LT -> Optional.of(Comparison.LT);
            case LTE -> Optional.of(Comparison.LTE);
            default -> Optional.empty();
        };
    }

    /** Returns the date-time part a time modifier extracts, if it is one. */
    Optional<ValueTest.TimePart.Unit> timeUnit() {
        return switch (this) {
            case MINUTE -> Optional.of(ValueTest.TimePart.Unit.MINUTE);
            case HOUR -> Optional.of(ValueTest.TimePart.Unit.HOUR);
            case DAY -> Optional.of(ValueTest.TimePart.Unit.DAY);
            case WEEK -> Optional.of(ValueTest.TimePart.Unit.WEEK);
            case MONTH -> Optional.of(ValueTest.TimePart.Unit.MONTH);
            case YEAR -> Optional.of(ValueTest.TimePart.Unit.YEAR);
            default -> Optional.empty();
        };
    }

    private static Map<String, Modifier> byName() {
        Map<String, Modifier> map = new TreeMap<>();
        for (Modifier modifier : values()) {
            for (String name : modifier.names) {
                map.put(name, modifier);
            }
        }
        return map;
    }
}
