package vn.lachan.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.meta.MetaConfig;
import vn.lachan.meta.MetaDatabase;

/**
 * Copies the embedded metadata database ({@code DATA/meta}, H2). On a stopped platform the files are
 * copied as they are. On a running one H2 holds the file open in the platform's process, where no
 * second process may connect; its MVStore format writes each commit as a new checksummed chunk and
 * does not reuse a freed chunk's space for 45 s, so a file copy opens at the last chunk completely
 * copied, as after a power cut. The copy is then opened (H2 recovers it, Flyway checks the schema)
 * before it goes into the backup, and taken again when it does not open. Not thread-safe.
 */
final class MetaCopy {
    /** How many copies of an open database are tried before the backup is refused. */
    static final int ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(MetaCopy.class);

    private final Path data;
    private final Path stage;
    private final FileCopier copier;
    private final boolean live;

    MetaCopy(Path data, Path stage, FileCopier copier, boolean live) {
        this.data = data;
        this.stage = stage;
        this.copier = copier;
        this.live = live;
    }

    /**
     * Copies {@code DATA/meta} into the stage.
     *
     * @return the number of copies taken (0 when there is no embedded database)
     * @throws IOException when no copy of a running platform's database opened
     */
    int copy() throws IOException {
        Path meta = data.resolve("meta");
        if (!Files.isDirectory(meta, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        Path target = stage.resolve("meta");
        RuntimeException last = null;
        for (int attempt = 1; attempt <= (live ? ATTEMPTS : 1); attempt++) {
            copyFiles(meta, target);
            if (!live) {
                return attempt;
            }
            try (MetaDatabase copy = MetaDatabase.open(MetaConfig.embedded(stage))) {
                LOG.info("Copied the open metadata database at schema version {}", copy.schemaVersion());
                return attempt;
            } catch (RuntimeException e) {
                LOG.warn(
                        "The copy of the open metadata database does not open (attempt {}): {}", attempt, e.toString());
                last = e;
            }
        }
        throw new IOException("the metadata database of the running platform did not copy into a state that opens ("
                + ATTEMPTS + " attempts; last: " + (last == null ? "" : last.getMessage())
                + "); stop the platform and back up again");
    }

    private void copyFiles(Path meta, Path target) throws IOException {
        Files.createDirectories(target);
        for (Path staged : list(target)) {
            Files.delete(staged);
        }
        for (Path file : list(meta)) {
            String name = file.getFileName().toString();
            // The trace file is a log; the lock file belongs to the process holding the database.
            boolean skip = name.endsWith(".trace.db") || name.endsWith(".lock.db") || name.endsWith(".tmp");
            if (!skip && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                copier.copy(file, target.resolve(name));
            }
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
