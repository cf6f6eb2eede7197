package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.Glob;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.Origin;
import vn.lachan.sigma.rule.RuleInfo;
import vn.lachan.sigma.rule.Search;
import vn.lachan.sigma.rule.ValueTest;

/** Builds hand-made rules and events for matcher tests. */
final class Rules {
    private Rules() {}

    static DetectionRule rule(String title, LogSource logSource, Search selection) {
        return new DetectionRule(
                info(title), logSource, Map.of("selection", selection), new Condition.Ref("selection"));
    }

    static DetectionRule rule(String title, LogSource logSource, Map<String, Search> searches, Condition condition) {
        return new DetectionRule(info(title), logSource, searches, condition);
    }

    static RuleInfo info(String title) {
        return new RuleInfo(
                title, null, null, null, null, List.of(), "", "", List.of(), List.of(), new Origin(title + ".yml", 1));
    }

    static Search field(String field, ValueTest test) {
        return new Search.Field(field, test);
    }

    /** Returns a case-insensitive text test of a glob written in Sigma syntax ({@code *}, {@code ?}, {@code \}). */
    static ValueTest text(String sigma) {
        return new ValueTest.Text(glob(sigma), false);
    }

    static ValueTest cased(String sigma) {
        return new ValueTest.Text(glob(sigma), true);
    }

    static Glob glob(String sigma) {
        List<Glob.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < sigma.length(); i++) {
            char c = sigma.charAt(i);
            if (c == '\\' && i + 1 < sigma.length() && "*?\\".indexOf(sigma.charAt(i + 1)) >= 0) {
                literal.append(sigma.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(literal, parts);
                Glob.Part part = c == '*' ? new Glob.AnyRun() : new Glob.AnyChar();
                if (!(c == '*' && !parts.isEmpty() && parts.getLast() instanceof Glob.AnyRun)) {
                    parts.add(part);
                }
            } else {
                literal.append(c);
            }
        }
        flush(literal, parts);
        return new Glob(parts);
    }

    private static void flush(StringBuilder literal, List<Glob.Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Glob.Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    static SourcedEvent event(@Nullable Object... keyValues) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return new SourcedEvent("test", 0, fields);
    }

    /** Returns the titles of the rules the event matches. */
    static List<String> titles(Detector detector, SourcedEvent event) {
        List<String> out = new ArrayList<>();
        detector.detect(event, (rule, e) -> out.add(rule.info().title()));
        return out;
    }

    static List<String> titles(Detector detector, SourcedEvent event, LogSource declared) {
        List<String> out = new ArrayList<>();
        detector.detect(event, declared, (rule, e) -> out.add(rule.info().title()));
        return out;
    }
}
