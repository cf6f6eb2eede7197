package vn.lachan.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Names what was measured: the tree's commit (read with git, never changed) and the machine. Public for the
 * other harnesses' reports.
 */
public final class Commit {
    private Commit() {}

    /** Returns the short commit of the working folder's tree, {@code +dirty} when tracked files differ. */
    public static String describe() {
        String head = git(List.of("git", "rev-parse", "--short=12", "HEAD"));
        if (head.isEmpty()) {
            return "unknown";
        }
        String changes = git(List.of("git", "status", "--porcelain", "--untracked-files=no"));
        return changes.isEmpty() ? head : head + "+dirty";
    }

    /** Returns the CPU model, the cores this JVM sees and the Java version. */
    public static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException e) {
            // keep "unknown CPU"
        }
        return String.format(
                Locale.ROOT,
                "%s, %d cores, Java %s",
                cpu,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));
    }

    private static String git(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "";
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
