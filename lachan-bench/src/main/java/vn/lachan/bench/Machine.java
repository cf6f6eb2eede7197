package vn.lachan.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Describes the machine and JVM a measurement ran on.
 *
 * @param cpu the CPU model from {@code /proc/cpuinfo}, or "unknown"
 * @param cores processors available to this JVM
 * @param jvm the Java runtime's vendor, name and version
 * @param os the operating system's name, version and architecture
 * @param maxHeapMb the most heap the JVM may use
 * @param gc the garbage collectors in use
 */
record Machine(String cpu, int cores, String jvm, String os, long maxHeapMb, String gc) {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    static Machine current() {
        Runtime runtime = Runtime.getRuntime();
        String jvm = System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.vm.name", "?") + " "
                + Runtime.version();
        String os = System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?") + " "
                + System.getProperty("os.arch", "?");
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        return new Machine(cpuModel(), runtime.availableProcessors(), jvm, os, runtime.maxMemory() >> 20, gc);
    }

    /** Returns the one-minute load average from {@code /proc/loadavg}, or -1 where there is none. */
    static double loadAverage() {
        try {
            String text = Files.readString(LOAD_AVERAGE, StandardCharsets.UTF_8).trim();
            return Double.parseDouble(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(CPU_INFO, StandardCharsets.UTF_8);
            return lines.stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
