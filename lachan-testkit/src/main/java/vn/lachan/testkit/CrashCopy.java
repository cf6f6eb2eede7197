package vn.lachan.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies a data folder while its writers are open, as a {@code kill -9} would leave it on disk: every
 * file as it is at this moment, without Lucene's {@code write.lock} (a lock a dead process no longer holds).
 */
public final class CrashCopy {
    private CrashCopy() {}

    /** Copies {@code from} into {@code to} (which must not hold the same files yet). */
    public static void of(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("write.lock")) {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
