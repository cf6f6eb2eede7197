package vn.lachan.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared corpus of real data ({@code ../shared/corpus} beside the project's root) that
 * tests and benchmarks read by path and never copy.
 */
public final class Corpus {
    private Corpus() {}

    /**
     * Returns the corpus folder: the system property {@code lachan.corpus}, else the environment
     * variable {@code LACHAN_CORPUS}, else {@code shared/corpus} beside the current folder or one of
     * its parents.
     */
    public static Optional<Path> find() {
        String configured = System.getProperty("lachan.corpus", System.getenv("LACHAN_CORPUS"));
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a path inside the corpus, or aborts the calling test with a message saying what is
     * missing (the test is then reported as skipped, not passed).
     */
    public static Path require(String relative) {
        Optional<Path> root = find();
        Assumptions.assumeTrue(
                root.isPresent(),
                "the shared corpus (../shared/corpus) is absent: set -Dlachan.corpus=DIR to run this test");
        Path path = root.orElseThrow().resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "the shared corpus has no " + relative + " at " + path);
        return path;
    }

    /** Returns a path inside the corpus, or fails when it is absent: for benchmarks, which cannot skip. */
    public static Path get(String relative) {
        Path root = find().orElseThrow(() -> new IllegalStateException(
                "the shared corpus (../shared/corpus) is absent: set -Dlachan.corpus=DIR or LACHAN_CORPUS"));
        Path path = root.resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("the shared corpus has no " + relative + " at " + path);
        }
        return path;
    }
}
