package vn.lachan.bench.authz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the load averages from {@code /proc/loadavg}: the machine is shared, so every figure carries them. */
final class Load {
    private Load() {}

    /** Returns the 1-minute load average, or -1 where it cannot be read. */
    static double now() {
        String all = all();
        return all.isEmpty() ? -1 : Double.parseDouble(all.split(" ")[0]);
    }

    /** Returns the 1-, 5- and 15-minute load averages as {@code /proc/loadavg} writes them, or empty. */
    static String all() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .strip()
                    .split(" ");
            return parts.length < 3 ? "" : parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
