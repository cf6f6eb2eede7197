package vn.lachan.ingest.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Expands the paths given into the event files to read, folders recursively in sorted order. */
final class InputWalker {
    private final EventOutput out;

    InputWalker(EventOutput out) {
        this.out = out;
    }

    /** Returns the files to read; throws {@link UncheckedIOException} naming a path that cannot be read. */
    List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path, files);
            } else if (Files.isRegularFile(path) && Files.isReadable(path)) {
                files.add(path);
            } else {
                throw unreadable(
                        path, Files.exists(path) ? "it is not a readable file" : "there is no such file or folder");
            }
        }
        return files;
    }

    private void walk(Path folder, List<Path> files) {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = listing.sorted(Comparator.comparing(p -> String.valueOf(p.getFileName())))
                    .toList();
        } catch (IOException e) {
            throw unreadable(folder, "the folder cannot be listed (" + e.getMessage() + ")");
        }
        for (Path entry : entries) {
            String name = String.valueOf(entry.getFileName());
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                if (name.equals("__MACOSX")) {
                    out.skipped();
                } else {
                    walk(entry, files);
                }
            } else if (Format.byName(name) == null || Format.isClutter(name) || !Files.isRegularFile(entry)) {
                out.skipped();
            } else {
                files.add(entry);
            }
        }
    }

    static UncheckedIOException unreadable(Path path, String why) {
        return new UncheckedIOException(
                "cannot read " + path + ": " + why, new NoSuchFileException(path.toString(), null, why));
    }
}
