package vn.lachan.bench.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Takes the first raw JSON lines of every OTRF archive, so that a sample covers every dataset. */
final class OtrfLines {
    private OtrfLines() {}

    static List<String> sample(Path otrf, int perArchive) {
        List<String> lines = new ArrayList<>();
        for (Path zip : archives(otrf)) {
            lines.addAll(firstLines(zip, perArchive));
        }
        return lines;
    }

    static List<Path> archives(Path otrf) {
        try (Stream<Path> files = Files.walk(otrf)) {
            return files.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the OTRF archives under " + otrf, e);
        }
    }

    private static List<String> firstLines(Path zip, int limit) {
        List<String> lines = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null && lines.size() < limit; entry = in.getNextEntry()) {
                if (isEvents(entry)) {
                    readLines(in, limit - lines.size(), lines);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OTRF archive " + zip, e);
        }
        return lines;
    }

    private static boolean isEvents(ZipEntry entry) {
        String name = entry.getName();
        return !entry.isDirectory() && !name.startsWith("__MACOSX/") && name.endsWith(".json");
    }

    // The reader is not closed: closing it would close the archive stream between entries.
    private static void readLines(ZipInputStream in, int limit, List<String> into) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int taken = 0;
        for (String line = reader.readLine(); line != null && taken < limit; line = reader.readLine()) {
            if (!line.isBlank()) {
                into.add(line);
                taken++;
            }
        }
    }
}
