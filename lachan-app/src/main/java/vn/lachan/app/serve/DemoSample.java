package vn.lachan.app.serve;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chooses what the demo feeds and which rules run: the shared corpus (SigmaHQ Windows rules, OTRF
 * datasets) when present, else the bundled samples.
 *
 * @param rules the rule folders
 * @param events the event files and folders to send
 * @param description what is fed, in words
 */
record DemoSample(List<Path> rules, List<Path> events, String description) {
    static @Nullable DemoSample choose(String which, PrintStream err) {
        Path home = DemoCommand.home();
        Path samples = home.resolve("samples");
        Path corpus = corpus(home);
        boolean hasCorpus = corpus != null
                && Files.isDirectory(corpus.resolve("sigma/rules/windows"))
                && Files.isDirectory(corpus.resolve("otrf/windows"));
        boolean hasSamples =
                Files.isDirectory(samples.resolve("rules")) && Files.isDirectory(samples.resolve("events"));
        switch (which) {
            case "corpus" -> {
                if (!hasCorpus || corpus == null) {
                    err.println("lachan demo: no corpus found (looked for ../shared/corpus beside "
                            + home.toAbsolutePath() + "; set -Dlachan.corpus=DIR)");
                    return null;
                }
                return corpus(corpus, samples, hasSamples);
            }
            case "bundled", "auto" -> {
                if (which.equals("auto") && hasCorpus && corpus != null) {
                    return corpus(corpus, samples, hasSamples);
                }
                if (!hasSamples) {
                    err.println("lachan demo: the bundled samples are missing: no " + samples.toAbsolutePath());
                    return null;
                }
                return new DemoSample(
                        List.of(samples.resolve("rules")),
                        List.of(samples.resolve("events")),
                        "the bundled sample (30 events of one attack story, 8 rules and a correlation)");
            }
            default -> {
                err.println("lachan demo: --sample is auto, corpus or bundled, not '" + which + "'");
                return null;
            }
        }
    }

    private static DemoSample corpus(Path corpus, Path samples, boolean hasSamples) {
        List<Path> rules = new ArrayList<>(List.of(corpus.resolve("sigma/rules/windows")));
        List<Path> events = new ArrayList<>();
        if (hasSamples) {
            rules.add(samples.resolve("rules"));
            events.add(samples.resolve("events"));
        }
        events.add(corpus.resolve("otrf/windows"));
        return new DemoSample(
                rules,
                events,
                "the OTRF Security-Datasets Windows events (647k, real attack simulations) with the SigmaHQ Windows"
                        + " rules");
    }

    private static @Nullable Path corpus(Path home) {
        String property = System.getProperty("lachan.corpus");
        if (property != null) {
            return Path.of(property);
        }
        Path beside = home.toAbsolutePath().resolve("../shared/corpus").normalize();
        return Files.isDirectory(beside) ? beside : null;
    }
}
