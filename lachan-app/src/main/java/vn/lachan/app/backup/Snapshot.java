package vn.lachan.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.lachan.core.problem.Problem;

/**
 * Stages a consistent copy of a data folder, safe while a platform writes to it, in an order that
 * keeps the stores' positions coherent: the journal's committed position first (so it claims no more
 * than the indexes hold), the journal's segments linked before the indexes (a trim cannot take them
 * away), the Lucene indexes at their newest commit, the journal's newer segments after them (so the
 * journal reaches past the indexes: no event id is handed out twice after a restore), then the
 * metadata database, the keys and the rest. The deletion log comes after the partitions, so a
 * partition deleted meanwhile is in one or the other. {@code run/} is never copied.
 *
 * <p>Not thread-safe; one instance per backup.
 */
final class Snapshot {
    private static final Pattern MASTER_KEY = Pattern.compile("master-v\\d{1,9}\\.key");
    private static final Set<String> FIRST = Set.of("journal", "events", "alerts", "meta", "keys", "run");
    private static final Set<String> LEFT_OUT = Set.of("journal.lock", "write.lock", "committed.tmp");

    private final Path data;
    private final Path stage;
    private final boolean live;
    private final boolean includeMasterKey;
    private final FileCopier copier = new FileCopier();
    private final List<Problem> skipped = new ArrayList<>();
    private int indexes;
    private int indexRetries;

    Snapshot(Path data, Path stage, boolean live, boolean includeMasterKey) {
        this.data = data;
        this.stage = stage;
        this.live = live;
        this.includeMasterKey = includeMasterKey;
    }

    /**
     * Stages the data folder into the (absent or empty) stage folder.
     *
     * @throws IOException when a file cannot be read, or the open metadata database never copied clean
     */
    SnapshotReport take() throws IOException {
        Files.createDirectories(stage);
        Path journal = data.resolve("journal");
        if (Files.isDirectory(journal, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(stage.resolve("journal"));
            copyIfPresent(journal.resolve("committed"), stage.resolve("journal/committed"));
            segments(journal);
        }
        tree(data.resolve("alerts"), stage.resolve("alerts"));
        events();
        if (Files.isDirectory(journal, LinkOption.NOFOLLOW_LINKS)) {
            segments(journal);
            rest(journal, stage.resolve("journal"));
        }
        int metaAttempts = new MetaCopy(data, stage, copier, live).copy();
        keys();
        rest(data, stage);
        return new SnapshotReport(
                live, copier.linked(), copier.copied(), indexes, indexRetries, metaAttempts, includeMasterKey, skipped);
    }

    /** Links every segment not yet staged; re-copies a staged copy (no link) of one that still grows. */
    private void segments(Path journal) throws IOException {
        for (Path segment : children(journal)) {
            String name = segment.getFileName().toString();
            if (!name.endsWith(".seg") || !Files.isRegularFile(segment, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path staged = stage.resolve("journal").resolve(name);
            try {
                if (!Files.exists(staged)) {
                    copier.linkOrCopy(segment, staged);
                } else if (!Files.isSameFile(segment, staged)) {
                    copier.copy(segment, staged);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // Trimmed since it was listed: everything in it is in the indexes already.
            }
        }
    }

    private void events() throws IOException {
        Path events = data.resolve("events");
        if (!Files.isDirectory(events, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path target = stage.resolve("events");
        Files.createDirectories(target);
        // The checkpoint and the seal chain's head first: they may then lag the partitions, never lead them.
        files(events, target);
        for (Path partition : children(events)) {
            if (Files.isDirectory(partition, LinkOption.NOFOLLOW_LINKS)) {
                tree(partition, target.resolve(partition.getFileName().toString()));
            }
        }
    }

    private void keys() throws IOException {
        Path keys = data.resolve("keys");
        if (!Files.isDirectory(keys, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path target = stage.resolve("keys");
        Files.createDirectories(target);
        for (Path key : children(keys)) {
            boolean master = MASTER_KEY.matcher(key.getFileName().toString()).matches();
            if (master && !includeMasterKey) {
                continue;
            }
            if (Files.isRegularFile(key, LinkOption.NOFOLLOW_LINKS)) {
                copier.copy(key, target.resolve(key.getFileName().toString()));
            } else {
                leaveOut(key);
            }
        }
        if (keys.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(keys));
        }
    }

    /** Copies what the ordered steps did not name: other top-level files and folders. */
    private void rest(Path source, Path target) throws IOException {
        for (Path child : children(source)) {
            String name = child.getFileName().toString();
            boolean handled =
                    source.equals(data) ? FIRST.contains(name) : name.endsWith(".seg") || name.equals("committed");
            if (!handled) {
                entry(child, target.resolve(name));
            }
        }
    }

    /** Copies a folder: a Lucene index at its newest commit, anything else file by file, folders first. */
    private void tree(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(target);
        if (IndexCopy.isIndex(source)) {
            indexRetries += IndexCopy.copy(source, target, copier) - 1;
            indexes++;
        }
        for (Path child : children(source)) {
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                tree(child, target.resolve(child.getFileName().toString()));
            }
        }
        files(source, target);
    }

    /** Copies the regular files of {@code source} (not its folders, not Lucene's own files when an index). */
    private void files(Path source, Path target) throws IOException {
        boolean index = IndexCopy.isIndex(source);
        for (Path child : children(source)) {
            String name = child.getFileName().toString();
            boolean lucene = index && (name.startsWith("_") || name.contains("segments"));
            if (!lucene && !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                entry(child, target.resolve(name));
            }
        }
    }

    private void entry(Path source, Path target) throws IOException {
        String name = source.getFileName().toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return; // a temporary file renamed away meanwhile
        }
        if (LEFT_OUT.contains(name) || name.endsWith(".tmp")) {
            return;
        }
        if (attributes.isDirectory()) {
            tree(source, target);
        } else if (attributes.isRegularFile()) {
            copyIfPresent(source, target);
        } else {
            leaveOut(source);
        }
    }

    private void copyIfPresent(Path source, Path target) throws IOException {
        try {
            copier.copy(source, target);
        } catch (java.nio.file.NoSuchFileException e) {
            if (!live) {
                throw e;
            }
        }
    }

    private void leaveOut(Path path) {
        String kind = Files.isSymbolicLink(path) ? "a symbolic link" : "not a regular file or folder";
        skipped.add(new Problem(path.toString(), "", kind + ": left out of the backup"));
    }

    private static List<Path> children(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.sorted().toList();
        }
    }
}
