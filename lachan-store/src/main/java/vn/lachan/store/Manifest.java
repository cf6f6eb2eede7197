package vn.lachan.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;

/**
 * Seals a partition with the SHA-256 and size of each of its files and the hash of the previous
 * partition's manifest (a chain), and checks a partition against its manifest.
 */
final class Manifest {
    static final String FILE = "seal.json";
    static final String GENESIS = "0".repeat(64);
    private static final String LOCK = "write.lock";

    private Manifest() {}

    /** Writes the manifest of {@code dir} chained to {@code previous}; returns the manifest's hash. */
    static String seal(Path dir, String partition, long sequence, String previous) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partition", partition);
        json.put("sequence", sequence);
        json.put("previous", previous);
        json.put("files", describe(dir));
        Json.writeAtomically(dir.resolve(FILE), json);
        return hashOf(dir.resolve(FILE));
    }

    /** Returns each file under {@code dir} but the manifest: relative path → {size, sha256}. */
    static Map<String, Map<String, Object>> describe(Path dir) {
        Map<String, Map<String, Object>> files = new TreeMap<>();
        for (Path file : files(dir)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("size", size(file));
            entry.put("sha256", hashOf(file));
            files.put(relative(dir, file), entry);
        }
        return files;
    }

    /**
     * Compares the files under {@code dir} with its manifest; with {@code hash} false only names and
     * sizes (a quick check at start), else contents too.
     */
    static List<Problem> check(Path dir, boolean hash) {
        Path file = dir.resolve(FILE);
        Map<String, @Nullable Object> sealed = Json.map(Json.readMap(file).get("files"));
        List<Problem> findings = new ArrayList<>();
        Map<String, Path> present = new TreeMap<>();
        files(dir).forEach(p -> present.put(relative(dir, p), p));
        for (String name : sealed.keySet()) {
            if (isLock(Path.of(name))) {
                continue;
            }
            Map<String, @Nullable Object> expected = Json.map(sealed.get(name));
            Path actual = present.remove(name);
            if (actual == null) {
                findings.add(new Problem(dir.toString(), name, "file missing since the partition was sealed"));
            } else if (size(actual) != ((Number) Objects.requireNonNull(expected.get("size"))).longValue()
                    || (hash && !hashOf(actual).equals(expected.get("sha256")))) {
                findings.add(new Problem(dir.toString(), name, "file modified since the partition was sealed"));
            }
        }
        present.keySet()
                .forEach(name ->
                        findings.add(new Problem(dir.toString(), name, "file added since the partition was sealed")));
        return findings;
    }

    static Map<String, @Nullable Object> header(Path dir) {
        return Json.readMap(dir.resolve(FILE));
    }

    static String hashOf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.equals(dir.resolve(FILE)) && !isLock(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Returns whether the file is Lucene's lock file: empty, left behind by a closed writer, absent from a
     * copy or backup of a live folder; manifests sealed before it was left out still list it.
     */
    private static boolean isLock(Path file) {
        return file.getFileName().toString().equals(LOCK);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
