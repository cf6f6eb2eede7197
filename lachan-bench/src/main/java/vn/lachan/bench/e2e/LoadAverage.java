package vn.lachan.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the 1-minute load average from {@code /proc/loadavg}. */
final class LoadAverage {
    private LoadAverage() {}

    /** Returns the 1-minute load average, or -1 where {@code /proc/loadavg} cannot be read. */
    static double now() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .strip();
            return Double.parseDouble(text.split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
