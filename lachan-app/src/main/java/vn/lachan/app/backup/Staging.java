package vn.lachan.app.backup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates and removes the staging folder of a backup: {@code DATA/run/backup-*}, on the data folder's
 * own file system so that files can be hard-linked, readable by the owner only, never itself backed up.
 */
final class Staging {
    private Staging() {}

    /** Creates a fresh staging folder under {@code DATA/run}. */
    static Path create(Path data) throws IOException {
        Path run = data.resolve("run");
        Files.createDirectories(run);
        if (run.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(
                    run, "backup-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(run, "backup-");
    }

    /** Removes the staging folder; a hard-linked file only loses its second name. */
    static void delete(Path stage) throws IOException {
        if (!Files.exists(stage)) {
            return;
        }
        Files.walkFileTree(stage, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
