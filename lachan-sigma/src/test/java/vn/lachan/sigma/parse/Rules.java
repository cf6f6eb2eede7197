package vn.lachan.sigma.parse;

import static org.assertj.core.api.Assertions.assertThat;

import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.RuleSet;
import vn.lachan.sigma.rule.Search;

/** Builds small rules around a selection for the parser's tests. */
final class Rules {
    private Rules() {}

    /** Returns a complete rule whose detection holds the given YAML lines (indented by 4) and condition. */
    static String rule(String detectionLines, String condition) {
        return "title: Test rule\nlogsource:\n    product: windows\ndetection:\n" + detectionLines.indent(4)
                + "    condition: " + condition + "\n";
    }

    /** Parses one rule with a selection and returns it, failing the test when it was rejected. */
    static DetectionRule load(String detectionLines, String condition) {
        return load(new RuleLoader(), detectionLines, condition);
    }

    static DetectionRule load(RuleLoader loader, String detectionLines, String condition) {
        RuleSet set = loader.parse(rule(detectionLines, condition), "test.yml");
        assertThat(set.rejected()).isEmpty();
        assertThat(set.detections()).hasSize(1);
        return set.detections().getFirst();
    }

    /** Returns the search of {@code selection} in a rule holding only it. */
    static Search selection(String selectionBody) {
        return java.util.Objects.requireNonNull(load("selection:\n" + selectionBody.indent(4), "selection")
                .searches()
                .get("selection"));
    }

    /** Returns the rejection of a rule, failing when it loaded. */
    static String rejection(String detectionLines, String condition) {
        RuleSet set = new RuleLoader().parse(rule(detectionLines, condition), "test.yml");
        assertThat(set.detections()).isEmpty();
        assertThat(set.rejected()).hasSize(1);
        return set.rejected().getFirst().toString();
    }
}
