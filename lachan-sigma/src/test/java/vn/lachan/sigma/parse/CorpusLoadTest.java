package vn.lachan.sigma.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.RuleSet;
import vn.lachan.testkit.Corpus;

/** Loads every SigmaHQ rule of the shared corpus. */
class CorpusLoadTest {

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(
                            f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .count();
        }
    }

    private static RuleSet loadAndReport(String folder) throws IOException {
        Path path = Corpus.require("sigma/" + folder);
        long files = count(path);
        long start = System.nanoTime();
        RuleSet set = new RuleLoader().load(path);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                java.util.Locale.ROOT,
                "%s: %d files, %d detections, %d rejected, %d warnings in %d ms%n",
                folder,
                files,
                set.detections().size(),
                set.rejected().size(),
                set.warnings().size(),
                millis);
        set.rejected().forEach(p -> System.out.println("  rejected " + p));
        return set;
    }

    @Test
    void atLeastNinetyNinePercentOfRulesLoad() throws IOException {
        RuleSet set = loadAndReport("rules");
        long files = count(Corpus.require("sigma/rules"));
        assertThat(set.detections().size()).isGreaterThanOrEqualTo((int) Math.ceil(files * 0.99));
    }

    @Test
    void otherRuleFoldersLoadOrAreRejectedWithAReason() throws IOException {
        for (String folder : List.of(
                "rules-emerging-threats",
                "rules-threat-hunting",
                "rules-compliance",
                "rules-placeholder",
                "deprecated",
                "unsupported")) {
            RuleSet set = loadAndReport(folder);
            long files = count(Corpus.require("sigma/" + folder));
            assertThat(set.detections().size() + set.rejected().size())
                    .as(folder)
                    .isGreaterThanOrEqualTo((int) files);
            assertThat(set.rejected()).as(folder).allSatisfy(CorpusLoadTest::specific);
        }
    }

    private static void specific(Problem problem) {
        assertThat(problem.message()).doesNotContain("internal error");
        assertThat(problem.location()).startsWith("line ");
    }

    @Test
    void windowsRulesLoadFastInLittleMemory() throws IOException {
        Path windows = Corpus.require("sigma/rules/windows");
        new RuleLoader().load(windows);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        RuleSet set = new RuleLoader().load(windows);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long retained = runtime.totalMemory() - runtime.freeMemory() - before;
        System.out.printf(
                java.util.Locale.ROOT,
                "windows: %d rules parsed in %d ms (second run), %d MB retained%n",
                set.detections().size(),
                millis,
                retained / (1024 * 1024));
        assertThat(set.detections().size()).isGreaterThan(2000);
        assertThat(retained).isLessThan(256L * 1024 * 1024);
    }
}
