package vn.lachan.bench.authz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the CPU time a process has used, user and system, from {@code /proc/PID/stat}: the server's whole cost of
 * a loop of calls, Jetty's parsing and writing included, which its request timer does not see.
 */
final class ProcessCpu {
    /** Linux's clock ticks per second, as {@code getconf CLK_TCK} says on every common kernel. */
    static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {}

    /** Returns the CPU time of process {@code pid} in nanoseconds, or -1 where it cannot be read. */
    static long nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            return parse(stat);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Returns user + system time of a {@code /proc/PID/stat} line in nanoseconds. */
    static long parse(String stat) {
        // the command name (field 2) may hold spaces and parentheses: count fields after its closing one
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }
}
