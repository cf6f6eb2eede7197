package vn.lachan.sigma.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the literals extracted from regexes: the right one, and never one a match may lack. */
class RegexAnchorTest {
    private static final String[] ATOMS = {
        "a", "b", "A", "s", "S", "k", "\\.", "\\\\", ".", "^", "$", "*", "+", "?", "{2}", "{1,}", "[ab]", "[^a]",
        "(ab)", "(?:a|b)", "(a", ")", "|", "\\d", "\\w", "\\Q", "\\E", "(?i)", "(?-i)", "ſ", "K", "ı", " "
    };
    private static final String TEXT_CHARS = "abABsSkK.\\ ſKı1";

    @Test
    void takesTheLongestTopLevelRun() {
        assertThat(RegexAnchor.of("\\\\mimikatz\\.exe$", false)).isEqualTo(new RegexAnchor("\\mimikatz.exe", false));
        assertThat(RegexAnchor.of("^abc[0-9]+defgh", false)).isEqualTo(new RegexAnchor("defgh", false));
        assertThat(RegexAnchor.of("abcd(efghijk)?xy", false)).isEqualTo(new RegexAnchor("abcd", false));
        assertThat(RegexAnchor.of("abcdx*", false)).isEqualTo(new RegexAnchor("abcd", false));
        assertThat(RegexAnchor.of("ab{2}", false)).isEqualTo(new RegexAnchor("a", false));
    }

    @Test
    void foldsUnderTheCaseFlagAndAvoidsLongS() {
        assertThat(RegexAnchor.of("(?i)Invoke-Mimikatz", false)).isEqualTo(new RegexAnchor("invoke-mimikatz", true));
        assertThat(RegexAnchor.of("Invoke-Expression", true)).isEqualTo(new RegexAnchor("invoke-expre", true));
        assertThat(RegexAnchor.of("(?s)Ab", false)).isEqualTo(new RegexAnchor("Ab", false));
    }

    @Test
    void givesNothingWhenNoLiteralIsRequired() {
        assertThat(RegexAnchor.of("abc|def", false)).isNull();
        assertThat(RegexAnchor.of("[abc]+\\d", false)).isNull();
        assertThat(RegexAnchor.of("\\Qabc\\E", false)).isNull();
        assertThat(RegexAnchor.of("(?-i)abc", false)).isNull();
        assertThat(RegexAnchor.of("xy(?i)abcd|e", false)).isNull();
        assertThat(RegexAnchor.of("xy(?i)abcd", false)).isEqualTo(new RegexAnchor("x", false));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyMatchContainsTheAnchor(long seed) {
        Random random = new Random(seed);
        int anchored = 0;
        int matched = 0;
        for (int r = 0; r < 200; r++) {
            String regex = regex(random);
            boolean ignoreCase = random.nextInt(3) == 0;
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            } catch (com.google.re2j.PatternSyntaxException e) {
                continue;
            }
            RegexAnchor anchor = RegexAnchor.of(regex, ignoreCase);
            if (anchor == null) {
                continue;
            }
            anchored++;
            for (int t = 0; t < 40; t++) {
                String text = text(random);
                if (pattern.matcher(text).find()) {
                    matched++;
                    String seen = anchor.folded() ? GlobMatcher.fold(text) : text;
                    assertThat(seen)
                            .as("regex %s (ignore case %s) matched %s", regex, ignoreCase, text)
                            .contains(anchor.literal());
                }
            }
        }
        assertThat(anchored).isPositive();
        assertThat(matched).isPositive();
    }

    private static String regex(Random random) {
        StringBuilder out = new StringBuilder();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.append(ATOMS[random.nextInt(ATOMS.length)]);
        }
        return out.toString();
    }

    private static String text(Random random) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            out.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
        }
        return out.toString();
    }
}
