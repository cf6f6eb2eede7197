package vn.lachan.sigma.logsource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.lachan.sigma.rule.LogSource;

/**
 * Says which Sigma log source events of one kind provide, how to recognise them and how rule
 * fields map onto their fields.
 *
 * @param name the entry's name in the map file
 * @param provides the category, product and service the events belong to
 * @param when alternatives (any may hold) of conditions (all must hold): field to accepted
 *     values, compared as case-insensitive text; the value {@code *} accepts any present value
 * @param renames rule field name to event field name, for rules read through this entry
 * @param keywordFields the fields a keyword search reads; empty means every string value
 * @param line the 1-based line of the entry in the map file
 */
public record LogSourceEntry(
        String name,
        LogSource provides,
        List<Map<String, List<String>>> when,
        Map<String, String> renames,
        List<String> keywordFields,
        int line) {
    public LogSourceEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provides, "provides");
        when = when.stream().map(Map::copyOf).toList();
        renames = Map.copyOf(renames);
        keywordFields = List.copyOf(keywordFields);
    }

    /**
     * Returns whether a rule with log source {@code wanted} applies to events of this entry: each of
     * the rule's category, product and service equals the entry's where the rule gives it.
     */
    public boolean satisfies(LogSource wanted) {
        return LogSourceMap.covers(provides, wanted);
    }
}
