package vn.lachan.ingest.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import vn.lachan.core.intake.RawRecord;

/** Builds raw records for the parser tests. */
final class Records {
    static final Instant RECEIVED = Instant.parse("2024-03-05T10:00:05Z");

    private Records() {}

    static RawRecord of(String format, String text) {
        return of(format, text.getBytes(StandardCharsets.UTF_8));
    }

    static RawRecord of(String format, byte[] payload) {
        return new RawRecord(RECEIVED, "syslog-udp", "10.1.2.3", format, "", payload);
    }

    /** Returns the record's problem message, failing when it has none. */
    static String problem(ParsedRecord parsed) {
        return Objects.requireNonNull(parsed.problem(), "the record has no problem")
                .message();
    }

    /** Returns the first {@code max} non-blank lines of the event files in an OTRF archive, in archive order. */
    static List<String> otrfLines(Path zip, int max) {
        List<String> out = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                if (entry.isDirectory() || entry.getName().contains("__MACOSX")) {
                    continue;
                }
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null && out.size() < max; line = in.readLine()) {
                        if (!line.isBlank()) {
                            out.add(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
        return out;
    }

    static RawRecord at(Instant received, String format, String text) {
        return new RawRecord(received, "syslog-udp", "10.1.2.3", format, "", text.getBytes(StandardCharsets.UTF_8));
    }
}
