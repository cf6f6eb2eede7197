package vn.lachan.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server's unified GC log ({@code -Xlog:gc}): the heap in use before and after each collection,
 * which costs the server nothing to report.
 *
 * @param collections collections logged
 * @param fullCollections full (old-generation) collections among them
 * @param peakBeforeMib the most heap in use when a collection started (the heap's high-water mark)
 * @param peakAfterMib the most heap still in use after a collection (an upper bound of the live set)
 * @param lastAfterMib the heap in use after the last collection
 * @param committedMib the heap size the JVM had committed at the last collection
 * @param peakAfterFullMib the most heap still in use after a full collection: the live set then, where
 *     {@code peakAfterMib} also counts the garbage a young collection leaves in the old generation
 * @param longestPauseMs the longest collection pause
 */
record GcLog(
        long collections,
        long fullCollections,
        long peakBeforeMib,
        long peakAfterMib,
        long lastAfterMib,
        long committedMib,
        long peakAfterFullMib,
        double longestPauseMs) {
    private static final Pattern PAUSE =
            Pattern.compile("GC\\(\\d+\\) Pause (Young|Full)[^\\n]*? (\\d+)M->(\\d+)M\\((\\d+)M\\)(?: ([\\d.]+)ms)?");

    /** Reads the log at {@code file}; an absent or unreadable log gives zeros. */
    static GcLog read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new GcLog(0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    static GcLog parse(List<String> lines) {
        long count = 0;
        long full = 0;
        long before = 0;
        long after = 0;
        long last = 0;
        long committed = 0;
        long afterFull = 0;
        double pause = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) {
                continue;
            }
            count++;
            if (m.group(1).equals("Full")) {
                full++;
                afterFull = Math.max(afterFull, Long.parseLong(m.group(3)));
            }
            if (m.group(5) != null) {
                pause = Math.max(pause, Double.parseDouble(m.group(5)));
            }
            before = Math.max(before, Long.parseLong(m.group(2)));
            last = Long.parseLong(m.group(3));
            after = Math.max(after, last);
            committed = Long.parseLong(m.group(4));
        }
        return new GcLog(count, full, before, after, last, committed, afterFull, pause);
    }
}
