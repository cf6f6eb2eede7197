package vn.lachan.sigma.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import vn.lachan.sigma.rule.RuleSet;

/** Feeds arbitrary text to the loader: it must return a rule set, never throw or hang. */
class RuleLoaderFuzzTest {
    private static final RuleLoader LOADER = new RuleLoader(Placeholders.of(Map.of("Admins", List.of("adm_*"))));

    @FuzzTest(maxDuration = "30s")
    void parseNeverThrows(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        RuleSet set = LOADER.parse(text, "fuzz.yml");
        assertThat(set.rejected()).noneSatisfy(p -> assertThat(p.message()).contains("internal error"));
    }
}
